import { resolve } from 'node:path';
import { ERROR_MESSAGES, HosoError } from '../../contract/errors';
import { translate, translateAll } from '../../contract/messages/translate';
import { issueMessages } from '../../contract/messages/zodIssues';
import { ExportSelection, passphraseWarning, type BagProblem, type JobStatus } from '../../contract/archiveContract';
import { msg } from '../../contract/messages/message';
import { readPassphraseFile } from '../../services/archive/encrypt';
import type { Progress } from '../../services/context';
import type { DirectClient } from '../../services/dispatch';
import { cliDate, UsageError, type Values } from '../options';
import type { CliCommand, CliIo } from './types';

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
  if (!passphrase) throw new HosoError('PASSPHRASE_REQUIRED', msg('passphrase.fileEmpty'));
  const warning = passphraseWarning(passphrase);
  if (warning && required) io.err(`Cảnh báo: ${translate('vi', warning)}`);
  return passphrase;
}

/** A bag's problems as the command line prints them (and as its --json has always listed them): in Vietnamese. */
export function problemLines(problems: readonly BagProblem[]): { kind: string; path: string | null; message: string }[] {
  return problems.map((p) => ({ ...p, message: translate('vi', p.message) }));
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
function cliProgress(io: CliIo, quiet: boolean): (p: Progress) => void {
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
  return (p) => {
    if ('phase' in p) {
      phase = p.phase;
      done = 0;
      total = p.bytesTotal;
      report(true);
    } else if ('bytes' in p) {
      done += p.bytes;
      report();
    }
  };
}

const POLL_MS = 100;

/**
 * Follows a job (`archive/export`, `archive/verify`) the way the screen does, through `jobs/status`,
 * until it ends; Ctrl+C cancels it through `jobs/cancel`. Progress arrives as it happens, not by polling.
 */
async function settledJob(call: DirectClient, io: CliIo, jobId: string): Promise<JobStatus> {
  let stopping = false;
  void io.untilStopped().then(() => {
    stopping = true;
    return call('jobs/cancel', { jobId }).catch(() => undefined);
  });
  for (;;) {
    const status = await call('jobs/status', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, stopping ? POLL_MS / 4 : POLL_MS));
  }
}

export const exportCommand: CliCommand = {
  usage: `  export --out THƯ_MỤC [--from NGÀY --to NGÀY] [--tag THẺ] [--encrypt --passphrase-file TỆP]
                                Xuất lưu trữ ra USB (túi BagIt, tự đọc lại và kiểm tra trước khi báo
                                an toàn để rút USB; hồ sơ Mật trở lên bắt buộc mã hóa)`,
  async run({ values, io, emit, fail, withSession }) {
    if (!values.out) throw new UsageError('Thiếu --out THƯ_MỤC (thư mục trên USB để ghi bản lưu trữ).');
    const parsed = ExportSelection.safeParse({ from: cliDate(values.from, 'from'), to: cliDate(values.to, 'to'), tag: values.tag ?? null, ids: null });
    if (!parsed.success) throw new UsageError(translateAll('vi', issueMessages(parsed.error.issues)));
    const passphrase = values.encrypt ? await passphraseFrom(values, io, true) : null;
    if (!values.encrypt && values['passphrase-file'] !== undefined) throw new UsageError('--passphrase-file chỉ dùng cùng --encrypt.');
    return withSession(
      async ({ call }) => {
        const { jobId } = await call('archive/export', { dest: resolve(values.out!), selection: parsed.data, passphrase });
        const job = await settledJob(call, io, jobId);
        const r = job.exportResult;
        const warnings = r?.warnings.map((w) => translate('vi', w)) ?? [];
        if (!r) {
          const error = job.error ?? { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL.vi, problems: [] };
          // A read-back mismatch names each file: one line each, and the list with --json.
          if (error.problems.length === 0) return fail({ code: error.code, message: error.message });
          const problems = problemLines(error.problems);
          for (const p of problems) io.err(`LỖI: ${p.message}`);
          if (values.json) io.out(JSON.stringify({ ok: false, error: { code: error.code, message: error.message }, problems }, null, 2));
          else io.err(error.message);
          return 2;
        }
        emit(
          [
            `Đã xuất ${r.meetings.toLocaleString('vi-VN')} cuộc họp, ${r.photos.toLocaleString('vi-VN')} ảnh${r.encrypted ? ' (đã mã hóa)' : ''}: ${r.path}`,
            `Đã đọc lại và kiểm tra ${r.payloadFiles.toLocaleString('vi-VN')} tệp (${mb(r.payloadBytes)}) trên USB: khớp hoàn toàn. An toàn để rút USB.`,
            ...warnings.map((w) => `Lưu ý: ${w}`),
          ].join('\n'),
          { ok: true, ...r, warnings },
        );
        return 0;
      },
      { onProgress: cliProgress(io, values.json) },
    );
  },
};
