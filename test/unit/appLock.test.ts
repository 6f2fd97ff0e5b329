import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Archive } from '../../db/open';
import { APP_LOCK_KEY, readAppLock } from '../../db/appLock';
import { hashSecret, newRecoveryCode, normalizeRecoveryCode, SCRYPT_PARAMS, verifySecret } from '../../services/lockSecrets';
import { LockGate, waitAfter } from '../../services/lockState';
import { tempArchive } from '../helpers/tempArchive';

describe('the wait after wrong tries', () => {
  it('is nothing for four, then 30 s doubling, capped at 15 minutes', () => {
    expect([0, 1, 4].map(waitAfter)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10].map(waitAfter)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000]);
    expect(waitAfter(40)).toBe(900_000);
  });
});

describe('lock secrets', () => {
  it('stores scrypt parameters and a fresh salt with each hash', async () => {
    const a = await hashSecret('Hà Nội 1010');
    const b = await hashSecret('Hà Nội 1010');
    expect(a).toMatchObject(SCRYPT_PARAMS);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(Buffer.from(a.hash, 'base64')).toHaveLength(32);
    expect(await verifySecret('Hà Nội 1010', a)).toBe(true);
    expect(await verifySecret('Ha Noi 1010', a)).toBe(false);
    // The same word typed as decomposed Unicode (some input methods) is the same password.
    expect(await verifySecret('Hà Nội 1010'.normalize('NFD'), a)).toBe(true);
  });

  it('verifies with the parameters stored beside the hash, not today’s', async () => {
    const { scryptSync, randomBytes } = await import('node:crypto');
    const salt = randomBytes(16);
    const old = { salt: salt.toString('base64'), hash: scryptSync('mật khẩu cũ', salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64'), N: 1024, r: 8, p: 1 };
    expect(await verifySecret('mật khẩu cũ', old)).toBe(true);
  });

  it('makes recovery codes a clerk can copy by hand, read back in any case and spacing', () => {
    const codes = new Set(Array.from({ length: 200 }, newRecoveryCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(normalizeRecoveryCode(' 7kq2 - abcd-efgh ')).toBe('7KQ2ABCDEFGH');
    // O/I/L read as the digits they look like (Crockford's rule); the alphabet has no O, I, L.
    expect(normalizeRecoveryCode('oIl0')).toBe('0110');
  });
});

describe('the lock record in the archive', () => {
  let archive: Archive;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ archive, cleanup } = await tempArchive());
  });
  afterEach(() => cleanup());

  it('a damaged record is a lock no password opens, never an open door', async () => {
    archive.sqlite.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 0)').run(APP_LOCK_KEY, '{"password": "xoá"');
    expect(readAppLock(archive)).toMatchObject({ damaged: true });
    const gate = new LockGate(archive, { enforce: true, actor: () => 'test' });
    expect(gate.admit('meetings/list')).toBe(false);
    await expect(gate.unlock('')).rejects.toMatchObject({ code: 'LOCK_WRONG_PASSWORD' });
    await expect(gate.recover('0000-0000-0000-0000-0000', 'mật khẩu mới')).rejects.toMatchObject({ code: 'LOCK_WRONG_RECOVERY_CODE' });
    await expect(gate.set('', 'mật khẩu mới')).rejects.toMatchObject({ code: 'LOCK_WRONG_PASSWORD' });
  });

  it('direct calls (the CLI) are not held by the lock, but its password rules still apply', async () => {
    const gate = new LockGate(archive, { enforce: false, actor: () => 'test' });
    await gate.set('', 'mật khẩu đầu');
    expect(gate.admit('meetings/list')).toBe(true);
    expect(gate.status()).toMatchObject({ enabled: true, locked: false });
    await expect(gate.remove('sai')).rejects.toMatchObject({ code: 'LOCK_WRONG_PASSWORD' });
  });
});
