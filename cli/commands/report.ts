import { extname, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher, directClient } from '../../services/dispatch';
import { silentLogger } from '../../services/log';
import { APP_VERSION } from '../../services/version';
import { writeFileAtomic } from '../../services/photoFiles';
import { HosoError } from '../../contract/errors';
import { REPORT_KINDS, type ReportRequestInput } from '../../contract/reportContract';
import { UsageError } from '../options';
import type { CliCommand } from './types';

/**
 * `hoso report <conclusion|minutes|attendance|photos|period|secret-log> [ID | --from D --to D] --out FILE.(pdf|html|docx)`
 * The same documents as the app's Báo cáo screen, through the same channels (reports/html, /pdf, /docx),
 * so a secret meeting printed here is written to the audit log like one printed in the app.
 */

const FORMATS = { '.pdf': 'reports/pdf', '.docx': 'reports/docx', '.html': 'reports/html', '.htm': 'reports/html' } as const;

/** YYYY-MM-DD from what a clerk types: 2024-05-26, 26/05/2024 or 26/5/2024. */
export function cliDate(value: string | undefined, flag: string): string | null {
  if (value === undefined) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (iso) return value.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (vn) return `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}`;
  throw new UsageError(`--${flag} phải là ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd (nhận được: ${value}).`);
}

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
    return env.withArchive(async (archive) => {
      const call = directClient(createDispatcher(createHandlers(createContext(archive, 'direct', APP_VERSION)), silentLogger));
      const started = Date.now();
      let bytes: Buffer;
      if (channel === 'reports/html') bytes = Buffer.from((await call('reports/html', request)).html, 'utf8');
      else bytes = Buffer.from((await call(channel, request)).base64, 'base64');
      try {
        writeFileAtomic(out, bytes);
      } catch (e) {
        throw new HosoError('REPORT_OUTPUT_FAILED', `(${out}: ${(e as Error).message})`, { cause: e });
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
    });
  },
};
