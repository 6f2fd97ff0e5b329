import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Serving the built renderer safely: one module for the desktop app:// protocol (electron/main) and the
 * loopback web host (webhost), so both answer with the same policy and the same path guard.
 *
 * Nothing but the app's own files may run or be fetched (the app is offline): 'unsafe-inline' for
 * styles only, because Mantine writes its CSS variables into a <style> element; images may be
 * data:/blob: (photo previews made in the page); no plugins, no <base>, no form posts, no framing.
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

/** Content types of what vite emits into out/renderer; anything else is served as opaque bytes. */
const CONTENT_TYPES: Record<string, string> = {
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

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * Maps a URL path (`/assets/index.js`) to a regular file inside `rootDir`, or null. Browsers normalise
 * `..` in URLs, but this does not rely on it: the path is decoded once and refused if any segment is
 * `.`/`..` (so `%2e%2e%2f` is caught), if it holds a backslash, a colon (drive letters, NTFS streams) or
 * a NUL, or if the file, after following symlinks, lies outside the real root. `/` means index.html.
 */
export function resolveStaticFile(rootDir: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
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
    return null; // missing or unreadable: a 404, not an error
  }
}
