/**
 * What the desktop window may load, and how app:// URLs map to files. Pure Node (no `electron`
 * import) so every rule here is tested directly under vitest; the Electron glue (protocol.ts,
 * hardening.ts, ipc.ts) only wires these answers into Electron's hooks.
 */
import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/** The scheme and host the built renderer is served from: `app://hoso/index.html`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hoso';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * Sent with every app:// response. Nothing but the app's own files may run or be fetched:
 * `'unsafe-inline'` for styles only, because Mantine/emotion inject <style> tags at runtime;
 * images may be data:/blob: (photo previews made in the page); no plugins, no <base>, no form
 * posts, and the page may not be framed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The origin of the vite dev server (electron-vite's ELECTRON_RENDERER_URL), but only when it is
 * plain http on this machine: a dev URL pointing anywhere else is ignored, so a stray environment
 * variable can never make the window load remote content.
 */
export function devServerOrigin(devServerUrl: string | undefined): string | undefined {
  if (!devServerUrl) return undefined;
  const u = parseUrl(devServerUrl);
  if (!u || u.protocol !== 'http:' || !LOOPBACK_HOSTS.has(u.hostname) || u.username || u.password)
    return undefined;
  return u.origin;
}

/** True for a page of this app: `app://hoso/…`, or in development the exact dev server origin. */
export function isAppPageUrl(url: string, devServerUrl?: string): boolean {
  const u = parseUrl(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST && !u.username && !u.password;
  const dev = devServerOrigin(devServerUrl);
  return dev !== undefined && u.origin === dev;
}

/**
 * The session's allow-list (every request the window makes passes here): the app's own files,
 * DevTools, and in-memory data:/blob: URLs. Everything that could leave the machine or read
 * outside the app folder (http, https, ws, wss, file, ftp, other hosts of app://) is refused.
 * In development the vite dev server's origin is allowed, plus its HMR websocket (same host and
 * port): without it vite's client keeps retrying and live reload breaks.
 */
export function isAllowedRequestUrl(url: string, devServerUrl?: string): boolean {
  const u = parseUrl(url);
  if (!u) return false;
  switch (u.protocol) {
    case `${APP_SCHEME}:`:
      return isAppPageUrl(url);
    case 'devtools:':
    case 'data:':
    case 'blob:':
      return true;
    case 'http:':
      return isAppPageUrl(url, devServerUrl);
    case 'ws:': {
      const dev = devServerOrigin(devServerUrl);
      return dev !== undefined && `http://${u.host}` === dev && !u.username && !u.password;
    }
    default:
      return false;
  }
}

/** What to write in a log for a refused URL: its origin (or scheme), never the path or query. */
export function describeUrlForLog(url: string): string {
  const u = parseUrl(url);
  if (!u) return '(unparseable URL)';
  return u.origin !== 'null' ? u.origin : u.protocol;
}

/**
 * Maps `app://hoso/<path>` to a regular file inside `rootDir` (the built renderer), or null.
 * Chromium already normalises `..` in standard-scheme URLs, but this does not rely on it: the path
 * is decoded once and then refused if any segment is `.`/`..` (so `%2e%2e%2f` is caught), if it
 * holds a backslash, a colon (drive letters, NTFS streams) or a NUL, or if the resolved file —
 * after following symlinks — lies outside the real root. `/` means index.html.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  const u = parseUrl(requestUrl);
  if (!u || u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
  } catch {
    return null; // malformed %-escape
  }
  if (/[\\:\0]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return null;
  if (segments.length === 0) segments.push('index.html');

  const root = resolve(rootDir);
  const candidate = resolve(root, ...segments);
  if (!isInside(root, candidate)) return null;

  try {
    // Follow symlinks on both sides: a link inside out/renderer must not lead out of it.
    const realRoot = realpathSync(root);
    const realFile = realpathSync(candidate);
    if (!isInside(realRoot, realFile)) return null;
    if (!statSync(realFile).isFile()) return null;
    return realFile;
  } catch {
    return null; // missing file or unreadable: a 404, not an error
  }
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** Content types of what vite emits into out/renderer; anything else is served as opaque bytes. */
const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
