import { stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { HosoError } from '../../contract/errors';
import { literal, msg } from '../../contract/messages/message';
import { errnoCode } from './bagVerify';
import { FileTooLargeError } from './bagWriter';
import { sizeOf } from '../messageParts';
import { maxFileBytesFor, nodeDestFs, type DestFs } from './destFs';

/**
 * The export's destination (a USB stick's folder): whether it can take the bag, a name free on it, and
 * what a failure while writing there means for the clerk.
 */

/** Free space and file system of a destination folder, or why it cannot be used. */
export async function inspectDestination(
  dest: string,
  fs: DestFs = nodeDestFs,
): Promise<{ freeBytes: number; maxFileBytes: number } | { problem: HosoError }> {
  // A relative path would be relative to wherever the app happens to run: never what the clerk meant.
  if (!isAbsolute(dest))
    return { problem: new HosoError('EXPORT_DEST_INVALID', msg('export.destRelative', { dest })) };
  try {
    const st = await stat(dest);
    if (!st.isDirectory())
      return { problem: new HosoError('EXPORT_DEST_INVALID', msg('export.destNotFolder', { dest })) };
    const s = await fs.statfs(dest);
    return { freeBytes: s.bavail * s.bsize, maxFileBytes: maxFileBytesFor(s) };
  } catch (e) {
    return { problem: new HosoError('EXPORT_DEST_INVALID', msg('export.destError', { dest, code: errnoCode(e) })) };
  }
}

/** Maps what the stick did to the clerk's message; the original error stays as the cause for the log. */
export function exportError(e: unknown, signal?: AbortSignal): unknown {
  if (e instanceof HosoError) return e;
  if (signal?.aborted || (e instanceof Error && e.name === 'AbortError'))
    return new HosoError('EXPORT_CANCELLED', undefined, { cause: e });
  if (e instanceof FileTooLargeError)
    return new HosoError('EXPORT_FILE_TOO_LARGE', msg('export.fileTooLarge', { path: e.path, size: sizeOf(e.size) }), {
      cause: e,
    });
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'))
    return new HosoError('EXPORT_SOURCE_DAMAGED', literal(code), { cause: e });
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new HosoError('EXPORT_DEST_FULL', undefined, { cause: e });
    case 'EFBIG':
      return new HosoError('EXPORT_FILE_TOO_LARGE', undefined, { cause: e });
    case 'EIO':
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
    case 'ESTALE':
    case 'ENOTCONN':
      return new HosoError('EXPORT_DEST_GONE', literal(code), { cause: e });
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return new HosoError('EXPORT_DEST_INVALID', literal(code), { cause: e });
    default:
      return e;
  }
}

/** A bag name not taken on the stick (nor by a partial bag): `base`, else `base-2`, `base-3`… */
export async function freeName(fs: DestFs, dest: string, base: string, encrypted: boolean): Promise<string> {
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}-${i}`;
    const final = join(dest, encrypted ? `${name}.tar.age` : name);
    if (!(await fs.exists(final)) && !(await fs.exists(`${final}.partial`))) return name;
  }
}

