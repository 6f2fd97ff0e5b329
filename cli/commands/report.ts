import { extname, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { writeFileAtomic } from '../../services/photoFiles';
import { HosoError } from '../../contract/errors';
import { literal } from '../../contract/messages/message';
import { REPORT_KINDS, type ReportRequestInput } from '../../contract/reportContract';
import { cliDate, UsageError } from '../options';
import type { CliCommand } from './types';

// Kept importable from here, where the report command's tests have always found it.
export { cliDate };

/**
 * `hoso report <conclusion|minutes|attendance|photos|period|secret-log> [ID | --from D --to D] --out FILE.(pdf|html|docx)`
 * The same documents as the app's Báo cáo screen, through the same channels (reports/html, /pdf, /docx),
 * so a secret meeting printed here is written to the audit log like one printed in the app. PDFs are
 * rendered by the PC's Chromium (cli/chromiumPdf.ts), the CLI's own capability.
 */

const FORMATS = { '.pdf': 'reports/pdf', '.docx': 'reports/docx', '.html': 'reports/html', '.htm': 'reports/html' } as const;

function oneOf<T extends string>(value: string | undefined, flag: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${flag} nhận ${allowed.map((a) => `"${a}"`).join(', ')} (nhận được: ${value}).`);
  return value as T;
}

export const reportCommand: CliCommand = {
  usage: `  report <conclusion|minutes|attendance|photos|period|secret-log> [MÃ_CUỘC_HỌP | --from NGÀY --to NGÀY] --out TỆP.(pdf|html|docx)
        [--variant state|party] [--order protocol|name] [--per-page 2|4|6] [--group-by month|kind]
                                In thông báo kết luận, biên bản, danh sách đại biểu, ảnh hoạt động,
                                báo cáo tổng hợp hoặc sổ theo dõi in, xuất tài liệu mật (secret-log)
                                theo thể thức văn bản hành chính`,
  async run(env) {
    const [kind, meetingId, ...extra] = env.args;
    if (!kind || !(REPORT_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`Hãy chọn loại văn bản: ${REPORT_KINDS.join(', ')}.`);
    }
    if (extra.length) throw new UsageError(`Thừa tham số: ${extra.join(' ')}`);
    if (!env.values.out) throw new UsageError('Hãy chỉ định tệp kết quả: --out TỆP.pdf (hoặc .html, .docx).');
    const out = resolve(env.values.out);
    const channel = FORMATS[extname(out).toLowerCase() as keyof typeof FORMATS];
    if (!channel) throw new UsageError(`Tệp kết quả phải có đuôi .pdf, .html hoặc .docx (nhận được: ${env.values.out}).`);
    const perPage = env.values['per-page'];
    const request: ReportRequestInput = {
      kind: kind as ReportRequestInput['kind'],
      meetingId: meetingId ?? null,
      from: cliDate(env.values.from, 'from'),
      to: cliDate(env.values.to, 'to'),
      variant: oneOf(env.values.variant, 'variant', ['state', 'party'] as const) ?? null,
      order: oneOf(env.values.order, 'order', ['protocol', 'name'] as const),
      perPage: perPage === undefined ? undefined : (Number(oneOf(perPage, 'per-page', ['2', '4', '6'] as const)) as 2 | 4 | 6),
      groupBy: oneOf(env.values['group-by'], 'group-by', ['month', 'kind'] as const),
    };
    return env.withSession(async ({ call }) => {
      const started = Date.now();
      let bytes: Buffer;
      if (channel === 'reports/html') bytes = Buffer.from((await call('reports/html', request)).html, 'utf8');
      else bytes = Buffer.from((await call(channel, request)).base64, 'base64');
      try {
        writeFileAtomic(out, bytes);
      } catch (e) {
        throw new HosoError('REPORT_OUTPUT_FAILED', literal(`${out}: ${(e as Error).message}`), { cause: e });
      }
      const size = statSync(out).size;
      env.emit(`Đã lưu ${out} (${(size / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 0 })} KB).`, {
        ok: true,
        kind,
        file: out,
        bytes: size,
        ms: Date.now() - started,
      });
      return 0;
    }, { warmPdf: channel === 'reports/pdf' });
  },
};
