import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive, type Archive } from '../../db/open';

/** A fresh folder under the OS temp dir, removed by the returned cleanup. */
export function tempDir(prefix = 'hoso-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real archive.sqlite in a temp folder. */
export async function tempArchive(): Promise<{ archive: Archive; dir: string; cleanup: () => void }> {
  const { dir, cleanup } = tempDir();
  const archive = await openArchive({ file: join(dir, 'archive.sqlite') });
  return {
    archive,
    dir,
    cleanup: () => {
      archive.close();
      cleanup();
    },
  };
}
