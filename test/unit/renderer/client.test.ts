import { afterEach, describe, expect, it, vi as vitest } from 'vitest';
import { ERROR_MESSAGES } from '../../../contract/errors';
import { api, ApiError, call, CONNECTION_LOST_MESSAGE, onCallSucceeded, toReply } from '../../../renderer/src/api/client';
import { errorText } from '../../../renderer/src/api/errorText';

afterEach(() => {
  vitest.unstubAllGlobals();
});

function stubFetch(impl: (url: string, init: RequestInit) => Promise<Response>) {
  const fetch = vitest.fn(impl);
  vitest.stubGlobal('fetch', fetch);
  return fetch;
}

describe('HTTP transport (web host)', () => {
  it('answers a stored write as stored even when a success listener (the toasts) fails', async () => {
    stubFetch(async () => new Response(JSON.stringify({ ok: true, data: { id: 'x' } })));
    const quiet = vitest.spyOn(console, 'error').mockImplementation(() => {});
    const seen: string[] = [];
    const offBroken = onCallSucceeded(() => {
      throw new Error('toast failed');
    });
    const offOther = onCallSucceeded((channel) => seen.push(channel));
    try {
      await expect(api.invoke('meetings/list', { offset: 0, limit: 1 })).resolves.toEqual({ ok: true, data: { id: 'x' } });
      expect(seen).toEqual(['meetings/list']);
    } finally {
      offBroken();
      offOther();
      quiet.mockRestore();
    }
  });

  it('POSTs the input as JSON to /api/<channel> with the session cookie', async () => {
    const fetch = stubFetch(
      async () => new Response(JSON.stringify({ ok: true, data: { total: 0, rows: [] } })),
    );
    const reply = await api.invoke('meetings/list', { offset: 100, limit: 100 });
    expect(reply).toEqual({ ok: true, data: { total: 0, rows: [] } });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/meetings/list');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init.body))).toEqual({ offset: 100, limit: 100 });
  });

  it('reads the error Reply whatever the HTTP status', async () => {
    const message = `${ERROR_MESSAGES.INVALID_INPUT.vi} Tên cuộc họp không được để trống.`;
    stubFetch(
      async () =>
        new Response(JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message } }), {
          status: 400,
        }),
    );
    expect(
      await api.invoke('meetings/create', {
        title: '',
        kind: 'x',
        meetingDate: null,
        startTime: null,
        endTime: null,
      }),
    ).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message },
    });
  });

  it('turns a failed fetch or a non-JSON body into a clear "connection lost" INTERNAL error', async () => {
    stubFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await api.invoke('app/info', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: CONNECTION_LOST_MESSAGE },
    });
    stubFetch(async () => new Response('<html>502 Bad Gateway</html>', { status: 502 }));
    expect(await api.invoke('app/info', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: CONNECTION_LOST_MESSAGE },
    });
  });

  it('call() returns the data or throws an ApiError with the server message', async () => {
    stubFetch(async () => new Response(JSON.stringify({ ok: true, data: { language: 'vi' } })));
    expect(await call('settings/get', {})).toEqual({ language: 'vi' });
    stubFetch(
      async () =>
        new Response(
          JSON.stringify({
            ok: false,
            error: { code: 'VERSION_CONFLICT', message: ERROR_MESSAGES.VERSION_CONFLICT.vi },
          }),
          {
            status: 400,
          },
        ),
    );
    const error = await call('people/get', { id: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'VERSION_CONFLICT', message: ERROR_MESSAGES.VERSION_CONFLICT.vi });
  });
});

describe('IPC transport (Electron)', () => {
  it('uses window.archive when the preload exposes it', async () => {
    const invoke = vitest.fn(async () => ({ ok: true, data: { counts: { meetings: 1, people: 2 } } }));
    vitest.stubGlobal('window', { archive: { invoke } });
    const fetch = stubFetch(async () => new Response('{}'));
    expect(await api.invoke('app/info', {})).toMatchObject({ ok: true });
    expect(invoke).toHaveBeenCalledWith('app/info', {});
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reports a broken bridge as a lost connection', async () => {
    vitest.stubGlobal('window', { archive: { invoke: async () => Promise.reject(new Error('IPC closed')) } });
    expect(await api.invoke('app/info', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: CONNECTION_LOST_MESSAGE },
    });
  });
});

describe('toReply', () => {
  it('accepts only well-formed replies', () => {
    expect(toReply({ ok: true, data: null })).toEqual({ ok: true, data: null });
    expect(toReply({ ok: true })).toMatchObject({ ok: false });
    expect(toReply(null)).toMatchObject({ ok: false });
    expect(toReply('ok')).toMatchObject({ ok: false });
  });

  it('keeps the message of an unknown code but reports it as INTERNAL, and fills a missing message', () => {
    expect(toReply({ ok: false, error: { code: 'SOMETHING_NEW', message: 'Lỗi mới' } })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Lỗi mới' },
    });
    expect(toReply({ ok: false, error: { code: 'NOT_FOUND' } })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND.vi },
    });
  });
});

describe('errorText', () => {
  const specific = {
    code: 'INVALID_INPUT' as const,
    message: 'Dữ liệu nhập chưa hợp lệ. Tên cuộc họp không được để trống.',
  };

  it('shows the server’s Vietnamese message in Vietnamese', () => {
    expect(errorText(specific, 'vi', 'Lost connection')).toBe(specific.message);
  });

  it('shows the code’s English text in English', () => {
    expect(errorText(specific, 'en', 'Lost connection')).toBe(ERROR_MESSAGES.INVALID_INPUT.en);
    expect(errorText({ code: 'INTERNAL', message: CONNECTION_LOST_MESSAGE }, 'en', 'Lost connection')).toBe(
      'Lost connection',
    );
  });
});
