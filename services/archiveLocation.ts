import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  rmSync,
  writeFileSync,
  openSync,
  fsyncSync,
  closeSync,
} from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { HosoError } from '../contract/errors';
import { literal } from '../contract/messages/message';

/**
 * Where the archive lives when the clerk moved it from the app (Cài đặt → Nơi lưu kho): a small JSON file
 * in the app's data folder, read at every start by the desktop app, the web host and the CLI
 * (services/paths.ts). `--db` and HOSO_DB still win over it.
 */
export const LOCATION_FILE = 'location.json';
const MAX_LOCATION_BYTES = 64 * 1024;

export function locationFileIn(dataDir: string): string {
  return join(dataDir, LOCATION_FILE);
}

/**
 * The archive file the location file names, or null when there is none. A location file that cannot be
 * read, or that names a file not there (the stick is not plugged in), is ARCHIVE_LOCATION_MISSING: the
 * host tells the clerk and opens nothing, never a fresh empty archive in the default place (DESIGN §3).
 */
export function readArchiveLocation(configFile: string): string | null {
  if (!existsSync(configFile)) return null;
  let file: unknown;
  try {
    // hoso writes a path and a date (~200 bytes): anything far larger is not its file, and is not read.
    if (statSync(configFile).size > MAX_LOCATION_BYTES) throw new Error(`larger than ${MAX_LOCATION_BYTES} bytes`);
    file = (JSON.parse(readFileSync(configFile, 'utf8')) as { archiveFile?: unknown }).archiveFile;
  } catch (e) {
    throw new HosoError('ARCHIVE_LOCATION_MISSING', literal(configFile), { cause: e });
  }
  if (typeof file !== 'string' || !isAbsolute(file))
    throw new HosoError('ARCHIVE_LOCATION_MISSING', literal(configFile));
  if (!existsSync(file)) throw new HosoError('ARCHIVE_LOCATION_MISSING', literal(file));
  return file;
}

/** Records `archiveFile` for the next start: written beside, flushed, then renamed over (never half a file). */
export function writeArchiveLocation(configFile: string, archiveFile: string): void {
  const partial = `${configFile}.partial`;
  try {
    mkdirSync(dirname(configFile), { recursive: true });
    writeFileSync(
      partial,
      `${JSON.stringify({ archiveFile, movedAt: new Date().toISOString() }, null, 2)}\n`,
      'utf8',
    );
    const fd = openSync(partial, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, configFile);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}
