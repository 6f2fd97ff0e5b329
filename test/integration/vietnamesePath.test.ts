import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { runCli } from '../../cli/run';
import { hoso } from '../helpers/runHoso';
import { tempDir } from '../helpers/tempArchive';

/**
 * An archive under a Vietnamese path with spaces, as a clerk names folders:
 * `…/Hồ sơ Hội nghị/Lưu trữ 2026/kho hồ sơ.sqlite`, spelled in NFC (Windows, Linux input methods) and
 * in NFD (what a USB stick written on a Mac holds: the same letters as base + combining marks, other
 * bytes). Through the command line (`--db`): create, import a report with a Vietnamese file name,
 * search, back up, export to a folder named in Vietnamese and verify the bag, write a report, check.
 * Every file must land under the exact name given (no re-normalised twin folder, no mangled name).
 */
const t = tempDir('hoso-vi-path-');
afterAll(() => t.cleanup());

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'import', 'quan-su-tinh.txt');

/** The real `runCli` of `hoso`, in this process (quick), capturing what it prints. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    untilStopped: () => new Promise<void>(() => {}),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The names directly in `dir`, exactly as stored (bytes preserved: Linux does not normalise). */
const names = (dir: string) => readdirSync(dir, { encoding: 'utf8' });

describe.each(['NFC', 'NFD'] as const)(
  'an archive under “Hồ sơ Hội nghị/Lưu trữ 2026/kho hồ sơ.sqlite” (%s)',
  (form) => {
    const n = (s: string) => s.normalize(form);
    const base = join(t.dir, form, n('Hồ sơ Hội nghị'));
    const folder = join(base, n('Lưu trữ 2026'));
    const db = join(folder, n('kho hồ sơ.sqlite'));

    it('works end to end through the command line and every name comes out intact', async () => {
      const demo = await cli(['demo', '--meetings', '8', '--seed', '5', '--db', db, '--json']);
      expect(demo.code, demo.err).toBe(0);
      expect(names(base)).toEqual([n('Lưu trữ 2026')]);
      expect(names(folder)).toContain(n('kho hồ sơ.sqlite'));
      expect(names(folder)).toContain('photos');

      // A report whose file name is Vietnamese too.
      const reports = join(base, n('Báo cáo gửi về'));
      mkdirSync(reports);
      const report = join(reports, n('Hội nghị quân sự tỉnh.txt'));
      copyFileSync(FIXTURE, report);
      const imported = await cli(['import', report, '--db', db, '--json']);
      expect(imported.code, imported.err + imported.out).toBe(0);

      const search = await cli(['search', 'hội nghị', '--limit', '50', '--json', '--db', db]);
      expect(search.code, search.err).toBe(0);
      const hits = JSON.parse(search.out) as { title: string }[];
      expect(hits.length).toBeGreaterThan(0);

      const backup = await cli(['backup', '--json', '--db', db]);
      expect(backup.code, backup.err).toBe(0);
      const backupPath = (JSON.parse(backup.out) as { path: string }).path;
      expect(dirname(backupPath)).toBe(join(folder, 'backups'));
      expect(names(join(folder, 'backups'))).toEqual([basename(backupPath)]);

      const usb = join(base, n('USB của Văn phòng'));
      mkdirSync(usb);
      // Encrypted: the demo spreads its meetings over the years before today, so whether one of them is
      // Mật (which only travels encrypted) depends on the day the test runs. The passphrase file has a
      // Vietnamese name too.
      const passphraseFile = join(base, n('mật khẩu USB.txt'));
      writeFileSync(passphraseFile, 'hồ sen mùa thu năm ấy 2026\n');
      const exported = await cli(['export', '--out', usb, '--encrypt', '--passphrase-file', passphraseFile, '--json', '--db', db]);
      expect(exported.code, exported.err).toBe(0);
      const bag = (JSON.parse(exported.out) as { path: string; verified: boolean }).path;
      expect(dirname(bag)).toBe(usb);
      expect(names(usb)).toEqual([basename(bag)]);
      const verified = await cli(['verify', bag, '--passphrase-file', passphraseFile, '--db', db]);
      expect(verified.code, verified.out + verified.err).toBe(0);

      const meetingId = (
        JSON.parse((await cli(['search', 'quân sự', '--json', '--db', db])).out) as { id: string }[]
      )[0]!.id;
      const sheet = join(base, n('Ảnh hội nghị.html'));
      const printed = await cli(['report', 'photos', meetingId, '--out', sheet, '--db', db]);
      expect(printed.code, printed.err).toBe(0);
      expect(names(base)).toContain(n('Ảnh hội nghị.html'));
      expect(readFileSync(sheet, 'utf8')).toContain('<html');

      // No twin folder in the other normal form appeared anywhere along the way.
      const other = form === 'NFC' ? 'NFD' : 'NFC';
      expect(existsSync(join(t.dir, form, 'Hồ sơ Hội nghị'.normalize(other)))).toBe(false);

      // And a real process, its arguments as bytes from the shell, finds the archive sound.
      const check = hoso(['check', '--db', db]);
      expect(check.code, check.stdout).toBe(0);
      expect(check.stdout).toContain('Kết quả: TỐT');
      expect(check.stdout).toContain(db);
    }, 180_000);
  },
);
