import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Archive } from '../../db/open';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher } from '../../services/dispatch';
import { silentLogger } from '../../services/log';
import { openSession } from '../../services/session';
import { startWebHost, type WebHost } from '../../webhost/server';
import { tempArchive, tempDir } from '../helpers/tempArchive';
import { send } from '../helpers/http';

let archive: Archive;
let cleanups: (() => void)[] = [];
let host: WebHost;
let cookie: string;
const TOKEN = 'test-token-0123456789abcdef';

beforeAll(async () => {
  const t = await tempArchive();
  archive = t.archive;
  const r = tempDir();
  cleanups = [t.cleanup, r.cleanup];
  mkdirSync(join(r.dir, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(r.dir, 'renderer', 'index.html'), '<!doctype html><title>Hồ sơ Hội nghị</title>');
  writeFileSync(join(r.dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(r.dir, 'secret.txt'), 'không được lộ');
  const dispatch = createDispatcher(createHandlers(createContext(archive, 'web', 'test')), silentLogger);
  host = await startWebHost({ dispatch, rendererDir: join(r.dir, 'renderer'), token: TOKEN, log: silentLogger });
  const login = await send(host, 'GET', `/?token=${TOKEN}`);
  cookie = String(login.headers['set-cookie']).split(';')[0]!;
});
afterAll(async () => {
  await host.close();
  cleanups.forEach((c) => c());
});

const json = { 'content-type': 'application/json' };

describe('loopback web host', () => {
  it('listens on 127.0.0.1 only and hands out the token URL', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.launchUrl).toBe(`${host.origin}/?token=${TOKEN}`);
  });

  it('opening the token link sets an HttpOnly, SameSite=Strict session cookie and redirects to the app', async () => {
    const res = await send(host, 'GET', `/?token=${TOKEN}`);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/');
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('without the session, shows a Vietnamese page explaining how to get in, not the app', async () => {
    const res = await send(host, 'GET', '/');
    expect(res.status).toBe(403);
    expect(res.body).toContain('mã truy cập');
    const wrong = await send(host, 'GET', '/?token=wrong');
    expect(wrong.status).toBe(403);
  });

  it('serves the app with the strict offline CSP once signed in', async () => {
    const res = await send(host, 'GET', '/', { cookie });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Hồ sơ Hội nghị');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toMatch(/https?:/);
    expect((await send(host, 'GET', '/assets/app.js', { cookie })).headers['content-type']).toMatch(/javascript/);
  });

  it('answers contract calls over POST /api/<domain>/<verb>', async () => {
    const created = await send(host, 'POST', '/api/people/create', { cookie, ...json }, JSON.stringify({ fullName: 'Lê Huy Vịnh', rank: 'Thượng tướng' }));
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, data: { fullName: 'Lê Huy Vịnh' } });
    const listed = await send(host, 'POST', '/api/people/list', { cookie, ...json }, JSON.stringify({ query: 'le huy' }));
    expect(JSON.parse(listed.body)).toMatchObject({ ok: true, data: { total: 1 } });
  });

  it('refuses API calls without the session, from another origin, or with a forged Host (DNS rebinding)', async () => {
    const body = JSON.stringify({});
    expect((await send(host, 'POST', '/api/app/info', json, body)).status).toBe(403);
    const cross = await send(host, 'POST', '/api/app/info', { cookie, ...json, origin: 'http://evil.example' }, body);
    expect(cross.status).toBe(403);
    expect(JSON.parse(cross.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await send(host, 'POST', '/api/app/info', { cookie, ...json, host: 'evil.example' }, body)).status).toBe(403);
    expect((await send(host, 'POST', '/api/app/info', { cookie, ...json, origin: host.origin }, body)).status).toBe(200);
  });

  it('refuses a body over 16 MB with a clear Vietnamese message, and malformed JSON as bad input', async () => {
    const big = await send(host, 'POST', '/api/meetings/create', { cookie, ...json }, Buffer.alloc(17 * 1024 * 1024, 0x61));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(JSON.parse(big.body).error.message).toContain('quá lớn');
    const bad = await send(host, 'POST', '/api/meetings/create', { cookie, ...json }, '{"title": ');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/%00index.html', '/assets']) {
      const res = await send(host, 'GET', path, { cookie });
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('không được lộ');
    }
  });
});

describe('the web host over a session (services/session.ts, as `hoso serve` starts it)', () => {
  it('answers through the same dispatcher as a web transport, prints with the host renderer, and closes once', async () => {
    const { dir, cleanup } = tempDir();
    const file = join(dir, 'Lưu trữ', 'archive.sqlite');
    const printed: string[] = [];
    const session = await openSession(file, 'web', {
      host: { renderPdf: (html) => (printed.push(html), Promise.resolve(Buffer.from('%PDF-1.7 serve'))) },
      log: silentLogger,
    });
    const served = await startWebHost({ dispatch: session.dispatch, rendererDir: dir, token: TOKEN, log: silentLogger, archiveDir: session.dir });
    try {
      const login = await send(served, 'GET', `/?token=${TOKEN}`);
      const headers = { cookie: String(login.headers['set-cookie']).split(';')[0]!, ...json };
      const info = JSON.parse((await send(served, 'POST', '/api/app/info', headers, '{}')).body);
      expect(info).toMatchObject({ ok: true, data: { archiveFile: file, transport: 'web', counts: { meetings: 0 } } });
      const meeting = await session.call('meetings/create', { title: 'Họp giao ban tuần', kind: 'Giao ban', meetingDate: '2026-03-02', startTime: null, endTime: null });
      const pdf = JSON.parse((await send(served, 'POST', '/api/reports/pdf', headers, JSON.stringify({ kind: 'minutes', meetingId: meeting.id }))).body);
      expect(Buffer.from(pdf.data.base64, 'base64').toString()).toBe('%PDF-1.7 serve');
      expect(printed).toHaveLength(1);
    } finally {
      await served.close();
      session.close();
      session.close();
      cleanup();
    }
  });

  it('refuses a missing archive when told it must exist, and creates nothing', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'go-nham', 'archive.sqlite');
      await expect(openSession(file, 'direct', { mustExist: true })).rejects.toMatchObject({ code: 'ARCHIVE_NOT_FOUND' });
      expect(existsSync(join(dir, 'go-nham'))).toBe(false);
    } finally {
      cleanup();
    }
  });
});
