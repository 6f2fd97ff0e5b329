import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decrypter } from 'age-encryption';
import { exportArchive } from '../../services/archive/exportArchive';
import { verifyArchivePath } from '../../services/archive/verifyArchive';
import { unpackEncryptedBag } from '../../services/archive/encrypt';
import { passphraseWarning } from '../../contract/archiveContract';
import { validateBag } from '../helpers/bagitValidator';
import { hoso } from '../helpers/runHoso';
import { tempDir } from '../helpers/tempArchive';
import { ENV, EVERYTHING, exportFixture, SECRET_TITLE, type ExportFixture, bagMeetingFiles } from './exportFixture';
import { meetingJsonPath } from '../../services/archive/meetingJson';
import { vi } from '../helpers/words';

const PASSPHRASE = 'hồ sen mùa thu năm ấy 2024';

let f: ExportFixture;
let work: { dir: string; cleanup: () => void };
let exported: Awaited<ReturnType<typeof exportArchive>>;
beforeAll(async () => {
  f = await exportFixture({ secret: true });
  work = tempDir('hoso-age-');
  exported = await exportArchive(f.archive, { dest: f.usb, selection: EVERYTHING, passphrase: PASSPHRASE }, ENV);
});
afterAll(() => {
  f.cleanup();
  work.cleanup();
});

/** Unpacks a plain tar with the system's tar (not our code) and returns the bag folder inside. */
function untar(tarFile: string, into: string): string {
  mkdirSync(into, { recursive: true });
  const r = spawnSync('tar', ['-xf', tarFile, '-C', into], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const [top, ...others] = readdirSync(into);
  expect(others).toEqual([]);
  return join(into, top!);
}

describe('encrypted export (age, scrypt passphrase)', () => {
  it('a record classified Mật is refused without encryption, nothing written', async () => {
    const before = readdirSync(f.usb);
    await expect(exportArchive(f.archive, { dest: f.usb, selection: EVERYTHING, passphrase: null }, ENV)).rejects.toMatchObject({
      code: 'EXPORT_NEEDS_ENCRYPTION',
      message: expect.stringMatching(/phải được mã hóa/),
    });
    // Also when the secret meeting is only part of a date range.
    await expect(
      exportArchive(f.archive, { dest: f.usb, selection: { ...EVERYTHING, from: '2023-01-01', to: '2023-12-31' }, passphrase: null }, ENV),
    ).rejects.toMatchObject({ code: 'EXPORT_NEEDS_ENCRYPTION' });
    expect(readdirSync(f.usb)).toEqual(before);
  });

  it('writes one .tar.age on the stick, no plain text of the secret record, and audits the export of the secret record', () => {
    expect(exported.encrypted).toBe(true);
    expect(exported.verified).toBe(true);
    expect(readdirSync(f.usb)).toEqual([exported.name]);
    expect(exported.name).toMatch(/^hoso-VP-\d{8}-\d{6}\.tar\.age$/);
    const bytes = readFileSync(exported.path);
    expect(bytes.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(bytes.includes(Buffer.from(SECRET_TITLE))).toBe(false);
    const audit = f.archive.sqlite
      .prepare("SELECT entity, entity_id AS id FROM audit_log WHERE action = 'export' ORDER BY seq")
      .all() as { entity: string; id: string }[];
    expect(audit).toContainEqual({ entity: 'meeting', id: f.ids.secret });
    expect(audit).toContainEqual({ entity: 'archive', id: exported.name.replace(/\.tar\.age$/, '') });
  });

  it('decrypts with age-encryption’s own Decrypter and the system tar, and the bag inside is valid', async () => {
    const d = new Decrypter();
    d.addPassphrase(PASSPHRASE);
    const tar = await d.decrypt(readFileSync(exported.path));
    const tarFile = join(work.dir, 'lib.tar');
    writeFileSync(tarFile, tar);
    const bag = untar(tarFile, join(work.dir, 'lib'));
    expect(validateBag(bag)).toEqual([]);
    expect(bagMeetingFiles(bag)).toContain(meetingJsonPath(f.ids.secret));
  });

  it('decrypts with the standard `age` command-line tool', { timeout: 120_000 }, () => {
    // `age` reads a passphrase only from a terminal: `script` gives it one and types the passphrase.
    const out = join(work.dir, 'cli.tar');
    const r = spawnSync('script', ['-qec', `age -d -o '${out}' '${exported.path}'`, '/dev/null'], {
      input: `${PASSPHRASE}\n`,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    const bag = untar(out, join(work.dir, 'cli'));
    expect(validateBag(bag)).toEqual([]);
    expect(hoso(['verify', bag]).code).toBe(0);
  });

  it('verify opens it with the passphrase; a wrong or missing passphrase is a clear message', { timeout: 120_000 }, async () => {
    const ok = await verifyArchivePath(exported.path, PASSPHRASE);
    expect(ok).toMatchObject({ ok: true, encrypted: true, problems: [] });
    expect(ok.bagInfo['Hoso-Meetings']).toBe('4'); // the whole archive: its three meetings and the secret one
    await expect(verifyArchivePath(exported.path, 'sai mật khẩu rồi')).rejects.toMatchObject({ code: 'PASSPHRASE_WRONG', message: expect.stringMatching(/^Sai mật khẩu/) });
    await expect(verifyArchivePath(exported.path, null)).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });

    const pass = join(work.dir, 'pass.txt');
    writeFileSync(pass, `${PASSPHRASE}\n`);
    expect(hoso(['verify', exported.path, '--passphrase-file', pass]).code).toBe(0);
    writeFileSync(pass, 'khong dung\n');
    const wrong = hoso(['verify', exported.path, '--passphrase-file', pass]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/Sai mật khẩu/);
  });

  it('unpacks (for a merge) into a folder that is a valid bag; refuses a wrong passphrase and a damaged file', async () => {
    const bag = await unpackEncryptedBag(exported.path, PASSPHRASE, join(work.dir, 'unpacked'));
    expect(bag).toBe(join(work.dir, 'unpacked', exported.name.replace(/\.tar\.age$/, '')));
    expect(validateBag(bag)).toEqual([]);
    await expect(unpackEncryptedBag(exported.path, 'sai', join(work.dir, 'unpacked-2'))).rejects.toMatchObject({ code: 'PASSPHRASE_WRONG' });
    const damaged = join(work.dir, 'hong-unpack.tar.age');
    const bytes = readFileSync(exported.path);
    bytes[bytes.length - 3000] = bytes[bytes.length - 3000]! ^ 0x10;
    writeFileSync(damaged, bytes);
    await expect(unpackEncryptedBag(damaged, PASSPHRASE, join(work.dir, 'unpacked-3'))).rejects.toMatchObject({ code: 'BAG_INVALID' });
  });

  it('a damaged encrypted file fails verification', async () => {
    const copy = join(work.dir, 'hong.tar.age');
    const bytes = readFileSync(exported.path);
    bytes[bytes.length - 5000] = bytes[bytes.length - 5000]! ^ 0x40;
    writeFileSync(copy, bytes);
    const r = await verifyArchivePath(copy, PASSPHRASE);
    expect(r.ok).toBe(false);
    expect(vi(r.problems[0]!.message)).toMatch(/Tệp mã hóa bị hỏng/);
  });

  it('the encrypted file is read back from the stick before it gets its final name', async () => {
    const usb = join(work.dir, 'usb2');
    mkdirSync(usb);
    await expect(
      exportArchive(
        f.archive,
        { dest: usb, selection: EVERYTHING, passphrase: PASSPHRASE },
        {
          ...ENV,
          afterWrite: (partial) => {
            const b = readFileSync(partial);
            b[b.length - 100] = b[b.length - 100]! ^ 1;
            writeFileSync(partial, b);
          },
        },
      ),
    ).rejects.toMatchObject({ code: 'EXPORT_VERIFY_FAILED' });
    expect(readdirSync(usb)).toEqual([]);
  });

  it('cancel at any moment of an encrypted export: nothing on the stick, nothing left behind', async () => {
    const usb = join(work.dir, 'usb-cancel');
    mkdirSync(usb);
    // Deterministic moments: as a phase begins, and at its first bytes (after age's scrypt, mid-stream).
    const moments = [...(['preparing', 'writing', 'encrypting', 'verifying'] as const).map((p) => [p, 'start'] as const), ...(['writing', 'encrypting', 'verifying'] as const).map((p) => [p, 'bytes'] as const)];
    for (const [at, when] of moments) {
      const controller = new AbortController();
      let current = '';
      const progress = {
        phase: (p: string) => {
          current = p;
          if (p === at && when === 'start') controller.abort();
        },
        bytes: () => {
          if (current === at && when === 'bytes') controller.abort();
        },
        file: () => undefined,
      };
      await expect(
        exportArchive(f.archive, { dest: usb, selection: EVERYTHING, passphrase: PASSPHRASE }, { ...ENV, signal: controller.signal, progress }),
        `${at} at ${when}`,
      ).rejects.toMatchObject({ code: 'EXPORT_CANCELLED' });
      expect(readdirSync(usb), `${at} at ${when}`).toEqual([]);
    }
    expect(readdirSync(join(f.dir, 'export-tmp'))).toEqual([]);
  });

  it('warns about weak passphrases', () => {
    expect(vi(passphraseWarning('abc')!)).toMatch(/yếu/);
    expect(vi(passphraseWarning('123456789012')!)).toMatch(/dễ đoán/);
    expect(vi(passphraseWarning('aaaaaaaaaaaaaaa')!)).toMatch(/dễ đoán/);
    expect(passphraseWarning(PASSPHRASE)).toBeNull();
    expect(passphraseWarning('Kh0ng-d0an!')).toBeNull();
  });
});
