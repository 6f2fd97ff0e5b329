import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive } from '../../db/open';
import { checkArchiveFile } from '../../services/check';
import { hoso, hosoSpawn } from '../helpers/runHoso';
import { makeBag } from '../helpers/makeBag';
import { tempDir } from '../helpers/tempArchive';

/**
 * The process killed in the middle of `hoso merge` (power cut, Task Manager): the merge is one SQLite
 * transaction, so the archive opens afterwards exactly as it was, passes `hoso check`, and the same
 * merge run again completes.
 */
let t: { dir: string; cleanup: () => void };
beforeAll(() => {
  t = tempDir('hoso-merge-kill-');
});
afterAll(() => t.cleanup());

const MEETINGS = 600;

describe('hoso merge killed mid-merge', () => {
  it('leaves the archive as it was, sound, and a second run merges everything', async () => {
    const source = join(t.dir, 'may-a', 'archive.sqlite');
    const target = join(t.dir, 'may-b', 'archive.sqlite');
    expect(hoso(['demo', '--meetings', String(MEETINGS), '--db', source]).code).toBe(0);
    const a = await openArchive({ file: source });
    const bag = await makeBag(a, join(t.dir, 'usb', 'goi'));
    a.close();
    (await openArchive({ file: target })).close();

    const child = hosoSpawn(['merge', bag, '--db', target]);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The transaction's pages reach the WAL as it runs (the cache spills long before the commit):
    // a megabyte there means the merge is well inside its transaction.
    const wal = `${target}-wal`;
    let killedMidway = false;
    while (child.exitCode === null) {
      if (existsSync(wal) && statSync(wal).size > 1024 * 1024) {
        child.kill('SIGKILL');
        killedMidway = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    await exited;
    expect(killedMidway).toBe(true);

    const afterKill = await openArchive({ file: target });
    expect(afterKill.sqlite.prepare('SELECT count(*) FROM meetings').pluck().get()).toBe(0);
    expect(afterKill.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
    afterKill.close();
    expect(checkArchiveFile(target)).toMatchObject({ ok: true });

    const again = hoso(['merge', bag, '--db', target, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ result: { meetings: { added: MEETINGS } } });
    expect(checkArchiveFile(target)).toMatchObject({ ok: true });
  }, 240_000);
});
