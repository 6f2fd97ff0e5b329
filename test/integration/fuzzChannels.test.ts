/**
 * Every channel of the contract, fuzzed through dispatch (direct) and through the web host (HTTP), with
 * payloads derived from the channel's own schema (test/helpers/fuzzPayloads.ts): wrong types, missing and
 * extra fields, odd numbers, 10 MB and strange strings, path traversal, HTML/script. A channel added
 * tomorrow is fuzzed without being listed here.
 *
 * What a clerk (and the archive) must see: a refusal `{ ok: false, error: { code, message } }` with the
 * Vietnamese message of a registered code — never INTERNAL, never an exception — or, where the payload is
 * in fact valid (a caption may contain "<script>"), the text stored exactly as sent, and any HTML the
 * archive hands out (snippets, minutes, reports) free of anything that could run. Afterwards nothing
 * outside the archive folder was touched and the archive checks out (`checkArchiveFile`: integrity,
 * foreign keys, audit chain, search index, seals).
 *
 * Larger run: HOSO_FUZZ_SEED=<n> HOSO_FUZZ_RANDOM=<strings per field> npx vitest run test/integration/fuzzChannels.test.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive, type Archive } from '../../db/open';
import { CHANNELS, contract } from '../../contract/contract';
import { ERROR_MESSAGES, type ErrorCode } from '../../contract/errors';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher, directClient, type Dispatch } from '../../services/dispatch';
import type { Logger } from '../../services/log';
import { checkArchiveFile } from '../../services/check';
import { startWebHost, type WebHost } from '../../webhost/server';
import { verifyAuditChain } from '../../db/audit';
import { tempDir } from '../helpers/tempArchive';
import { send } from '../helpers/http';
import { png } from '../helpers/images';
import {
  deeplyNested,
  mutations,
  sampleValid,
  seededRandom,
  withLeaf,
  type Mutation,
  type SampleHints,
} from '../helpers/fuzzPayloads';

const SEED = Number(process.env.HOSO_FUZZ_SEED ?? 20261122);
const RANDOM_STRINGS = Number(process.env.HOSO_FUZZ_RANDOM ?? 2);
const TOKEN = 'fuzz-token-0123456789abcdef';
/** Debugging: HOSO_FUZZ_TRACE=1 prints each channel's payload count and time to stderr. */
const TRACE = process.env.HOSO_FUZZ_TRACE === '1';

type Reply = { ok: true; data: unknown } | { ok: false; error: { code: ErrorCode; message: string } };
type Sender = (channel: string, payload: unknown) => Promise<Reply>;

let root: string;
let cleanupRoot: () => void;
let archive: Archive;
let dispatch: Dispatch;
let host: WebHost;
let cookie: string;
const logged: string[] = [];
const uncaught: unknown[] = [];
const printedHtml: string[] = [];
const startCwd = process.cwd();
/** Files outside the archive folder that a payload names: each must be exactly as it was. */
let watched: { path: string; digest: string | null }[] = [];
let absolutePaths: string[] = [];
const ids: Record<string, string> = {};
let photoBase64 = '';
let textColumns: { table: string; columns: string[] }[] = [];

/**
 * A fresh record for each channel to work on (a meeting with an attendee, a conclusion that is a task, a
 * document, a photo and a tag; a person; a saved search): an accepted payload of one channel (an extra
 * field is ignored, so `{ ...valid, extra }` does what the valid payload does: trash, finalize, remove…)
 * must not leave the next channel without a record to reach.
 */
async function makeFixture(): Promise<void> {
  const call = directClient(dispatch);
  const m = await call('meetings/create', {
    title: 'Hội nghị giao ban quân sự quý I',
    kind: 'Hội nghị',
    meetingDate: '2026-03-15',
    startTime: '08:00',
    endTime: null,
    location: 'Hội trường Bộ CHQS tỉnh',
  });
  ids.meeting = m.id;
  const p = await call('people/create', {
    fullName: 'Trần Văn Bình',
    rank: 'Đại tá',
    title: 'Chỉ huy trưởng',
  });
  ids.person = p.id;
  const a = await call('attendance/add', {
    meetingId: m.id,
    version: meetingVersion(),
    person: { kind: 'existing', id: p.id },
    role: 'chu_tri',
  });
  ids.attendance = a.row.id;
  const c = await call('conclusions/add', {
    meetingId: m.id,
    version: meetingVersion(),
    fields: {
      text: 'Hoàn thành kế hoạch huấn luyện năm 2026.',
      isTask: true,
      assigneePersonId: p.id,
      deadline: '2026-06-30',
      taskStatus: 'chua_lam',
    },
  });
  ids.conclusion = c.row.id;
  const d = await call('documents/add', {
    meetingId: m.id,
    version: meetingVersion(),
    fields: { number: '1374-QC/QUTW-TUHN', docType: 'Quy chế' },
  });
  ids.document = d.row.id;
  const ph = await call('photos/add', {
    meetingId: m.id,
    version: meetingVersion(),
    fileName: 'anh-hoi-nghi.png',
    dataBase64: photoBase64,
    caption: 'Toàn cảnh hội nghị',
  });
  ids.photo = ph.photo.id;
  ids.saved = (await call('search/saved-create', { name: 'Giao ban', query: 'giao ban' })).id;
  await call('tags/set', { meetingId: m.id, version: meetingVersion(), names: ['Quốc phòng'] });
}

/** Whether `text` (or its JSON-escaped form, for values kept as JSON) is in some text column of the archive. */
function storedSomewhere(text: string): boolean {
  const forms = [text, JSON.stringify(text).slice(1, -1)];
  for (const { table, columns } of textColumns) {
    const where = columns.map((c) => `instr("${c}", ?) > 0`).join(' OR ');
    const stmt = archive.sqlite.prepare(`SELECT 1 FROM "${table}" WHERE ${where} LIMIT 1`);
    for (const f of forms) if (stmt.get(...columns.map(() => f))) return true;
  }
  return false;
}

const log: Logger = { error: (code, context) => void logged.push(`${code} ${context}`), info: () => {} };
const onUncaught = (e: unknown) => void uncaught.push(e);

function digest(path: string): string | null {
  if (!existsSync(path)) return null;
  const st = statSync(path);
  if (st.isDirectory()) return `dir:${readdirSync(path).sort().join('|')}:${st.mtimeMs}`;
  return `${createHash('sha256').update(readFileSync(path)).digest('hex')}:${st.mtimeMs}`;
}

beforeAll(async () => {
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  ({ dir: root, cleanup: cleanupRoot } = tempDir('hoso-fuzz-'));
  // The archive folder, a canary beside it, and a working directory of its own: a relative path that
  // escaped into "wherever the process runs" would land in cwd/ and be seen.
  mkdirSync(join(root, 'archive'));
  mkdirSync(join(root, 'cwd'));
  writeFileSync(join(root, 'canary.txt'), 'Không được chạm vào tệp này.');
  process.chdir(join(root, 'cwd'));
  absolutePaths = [
    join(root, 'canary.txt'),
    '/etc/passwd',
    join(root, 'outside', 'khong-co'),
    '/proc/self/environ',
  ];
  watched = [
    join(root, 'canary.txt'),
    '/etc/passwd',
    '/etc/hosts',
    join(root, 'outside'),
    join(root, 'cwd'),
    root,
  ].map((path) => ({ path, digest: null }));

  archive = await openArchive({ file: join(root, 'archive', 'archive.sqlite') });
  // 'web': the lock is enforced, as in the desktop app and the browser. The PDF renderer is a recorder:
  // what matters here is the HTML a report hands to Chromium, not Chromium.
  dispatch = createDispatcher(
    createHandlers(
      createContext(archive, 'web', '0.0.0-fuzz', {
        renderPdf: async (html) => {
          printedHtml.push(html);
          return Buffer.from('%PDF-1.7 fuzz');
        },
      }),
    ),
    log,
  );
  photoBase64 = (await png()).toString('base64');
  textColumns = (
    archive.sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND name NOT LIKE 'search%'",
      )
      .all() as { name: string }[]
  )
    .map(({ name }) => ({
      table: name,
      columns: (
        archive.sqlite.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; type: string }[]
      )
        .filter((c) => /TEXT|^$/i.test(c.type))
        .map((c) => c.name),
    }))
    .filter((t) => t.columns.length > 0 && t.table !== 'audit_log');
  for (const w of watched) w.digest = digest(w.path);

  host = await startWebHost({
    dispatch,
    rendererDir: join(root, 'archive', 'no-renderer'),
    token: TOKEN,
    log,
  });
  cookie = String((await send(host, 'GET', `/?token=${TOKEN}`)).headers['set-cookie']).split(';')[0]!;
}, 120_000);

afterAll(async () => {
  await host?.close();
  archive?.close();
  process.chdir(startCwd);
  process.off('uncaughtException', onUncaught);
  process.off('unhandledRejection', onUncaught);
  cleanupRoot?.();
});

function meetingVersion(): number {
  return (
    (
      archive.sqlite.prepare('SELECT version FROM meetings WHERE id = ?').get(ids.meeting) as
        { version: number } | undefined
    )?.version ?? 1
  );
}
function personVersion(): number {
  return (
    (
      archive.sqlite.prepare('SELECT version FROM people WHERE id = ?').get(ids.person) as
        { version: number } | undefined
    )?.version ?? 1
  );
}

/** Real ids of the fixture record, by field name and channel domain, so payloads reach the handlers. */
const hints: SampleHints = {
  id(channel, key) {
    const domain = channel.split('/')[0]!;
    if (key === 'meetingId') return ids.meeting;
    if (/^(personId|assigneePersonId|personIds?)$/.test(key)) return ids.person;
    // A merge keeps the fixture's person; its duplicate is the sampler's (non-existent) id, never the same.
    if (key === 'keepId') return ids.person;
    if (/^photoIds?$/.test(key)) return ids.photo;
    if (key === 'id' || key === 'ids' || key === 'id') {
      const byDomain: Record<string, string | undefined> = {
        meetings: ids.meeting,
        people: ids.person,
        photos: ids.photo,
        attendance: ids.attendance,
        conclusions: ids.conclusion,
        tasks: ids.conclusion,
        documents: ids.document,
        search: ids.saved,
      };
      return byDomain[domain];
    }
    return undefined;
  },
  version: (channel) => (channel.startsWith('people/') ? personVersion() : meetingVersion()),
};

/** The valid payload of a channel for the fixture as it is now (versions move as writes are accepted). */
function baseline(channel: string): Record<string, unknown> | undefined {
  return sampleValid(contract[channel as keyof typeof contract].input, channel, hints) as
    Record<string, unknown> | undefined;
}

/** Anything in HTML the archive hands out that a browser would run. */
const ACTIVE_HTML = [
  /<script\b/i,
  /<[a-z][^>]*\son[a-z]+\s*=/i,
  /\shref\s*=\s*["']?\s*javascript:/i,
  /<iframe\b/i,
  /<svg\b/i,
];
function activeHtmlIn(data: unknown, key = ''): string[] {
  if (typeof data === 'string')
    return /html$/i.test(key) ? ACTIVE_HTML.filter((re) => re.test(data)).map((re) => `${key}: ${re}`) : [];
  if (Array.isArray(data)) return data.flatMap((v) => activeHtmlIn(v, key));
  if (data && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => activeHtmlIn(v, k));
  return [];
}

/** Channels that store what they are given and answer with it: an accepted text must come back exactly. */
const ECHOING_WRITE =
  /^(meetings\/(create|update)|people\/(create|update)|settings\/update|photos\/(add|update)|attendance\/(add|update|add-many)|conclusions\/(add|update)|search\/saved-create)$/;
/**
 * Fields the archive deliberately rewrites or keeps only with another field: rich text is sanitized (and
 * minutesText is derived from it when both are sent), document numbers normalized, tags folded, an
 * absence reason kept only for "vắng có lý do", a photo is its bytes.
 */
const REWRITTEN_FIELD = /^(minutesHtml|minutesText|absenceReason|number|names|dataBase64)$/;

interface Stats {
  channels: number;
  sent: number;
  rejected: number;
  storedVerbatim: number;
  acceptedOther: number;
  byCode: Record<string, number>;
  rejectedBy: Record<string, number>;
  problems: string[];
  jobIds: string[];
}

async function fuzz(sendTo: Sender, transport: 'direct' | 'http'): Promise<Stats> {
  const rand = seededRandom(SEED + (transport === 'http' ? 1 : 0));
  const deep = deeplyNested(2000);
  const stats: Stats = {
    channels: 0,
    sent: 0,
    rejected: 0,
    storedVerbatim: 0,
    acceptedOther: 0,
    byCode: {},
    rejectedBy: {},
    problems: [],
    jobIds: [],
  };
  for (const channel of CHANNELS) {
    const base0 = baseline(channel);
    if (!base0) {
      stats.problems.push(`${channel}: no valid payload could be built from its schema`);
      continue;
    }
    stats.channels++;
    await makeFixture();
    // 10 MB strings over HTTP once per channel; directly, too (cheap).
    const muts = mutations(base0, rand, { absolutePaths, huge: true, deep, randomStrings: RANDOM_STRINGS });
    const started = Date.now();
    for (const m of muts) {
      const base = baseline(channel) ?? base0;
      const payload = m.path.length ? withLeaf(base, m.path, m.value) : m.value;
      stats.sent++;
      let reply: Reply;
      try {
        reply = await sendTo(channel, payload);
      } catch (e) {
        stats.problems.push(`${channel} ${m.label}: threw ${String(e)}`);
        continue;
      }
      judge(channel, m, reply, stats);
      if (reply.ok) await settle(channel, payload, reply.data, stats);
    }
    if (TRACE)
      process.stderr.write(`${transport} ${channel}: ${muts.length} payloads, ${Date.now() - started} ms\n`);
  }
  return stats;
}

function judge(channel: string, m: Mutation, reply: Reply, stats: Stats): void {
  const where = `${channel} ${m.label}`;
  if (!reply || typeof reply !== 'object' || typeof reply.ok !== 'boolean') {
    stats.problems.push(`${where}: not a Reply: ${JSON.stringify(reply).slice(0, 200)}`);
    return;
  }
  if (!reply.ok) {
    stats.rejected++;
    stats.rejectedBy[channel] = (stats.rejectedBy[channel] ?? 0) + 1;
    const { code, message } = reply.error;
    stats.byCode[code] = (stats.byCode[code] ?? 0) + 1;
    if (code === 'INTERNAL') stats.problems.push(`${where}: INTERNAL`);
    else if (!(code in ERROR_MESSAGES)) stats.problems.push(`${where}: unregistered code ${code}`);
    else if (!message.includes(ERROR_MESSAGES[code].vi))
      stats.problems.push(`${where}: message is not the Vietnamese one of ${code}: ${message.slice(0, 120)}`);
    return;
  }
  for (const a of activeHtmlIn(reply.data)) stats.problems.push(`${where}: active HTML in the reply (${a})`);
  const key = String(m.path.filter((p) => typeof p === 'string').at(-1) ?? '');
  if (m.text !== undefined && ECHOING_WRITE.test(channel) && !REWRITTEN_FIELD.test(key)) {
    // As sent, up to the archive's documented normalization: trimmed, NFC (the same word from two input
    // methods), and in names and captions whitespace runs made one space.
    const trimmed = m.text.trim();
    const forms = [trimmed, trimmed.normalize('NFC'), trimmed.normalize('NFC').replace(/\s+/g, ' ').trim()];
    if (forms.some(storedSomewhere)) stats.storedVerbatim++;
    else stats.problems.push(`${where}: accepted but not stored as sent`);
    return;
  }
  stats.acceptedOther++;
}

/** Undo what an accepted payload set in motion that would change every later answer (the app lock), and collect jobs. */
async function settle(channel: string, payload: unknown, data: unknown, stats: Stats): Promise<void> {
  const jobId = (data as { jobId?: unknown } | null)?.jobId;
  if (typeof jobId === 'string') stats.jobIds.push(jobId);
  if (channel === 'lock/set' || channel === 'lock/recover') {
    const password = (payload as { newPassword: string }).newPassword;
    const removed = await dispatch('lock/remove', { currentPassword: password });
    if (!removed.ok)
      stats.problems.push(
        `${channel}: the lock set by the fuzz could not be removed with its own password: ${removed.error.code}`,
      );
  }
  if (channel === 'lock/lock') stats.problems.push('lock/lock accepted without a password set');
}

async function waitForJobs(jobIds: string[]): Promise<void> {
  for (const jobId of jobIds) {
    for (let i = 0; i < 600; i++) {
      const s = await dispatch('jobs/status', { jobId });
      if (!s.ok || ['done', 'failed', 'cancelled'].includes(String((s.data as { state?: string }).state)))
        break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

const viaDispatch: Sender = (channel, payload) => dispatch(channel, payload) as Promise<Reply>;
const viaHttp: Sender = async (channel, payload) => {
  const res = await send(
    host,
    'POST',
    `/api/${channel}`,
    { cookie, 'content-type': 'application/json' },
    JSON.stringify(payload) ?? '',
  );
  if (res.status !== 200 && res.status !== 400 && res.status !== 413) throw new Error(`HTTP ${res.status}`);
  return JSON.parse(res.body) as Reply;
};

const totals: Record<string, Stats> = {};

describe('the web host refuses malformed requests on every channel', () => {
  const json = { 'content-type': 'application/json' };
  async function refused(
    res: { status: number; body: string },
    status: number,
    code: ErrorCode,
    where: string,
  ) {
    expect(res.status, where).toBe(status);
    const reply = JSON.parse(res.body) as Reply;
    expect(reply, where).toMatchObject({ ok: false, error: { code } });
    expect(!reply.ok && reply.error.message, where).toContain(ERROR_MESSAGES[code].vi);
  }

  it('wrong or missing content type, invalid JSON, GET, no session, a foreign Origin or Host (DNS rebinding)', async () => {
    const rand = seededRandom(SEED);
    for (const channel of CHANNELS) {
      const path = `/api/${channel}`;
      const body = JSON.stringify(baseline(channel) ?? {});
      const where = (what: string) => `${channel}: ${what}`;
      await refused(
        await send(host, 'POST', path, { cookie, 'content-type': 'text/plain' }, body),
        415,
        'INVALID_INPUT',
        where('text/plain'),
      );
      await refused(
        await send(
          host,
          'POST',
          path,
          { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          'a=1',
        ),
        415,
        'INVALID_INPUT',
        where('form'),
      );
      await refused(
        await send(host, 'POST', path, { cookie }, body),
        415,
        'INVALID_INPUT',
        where('no content type'),
      );
      const broken = ['{"a": ', '{a:1}', "{'a':1}", '[1,2', '\u0000', 'undefined', '{"a":1}}'][
        Math.floor(rand() * 7)
      ]!;
      await refused(
        await send(host, 'POST', path, { cookie, ...json }, broken),
        400,
        'INVALID_INPUT',
        where(`invalid JSON ${broken}`),
      );
      await refused(await send(host, 'GET', path, { cookie }), 405, 'UNKNOWN_CHANNEL', where('GET'));
      await refused(await send(host, 'POST', path, json, body), 403, 'FORBIDDEN', where('no session'));
      await refused(
        await send(host, 'POST', path, { cookie: 'hoso_session=guessed', ...json }, body),
        403,
        'FORBIDDEN',
        where('wrong session'),
      );
      for (const origin of [
        'http://evil.example',
        'null',
        `http://localhost.evil.example:${host.port}`,
        'http://127.0.0.1:1',
      ]) {
        await refused(
          await send(host, 'POST', path, { cookie, ...json, origin }, body),
          403,
          'FORBIDDEN',
          where(`Origin ${origin}`),
        );
      }
      for (const forged of [
        'evil.example',
        `evil.example:${host.port}`,
        `127.0.0.1.nip.io:${host.port}`,
        `[::1]:${host.port}`,
      ]) {
        await refused(
          await send(host, 'POST', path, { cookie, ...json, host: forged }, body),
          403,
          'FORBIDDEN',
          where(`Host ${forged}`),
        );
      }
    }
  });

  it('an unknown channel, however it is spelled, is refused', async () => {
    for (const name of [
      'evil/run',
      'meetings/drop',
      '__proto__',
      'constructor',
      'toString',
      'meetings%2Flist',
      'meetings/list/',
      'MEETINGS/LIST',
      'hasOwnProperty',
    ]) {
      await refused(
        await send(host, 'POST', `/api/${name}`, { cookie, ...json }, '{}'),
        200,
        'UNKNOWN_CHANNEL',
        name,
      );
    }
    // Dot segments leave /api/ once the URL is resolved: a POST to a page is refused as no channel.
    await refused(
      await send(host, 'POST', '/api/../meetings/list', { cookie, ...json }, '{}'),
      405,
      'UNKNOWN_CHANNEL',
      '../meetings/list',
    );
  });

  it('a body over the limit is refused before it is read whole, on channels picked by the seed', async () => {
    const rand = seededRandom(SEED + 7);
    const picked = new Set<string>(['meetings/create', 'settings/update']);
    while (picked.size < 5) picked.add(CHANNELS[Math.floor(rand() * CHANNELS.length)]!);
    for (const channel of picked) {
      const res = await send(
        host,
        'POST',
        `/api/${channel}`,
        { cookie, ...json },
        Buffer.alloc(17 * 1024 * 1024, 0x20),
      );
      if (channel.startsWith('photos/add')) await refused(res, 413, 'PHOTO_TOO_LARGE', channel);
      else if (channel.startsWith('import/')) expect(res.status, channel).toBe(200);
      else await refused(res, 413, 'PAYLOAD_TOO_LARGE', channel);
    }
  });
});

describe('bugs the fuzz found, each pinned', () => {
  it('refuses text holding half a surrogate pair (SQLite would keep U+FFFD, not what was sent); a whole emoji is kept', async () => {
    await makeFixture();
    const broken = await dispatch('conclusions/add', {
      meetingId: ids.meeting,
      version: meetingVersion(),
      fields: { text: 'Giao nhiệm vụ \ud83d cho Ban Chỉ huy' },
    });
    expect(broken).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!broken.ok && broken.error.message).toContain('ký tự bị hỏng');
    const key = await dispatch('people/list', JSON.parse('{"query":"a","\\udc00":1}'));
    expect(key).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const whole = await dispatch('conclusions/add', {
      meetingId: ids.meeting,
      version: meetingVersion(),
      fields: { text: 'Hoàn thành 👍 đúng hạn' },
    });
    expect(whole.ok).toBe(true);
    expect(storedSomewhere('Hoàn thành 👍 đúng hạn')).toBe(true);
  });

  it('takes a backup folder only as a full path (a relative one landed in the working directory)', async () => {
    for (const dir of ['SaoLuu', '../../sao-luu', '..\\..\\SaoLuu', 'C:SaoLuu']) {
      const r = await dispatch('settings/update', { backupDir: dir });
      expect(r, dir).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(!r.ok && r.error.message, dir).toContain('đường dẫn đầy đủ');
    }
    for (const dir of ['D:\\SaoLuu', '\\\\may-chu\\sao-luu', join(root, 'archive', 'sao-luu'), '']) {
      const r = await dispatch('settings/update', { backupDir: dir });
      expect(r, dir).toMatchObject({ ok: true, data: { backupDir: dir } });
    }
    expect(readdirSync(join(root, 'cwd'))).toEqual([]);
  });
});

describe('every channel of the contract, fuzzed', () => {
  it('has a schema for every channel, each refusing a non-object payload', () => {
    expect(CHANNELS.length).toBeGreaterThan(80);
    for (const channel of CHANNELS) {
      const schema = contract[channel].input as { safeParse?: unknown };
      expect(typeof schema?.safeParse, channel).toBe('function');
      expect(contract[channel].input.safeParse('x').success, channel).toBe(false);
    }
  });

  it.each([
    ['direct', viaDispatch],
    ['http', viaHttp],
  ] as const)(
    'through %s: refused with a registered Vietnamese message, or stored exactly as sent',
    async (transport, sender) => {
      const stats = await fuzz(sender, transport);
      await waitForJobs(stats.jobIds);
      totals[transport] = stats;
      expect(stats.problems).toEqual([]);
      expect(stats.channels).toBe(CHANNELS.length);
      // Every channel refused at least the payloads that are not an object at all (array, string, number, true).
      expect(CHANNELS.filter((c) => (stats.rejectedBy[c] ?? 0) < 4)).toEqual([]);
      expect(stats.storedVerbatim).toBeGreaterThan(100);
    },
    900_000,
  );

  it('leaves the archive whole and nothing outside its folder touched', async () => {
    expect(uncaught).toEqual([]);
    // Logs name what happened by its English code (the clerk reads the Vietnamese message instead).
    expect(logged.length).toBeGreaterThan(1000);
    expect(
      [...new Set(logged.map((l) => l.split(' ')[0]!))].filter((code) => !(code in ERROR_MESSAGES)),
    ).toEqual([]);
    for (const w of watched) expect(digest(w.path), w.path).toBe(w.digest);
    expect(readdirSync(root).sort()).toEqual(['archive', 'canary.txt', 'cwd']);
    expect(readdirSync(join(root, 'cwd'))).toEqual([]);
    // Reports handed to the PDF renderer carried the planted text as text.
    for (const html of printedHtml) expect(activeHtmlIn(html, 'html')).toEqual([]);
    expect(verifyAuditChain(archive).ok).toBe(true);
    archive.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const report = checkArchiveFile(archive.file);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    const all = Object.values(totals);
    const sum = (k: 'sent' | 'rejected' | 'storedVerbatim' | 'acceptedOther') =>
      all.reduce((n, s) => n + s[k], 0);
    console.info(
      `fuzz (seed ${SEED}): ${CHANNELS.length} channels, ${sum('sent')} payloads sent (direct + HTTP), ${sum('rejected')} rejected, ` +
        `${sum('storedVerbatim')} accepted and stored verbatim, ${sum('acceptedOther')} accepted otherwise (queries, sanitized rich text, normalized numbers); ` +
        `codes ${JSON.stringify(totals.direct?.byCode)}`,
    );
  });
});
