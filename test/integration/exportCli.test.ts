import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateBag } from '../helpers/bagitValidator';
import { hoso } from '../helpers/runHoso';
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
