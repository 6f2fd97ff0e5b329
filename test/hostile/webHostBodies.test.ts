import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Archive } from '../../db/open';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher } from '../../services/dispatch';
import { silentLogger } from '../../services/log';
import { CHANNELS, MINUTES_HTML_MAX_CHARS, MINUTES_MAX_CHARS } from '../../contract/contract';
import { translate } from '../../contract/messages/translate';
import { allBodyLimits, BODY_LIMITS, bodyLimitOf, jsonBytesBound } from '../../webhost/bodyLimits';
import { DEFAULT_TIMEOUTS, startWebHost, type WebHost } from '../../webhost/server';
import { withFreePort } from '../../webhost/ports';
import { runCli } from '../../cli/run';
import { tempArchive, tempDir } from '../helpers/tempArchive';
import { send, type Res } from '../helpers/http';

/**
 * Issue 19, hostile inputs: what the loopback web host does with bodies far larger than a channel's
 * payload can be, with senders that never finish, and with a port already taken. Through a real server
 * on 127.0.0.1.
 */
let archive: Archive;
let cleanups: (() => void)[] = [];
let host: WebHost;
let cookie: string;
let rendererDir: string;
const TOKEN = 'hostile-token-0123456789abcdef';
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  const t = await tempArchive();
  archive = t.archive;
  const r = tempDir();
  cleanups = [t.cleanup, r.cleanup];
  rendererDir = join(r.dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Hồ sơ Hội nghị</title>');
  const dispatch = createDispatcher(createHandlers(createContext(archive, 'web', 'test')), silentLogger);
  host = await startWebHost({ dispatch, rendererDir, token: TOKEN, log: silentLogger, archiveDir: t.dir });
  const login = await send(host, 'GET', `/?token=${TOKEN}`);
  cookie = String(login.headers['set-cookie']).split(';')[0]!;
});
afterAll(async () => {
  await host.close();
  cleanups.forEach((c) => c());
});

async function timed(run: () => Promise<Res>): Promise<{ res: Res; ms: number }> {
  const started = performance.now();
  const res = await run();
  return { res, ms: Math.round(performance.now() - started) };
}

/** A body sent in chunks without Content-Length (Transfer-Encoding: chunked), as a stream would. */
function sendChunked(path: string, chunk: Buffer, times: number): Promise<Res> {
  return send(host, 'POST', path, { cookie, ...json }, (req) => {
    let i = 0;
    const next = (): void => {
      while (i < times) {
        i++;
        if (!req.write(chunk)) return void req.once('drain', next);
      }
      req.end();
    };
    next();
  });
}

describe('a body far larger than its channel takes', () => {
  it('a 15 MB array sent to search/query is refused with 413 and a Vietnamese message in under a second, unparsed', async () => {
    const body = Buffer.from(`{"query":${JSON.stringify(Array.from({ length: 1_000_000 }, (_, i) => `t${i}`))}}`.padEnd(15 * 1024 * 1024, ' '));
    const { res, ms } = await timed(() => send(host, 'POST', '/api/search/query', { cookie, ...json }, body));
    console.log(`15 MB body to search/query: HTTP ${res.status} in ${ms} ms`);
    expect(res.status).toBe(413);
    const reply = JSON.parse(res.body);
    expect(reply).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(reply.error.message).toContain('quá lớn');
    expect(reply.error.message).not.toMatch(/16 MB|[Tt]oo (big|large)|expected/);
    expect(ms).toBeLessThan(1000);
  });

  it('the same without Content-Length (chunked) is cut as soon as it passes the limit', async () => {
    const { res, ms } = await timed(() => sendChunked('/api/search/query', Buffer.alloc(64 * 1024, 0x20), 240));
    console.log(`15 MB chunked body to search/query: HTTP ${res.status} in ${ms} ms`);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(ms).toBeLessThan(1000);
  });

  it('a 100 MB upload with the session cookie gets an answer (413), not a reset, on a record write and on photos/add', async () => {
    const body = Buffer.alloc(100 * 1024 * 1024, 0x20);
    for (const [channel, code] of [
      ['meetings/update', 'PAYLOAD_TOO_LARGE'],
      ['photos/add', 'PHOTO_TOO_LARGE'],
    ] as const) {
      const { res, ms } = await timed(() => send(host, 'POST', `/api/${channel}`, { cookie, ...json }, body));
      console.log(`100 MB body to ${channel}: HTTP ${res.status} in ${ms} ms`);
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code } });
    }
    // The connection that answered is still usable.
    expect((await send(host, 'POST', '/api/app/info', { cookie, ...json }, '{}')).status).toBe(200);
  }, 30_000);

  it('a search of ordinary size and minutes up to their cap still pass the host', async () => {
    const search = await send(host, 'POST', '/api/search/query', { cookie, ...json }, JSON.stringify({ query: 'hội nghị '.repeat(200).trim() }));
    expect(JSON.parse(search.body)).toMatchObject({ ok: true });
    // A million characters of minutes in Vietnamese, three bytes each in UTF-8: 3 MB of body.
    const minutesText = 'ệ'.repeat(999_999);
    const created = await send(host, 'POST', '/api/meetings/create', { cookie, ...json }, JSON.stringify({
      title: 'Hội nghị có biên bản dài',
      kind: 'Hội nghị',
      meetingDate: '2025-06-02',
      startTime: null,
      endTime: null,
      minutesText,
    }));
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, data: { title: 'Hội nghị có biên bản dài' } });
  }, 30_000);
});

describe('each channel has the limit its payload needs, from the contract', () => {
  it('every channel has a finite limit: a search a few KB, minutes up to their cap, files their own', () => {
    const limits = allBodyLimits();
    for (const channel of CHANNELS) expect(Number.isFinite(limits[channel]!.bytes), channel).toBe(true);
    expect(bodyLimitOf('search/query').bytes).toBeLessThanOrEqual(16 * 1024);
    expect(bodyLimitOf('conclusions/add').bytes).toBeLessThanOrEqual(128 * 1024);
    // Three bytes of UTF-8 for every character the minutes' caps allow, and not much more.
    const minutes = 3 * (MINUTES_MAX_CHARS + MINUTES_HTML_MAX_CHARS);
    for (const channel of ['meetings/create', 'meetings/update']) {
      expect(bodyLimitOf(channel).bytes).toBeGreaterThanOrEqual(minutes);
      expect(bodyLimitOf(channel).bytes).toBeLessThan(16 * 1024 * 1024);
    }
    expect(bodyLimitOf('photos/add')).toEqual(BODY_LIMITS['photos/add']);
    expect(bodyLimitOf('no/such-channel').bytes).toBeLessThanOrEqual(1024);
  });

  it('the bound follows the schema: a capped string, an array of them, an uncapped one', async () => {
    const { z } = await import('zod');
    expect(jsonBytesBound(z.object({ q: z.string().max(100) }))).toBeGreaterThanOrEqual(300);
    expect(jsonBytesBound(z.array(z.string().max(10)).max(5))).toBeGreaterThanOrEqual(5 * 30);
    expect(jsonBytesBound(z.object({ q: z.string() }))).toBe(Infinity);
    expect(jsonBytesBound(z.record(z.string(), z.number()))).toBe(Infinity);
  });

  it("a refusal names the limit, in the clerk's language", async () => {
    const res = await send(host, 'POST', '/api/tags/list', { cookie, ...json }, Buffer.alloc(100 * 1024, 0x20));
    const reply = JSON.parse(res.body);
    expect(reply.error.details).toEqual([{ key: 'detail.literal', params: { text: '16 KB' } }]);
    expect(reply.error.message).toMatch(/^Dữ liệu gửi lên quá lớn.*\(16 KB\)$/);
    expect(translate('en', { key: 'errors.PAYLOAD_TOO_LARGE' })).not.toContain('16 MB');
  });
});

/** A raw connection: when it is closed by the host, and what it was told. */
function rawConnection(): Promise<{ socket: Socket; closed: Promise<{ ms: number; said: string }> }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect(host2.port, '127.0.0.1', () => resolve({ socket, closed }));
    let said = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (said += d));
    socket.on('error', () => undefined);
    const closed = new Promise<{ ms: number; said: string }>((done) =>
      socket.on('close', () => done({ ms: Math.round(performance.now() - started), said })),
    );
    socket.once('error', reject);
  });
}

let host2: WebHost;
let cookie2: string;
const QUICK = { headersMs: 800, requestMs: 2500, smallBodyMs: 800, keepAliveMs: 500 };

describe('connections that never finish are cut', () => {
  beforeAll(async () => {
    const dispatch = createDispatcher(createHandlers(createContext(archive, 'web', 'test')), silentLogger);
    host2 = await startWebHost({ dispatch, rendererDir, token: TOKEN, log: silentLogger, timeouts: QUICK });
    const login = await send(host2, 'GET', `/?token=${TOKEN}`);
    cookie2 = String(login.headers['set-cookie']).split(';')[0]!;
  });
  afterAll(() => host2.close());

  it('the defaults are finite and a browser on the same PC never meets them', () => {
    expect(DEFAULT_TIMEOUTS.headersMs).toBeLessThanOrEqual(DEFAULT_TIMEOUTS.requestMs);
    expect(DEFAULT_TIMEOUTS.smallBodyMs).toBeLessThanOrEqual(30_000);
    expect(DEFAULT_TIMEOUTS.requestMs).toBeLessThanOrEqual(300_000);
    expect(DEFAULT_TIMEOUTS.keepAliveMs).toBeGreaterThan(0);
  });

  it('a connection that sends nothing, and one whose headers trickle, are closed', async () => {
    const idle = await rawConnection();
    const trickle = await rawConnection();
    const timer = setInterval(() => trickle.socket.write('X'), 100);
    trickle.socket.write('POST /api/search/query HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    const [a, b] = await Promise.all([idle.closed, trickle.closed]);
    clearInterval(timer);
    expect(a.ms).toBeLessThan(QUICK.headersMs + 2500);
    expect(b.ms).toBeLessThan(QUICK.headersMs + 2500);
  });

  it("a search whose body trickles in is cut after smallBodyMs; a photo's after requestMs", async () => {
    for (const [channel, within] of [
      ['search/query', QUICK.smallBodyMs],
      ['photos/add', QUICK.requestMs],
    ] as const) {
      const slow = await rawConnection();
      slow.socket.write(
        `POST /api/${channel} HTTP/1.1\r\nHost: 127.0.0.1:${host2.port}\r\nCookie: ${cookie2}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 9000\r\n\r\n{"query":"',
      );
      const timer = setInterval(() => slow.socket.write('a'), 100);
      const { ms } = await slow.closed;
      clearInterval(timer);
      console.log(`trickling body to ${channel}: cut after ${ms} ms`);
      expect(ms).toBeGreaterThanOrEqual(within - 100);
      expect(ms).toBeLessThan(within + 2500);
    }
  }, 20_000);

  it('an idle kept-alive connection is closed after keepAliveMs', async () => {
    const kept = await rawConnection();
    kept.socket.write(`POST /api/app/info HTTP/1.1\r\nHost: 127.0.0.1:${host2.port}\r\nCookie: ${cookie2}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`);
    const { ms, said } = await kept.closed;
    expect(said).toMatch(/^HTTP\/1\.1 200/);
    expect(ms).toBeLessThan(QUICK.keepAliveMs + 2500);
  });
});

describe('a port already taken', () => {
  it('is said with PORT_IN_USE, not a stack trace', async () => {
    const busy: Server = createTcpServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as { port: number }).port;
    try {
      const dispatch = createDispatcher(createHandlers(createContext(archive, 'web', 'test')), silentLogger);
      await expect(startWebHost({ dispatch, rendererDir, port, log: silentLogger })).rejects.toMatchObject({
        code: 'PORT_IN_USE',
        details: [{ key: 'detail.literal', params: { text: String(port) } }],
      });
      // `hoso serve --port N` says so at once, before building the interface or opening the archive.
      const err: string[] = [];
      const code = await runCli(['serve', '--port', String(port), '--db', join(rendererDir, 'khong-mo.sqlite')], {
        out: () => undefined,
        err: (l) => err.push(l),
        untilStopped: () => Promise.resolve(),
      });
      expect(code).toBe(2);
      expect(err.join('\n')).toMatch(new RegExp(`^Cổng mạng nội bộ này đang được chương trình khác dùng.*\\(${port}\\)$`));
      // `npm start` takes the next free port instead, and says which.
      const said: string[] = [];
      const args = await withFreePort(['--db', 'x.sqlite', `--port=${port}`], (l) => said.push(l));
      expect(args.slice(0, 3)).toEqual(['--db', 'x.sqlite', '--port']);
      expect(Number(args[3])).toBeGreaterThan(port);
      expect(said[0]).toContain(`Cổng ${port} đang được chương trình khác dùng`);
      expect(await withFreePort(['--port', args[3]!], () => undefined)).toEqual(['--port', args[3]]);
    } finally {
      busy.close();
    }
  });
});
