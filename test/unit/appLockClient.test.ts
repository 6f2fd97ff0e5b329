import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, onAppLocked, reportUnlocked } from '../../renderer/src/api/client';

afterEach(() => {
  vi.unstubAllGlobals();
});

const locked = () => new Response(JSON.stringify({ ok: false, error: { code: 'APP_LOCKED', message: 'Ứng dụng đang khóa.' } }), { status: 200 });
const saved = () => new Response(JSON.stringify({ ok: true, data: { id: 'm1', version: 3 } }));

describe('the renderer client while the app is locked', () => {
  it('holds a call answered APP_LOCKED, tells the lock screen once, and sends it again after unlocking', async () => {
    const answers = [locked(), locked(), saved()];
    const fetch = vi.fn(async () => answers.shift()!);
    vi.stubGlobal('fetch', fetch);
    const heard = vi.fn();
    const stop = onAppLocked(heard);

    let settled = false;
    const first = api.invoke('meetings/get', { id: '0190a0a0-0000-7000-8000-000000000001' }).then((r) => ((settled = true), r));
    const second = api.invoke('people/list', {});
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false); // nothing shown as an error: the autosave just waits
    expect(heard).toHaveBeenCalledTimes(1);

    answers.push(saved());
    reportUnlocked();
    expect(await first).toEqual({ ok: true, data: { id: 'm1', version: 3 } });
    expect((await second).ok).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(4);
    stop();
  });

  it('other errors come back at once as before', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy.' } }))));
    expect(await api.invoke('people/list', {})).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy.' } });
  });
});
