/**
 * What the desktop window may load, and how app:// URLs map to files. Pure Node (no `electron`
 * import) so every rule here is tested directly under vitest; the Electron glue (protocol.ts,
 * hardening.ts, ipc.ts) only wires these answers into Electron's hooks.
 */
import { resolveStaticFile } from '../../services/staticFiles';

/** The scheme and host the built renderer is served from: `app://hoso/index.html`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hoso';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export { CONTENT_SECURITY_POLICY } from '../../services/staticFiles';

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
 * Maps `app://hoso/<path>` to a regular file inside `rootDir` (the built renderer), or null: only this
 * app's host, then the shared path guard of services/staticFiles.ts.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  const u = parseUrl(requestUrl);
  if (!u || u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password) return null;
  return resolveStaticFile(rootDir, u.pathname);
}

export { contentTypeFor as mimeTypeFor } from '../../services/staticFiles';
