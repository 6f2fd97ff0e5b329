import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { getMeeting } from '../../db/meetings';
import { addPhotoToMeeting } from '../../services/photoStore';
import { validateBag } from '../helpers/bagitValidator';
import { hoso, hosoSpawn } from '../helpers/runHoso';
import { tempArchive, tempDir } from '../helpers/tempArchive';
import { addRecord } from '../helpers/meetingRecord';
import { exportFixture, type ExportFixture } from './exportFixture';

let f: ExportFixture;
beforeAll(async () => {
  f = await exportFixture({ secret: true });
  f.archive.close(); // the CLI opens the file itself
});
afterAll(() => f.cleanup());

// Each `hoso` run starts Node + tsx (seconds on a busy machine), and --encrypt uses age's full scrypt cost.
const SLOW = { timeout: 180_000 };

describe('hoso export', () => {
  it('refuses the secret record unencrypted (exit 2, Vietnamese message), then exports a date range and prints where', SLOW, () => {
    const db = join(f.dir, 'archive.sqlite');
    const refused = hoso(['export', '--out', f.usb, '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/phải được mã hóa bằng mật khẩu/);
    expect(readdirSync(f.usb)).toEqual([]);

    const r = hoso(['export', '--out', f.usb, '--db', db, '--from', '01/01/2024', '--to', '31/12/2024', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; path: string; meetings: number; verified: boolean };
    expect(out).toMatchObject({ ok: true, meetings: 3, verified: true });
    expect(validateBag(out.path)).toEqual([]);

    const human = hoso(['export', '--out', f.usb, '--db', db, '--tag', 'Quốc phòng']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/Đã xuất 1 cuộc họp, 2 ảnh: /);
    expect(human.stdout).toMatch(/An toàn để rút USB\./);
  });

  it('--encrypt with a passphrase file; a weak passphrase gets a warning; a bad date is a usage error', SLOW, () => {
    const db = join(f.dir, 'archive.sqlite');
    const pass = join(f.dir, 'matkhau.txt');
    writeFileSync(pass, 'abc123\n');
    const r = hoso(['export', '--out', f.usb, '--db', db, '--encrypt', '--passphrase-file', pass, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Cảnh báo: Mật khẩu yếu/);
    const out = JSON.parse(r.stdout) as { path: string; encrypted: boolean };
    expect(out.encrypted).toBe(true);
    expect(hoso(['verify', out.path, '--passphrase-file', pass]).code).toBe(0);

    const bad = hoso(['export', '--out', f.usb, '--db', db, '--from', '31/02/2024x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--from phải là ngày/);
    const noPass = hoso(['export', '--out', f.usb, '--db', db, '--encrypt']);
    expect(noPass.code).toBe(2);
    expect(noPass.stderr).toMatch(/--passphrase-file/);
  });
});

describe('hoso export killed mid-write', () => {
  it('leaves no bag under a final name (only a .partial that does not verify), and the next export completes', { timeout: 240_000 }, async () => {
    // Big enough that writing takes a moment: photos of random noise do not compress.
    const t = await tempArchive();
    const usb = tempDir('hoso-usb-kill-');
    try {
      const id = addRecord(t.archive, { title: 'Hội nghị sơ kết 6 tháng đầu năm 2024', date: '2024-07-10' });
      for (let i = 0; i < 12; i++) {
        const bytes = await sharp(randomBytes(1400 * 1000 * 3), { raw: { width: 1400, height: 1000, channels: 3 } }).jpeg({ quality: 95 }).toBuffer();
        await addPhotoToMeeting(t.archive, { meetingId: id, version: getMeeting(t.archive, id).version, bytes, caption: `Ảnh ${i + 1}` }, 'kiểm thử');
      }
      t.archive.close();
      const db = join(t.dir, 'archive.sqlite');
      const child = hosoSpawn(['export', '--out', usb.dir, '--db', db]);
      await new Promise<void>((resolve, reject) => {
        let err = '';
        child.stderr!.on('data', (chunk: Buffer) => {
          err += chunk.toString();
          if (err.includes('Ghi lên USB')) child.kill('SIGKILL');
        });
        child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`export ended before it was killed: ${err}`))));
      });
      // The killed export's scratch folder (its snapshot) is beside the archive, not in the system temp.
      expect(readdirSync(join(t.dir, 'export-tmp'))).toHaveLength(1);
      const left = readdirSync(usb.dir);
      expect(left.filter((n) => !n.endsWith('.partial'))).toEqual([]);
      expect(left).toHaveLength(1);
      const verdict = hoso(['verify', join(usb.dir, left[0]!)]);
      expect(verdict.code).toBe(1);

      const again = hoso(['export', '--out', usb.dir, '--db', db, '--json']);
      expect(again.code, again.stderr).toBe(0);
      const out = JSON.parse(again.stdout) as { path: string };
      expect(validateBag(out.path)).toEqual([]);
      // …and the next export removed it, the killed process being gone.
      expect(readdirSync(join(t.dir, 'export-tmp'))).toEqual([]);
    } finally {
      t.cleanup();
      usb.cleanup();
    }
  });
});
