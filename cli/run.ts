import { parseArgs } from 'node:util';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive, type Archive } from '../db/open';
import { countMeetings } from '../db/meetings';
import { HosoError, isHosoError } from '../contract/errors';
import { existsSync } from 'node:fs';
import { resolveArchivePath } from '../services/paths';
import { checkArchiveFile } from '../services/check';
import { backupNow, startAutomaticBackups } from '../services/backups';
import { createContext } from '../services/context';
import { createHandlers } from '../services/handlers';
import { createDispatcher, diskErrorOf } from '../services/dispatch';
import { APP_VERSION } from '../services/version';
import { generateDemo } from '../services/demo';
import { searchMeetings } from '../db/search/search';
import { rebuildSearchIndex } from '../db/search/indexer';
import { abbreviationIndexFor } from '../db/search/abbreviations';
import { getSettings } from '../db/settings';
import { startWebHost } from '../webhost/server';
import { ensureRendererBuilt } from './rendererBuild';
import { openInSystemBrowser } from './openBrowser';
import { OPTIONS, positiveInt, UsageError, type Values } from './options';
import { COMMANDS } from './commands';
import type { CliIo, CommandEnv } from './commands/types';

export type { CliIo };

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `Hồ sơ Hội nghị — dòng lệnh (hoso)

Cách dùng: npm run --silent hoso -- <lệnh> [tuỳ chọn]

Lệnh:
  serve [--port N] [--open]     Mở giao diện qua trình duyệt trên máy này (127.0.0.1)
  check                         Kiểm tra toàn vẹn kho hồ sơ (mã thoát 0: tốt, 1: có lỗi)
  backup [--out THƯ_MỤC]        Sao lưu kho hồ sơ (có kiểm tra bản sao)
  search <câu tìm> [--limit N] [--sort date]
                                Tìm kiếm (không dấu, có dấu, "cụm từ", OR, -loại trừ, tiền tố*,
                                nguoi: loai: the: tu: den:)
  rebuild-index                 Dựng lại chỉ mục tìm kiếm từ dữ liệu
  demo --meetings N [--seed S] [--force]
                                Tạo kho dữ liệu mẫu để dùng thử hoặc đo hiệu năng
${Object.values(COMMANDS)
  .map((c) => c.usage)
  .join('\n')}
Tuỳ chọn chung:
  --db ĐƯỜNG_DẪN                Tệp kho hồ sơ (mặc định: kho của ứng dụng, hoặc biến HOSO_DB)
  --json                        In kết quả dạng JSON cho máy đọc
  --help                        Hướng dẫn này`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    }) as typeof parsed;
  } catch (e) {
    io.err(`Tuỳ chọn không hợp lệ: ${(e as Error).message}`);
    io.err('Xem: npm run --silent hoso -- --help');
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    io.out(USAGE);
    return command || values.help ? 0 : 2;
  }
  const file = resolve(resolveArchivePath(values.db));
  const emit = (human: string, machine: unknown) =>
    io.out(values.json ? JSON.stringify(machine, null, 2) : human);
  const fail = (error: { code: string; message: string }) => {
    if (values.json) io.out(JSON.stringify({ ok: false, error }, null, 2));
    io.err(error.message);
    return 2;
  };

  try {
    switch (command) {
      case 'check': {
        const report = checkArchiveFile(file);
        if (values.json) io.out(JSON.stringify(report, null, 2));
        else {
          io.out(`Kho hồ sơ: ${report.file}`);
          for (const note of report.notes) io.out(`  ${note}`);
          if (report.counts) {
            io.out(
              `  ${report.counts.meetings.toLocaleString('vi-VN')} cuộc họp, ${report.counts.people.toLocaleString('vi-VN')} người, ${report.counts.photos.toLocaleString('vi-VN')} ảnh, ${report.counts.auditEntries.toLocaleString('vi-VN')} mục nhật ký.`,
            );
          }
          if (report.ok) io.out('Kết quả: TỐT — không phát hiện lỗi.');
          else for (const p of report.problems) io.out(`LỖI: ${p}`);
        }
        return report.ok ? 0 : 1;
      }
      case 'backup':
        return await withArchive(file, async (archive) => {
          const result = await backupNow(archive, values.out ? resolve(values.out) : undefined);
          emit(`Đã sao lưu và kiểm tra: ${result.path} (${(result.bytes / 1024 / 1024).toFixed(1)} MB)`, {
            ok: true,
            ...result,
          });
          return 0;
        });
      case 'demo': {
        const meetings = positiveInt(values.meetings, 'meetings', 200, 1_000_000);
        const seed = positiveInt(values.seed, 'seed', 1);
        return await withArchive(
          file,
          async (archive) => {
            const existing = countMeetings(archive);
            if (existing > 0 && !values.force) {
              return fail({
                code: 'DEMO_NOT_EMPTY',
                message: `Kho ${file} đã có ${existing.toLocaleString('vi-VN')} cuộc họp. Dữ liệu mẫu chỉ tạo vào kho trống (dùng --db để chọn tệp khác, hoặc --force để vẫn thêm vào).`,
              });
            }
            let lastReport = 0;
            const summary = await generateDemo(archive, {
              meetings,
              seed,
              onProgress: (done, total) => {
                const now = Date.now();
                if (!values.json && (now - lastReport > 1000 || done === total)) {
                  lastReport = now;
                  io.err(`  … ${done.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')} cuộc họp`);
                }
              },
            });
            emit(
              `Đã tạo kho mẫu ${file}: ${summary.meetings.toLocaleString('vi-VN')} cuộc họp, ${summary.people.toLocaleString('vi-VN')} người, ${summary.conclusions.toLocaleString('vi-VN')} kết luận, ${summary.photos.toLocaleString('vi-VN')} ảnh (${(summary.ms / 1000).toFixed(1)} giây).`,
              { ok: true, file, ...summary },
            );
            return 0;
          },
          { create: true },
        );
      }
      case 'search': {
        const query = rest.join(' ');
        const limit = positiveInt(values.limit, 'limit', 20, 200);
        if (values.sort !== undefined && values.sort !== 'date' && values.sort !== 'relevance') {
          throw new UsageError('--sort nhận "relevance" (mặc định) hoặc "date".');
        }
        return await withArchive(file, async (archive) => {
          const r = searchMeetings(
            archive,
            {
              query,
              sort: values.sort === 'date' ? 'date' : 'relevance',
              offset: 0,
              limit: Math.max(limit, 1),
              year: null,
              kind: null,
              personId: null,
              tag: null,
            },
            abbreviationIndexFor(getSettings(archive).abbreviations),
          );
          if (values.json) {
            io.out(
              JSON.stringify(
                r.rows.map((h) => ({
                  id: h.id,
                  title: h.title,
                  date: h.date,
                  score: h.score,
                  snippet: h.snippet.html,
                })),
                null,
                2,
              ),
            );
          } else {
            if (r.message) io.out(r.message);
            for (const note of r.notes) io.err(note);
            if (!r.message)
              io.out(
                `${r.total.toLocaleString('vi-VN')} kết quả${r.total > r.rows.length ? ` (hiện ${r.rows.length})` : ''}:`,
              );
            for (const h of r.rows) {
              io.out(
                `\n${formatDate(h.date)}  ${h.title}\n  ${h.snippet.html
                  .replace(/<\/?mark>/g, '**')
                  .replace(/&lt;/g, '<')
                  .replace(/&gt;/g, '>')
                  .replace(/&quot;/g, '"')
                  .replace(/&amp;/g, '&')}`,
              );
            }
          }
          return 0;
        });
      }
      case 'rebuild-index':
        return await withArchive(file, async (archive) => {
          const r = rebuildSearchIndex(
            archive,
            (n) => !values.json && io.err(`  … ${n.toLocaleString('vi-VN')} cuộc họp`),
          );
          emit(
            `Đã dựng lại chỉ mục tìm kiếm: ${r.documents.toLocaleString('vi-VN')} cuộc họp trong ${(r.ms / 1000).toFixed(1)} giây.`,
            { ok: true, ...r },
          );
          return 0;
        });
      case 'serve': {
        const port = positiveInt(values.port, 'port', 0, 65535);
        const dir = ensureRendererBuilt(PROJECT_ROOT, io.err);
        return await withArchive(
          file,
          async (archive) => {
            const dispatch = createDispatcher(createHandlers(createContext(archive, 'web', APP_VERSION)));
            const host = await startWebHost({
              dispatch,
              rendererDir: dir,
              port,
              archiveDir: dirname(archive.file),
            });
            emit(
              `Hồ sơ Hội nghị đang chạy tại: ${host.launchUrl}\nKho hồ sơ: ${file}\nNhấn Ctrl+C để dừng.`,
              {
                ok: true,
                url: host.launchUrl,
                origin: host.origin,
                port: host.port,
                file,
              },
            );
            if (values.open && !openInSystemBrowser(host.launchUrl))
              io.err('Không mở được trình duyệt; hãy mở đường dẫn ở trên.');
            const stopBackups = startAutomaticBackups(archive, (e) =>
              io.err(`Sao lưu tự động không thành công: ${(e as Error).message}`),
            );
            await io.untilStopped();
            stopBackups();
            await host.close();
            return 0;
          },
          { create: true },
        );
      }
      default: {
        const extra = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
        if (extra) {
          const env: CommandEnv = {
            args: rest,
            values,
            file,
            io,
            emit,
            fail,
            withArchive: (body, options) => withArchive(file, body, options),
          };
          return await extra.run(env);
        }
        io.err(`Lệnh không tồn tại: ${command}${rest.length ? ' …' : ''}`);
        io.err(USAGE);
        return 2;
      }
    }
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
    return fail({ code: 'INTERNAL', message: `Lỗi không mong muốn: ${(e as Error).message}` });
  }
}

/** dd/mm/yyyy from YYYY-MM-DD; "(chưa có ngày)" when unknown. */
function formatDate(iso: string | null): string {
  if (!iso) return '(chưa có ngày)';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Opens the archive for a command. Only `serve` and `demo` may start a new archive; the others answer
 * "not found" rather than quietly creating an empty one at a mistyped path.
 */
async function withArchive(
  file: string,
  body: (archive: Archive) => Promise<number>,
  options: { create: boolean } = { create: false },
): Promise<number> {
  if (!options.create && !existsSync(file)) throw new HosoError('ARCHIVE_NOT_FOUND', `(${file})`);
  const archive = await openArchive({ file });
  try {
    return await body(archive);
  } finally {
    archive.close();
  }
}
