import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Archive } from '../../db/open';
import { openArchive } from '../../db/open';
import { backupNow } from '../../services/backups';
import { tempDir } from '../helpers/tempArchive';

// The desktop app in a development run opens the archive with Electron's build of better-sqlite3;
// every second connection (backup check, export snapshot) must use that same build.
const NODE_BINDING = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

let dir: { dir: string; cleanup: () => void };
let archive: Archive;
beforeEach(async () => {
  dir = tempDir();
  archive = await openArchive({ file: join(dir.dir, 'archive.sqlite'), nativeBinding: NODE_BINDING });
});
afterEach(() => {
  archive.close();
  dir.cleanup();
});

describe('the native SQLite build an archive was opened with', () => {
  it('is kept on the archive', () => {
    expect(archive.nativeBinding).toBe(NODE_BINDING);
  });

  it('is the one the backup check opens its second connection with', async () => {
    await expect(backupNow(archive, join(dir.dir, 'backups'))).resolves.toMatchObject({ path: expect.stringContaining('backups') });
    // A build that cannot be loaded makes the check fail: proof that it is the one used.
    const elsewhere: Archive = { ...archive, nativeBinding: join(dir.dir, 'no-such-better_sqlite3.node') };
    await expect(backupNow(elsewhere, join(dir.dir, 'backups2'))).rejects.toThrow();
  });
});
