import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeSession, fakeElectron, type ProtocolHandler } from './fakeElectron';
import { handleAppProtocol, registerAppScheme } from '../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/securityPolicy';
import type { Session } from 'electron';

vi.mock('electron', async () => (await import('./fakeElectron')).createFakeElectron());

const INDEX = '<!doctype html><html lang="vi"><title>Hồ sơ Hội nghị</title></html>';

describe('registerAppScheme', () => {
  it('registers app:// as standard + secure + fetch, without bypassing the CSP', async () => {
    const electron = await fakeElectron();
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [schemes] = electron.protocol.registerSchemesAsPrivileged.mock.calls[0]!;
    expect(schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

const PHOTO_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const PHOTO_HASH = 'ab'.padEnd(64, '3');

describe('app:// handler', () => {
  let base: string;
  let handler: ProtocolHandler;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'hoso-protocol-'));
    const root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
    writeFileSync(join(base, 'secret.txt'), 'TOP SECRET');
    // An archive folder with one stored photo, content-addressed as the photo store writes it.
    const archiveDir = join(base, 'archive');
    mkdirSync(join(archiveDir, 'photos', PHOTO_HASH.slice(0, 2)), { recursive: true });
    writeFileSync(join(archiveDir, 'photos', PHOTO_HASH.slice(0, 2), `${PHOTO_HASH}.png`), PHOTO_BYTES);
    const session = createFakeSession();
    handleAppProtocol(session as unknown as Session, root, () => archiveDir);
    expect(session.protocol.handle).toHaveBeenCalledTimes(1);
    expect(session.protocol.handle.mock.calls[0]![0]).toBe('app');
    handler = session.protocol.handle.mock.calls[0]![1];
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

  it("serves the open archive's photos by hash, and nothing else under /photos/", async () => {
    const res = await get(`app://hoso/photos/${PHOTO_HASH}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PHOTO_BYTES);
    for (const bad of ['app://hoso/photos/../secret.txt', 'app://hoso/photos/abc', `app://hoso/photos/${'0'.repeat(64)}`, 'app://hoso/photos/%2e%2e%2fsecret.txt']) {
      const r = await get(bad);
      expect(r.status, bad).toBe(404);
      expect(await r.text()).not.toContain('TOP SECRET');
    }
  });

  it('serves index.html for / with the CSP header and an HTML content type', async () => {
    for (const url of ['app://hoso/', 'app://hoso/index.html']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toBe(INDEX);
    }
  });

  it('serves assets with their types, byte for byte', async () => {
    const js = await get('app://hoso/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('export {};');
    const font = await get('app://hoso/assets/font.woff2');
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect([...new Uint8Array(await font.arrayBuffer())]).toEqual([0x77, 0x4f, 0x46, 0x32]);
  });

  it.each([
    'app://hoso/../../etc/passwd',
    'app://hoso/../secret.txt',
    'app://hoso/%2e%2e%2fsecret.txt',
    'app://hoso/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://hoso/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://hoso/..%5csecret.txt',
    'app://hoso/%2e%2e%5c%2e%2e%5cetc%5cpasswd',
    'app://hoso/%5c..%5csecret.txt',
    'app://hoso/C:%5cWindows%5cwin.ini',
    'app://hoso/index.html%00.js',
    'app://hoso/missing.js',
    'app://elsewhere/index.html',
  ])('answers 404 (with the CSP) for %s and never leaks the secret', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).not.toContain('TOP SECRET');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://hoso/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('app://hoso/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
