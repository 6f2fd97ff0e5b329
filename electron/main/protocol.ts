/**
 * Serves the built renderer from `app://hoso/…` instead of file://. A file:// page can read any
 * file the clerk can, and shares one opaque origin with every other local file; a privileged
 * standard scheme gives the app its own origin, lets relative URLs and fetch() work, and lets
 * every response carry our Content-Security-Policy header.
 */
import { protocol, type Session } from 'electron';
import { readFile } from 'node:fs/promises';
import { resolvePhotoRoute } from '../../services/photoStore';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, mimeTypeFor, resolveAppPath } from './securityPolicy';

/**
 * Must run before the app's `ready` event (Electron's rule). Deliberately not `bypassCSP`
 * (the CSP header must bind), nor `corsEnabled` or `allowServiceWorkers`: nothing needs them.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Headers on every app:// answer, errors included, so no response is ever without the CSP. */
function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // The files change only when the app is updated; no-cache keeps a stale bundle from lingering.
    'Cache-Control': 'no-cache',
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * The request → response function behind `protocol.handle`, exported for tests. `/photos/<hash>` and
 * `/photos/thumb/<hash>` come from the open archive's content-addressed photo store (the same routes
 * as the web host, so the renderer uses one URL on both); everything else from the built renderer.
 */
export function createAppRequestHandler(
  rootDir: string,
  archiveDir: () => string | null = () => null,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    const dir = archiveDir();
    const photo = dir ? await resolvePhotoRoute(dir, new URL(request.url).pathname) : null;
    if (photo === 'not-found') return plain(404, 'Not Found');
    if (photo) {
      const bytes = await readFile(photo.path).catch(() => null);
      if (!bytes) return plain(404, 'Not Found');
      const headers = {
        ...baseHeaders(),
        'Content-Type': photo.contentType,
        'Content-Length': String(bytes.length),
        // A photo's name is its SHA-256: its bytes can never change.
        'Cache-Control': 'private, max-age=31536000, immutable',
      };
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), { status: 200, headers });
    }
    const file = resolveAppPath(rootDir, request.url);
    if (!file) return plain(404, 'Not Found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return plain(404, 'Not Found');
    }
    const headers = {
      ...baseHeaders(),
      'Content-Type': mimeTypeFor(file),
      'Content-Length': String(body.length),
    };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Registers the app:// handler on `session` (the window's session: protocols are per session). */
export function handleAppProtocol(session: Session, rootDir: string, archiveDir?: () => string | null): void {
  session.protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir, archiveDir));
}
