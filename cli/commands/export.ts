import { resolve } from 'node:path';
import { HosoError } from '../../contract/errors';
import { ExportSelection, passphraseWarning } from '../../contract/archiveContract';
import { exportArchive } from '../../services/archive/exportArchive';
import { readPassphraseFile } from '../../services/archive/encrypt';
import { resolveQuery } from '../../services/archive/selection';
import { ProblemsError, type ProgressSink } from '../../services/archive/jobs';
import { createContext } from '../../services/context';
import { APP_VERSION } from '../../services/version';
import { UsageError, type Values } from '../options';
import type { CliCommand, CliIo } from './types';

/** dd/mm/yyyy or YYYY-MM-DD on the command line → YYYY-MM-DD. */
export function cliDate(value: string | undefined, flag: string): string | null {
  if (value === undefined) return null;
  const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = vi ? `${vi[3]}-${vi[2]!.padStart(2, '0')}-${vi[1]!.padStart(2, '0')}` : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new UsageError(`--${flag} phải là ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd (nhận được: ${value}).`);
  return iso;
}

export async function passphraseFrom(values: Values, io: CliIo, required: boolean): Promise<string | null> {
  const file = values['passphrase-file'];
  if (file === undefined) {
    if (required) throw new UsageError('--encrypt cần --passphrase-file TỆP (dòng đầu của tệp là mật khẩu).');
    return null;
  }
  let passphrase: string;
  try {
    passphrase = await readPassphraseFile(resolve(file));
  } catch {
    throw new UsageError(`Không đọc được tệp mật khẩu ${file}.`);
  }
  if (!passphrase) throw new HosoError('PASSPHRASE_REQUIRED', '(dòng đầu của tệp mật khẩu đang trống)');
  const warning = passphraseWarning(passphrase);
  if (warning && required) io.err(`Cảnh báo: ${warning}`);
  return passphrase;
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

const PHASE: Record<string, string> = {
  preparing: 'Chuẩn bị bản chụp kho',
  writing: 'Ghi lên USB',
  encrypting: 'Mã hóa và ghi lên USB',
  verifying: 'Đọc lại và kiểm tra',
  finishing: 'Hoàn tất',
};

/** Progress lines on stderr, at most one a second (never with --json: stdout stays machine-readable). */
function cliProgress(io: CliIo, quiet: boolean): ProgressSink {
  let phase = '';
  let done = 0;
  let total = 0;
  let last = 0;
  const report = (force = false) => {
    const now = Date.now();
    if (quiet || (!force && now - last < 1000)) return;
    last = now;
    io.err(`  ${PHASE[phase] ?? phase}${total > 0 ? `: ${mb(done)} / ${mb(total)}` : ''}`);
  };
  return {
    phase: (p, bytesTotal) => {
      phase = p;
      done = 0;
      total = bytesTotal;
      report(true);
    },
    bytes: (n) => {
      done += n;
      report();
    },
    file: () => undefined,
  };
}

export const exportCommand: CliCommand = {
  usage: `  export --out THƯ_MỤC [--from NGÀY --to NGÀY] [--tag THẺ] [--encrypt --passphrase-file TỆP]
                                Xuất lưu trữ ra USB (túi BagIt, tự đọc lại và kiểm tra trước khi báo
                                an toàn để rút USB; hồ sơ Mật trở lên bắt buộc mã hóa)`,
  async run({ values, io, emit, fail, withArchive }) {
    if (!values.out) throw new UsageError('Thiếu --out THƯ_MỤC (thư mục trên USB để ghi bản lưu trữ).');
    const parsed = ExportSelection.safeParse({ from: cliDate(values.from, 'from'), to: cliDate(values.to, 'to'), tag: values.tag ?? null, ids: null });
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join(' '));
    const passphrase = values.encrypt ? await passphraseFrom(values, io, true) : null;
    if (!values.encrypt && values['passphrase-file'] !== undefined) throw new UsageError('--passphrase-file chỉ dùng cùng --encrypt.');
    return withArchive(async (archive) => {
      const controller = new AbortController();
      void io.untilStopped().then(() => controller.abort());
      try {
        const r = await exportArchive(
          archive,
          { dest: resolve(values.out!), selection: resolveQuery(archive, parsed.data), passphrase },
          { appVersion: APP_VERSION, actor: createContext(archive, 'direct', APP_VERSION).actor(), signal: controller.signal, progress: cliProgress(io, values.json) },
        );
        emit(
          [
            `Đã xuất ${r.meetings.toLocaleString('vi-VN')} cuộc họp, ${r.photos.toLocaleString('vi-VN')} ảnh${r.encrypted ? ' (đã mã hóa)' : ''}: ${r.path}`,
            `Đã đọc lại và kiểm tra ${r.payloadFiles.toLocaleString('vi-VN')} tệp (${mb(r.payloadBytes)}) trên USB: khớp hoàn toàn. An toàn để rút USB.`,
            ...r.warnings.map((w) => `Lưu ý: ${w}`),
          ].join('\n'),
          { ok: true, ...r },
        );
        return 0;
      } catch (e) {
        if (e instanceof ProblemsError) {
          for (const p of e.problems) io.err(`LỖI: ${p.message}`);
          if (values.json) io.out(JSON.stringify({ ok: false, error: { code: e.code, message: e.message }, problems: e.problems }, null, 2));
          else io.err(e.message);
          return 2;
        }
        if (e instanceof HosoError) return fail({ code: e.code, message: e.message });
        throw e;
      }
    });
  },
};
