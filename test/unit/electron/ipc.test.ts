import { describe, expect, it, vi } from 'vitest';
import type { IpcMain } from 'electron';
import { wireIpc } from '../../../electron/main/ipc';
import { isAppPageUrl } from '../../../electron/main/securityPolicy';
import { ERROR_MESSAGES } from '../../../contract/errors';
import { IPC_INVOKE } from '../../../contract/contract';
import type { Dispatch } from '../../../services/dispatch';
import { silentLogger, type Logger } from '../../../services/log';
import { createDispatcher } from '../../../services/dispatch';
import { createHandlers } from '../../../services/handlers';
import { createContext } from '../../../services/context';
import { CHANNELS, contract } from '../../../contract/contract';
import { tempArchive } from '../../helpers/tempArchive';
import { deeplyNested, mutations, sampleValid, seededRandom, withLeaf } from '../../helpers/fuzzPayloads';

vi.mock('electron', async () => (await import('./fakeElectron')).createFakeElectron());

type Listener = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>;

function wired(trusted: (url: string) => boolean = (url) => isAppPageUrl(url), log: Logger = silentLogger) {
  const handle = vi.fn<(channel: string, listener: Listener) => void>();
  const dispatch = vi.fn<Dispatch>(async (channel) => ({ ok: true, data: { echoed: channel } }));
  wireIpc({ handle } as unknown as IpcMain, dispatch, trusted, log);
  expect(handle).toHaveBeenCalledTimes(1);
  const [channel, listener] = handle.mock.calls[0]!;
  const invoke = (frameUrl: string | null, ...args: unknown[]) =>
    listener({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, ...args);
  return { channel, invoke, dispatch };
}

const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN.vi } };

describe('wireIpc', () => {
  it('listens on the single contract channel', () => {
    expect(wired().channel).toBe(IPC_INVOKE);
    expect(IPC_INVOKE).toBe('hoso:invoke');
  });

  it.each([
    'https://evil.example/',
    'http://localhost:5173/',
    'file:///C:/Users/clerk/trap.html',
    'app://evil/index.html',
    'about:blank',
    '',
  ])('refuses a sender frame at %j with FORBIDDEN and never reaches dispatch', async (url) => {
    const { invoke, dispatch } = wired();
    await expect(invoke(url, 'meetings/list', {})).resolves.toEqual(FORBIDDEN);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses when the sender frame is gone (navigated away or destroyed)', async () => {
    const { invoke, dispatch } = wired();
    await expect(invoke(null, 'meetings/list', {})).resolves.toEqual(FORBIDDEN);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('passes a trusted app:// sender’s channel and payload to dispatch and returns its reply', async () => {
    const { invoke, dispatch } = wired();
    const payload = { id: '0190c3a2-0000-7000-8000-000000000000' };
    await expect(invoke('app://hoso/index.html#/meetings', 'meetings/get', payload)).resolves.toEqual({
      ok: true,
      data: { echoed: 'meetings/get' },
    });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('meetings/get', payload);
  });

  it('forwards only channel and payload, even if the page sends more', async () => {
    const { invoke, dispatch } = wired();
    await invoke('app://hoso/index.html', 'app/info', {}, 'extra', { more: true });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('app/info', {});
  });

  it('trusts the dev server only when the predicate says so (development)', async () => {
    const dev = wired((url) => isAppPageUrl(url, 'http://localhost:5173'));
    await dev.invoke('http://localhost:5173/', 'app/info', {});
    expect(dev.dispatch).toHaveBeenCalledTimes(1);
    const prod = wired();
    await expect(prod.invoke('http://localhost:5173/', 'app/info', {})).resolves.toEqual(FORBIDDEN);
  });

  it('answers INTERNAL (a Reply, not a rejection) if dispatch ever throws', async () => {
    const handle = vi.fn<(channel: string, listener: Listener) => void>();
    const dispatch = vi.fn<Dispatch>(async () => {
      throw new Error('boom');
    });
    wireIpc({ handle } as unknown as IpcMain, dispatch, () => true, silentLogger);
    const listener = handle.mock.calls[0]![1];
    await expect(listener({ senderFrame: { url: 'app://hoso/' } }, 'app/info', {})).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL.vi },
    });
  });

  it('logs a refused sender by origin only', async () => {
    const lines: string[] = [];
    const { invoke } = wired(undefined, {
      error: (code, ctx) => void lines.push(`${code} ${ctx}`),
      info: () => {},
    });
    await invoke('https://evil.example/steal?who=clerk', 'meetings/list', {});
    await invoke(null, 'meetings/list', {});
    expect(lines).toEqual(['FORBIDDEN https://evil.example', 'FORBIDDEN (no sender frame)']);
  });
});

/**
 * The main-process handler with the real dispatcher behind it (a temp archive), fed the fuzz's payloads
 * for every channel, plus what only IPC can carry (structured clone: BigInt, Date, Map, Set, typed
 * arrays, Error, -0, undefined): a trusted frame gets a Reply with a registered code and its Vietnamese
 * message, never INTERNAL; any other frame gets FORBIDDEN and nothing is written.
 */
describe('wireIpc with the real dispatcher, fuzzed', () => {
  const CLONE_ONLY: [string, unknown][] = [
    ['BigInt', 10n ** 30n],
    ['Date', new Date(0)],
    ['Map', new Map([['title', '<script>x</script>']])],
    ['Set', new Set([1, 2])],
    ['Uint8Array', new Uint8Array([0, 255])],
    ['Error', new Error('x')],
    ['-0', -0],
    ['undefined', undefined],
  ];

  it('answers every channel, whatever the payload, with a refusal it can explain or a valid reply', async () => {
    const t = await tempArchive();
    try {
      const real = createDispatcher(
        createHandlers(createContext(t.archive, 'electron', 'ipc-fuzz')),
        silentLogger,
      );
      const handle = vi.fn<(channel: string, listener: Listener) => void>();
      wireIpc({ handle } as unknown as IpcMain, real, (url) => isAppPageUrl(url), silentLogger);
      const listener = handle.mock.calls[0]![1];
      const rand = seededRandom(8);
      const deep = deeplyNested(500);
      const hints = { id: () => undefined, version: () => 1 };
      const problems: string[] = [];
      let sent = 0;
      const meetingsBefore = () =>
        (t.archive.sqlite.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;
      for (const channel of CHANNELS) {
        const base = (sampleValid(contract[channel].input, channel, hints) ?? {}) as Record<string, unknown>;
        // A seeded tenth of the fuzz's payloads (the whole set runs in test/integration/fuzzChannels.test.ts).
        const picked = mutations(base, rand, {
          absolutePaths: ['/etc/passwd'],
          huge: false,
          deep,
          randomStrings: 0,
        }).filter(() => rand() < 0.1);
        const cloneOnly = CLONE_ONLY.flatMap(([label, v]) => [
          { label: `payload ${label}`, path: [] as (string | number)[], value: v },
          ...Object.keys(base)
            .slice(0, 2)
            .map((k) => ({ label: `${k}=${label}`, path: [k], value: v })),
        ]);
        for (const m of [...picked, ...cloneOnly]) {
          const payload = m.path.length ? withLeaf(base, m.path, m.value) : m.value;
          sent++;
          const reply = (await listener(
            { senderFrame: { url: 'app://hoso/index.html' } },
            channel,
            payload,
          )) as { ok: boolean; error?: { code: keyof typeof ERROR_MESSAGES; message: string } };
          if (reply.ok) continue;
          const { code, message } = reply.error!;
          if (code === 'INTERNAL' || !(code in ERROR_MESSAGES) || !message.includes(ERROR_MESSAGES[code].vi))
            problems.push(`${channel} ${m.label}: ${code} ${message.slice(0, 80)}`);
        }
        const before = meetingsBefore();
        for (const url of [
          'https://evil.example/',
          'file:///tmp/trap.html',
          'app://evil/index.html',
          'about:blank',
        ]) {
          const reply = await listener({ senderFrame: { url } }, channel, base);
          if (JSON.stringify(reply) !== JSON.stringify(FORBIDDEN))
            problems.push(`${channel} from ${url}: not FORBIDDEN`);
        }
        if (meetingsBefore() !== before) problems.push(`${channel}: an untrusted frame wrote`);
      }
      expect(problems).toEqual([]);
      expect(sent).toBeGreaterThan(CHANNELS.length * 20);
    } finally {
      t.cleanup();
    }
  }, 240_000);
});
