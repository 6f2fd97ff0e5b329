import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../../db/open';
import { openSession } from '../../services/session';
import { previewMerge } from '../../services/archive/mergeApply';
import { hoso, hosoSpawn } from '../helpers/runHoso';
import { tempDir } from '../helpers/tempArchive';
import { bootSecond } from '../../services/processAlive';

/**
 * Issue 19: an encrypted bag is decrypted for the merge, Mật records included. The plain copy goes into a
 * private folder beside the archive (`merge-tmp/hoso-merge-<pid>-b<boot>-<random>`, readable by its owner only),
 * never the system temp folder; it is removed on every way out, and a killed merge's copy is swept when
 * the next session opens or the next merge starts.
 */
let t: { dir: string; cleanup: () => void };
let bag: string;
let passFile: string;
beforeAll(() => {
  t = tempDir('hoso-merge-temp-');
  const source = join(t.dir, 'may-a', 'archive.sqlite');
  expect(hoso(['demo', '--meetings', '120', '--db', source]).code).toBe(0);
  passFile = join(t.dir, 'mk.txt');
  writeFileSync(passFile, 'một câu mật khẩu đủ dài cho kiểm thử\n');
  const usb = join(t.dir, 'usb');
  mkdirSync(usb);
  const r = hoso(['export', '--out', usb, '--encrypt', '--passphrase-file', passFile, '--db', source]);
  expect(r.code, r.stderr).toBe(0);
  bag = join(usb, readdirSync(usb).find((f) => f.endsWith('.tar.age'))!);
}, 120_000);
afterAll(() => t.cleanup());

/** The decrypted bags beside an archive in `dir`: `merge-tmp/hoso-merge-<pid>-b<boot>-…` (services/archive/workDir.ts). */
const workRoot = (dir: string) => join(dir, 'merge-tmp');
const leftovers = (dir: string) =>
  existsSync(workRoot(dir)) ? readdirSync(workRoot(dir)).filter((f) => f.startsWith('hoso-merge-')) : [];
// A merge's own folders only (`hoso-merge-<pid>-…`), not another test's temp folder such as mergeKill's `hoso-merge-kill-…`.
const systemTemp = () => readdirSync(tmpdir()).filter((f) => /^hoso-merge-\d+-/.test(f));

describe('the decrypted copy of an encrypted bag', () => {
  it('is beside the archive, not in the system temp folder; a killed merge’s copy is swept when a session opens', async () => {
    const targetDir = join(t.dir, 'may-b');
    const target = join(targetDir, 'archive.sqlite');
    (await openArchive({ file: target })).close();
    const tempBefore = new Set(systemTemp());

    const child = hosoSpawn(['merge', bag, '--passphrase-file', passFile, '--db', target]);
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let killedMidway = false;
    while (child.exitCode === null) {
      const [work] = leftovers(targetDir);
      // Once files are being written into it, the merge is decrypting: kill it there.
      if (work && readdirSync(join(workRoot(targetDir), work), { recursive: true }).length > 5) {
        // Readable by its owner only, whatever the archive's folder allows.
        if (process.platform !== 'win32') expect(statSync(join(workRoot(targetDir), work)).mode & 0o777).toBe(0o700);
        child.kill('SIGKILL');
        killedMidway = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await exited;
    expect(killedMidway).toBe(true);
    expect(systemTemp().filter((f) => !tempBefore.has(f))).toEqual([]);
    // The killed process could not clean up: the decrypted bag is still there…
    expect(leftovers(targetDir)).toHaveLength(1);

    // …until the next session opens on this archive.
    const session = await openSession(target, 'direct');
    try {
      expect(leftovers(targetDir)).toEqual([]);
    } finally {
      session.close();
    }
  }, 90_000);

  it('the next merge sweeps a dead process’s folder (and leaves a live one), and removes its own on success and on error', async () => {
    const dir = join(t.dir, 'may-c');
    const archive = await openArchive({ file: join(dir, 'archive.sqlite') });
    try {
      const deadPid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
      const dead = join(workRoot(dir), `hoso-merge-${deadPid}-0123abcd`);
      mkdirSync(join(dead, 'goi', 'data'), { recursive: true });
      writeFileSync(join(dead, 'goi', 'data', 'mat.json'), '{"secrecy":"mat"}');
      // A folder of a merge running in another process (this test's parent, alive) is not touched.
      const live = join(workRoot(dir), `hoso-merge-${process.ppid}-0123abcd`);
      mkdirSync(live);
      const liveNow = join(workRoot(dir), `hoso-merge-${process.ppid}-b${bootSecond()}-4567cdef`);
      mkdirSync(liveNow);
      // Left before a power cut: the pid now belongs to another program (here: this test's parent),
      // but the folder names an earlier boot, so nothing can still be working in it.
      const beforeReboot = join(workRoot(dir), `hoso-merge-${process.ppid}-b${bootSecond() - 3 * 86_400}-89abcdef`);
      mkdirSync(join(beforeReboot, 'goi'), { recursive: true });

      const plan = await previewMerge(archive, bag, 'một câu mật khẩu đủ dài cho kiểm thử');
      expect(plan.counts.meetings.new).toBe(120);
      expect(existsSync(dead)).toBe(false);
      expect(existsSync(beforeReboot)).toBe(false);
      const kept = [`hoso-merge-${process.ppid}-0123abcd`, `hoso-merge-${process.ppid}-b${bootSecond()}-4567cdef`].sort();
      expect(leftovers(dir).sort()).toEqual(kept);

      await expect(previewMerge(archive, bag, 'sai mật khẩu rồi')).rejects.toMatchObject({ code: 'PASSPHRASE_WRONG' });
      expect(leftovers(dir).sort()).toEqual(kept);
    } finally {
      archive.close();
    }
  }, 60_000);
});
