import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_START_URL,
  CONTENT_SECURITY_POLICY,
  describeUrlForLog,
  devServerOrigin,
  isAllowedRequestUrl,
  isAppPageUrl,
  mimeTypeFor,
  resolveAppPath,
} from '../../../electron/main/securityPolicy';

const DEV = 'http://localhost:5173';

describe('CONTENT_SECURITY_POLICY', () => {
  it('is exactly the policy of the brief: self only, inline styles, no objects/base/forms/framing', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'",
    );
  });

  it('never allows inline or eval scripts', () => {
    const script = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
  });
});

describe('isAllowedRequestUrl (production)', () => {
  const allowed = [
    APP_START_URL,
    'app://hoso/',
    'app://hoso/assets/index-abc123.js',
    'app://hoso/assets/be-vietnam-pro.woff2?v=1',
    'devtools://devtools/bundled/devtools_app.html',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://hoso/7c4b1d0e-0000-4000-8000-000000000000',
  ];
  const refused = [
    'http://example.com/',
    'https://example.com/',
    'https://fonts.googleapis.com/css2?family=Roboto',
    'http://127.0.0.1:8080/',
    'http://localhost:5173/',
    'ws://localhost:5173/',
    'wss://example.com/socket',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'ftp://example.com/file',
    'app://evil/index.html',
    'app://hoso.evil.example/index.html',
    'app://user:pw@hoso/index.html',
    'chrome://settings',
    'javascript:alert(1)',
    'not a url',
    '',
  ];
  it.each(allowed)('allows %s', (url) => expect(isAllowedRequestUrl(url)).toBe(true));
  it.each(refused)('refuses %s', (url) => expect(isAllowedRequestUrl(url)).toBe(false));
});

describe('isAllowedRequestUrl (development)', () => {
  it('allows the exact dev server origin and its HMR websocket, nothing near it', () => {
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/?token=x', DEV)).toBe(true);
    expect(isAllowedRequestUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedRequestUrl('http://127.0.0.1:5173/', DEV)).toBe(false);
    expect(isAllowedRequestUrl('https://localhost:5173/', DEV)).toBe(false);
    expect(isAllowedRequestUrl('ws://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedRequestUrl('https://example.com/', DEV)).toBe(false);
    expect(isAllowedRequestUrl('file:///etc/passwd', DEV)).toBe(false);
  });

  it('ignores a "dev server" that is not plain http on loopback', () => {
    for (const bad of [
      'https://evil.example',
      'http://evil.example:5173',
      'http://10.0.0.5:5173',
      'file:///tmp',
    ]) {
      expect(devServerOrigin(bad)).toBeUndefined();
      expect(isAllowedRequestUrl(`${bad}/x.js`, bad)).toBe(false);
    }
    expect(devServerOrigin('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173');
    expect(devServerOrigin('http://[::1]:5173/')).toBe('http://[::1]:5173');
  });
});

describe('isAppPageUrl', () => {
  it('recognises only app://hoso pages, and the dev server in development', () => {
    expect(isAppPageUrl('app://hoso/index.html#/meetings/1')).toBe(true);
    expect(isAppPageUrl('app://other/index.html')).toBe(false);
    expect(isAppPageUrl('https://evil.example/')).toBe(false);
    expect(isAppPageUrl('http://localhost:5173/')).toBe(false);
    expect(isAppPageUrl('http://localhost:5173/', DEV)).toBe(true);
    expect(isAppPageUrl('file:///work/out/renderer/index.html')).toBe(false);
  });
});

describe('describeUrlForLog', () => {
  it('keeps the origin and drops path and query (they may hold a clerk’s data)', () => {
    expect(describeUrlForLog('https://example.com/tim-kiem?q=Nguy%E1%BB%85n')).toBe('https://example.com');
    expect(describeUrlForLog('file:///home/clerk/Bien-ban-mat.docx')).toBe('file:');
    expect(describeUrlForLog('%%%')).toBe('(unparseable URL)');
  });
});

describe('resolveAppPath', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'hoso-approot-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Hồ sơ</title>');
    writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets', 'tên có dấu.png'), 'png');
    // What an attacker would want: files next to and above the renderer folder.
    writeFileSync(join(base, 'secret.txt'), 'secret');
    writeFileSync(join(base, 'renderer-secret.txt'), 'secret');
    symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'escape.txt'));
    symlinkSync(base, join(root, 'escape-dir'));
    symlinkSync(join(root, 'index.html'), join(root, 'assets', 'alias.html'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('maps / and index.html to index.html', () => {
    const index = resolveAppPath(root, 'app://hoso/index.html');
    expect(index).toMatch(/renderer[/\\]index\.html$/);
    expect(resolveAppPath(root, 'app://hoso/')).toBe(index);
    expect(resolveAppPath(root, 'app://hoso')).toBe(index);
  });

  it('serves files in subfolders, ignores query and fragment, decodes UTF-8 names', () => {
    expect(resolveAppPath(root, 'app://hoso/assets/index.js?v=2#x')).toMatch(/assets[/\\]index\.js$/);
    expect(resolveAppPath(root, 'app://hoso/assets/t%C3%AAn%20c%C3%B3%20d%E1%BA%A5u.png')).toMatch(
      /d\u1ea5u\.png$/,
    );
  });

  it('follows a symlink that stays inside the root', () => {
    expect(resolveAppPath(root, 'app://hoso/assets/alias.html')).toBe(
      resolveAppPath(root, 'app://hoso/index.html'),
    );
  });

  it('refuses symlinks that lead out of the root', () => {
    expect(resolveAppPath(root, 'app://hoso/assets/escape.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://hoso/escape-dir/secret.txt')).toBeNull();
  });

  it('returns null for missing files, directories, other hosts and other schemes', () => {
    expect(resolveAppPath(root, 'app://hoso/nope.js')).toBeNull();
    expect(resolveAppPath(root, 'app://hoso/assets')).toBeNull();
    expect(resolveAppPath(root, 'app://hoso/assets/')).toBeNull();
    expect(resolveAppPath(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppPath(root, 'file:///index.html')).toBeNull();
    expect(resolveAppPath(root, 'https://hoso/index.html')).toBeNull();
  });

  // Every way of spelling "go up", "absolute" or "other drive" that has been used against file
  // servers; each must end in null, never in a file outside the root.
  const ups = ['..', '%2e%2e', '%2E%2E', '.%2e', '%2e.', '..%00', '%2e%2e%00'];
  const seps = ['/', '%2f', '%2F', '\\', '%5c', '%5C'];
  const targets = ['secret.txt', 'renderer-secret.txt', 'etc/passwd', 'Windows/win.ini'];
  const nasty: string[] = [];
  for (const up of ups) {
    for (const sep of seps) {
      for (const target of targets) {
        nasty.push(
          `${up}${sep}${target}`,
          `${up}${sep}${up}${sep}${target}`,
          `assets/${up}${sep}${up}${sep}${target}`,
        );
      }
    }
  }
  nasty.push(
    '%2fetc%2fpasswd',
    '/etc/passwd',
    '//etc/passwd',
    '%5c%5cserver%5cshare%5cx',
    'C:/Windows/win.ini',
    'C%3a%5cWindows%5cwin.ini',
    'c:%2fwindows%2fwin.ini',
    'index.html%00.png',
    'index.html::$DATA',
    '%',
    '%zz',
    '%c0%ae%c0%ae/secret.txt',
    '%252e%252e/secret.txt',
    '....//secret.txt',
  );

  it(`refuses ${nasty.length} traversal spellings`, () => {
    for (const path of nasty) {
      const resolved = resolveAppPath(root, `app://hoso/${path}`);
      // Either refused outright, or (e.g. after URL normalisation) a file that really is in the root.
      if (resolved !== null) expect.fail(`app://hoso/${path} resolved to ${resolved}`);
    }
  });

  it('never returns a path outside the root, whatever bytes follow app://hoso/', () => {
    const alphabet = [
      '.',
      '..',
      '/',
      '\\',
      '%2e',
      '%2f',
      '%5c',
      '%00',
      'assets',
      'index.html',
      'secret.txt',
      ':',
      '%',
    ];
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    const realRoot = resolveAppPath(root, 'app://hoso/index.html')!.replace(/index\.html$/, '');
    for (let i = 0; i < 3000; i++) {
      const len = 1 + (next() % 8);
      let path = '';
      for (let j = 0; j < len; j++) path += alphabet[next() % alphabet.length];
      const resolved = resolveAppPath(root, `app://hoso/${path}`);
      if (resolved !== null && !resolved.startsWith(realRoot))
        expect.fail(`app://hoso/${path} escaped to ${resolved}`);
    }
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['font.woff2', 'font/woff2'],
    ['font.woff', 'font/woff'],
    ['font.ttf', 'font/ttf'],
    ['logo.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.JPG', 'image/jpeg'],
    ['a.webp', 'image/webp'],
    ['manifest.json', 'application/json; charset=utf-8'],
    ['favicon.ico', 'image/x-icon'],
    ['unknown.bin', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('%s → %s', (file, type) => expect(mimeTypeFor(file)).toBe(type));
});
