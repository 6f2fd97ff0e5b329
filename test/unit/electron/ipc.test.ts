import { describe, expect, it, vi } from 'vitest';
import type { IpcMain } from 'electron';
import { wireIpc } from '../../../electron/main/ipc';
import { isAppPageUrl } from '../../../electron/main/securityPolicy';
import { ERROR_MESSAGES } from '../../../electron/shared/errors';
import { IPC_INVOKE } from '../../../electron/shared/contract';
import type { Dispatch } from '../../../electron/services/dispatch';
import { silentLogger, type Logger } from '../../../electron/services/log';

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
