import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Archive } from '../../db/open';

/**
 * Real ways for the archive's disk to run out of space, for the disk-full tests. Each is a folder to
 * put an archive in, `fill()` that leaves it no room, and `free()` that gives the room back.
 *
 * - `tmpfs`: a small tmpfs mounted on the folder (needs root and mount rights: true on the build
 *   machine, maybe not in every container). A filler file takes every free byte, so SQLite's writes
 *   fail with ENOSPC, which it reports as SQLITE_FULL, exactly as on a full hard disk.
 * - `page limit`: SQLite's `PRAGMA max_page_count` on the archive's own connection: the same
 *   SQLITE_FULL from the same place in SQLite, with no privilege needed. Always available.
 */
export interface SmallDisk {
  name: string;
  dir: string;
  fill(archive: Archive): void;
  free(archive: Archive): void;
  cleanup(): void;
}

const DEFAULT_MAX_PAGES = 4294967294;
/** The page-limit disk's filler of free pages, dropped by free(). */
const FILLER = 'test_disk_filler';

export function pageLimitDisk(dir: string): SmallDisk {
  return {
    name: 'page limit (PRAGMA max_page_count)',
    dir,
    fill: (archive) => {
      const pages = archive.sqlite.pragma('page_count', { simple: true }) as number;
      archive.sqlite.pragma(`max_page_count = ${pages}`);
      // A full disk has no room anywhere: the file's free pages (left by earlier deletes) are taken too,
      // or a small write would still fit in them.
      archive.sqlite.exec(`CREATE TABLE IF NOT EXISTS ${FILLER} (b BLOB)`);
      const take = archive.sqlite.prepare(`INSERT INTO ${FILLER} (b) VALUES (zeroblob(?))`);
      for (const size of [65536, 4096, 512, 64]) {
        try {
          for (;;) take.run(size);
        } catch (e) {
          if ((e as { code?: string }).code !== 'SQLITE_FULL') throw e;
        }
      }
    },
    free: (archive) => {
      archive.sqlite.pragma(`max_page_count = ${DEFAULT_MAX_PAGES}`);
      archive.sqlite.exec(`DROP TABLE IF EXISTS ${FILLER}`);
    },
    cleanup: () => {},
  };
}

/** A tmpfs of `megabytes` mounted on `dir`, or null when this machine does not allow mounting. */
export function tmpfsDisk(dir: string, megabytes: number): SmallDisk | null {
  mkdirSync(dir, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], {
    encoding: 'utf8',
  });
  if (mounted.status !== 0) return null;
  const filler = join(dir, 'filler.bin');
  return {
    name: `tmpfs of ${megabytes} MB (mount)`,
    dir,
    fill: () => {
      const fd = openSync(filler, 'a');
      try {
        // Big chunks first, then ever smaller ones: at the end not one more byte fits.
        for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 9, 1]) {
          const chunk = Buffer.alloc(size, 0x55);
          for (;;) {
            try {
              writeSync(fd, chunk);
            } catch (e) {
              if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
              break;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    cleanup: () => {
      spawnSync('umount', ['-l', dir]);
    },
  };
}
