import { execFile } from 'node:child_process';
import { promises as fsp, type StatsFs } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Every file-system call the exporter makes on the destination (the USB stick) goes through this
 * interface, so tests can make the stick fill up (ENOSPC), disappear (EIO/ENOENT) or lie about its
 * file system (FAT32) at any chosen point without a real device. The default is plain node:fs.
 */
export interface DestFile {
  write(chunk: Uint8Array): Promise<void>;
  /** fsync: the bytes are on the stick, not only in the OS cache. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface DestFs {
  mkdir(path: string): Promise<void>;
  /** Creates a new file; fails if it exists. */
  create(path: string): Promise<DestFile>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file or folder tree; no error if it does not exist. */
  remove(path: string): Promise<void>;
  /** fsync of a file written and closed earlier (opened for writing: Windows flushes only such handles). */
  syncFile(path: string): Promise<void>;
  /**
   * Makes every file of `files` (relative to `root`) durable. On Linux one `syncfs` of the destination's
   * file system (`sync -f`) does it for thousands of files at once; elsewhere, or if that fails, each
   * file is fsynced.
   */
  syncFiles(root: string, files: readonly string[], signal?: AbortSignal): Promise<void>;
  /** fsync of a folder, so that the names created in it (and renames) survive a pulled stick. */
  syncDir(path: string): Promise<void>;
  statfs(path: string): Promise<StatsFs>;
  exists(path: string): Promise<boolean>;
}

export const nodeDestFs: DestFs = {
  mkdir: async (path) => {
    await fsp.mkdir(path, { recursive: true });
  },
  create: async (path) => {
    const handle = await fsp.open(path, 'wx');
    return {
      write: async (chunk) => {
        let off = 0;
        while (off < chunk.length) {
          const { bytesWritten } = await handle.write(chunk, off, chunk.length - off);
          off += bytesWritten;
        }
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  syncFile: async (path) => {
    const handle = await fsp.open(path, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  syncFiles: async (root, files, signal) => {
    if (process.platform === 'linux') {
      try {
        await promisify(execFile)('sync', ['-f', root], { signal });
        return;
      } catch (e) {
        if (signal?.aborted) throw e;
        // No coreutils `sync` (or it failed): file by file below.
      }
    }
    for (const f of files) {
      signal?.throwIfAborted();
      await nodeDestFs.syncFile(join(root, f));
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  remove: (path) => fsp.rm(path, { recursive: true, force: true }),
  syncDir: async (path) => {
    let handle: fsp.FileHandle | undefined;
    try {
      handle = await fsp.open(path, 'r');
      await handle.sync();
    } catch (e) {
      // Windows cannot open a folder for fsync (EISDIR/EPERM); its file systems journal the names.
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EACCES') throw e;
    } finally {
      await handle?.close();
    }
  },
  statfs: (path) => fsp.statfs(path),
  exists: async (path) => {
    try {
      await fsp.lstat(path);
      return true;
    } catch {
      return false;
    }
  },
};

/** statfs `type` values of FAT file systems on Linux (MSDOS_SUPER_MAGIC); exFAT has no 4 GiB limit. */
const FAT_MAGIC = new Set([0x4d44]);
export const FAT32_MAX_FILE_BYTES = 4 * 1024 ** 3 - 1;

/** The largest file the destination can hold: 4 GiB − 1 on FAT32, otherwise unlimited. */
export function maxFileBytesFor(stats: StatsFs): number {
  return FAT_MAGIC.has(stats.type) ? FAT32_MAX_FILE_BYTES : Number.POSITIVE_INFINITY;
}
