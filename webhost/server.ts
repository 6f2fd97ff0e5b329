import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { AddressInfo } from 'node:net';
import { ERROR_MESSAGES, type ErrorCode } from '../contract/errors';
import type { Dispatch } from '../services/dispatch';
import { consoleLogger, type Logger } from '../services/log';
import { CONTENT_SECURITY_POLICY, contentTypeFor, resolveStaticFile } from '../services/staticFiles';
import { resolvePhotoRoute } from '../services/photoStore';

/**
 * The loopback web host: the same contract as Electron IPC, over HTTP on 127.0.0.1 only.
 *
 * Who may call it: the browser tab opened with this launch's secret token. Visiting `/?token=…` sets an
 * HttpOnly, SameSite=Strict cookie; every other request needs that cookie. Requests whose Host is not
 * this loopback address (DNS rebinding) or whose Origin is another site are refused.
 */
export interface WebHostOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Per-launch secret; random when omitted. */
  token?: string;
  log?: Logger;
  /** Folder of archive.sqlite: its photos/ are served at /photos/<sha256> and /photos/thumb/<sha256>. */
  archiveDir?: string;
}

export interface WebHost {
  /** Origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  port: number;
  /** The URL to open: origin + token. */
  launchUrl: string;
  close(): Promise<void>;
}

export const MAX_BODY_BYTES = 16 * 1024 * 1024;
/**
 * Channels whose requests may be larger than MAX_BODY_BYTES, and the error a larger one gets.
 * photos/add carries a photo of up to 40 MB in base64 (4/3 of it) plus a little JSON.
 */
export const BODY_LIMITS: Readonly<Record<string, { bytes: number; code: ErrorCode }>> = {
  'photos/add': { bytes: 64 * 1024 * 1024, code: 'PHOTO_TOO_LARGE' },
  // A file to import (up to IMPORT_FILE_MAX_BYTES, 50 MB) travels in base64 inside JSON: about 67 MB.
  'import/preview': { bytes: 72 * 1024 * 1024, code: 'IMPORT_TOO_LARGE' },
  'import/save': { bytes: 72 * 1024 * 1024, code: 'IMPORT_TOO_LARGE' },
  'import/batch': { bytes: 72 * 1024 * 1024, code: 'IMPORT_TOO_LARGE' },
};
const COOKIE = 'hoso_session';

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, code: ErrorCode): void {
  sendJson(res, status, { ok: false, error: { code, message: ERROR_MESSAGES[code].vi } });
}

const LOCKED_PAGE = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Hồ sơ Hội nghị</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.5">
<h1>Hồ sơ Hội nghị</h1>
<p>Trang này chỉ mở được bằng đường dẫn có mã truy cập mà chương trình in ra khi khởi động
(dòng <code>http://127.0.0.1:…/?token=…</code>). Hãy mở lại đúng đường dẫn đó.</p>
<p lang="en"><small>Open the link with the access token printed when the program started.</small></p>
</body></html>`;

/**
 * Reads a JSON body up to MAX_BODY_BYTES. Past the limit the rest is drained (not kept) so the browser
 * gets to read the 413 answer instead of a reset connection; a sender that goes on far past the limit
 * is cut off.
 */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = Number(req.headers['content-length'] ?? 0) > limit;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) tooLarge = true;
    if (size > 4 * limit) {
      req.destroy();
      break;
    }
    if (!tooLarge) chunks.push(chunk as Buffer);
  }
  return tooLarge ? 'too-large' : Buffer.concat(chunks);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? consoleLogger;
  let origin = '';
  let allowedHosts: string[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log.error('INTERNAL', `${req.method ?? ''} ${req.url ?? ''}`.slice(0, 120), e);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends Host: evil.example.
    if (!allowedHosts.includes(req.headers.host ?? '')) return sendError(res, 403, 'FORBIDDEN');
    const url = new URL(req.url ?? '/', origin);

    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && url.pathname === '/' && queryToken !== null) {
      if (!sameSecret(queryToken, token)) {
        res.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
        return void res.end(LOCKED_PAGE);
      }
      res.writeHead(302, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store',
      });
      return void res.end();
    }

    const session = cookieValue(req, COOKIE);
    const authorised = session !== null && sameSecret(session, token);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendError(res, 405, 'UNKNOWN_CHANNEL');
      const reqOrigin = req.headers.origin;
      if (!authorised || (reqOrigin !== undefined && reqOrigin !== origin)) return sendError(res, 403, 'FORBIDDEN');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendError(res, 415, 'INVALID_INPUT');
      const limit = BODY_LIMITS[url.pathname.slice('/api/'.length)] ?? { bytes: MAX_BODY_BYTES, code: 'PAYLOAD_TOO_LARGE' };
      const body = await readBody(req, limit.bytes);
      if (body === 'too-large') {
        log.error(limit.code, url.pathname);
        return sendError(res, 413, limit.code);
      }
      let payload: unknown;
      try {
        payload = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return sendError(res, 400, 'INVALID_INPUT');
      }
      const reply = await options.dispatch(url.pathname.slice('/api/'.length), payload);
      return sendJson(res, 200, reply);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'UNKNOWN_CHANNEL');
    if (!authorised) {
      res.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
      return void res.end(LOCKED_PAGE);
    }
    // Photos are the archive's content: closed while the app lock is (the page itself still loads, to show the lock screen).
    if (url.pathname.startsWith('/photos/') && options.dispatch.isLocked?.()) return sendError(res, 423, 'APP_LOCKED');
    const photo = options.archiveDir ? await resolvePhotoRoute(options.archiveDir, url.pathname) : null;
    if (photo === 'not-found') {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('404');
    }
    if (photo) {
      const { size } = await stat(photo.path);
      // Content-addressed: the bytes behind a hash never change, so the browser may keep them.
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': photo.contentType, 'Content-Length': size, 'Cache-Control': 'private, max-age=31536000, immutable' });
      if (req.method === 'HEAD') return void res.end();
      // Streamed: a 40 MB original is not held in memory per request.
      return await pipeline(createReadStream(photo.path), res);
    }
    const file = resolveStaticFile(options.rendererDir, url.pathname);
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('404');
    }
    const content = await readFile(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeFor(file),
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'private, max-age=31536000, immutable',
    });
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    origin,
    port,
    launchUrl: `${origin}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
