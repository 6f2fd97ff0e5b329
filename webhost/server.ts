import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { AddressInfo } from 'node:net';
import { errorPayload, HosoError, type ErrorCode, type ErrorDetail } from '../contract/errors';
import { literal } from '../contract/messages/message';
import type { Dispatch } from '../services/dispatch';
import { consoleLogger, type Logger } from '../services/log';
import { CONTENT_SECURITY_POLICY, contentTypeFor, resolveStaticFile } from '../services/staticFiles';
import { resolvePhotoRoute } from '../services/photoStore';
import { allBodyLimits, BODY_LIMITS, bodyLimitOf, bytesLabel, type BodyLimit } from './bodyLimits';

export { BODY_LIMITS, bodyLimitOf };

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
  /** Shorter in tests; DEFAULT_TIMEOUTS otherwise. */
  timeouts?: Partial<WebHostTimeouts>;
}

/**
 * How long a connection may take. The browser on the same PC sends a request in milliseconds; these only
 * cut what is not a browser: a connection that sends nothing, headers or a body that trickle in
 * (slowloris), an idle kept-alive connection. A handler that works long (a full check, a rebuild) is not
 * limited: the clock stops once the request has arrived.
 */
export interface WebHostTimeouts {
  /** The request line and headers must have arrived within this from the connection or the last request. */
  headersMs: number;
  /** The whole request, body included (Node's requestTimeout): a 70 MB import on a busy PC. */
  requestMs: number;
  /** The body of a channel that takes at most SMALL_BODY_BYTES: a search or a record write. */
  smallBodyMs: number;
  /** A kept-alive connection with no request is closed after this. */
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: WebHostTimeouts = {
  headersMs: 10_000,
  requestMs: 120_000,
  smallBodyMs: 10_000,
  keepAliveMs: 5_000,
};
/** Channels whose limit is at most this get `smallBodyMs` to send their body. */
export const SMALL_BODY_BYTES = 1024 * 1024;
/**
 * Past its limit, a body is still read (and thrown away) so the sender gets to read the 413 instead of a
 * reset connection; beyond this the connection is cut.
 */
const DRAIN_MAX_BYTES = 1024 * 1024 * 1024;

export interface WebHost {
  /** Origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  port: number;
  /** The URL to open: origin + token. */
  launchUrl: string;
  close(): Promise<void>;
}

/** The largest body a channel of text takes (a meeting with its minutes at their cap); files go above. */
export const MAX_BODY_BYTES = Math.max(
  ...Object.entries(allBodyLimits())
    .filter(([channel]) => !(channel in BODY_LIMITS))
    .map(([, limit]) => limit.bytes),
);
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
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, detail?: ErrorDetail): void {
  sendJson(res, status, { ok: false, error: errorPayload(code, detail) });
}

const LOCKED_PAGE = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Hồ sơ Hội nghị</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.5">
<h1>Hồ sơ Hội nghị</h1>
<p>Trang này chỉ mở được bằng đường dẫn có mã truy cập mà chương trình in ra khi khởi động
(dòng <code>http://127.0.0.1:…/?token=…</code>). Hãy mở lại đúng đường dẫn đó.</p>
<p lang="en"><small>Open the link with the access token printed when the program started.</small></p>
</body></html>`;

type Body = { kind: 'read'; bytes: Buffer } | { kind: 'too-large' } | { kind: 'cut' };

/**
 * Reads a JSON body of at most `limit` bytes within `deadlineMs`. A declared length over the limit is
 * refused before a byte is read; a body without one (chunked) as soon as it passes the limit. Either way
 * the rest is then read and thrown away (drain), never kept or parsed, so the sender gets its 413 answer
 * instead of a reset connection. A body still arriving at the deadline, or past DRAIN_MAX_BYTES, has its
 * connection cut.
 */
function readBody(req: IncomingMessage, limit: number, deadlineMs: number): Promise<Body> {
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    drain(req);
    return Promise.resolve({ kind: 'too-large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (body: Body) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('close', onClose);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      chunks.length = 0;
      finish({ kind: 'too-large' });
      drain(req, size);
    };
    const onEnd = () => finish({ kind: 'read', bytes: Buffer.concat(chunks) });
    const onClose = () => finish({ kind: 'cut' });
    const timer = setTimeout(() => {
      finish({ kind: 'cut' });
      req.socket.destroy();
    }, deadlineMs);
    req.on('data', onData).on('end', onEnd).on('close', onClose);
  });
}

/** Reads and discards the rest of a refused body; a sender that goes on past DRAIN_MAX_BYTES is cut off. */
function drain(req: IncomingMessage, alreadyRead = 0): void {
  let size = alreadyRead;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > DRAIN_MAX_BYTES) req.socket.destroy();
  });
  req.resume();
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? consoleLogger;
  let origin = '';
  let allowedHosts: string[] = [];

  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      // How often the two above are checked (Node's default, 30 s, would let a slow sender run that much longer).
      connectionsCheckingInterval: Math.min(1000, timeouts.headersMs),
    },
    (req, res) => {
      handle(req, res).catch((e: unknown) => {
        log.error('INTERNAL', `${req.method ?? ''} ${req.url ?? ''}`.slice(0, 120), e);
        if (!res.headersSent) sendError(res, 500, 'INTERNAL');
        else res.end();
      });
    },
  );

  /** 413 with the channel's limit (a photo's and an import's texts name their own cap). */
  function refuseTooLarge(res: ServerResponse, path: string, limit: BodyLimit): void {
    log.error(limit.code, path);
    sendError(
      res,
      413,
      limit.code,
      limit.code === 'PAYLOAD_TOO_LARGE' ? literal(bytesLabel(limit.bytes)) : undefined,
    );
  }

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
      if (!authorised || (reqOrigin !== undefined && reqOrigin !== origin))
        return sendError(res, 403, 'FORBIDDEN');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        return sendError(res, 415, 'INVALID_INPUT');
      const channel = url.pathname.slice('/api/'.length);
      const limit = bodyLimitOf(channel);
      const body = await readBody(
        req,
        limit.bytes,
        limit.bytes <= SMALL_BODY_BYTES ? timeouts.smallBodyMs : timeouts.requestMs,
      );
      if (body.kind === 'cut')
        return void log.error('INVALID_INPUT', `${url.pathname}: body not received in time`);
      if (body.kind === 'too-large') return refuseTooLarge(res, url.pathname, limit);
      let payload: unknown;
      try {
        payload = body.bytes.length ? JSON.parse(body.bytes.toString('utf8')) : {};
      } catch {
        return sendError(res, 400, 'INVALID_INPUT');
      }
      const reply = await options.dispatch(channel, payload);
      return sendJson(res, 200, reply);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'UNKNOWN_CHANNEL');
    if (!authorised) {
      res.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
      return void res.end(LOCKED_PAGE);
    }
    // Photos are the archive's content: closed while the app lock is (the page itself still loads, to show the lock screen).
    if (url.pathname.startsWith('/photos/') && options.dispatch.isLocked?.())
      return sendError(res, 423, 'APP_LOCKED');
    const photo = options.archiveDir ? await resolvePhotoRoute(options.archiveDir, url.pathname) : null;
    if (photo === 'not-found') {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('404');
    }
    if (photo) {
      const { size } = await stat(photo.path);
      // Content-addressed: the bytes behind a hash never change, so the browser may keep them.
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': photo.contentType,
        'Content-Length': size,
        'Cache-Control': 'private, max-age=31536000, immutable',
      });
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
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new HosoError('PORT_IN_USE', literal(String(options.port)), { cause: e })
          : e,
      ),
    );
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
