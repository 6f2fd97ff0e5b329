import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Archive } from '../../db/open';
import { CHANNELS } from '../../contract/contract';
import { CHANNELS_OPEN_WHILE_LOCKED } from '../../contract/lockContract';
import { createContext } from '../../services/context';
import { createHandlers, createLockHandlers } from '../../services/handlers';
import { createDispatcher, directClient, type Dispatch } from '../../services/dispatch';
import { silentLogger } from '../../services/log';
import { startWebHost } from '../../webhost/server';
import { jpeg } from '../helpers/images';
import { send } from '../helpers/http';
import { tempArchive, tempDir } from '../helpers/tempArchive';

let archive: Archive;
let dir: string;
let cleanup: () => void;
let clock: number;
const MIN = 60_000;
const PASSWORD = 'Hồ Gươm 1075';

/** A fresh app process on the archive: the lock enforced as in the desktop app and the web host, on a clock the test moves. */
function startApp(): Dispatch {
  const ctx = createContext(archive, 'direct', '0.0.0-test');
  return createDispatcher({ ...createHandlers(ctx), ...createLockHandlers(ctx, { now: () => clock, enforce: true }) }, silentLogger);
}

async function ok<T = unknown>(dispatch: Dispatch, channel: string, input: unknown = {}): Promise<T> {
  const reply = await dispatch(channel, input);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.data as T;
}

async function fails(dispatch: Dispatch, channel: string, input: unknown = {}) {
  const reply = await dispatch(channel, input);
  expect(reply.ok, channel).toBe(false);
  return (reply as { ok: false; error: { code: string; message: string } }).error;
}

async function setPassword(dispatch: Dispatch): Promise<string> {
  const { recoveryCode } = await ok<{ recoveryCode: string }>(dispatch, 'lock/set', { newPassword: PASSWORD });
  return recoveryCode;
}

beforeEach(async () => {
  ({ archive, dir, cleanup } = await tempArchive());
  clock = Date.UTC(2026, 0, 5, 8, 0);
});
afterEach(() => cleanup());

describe('app lock: password', () => {
  it('without a password nothing is locked', async () => {
    const app = startApp();
    expect(await ok(app, 'lock/status')).toEqual({ enabled: false, locked: false, idleMinutes: 10, failedAttempts: 0, retryAfterMs: 0, language: 'vi' });
    await ok(app, 'meetings/list');
    expect(await fails(app, 'lock/unlock', { password: 'x' })).toMatchObject({ code: 'LOCK_NOT_SET' });
  });

  it('refuses a password shorter than 6 characters with a Vietnamese message', async () => {
    const e = await fails(startApp(), 'lock/set', { newPassword: 'abc' });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('Mật khẩu quá ngắn');
  });

  it('set: shows a recovery code once, the app stays open; restarting asks for the password', async () => {
    const app = startApp();
    const code = await setPassword(app);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(await ok(app, 'lock/status')).toMatchObject({ enabled: true, locked: false });
    await ok(app, 'meetings/list');

    const restarted = startApp();
    expect(await ok(restarted, 'lock/status')).toMatchObject({ enabled: true, locked: true });
    expect(await fails(restarted, 'meetings/list')).toEqual({ code: 'APP_LOCKED', message: 'Ứng dụng đang khóa. Hãy nhập mật khẩu để mở khóa.' });
    expect(restarted.isLocked?.()).toBe(true);
  });

  it('a wrong password is refused; the right one (typed in another Unicode form) opens', async () => {
    await setPassword(startApp());
    const app = startApp();
    expect(await fails(app, 'lock/unlock', { password: 'Hồ Gươm 1076' })).toMatchObject({ code: 'LOCK_WRONG_PASSWORD' });
    expect(await ok(app, 'lock/status')).toMatchObject({ locked: true, failedAttempts: 1 });
    expect(await fails(app, 'meetings/list')).toMatchObject({ code: 'APP_LOCKED' });
    await ok(app, 'lock/unlock', { password: PASSWORD.normalize('NFD') });
    expect(await ok(app, 'lock/status')).toMatchObject({ locked: false, failedAttempts: 0 });
    await ok(app, 'meetings/list');
  });

  it('while locked every channel but lock/status, lock/unlock, lock/recover and app/info answers APP_LOCKED, and nothing is written', async () => {
    await setPassword(startApp());
    const app = startApp();
    const auditBefore = archive.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get();
    const open = new Set<string>(CHANNELS_OPEN_WHILE_LOCKED);
    const refused: string[] = [];
    for (const channel of CHANNELS) {
      if (open.has(channel)) continue;
      const reply = await app(channel, { title: 'Họp', kind: 'Họp', meetingDate: null, startTime: null, endTime: null });
      if (!reply.ok && reply.error.code === 'APP_LOCKED') refused.push(channel);
    }
    expect(refused).toEqual(CHANNELS.filter((c) => !open.has(c)));
    expect(refused.length).toBeGreaterThan(50);
    expect(refused).toContain('settings/get');
    expect(refused).toContain('health/status');
    expect(refused).toContain('lock/set');
    expect(refused).toContain('lock/remove');
    expect(archive.sqlite.prepare('SELECT count(*) AS n FROM meetings').get()).toEqual({ n: 0 });
    expect(archive.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(auditBefore);
    expect(await ok(app, 'app/info')).toMatchObject({ counts: { meetings: 0 } });
  });

  it('five wrong tries: the sixth is not even checked until 30 s have passed, then waits double', async () => {
    await setPassword(startApp());
    const app = startApp();
    for (let i = 1; i <= 4; i++) expect(await fails(app, 'lock/unlock', { password: `sai ${i}` })).toMatchObject({ code: 'LOCK_WRONG_PASSWORD' });
    const fifth = await fails(app, 'lock/unlock', { password: 'sai 5' });
    expect(fifth.code).toBe('LOCK_WRONG_PASSWORD');
    expect(fifth.message).toContain('Hãy thử lại sau 30 giây.');
    expect(await ok(app, 'lock/status')).toMatchObject({ failedAttempts: 5, retryAfterMs: 30_000 });

    // The right password during the wait is refused without being looked at, and not counted.
    clock += 29_000;
    const waiting = await fails(app, 'lock/unlock', { password: PASSWORD });
    expect(waiting.code).toBe('LOCK_WAIT');
    expect(waiting.message).toContain('Hãy thử lại sau 1 giây.');
    expect(await ok(app, 'lock/status')).toMatchObject({ locked: true, failedAttempts: 5, retryAfterMs: 1_000 });
    // Nor does a restart clear the wait: the count lives in the archive.
    expect(await fails(startApp(), 'lock/unlock', { password: PASSWORD })).toMatchObject({ code: 'LOCK_WAIT' });

    clock += 1_000;
    expect(await fails(app, 'lock/unlock', { password: 'sai 6' })).toMatchObject({ code: 'LOCK_WRONG_PASSWORD', message: expect.stringContaining('60 giây') });
    clock += 60_000;
    expect(await fails(app, 'lock/unlock', { password: 'sai 7' })).toMatchObject({ message: expect.stringContaining('khoảng 2 phút') });
    clock += 120_000;
    await ok(app, 'lock/unlock', { password: PASSWORD });
    expect(await ok(app, 'lock/status')).toMatchObject({ locked: false, failedAttempts: 0, retryAfterMs: 0 });
  });

  it('tries sent all at once are checked one after the other: the wait cannot be outrun', async () => {
    await setPassword(startApp());
    const app = startApp();
    const replies = await Promise.all(Array.from({ length: 8 }, (_, i) => app('lock/unlock', { password: `sai ${i}` })));
    const codes = replies.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes).toEqual([...Array(5).fill('LOCK_WRONG_PASSWORD'), ...Array(3).fill('LOCK_WAIT')]);
  });

  it('change and remove need the current password; the audit log records them without secrets', async () => {
    const app = startApp();
    await setPassword(app);
    expect(await fails(app, 'lock/set', { currentPassword: 'không đúng', newPassword: 'mật khẩu mới' })).toMatchObject({ code: 'LOCK_WRONG_PASSWORD' });
    await ok(app, 'lock/set', { currentPassword: PASSWORD, newPassword: 'mật khẩu mới', idleMinutes: 5 });
    expect(await ok(app, 'lock/status')).toMatchObject({ idleMinutes: 5 });
    expect(await fails(app, 'lock/remove', { currentPassword: PASSWORD })).toMatchObject({ code: 'LOCK_WRONG_PASSWORD' });
    expect(await ok(app, 'lock/remove', { currentPassword: 'mật khẩu mới' })).toMatchObject({ enabled: false, locked: false });
    expect(await ok(startApp(), 'lock/status')).toMatchObject({ enabled: false, locked: false });

    const entries = archive.sqlite.prepare("SELECT action, after FROM audit_log WHERE entity = 'app-lock' ORDER BY seq").all() as { action: string; after: string }[];
    expect(entries.map((e) => e.action)).toEqual(['lock-set', 'lock-change', 'lock-remove']);
    expect(JSON.parse(entries[1]!.after)).toEqual({ enabled: true, idleMinutes: 5 });
    const written = JSON.stringify(archive.sqlite.prepare('SELECT before, after, reason FROM audit_log').all());
    expect(written).not.toMatch(/salt|hash|recovery|mật khẩu mới|Hồ Gươm/);
  });

  it('settings/get never returns the lock, and settings/update cannot overwrite it', async () => {
    const app = startApp();
    await setPassword(app);
    const settings = await ok<Record<string, unknown>>(app, 'settings/get');
    const text = JSON.stringify(settings);
    expect(Object.keys(settings)).not.toContain('appLock');
    expect(text).not.toMatch(/salt|scrypt|recovery|"N":/);
    const stored = (archive.sqlite.prepare("SELECT value FROM settings WHERE key = 'appLock'").get() as { value: string }).value;
    expect(text).not.toContain(JSON.parse(stored).password.hash);

    const reply = await app('settings/update', { appLock: null, clerkName: 'Nguyễn Thị Thu', language: 'en' });
    expect(reply.ok).toBe(true);
    // Locked, the app still knows which language to ask for the password in.
    expect(await ok(startApp(), 'lock/status')).toMatchObject({ enabled: true, locked: true, language: 'en' });
  });
});

describe('app lock: recovery code', () => {
  it('works once: sets a new password, gives a new code; the old code and old password stop working', async () => {
    const first = await setPassword(startApp());
    const app = startApp();
    expect(await fails(app, 'lock/recover', { recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE', newPassword: 'mật khẩu mới' })).toMatchObject({ code: 'LOCK_WRONG_RECOVERY_CODE' });

    // Typed back by hand: lower case, spaces instead of dashes.
    const typed = first.toLowerCase().replace(/-/g, ' ');
    const { recoveryCode: second, status } = await ok<{ recoveryCode: string; status: { locked: boolean } }>(app, 'lock/recover', { recoveryCode: typed, newPassword: 'mật khẩu mới' });
    expect(status.locked).toBe(false);
    expect(second).not.toBe(first);
    await ok(app, 'meetings/list');

    const later = startApp();
    expect(await fails(later, 'lock/recover', { recoveryCode: first, newPassword: 'lại mật khẩu khác' })).toMatchObject({ code: 'LOCK_WRONG_RECOVERY_CODE' });
    expect(await fails(later, 'lock/unlock', { password: PASSWORD })).toMatchObject({ code: 'LOCK_WRONG_PASSWORD' });
    await ok(later, 'lock/unlock', { password: 'mật khẩu mới' });
    expect(archive.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'app-lock' ORDER BY seq").all()).toEqual([{ action: 'lock-set' }, { action: 'lock-recover' }]);
  });

  it('wrong recovery codes count toward the same wait as wrong passwords', async () => {
    await setPassword(startApp());
    const app = startApp();
    for (let i = 0; i < 3; i++) await fails(app, 'lock/unlock', { password: 'sai' });
    for (let i = 0; i < 2; i++) await fails(app, 'lock/recover', { recoveryCode: 'ZZZZ', newPassword: 'mật khẩu mới' });
    expect(await fails(app, 'lock/recover', { recoveryCode: 'ZZZZ', newPassword: 'mật khẩu mới' })).toMatchObject({ code: 'LOCK_WAIT' });
  });
});

describe('app lock: idle', () => {
  it('locks after the idle minutes since the last request; lock/status polling is not activity', async () => {
    const app = startApp();
    await setPassword(app);
    clock += 9 * MIN;
    await ok(app, 'meetings/list'); // the clerk is still there
    clock += 9 * MIN;
    expect(await ok(app, 'lock/status')).toMatchObject({ locked: false });
    clock += 1 * MIN - 1;
    expect(await ok(app, 'lock/status')).toMatchObject({ locked: false });
    clock += 1;
    expect(await ok(app, 'lock/status')).toMatchObject({ locked: true });
    expect(await fails(app, 'meetings/list')).toMatchObject({ code: 'APP_LOCKED' });
    await ok(app, 'lock/unlock', { password: PASSWORD });
    await ok(app, 'meetings/list');
  });

  it('follows the configured idle minutes; lock/lock closes at once', async () => {
    const app = startApp();
    await setPassword(app);
    expect(await fails(app, 'lock/configure', { idleMinutes: 7 })).toMatchObject({ code: 'INVALID_INPUT' });
    await ok(app, 'lock/configure', { idleMinutes: 5 });
    clock += 5 * MIN;
    expect(await fails(app, 'people/list')).toMatchObject({ code: 'APP_LOCKED' });
    await ok(app, 'lock/unlock', { password: PASSWORD });
    expect(await ok(app, 'lock/lock')).toMatchObject({ locked: true });
    expect(await fails(app, 'people/list')).toMatchObject({ code: 'APP_LOCKED' });
  });
});

describe('app lock: the web host', () => {
  it('refuses photos and API calls while locked, serves them again once unlocked', async () => {
    const app = startApp();
    const call = directClient(app);
    const m = await call('meetings/create', { title: 'Hội nghị giao ban quý I', kind: 'Hội nghị', meetingDate: '2026-01-05', startTime: null, endTime: null });
    const added = (await call('photos/add', { meetingId: m.id, version: m.version, fileName: 'IMG_0001.JPG', dataBase64: (await jpeg()).toString('base64') })) as {
      photo: { fileHash: string };
    };
    const hash = added.photo.fileHash;
    await setPassword(app);

    const r = tempDir();
    mkdirSync(join(r.dir, 'renderer'));
    writeFileSync(join(r.dir, 'renderer', 'index.html'), '<!doctype html><title>Hồ sơ Hội nghị</title>');
    const locked = startApp();
    const host = await startWebHost({ dispatch: locked, rendererDir: join(r.dir, 'renderer'), token: 'lock-test-token-0123456789', log: silentLogger, archiveDir: dir });
    try {
      const login = await send(host, 'GET', '/?token=lock-test-token-0123456789');
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const json = { cookie, 'content-type': 'application/json' };

      expect((await send(host, 'GET', '/', { cookie })).status).toBe(200); // the page loads, to show the lock screen
      for (const path of [`/photos/${hash}`, `/photos/thumb/${hash}`]) {
        const res = await send(host, 'GET', path, { cookie });
        expect(res.status, path).toBe(423);
        expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'APP_LOCKED' } });
      }
      const list = await send(host, 'POST', '/api/meetings/list', json, '{}');
      expect(JSON.parse(list.body)).toMatchObject({ ok: false, error: { code: 'APP_LOCKED' } });

      const unlock = await send(host, 'POST', '/api/lock/unlock', json, JSON.stringify({ password: PASSWORD }));
      expect(JSON.parse(unlock.body)).toMatchObject({ ok: true, data: { locked: false } });
      const photo = await send(host, 'GET', `/photos/${hash}`, { cookie });
      expect(photo.status).toBe(200);
      expect(photo.headers['content-type']).toBe('image/jpeg');

      clock += 10 * MIN; // left open: the page's own requests stopped, the service locks
      expect((await send(host, 'GET', `/photos/thumb/${hash}`, { cookie })).status).toBe(423);
    } finally {
      await host.close();
      r.cleanup();
    }
  });
});
