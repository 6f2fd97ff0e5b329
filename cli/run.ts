import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { isHosoError, toErrorPayload } from '../contract/errors';
import { resolveArchivePath } from '../services/paths';
import { diskErrorOf, fileErrorOf } from '../services/dispatch';
import { dashTermsAsPositionals, OPTIONS, UsageError, type Values } from './options';
import { COMMANDS } from './commands';
import { withSession } from './session';
import type { CliIo, CommandEnv } from './commands/types';

export type { CliIo };

const USAGE = `Hồ sơ Hội nghị — dòng lệnh (hoso)

Cách dùng: npm run --silent hoso -- <lệnh> [tuỳ chọn]

Lệnh:
${Object.values(COMMANDS)
  .map((c) => c.usage)
  .join('\n')}
Tuỳ chọn chung:
  --db ĐƯỜNG_DẪN                Tệp kho hồ sơ (mặc định: kho của ứng dụng, hoặc biến HOSO_DB)
  --json                        In kết quả dạng JSON cho máy đọc
  --help                        Hướng dẫn này`;

/**
 * `hoso <command> …`: parses the arguments, hands them to the command's module (cli/commands/) and
 * turns what it throws into the exit code: 2 for a usage error or a refusal (its Vietnamese message on
 * stderr, and as JSON with --json). Commands reach the archive through services/session.ts, the same
 * dispatcher as the desktop app and the web host (README.md, *Command line*).
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed: { values: Values; positionals: string[] };
  try {
    // `hoso search -hội`: a query's "-word" is a term, not an option (options.ts).
    const { args, restore } = dashTermsAsPositionals(argv);
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true }) as typeof parsed;
    parsed.positionals = parsed.positionals.map(restore);
  } catch (e) {
    io.err(`Tuỳ chọn không hợp lệ: ${(e as Error).message}`);
    io.err('Xem: npm run --silent hoso -- --help');
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command || command === 'help') {
    io.out(USAGE);
    return command || values.help ? 0 : 2;
  }
  const found = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!found) {
    io.err(`Lệnh không tồn tại: ${command}${args.length ? ' …' : ''}`);
    io.err(USAGE);
    return 2;
  }
  const fail = (error: { code: string; message: string }) => {
    if (values.json) io.out(JSON.stringify({ ok: false, error }, null, 2));
    io.err(error.message);
    return 2;
  };
  let file: string;
  try {
    file = resolve(resolveArchivePath(values.db));
  } catch (e) {
    // The archive was moved from the app to a place not there now (ARCHIVE_LOCATION_MISSING): said, nothing opened.
    if (isHosoError(e)) return fail(toErrorPayload(e));
    throw e;
  }
  const env: CommandEnv = {
    args,
    values,
    file,
    io,
    emit: (human, machine) => io.out(values.json ? JSON.stringify(machine, null, 2) : human),
    fail,
    withSession: (body, use) => withSession(file, body, use),
  };
  try {
    return await found.run(env);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return 2;
    }
    if (isHosoError(e)) return fail({ code: e.code, message: e.message });
    // A full disk or a read-only folder met by a command's own writes (an import, a demo) is the same
    // clear message the app gives, not "unexpected error".
    const disk = diskErrorOf(e);
    if (disk) return fail({ code: disk.code, message: disk.message });
    // A file or folder named on the command line that is not there (a typo, a stick pulled out).
    const missing = fileErrorOf(e, args.map((a) => resolve(a)));
    if (missing) return fail({ code: missing.code, message: missing.message });
    return fail({ code: 'INTERNAL', message: `Lỗi không mong muốn: ${(e as Error).message}` });
  }
}
