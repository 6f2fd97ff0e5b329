import { translate } from '../../contract/messages/translate';
import { positiveInt, UsageError, vnDate } from '../options';
import type { CliCommand } from './types';

/** The snippet's HTML as terminal text: hits in **…**, entities decoded. */
function snippetText(html: string): string {
  return html
    .replace(/<\/?mark>/g, '**')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** `hoso search <query> [--limit N] [--sort date]`: the app's search (`search/query`). */
export const searchCommand: CliCommand = {
  usage: `  search <câu tìm> [--limit N] [--sort date]
                                Tìm kiếm (không dấu, có dấu, "cụm từ", OR, -loại trừ, tiền tố*,
                                nguoi: loai: the: tu: den:)`,
  async run({ args, values, io, withSession }) {
    const limit = positiveInt(values.limit, 'limit', 20, 200);
    if (values.sort !== undefined && values.sort !== 'date' && values.sort !== 'relevance') {
      throw new UsageError('--sort nhận "relevance" (mặc định) hoặc "date".');
    }
    return withSession(async (session) => {
      const r = await session.call('search/query', {
        query: args.join(' '),
        sort: values.sort === 'date' ? 'date' : 'relevance',
        offset: 0,
        limit: Math.max(limit, 1),
      });
      if (values.json) {
        const rows = r.rows.map((h) => ({ id: h.id, title: h.title, date: h.date, score: h.score, snippet: h.snippet.html }));
        io.out(JSON.stringify(rows, null, 2));
        return 0;
      }
      if (r.message) io.out(translate('vi', r.message));
      for (const note of r.notes) io.err(translate('vi', note));
      if (!r.message) io.out(`${r.total.toLocaleString('vi-VN')} kết quả${r.total > r.rows.length ? ` (hiện ${r.rows.length})` : ''}:`);
      for (const h of r.rows) io.out(`\n${vnDate(h.date)}  ${h.title}\n  ${snippetText(h.snippet.html)}`);
      return 0;
    });
  },
};
