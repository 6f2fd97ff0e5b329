/**
 * The only module that talks to the archive. In the desktop app the preload exposes `window.archive`
 * (Electron IPC); in a browser served by the loopback web host the same contract is POSTed to
 * `/api/<channel>`. Either way the caller gets the contract's `Reply`, never a thrown transport error.
 */
import type { ArchiveApi, Channel, ChannelInput, ChannelOutput, Reply } from '../../../contract/contract';
import { ERROR_MESSAGES, type ErrorCode, type ErrorPayload } from '../../../contract/errors';
import { MessageSchema } from '../../../contract/messages/message';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    archive?: ArchiveApi;
  }
}

/**
 * What the clerk reads when the archive cannot be reached at all (web host stopped, IPC broken). It is
 * reported as INTERNAL like any failure the UI cannot act on, but with a message that says what to do.
 */
export const CONNECTION_LOST_MESSAGE =
  'Mất kết nối tới kho hồ sơ. Hãy kiểm tra chương trình Hồ sơ Hội nghị còn đang chạy, rồi tải lại trang.';

const connectionLost = (): Reply<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: CONNECTION_LOST_MESSAGE },
});

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}

/** Accepts only a well-formed Reply; a proxy's HTML error page or a truncated body is a lost connection. */
export function toReply<T>(body: unknown): Reply<T> {
  if (typeof body !== 'object' || body === null) return connectionLost();
  const r = body as {
    ok?: unknown;
    data?: unknown;
    error?: { code?: unknown; message?: unknown; details?: unknown };
  };
  if (r.ok === true && 'data' in r) return { ok: true, data: r.data as T };
  if (r.ok === false && typeof r.error === 'object' && r.error !== null) {
    const code: ErrorCode = isErrorCode(r.error.code) ? r.error.code : 'INTERNAL';
    const message =
      typeof r.error.message === 'string' && r.error.message ? r.error.message : ERROR_MESSAGES[code].vi;
    // Details word the error in the clerk's language; malformed ones are dropped, the message stays.
    const details = MessageSchema.array().max(20).safeParse(r.error.details);
    return {
      ok: false,
      error:
        details.success && details.data.length ? { code, message, details: details.data } : { code, message },
    };
  }
  return connectionLost();
}

async function invokeHttp(channel: Channel, input: unknown): Promise<Reply<unknown>> {
  let text: string;
  try {
    const res = await fetch(`/api/${channel}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    // 400/403/413/500 still carry a JSON Reply with the clerk-facing message, so the status is not used.
    text = await res.text();
  } catch {
    return connectionLost();
  }
  try {
    return toReply(JSON.parse(text));
  } catch {
    return connectionLost();
  }
}

async function invokeIpc(archive: ArchiveApi, channel: Channel, input: unknown): Promise<Reply<unknown>> {
  try {
    return toReply(await archive.invoke(channel, input as never));
  } catch {
    return connectionLost();
  }
}

/**
 * The app lock, seen from the one place every call passes. A call answered APP_LOCKED was not carried
 * out at all (the service refuses before reading its input), so it is held and sent again once the lock
 * screen reports the app open: a save made just as the idle lock fell is not lost, it completes after
 * the password. Listeners (the lock screen, renderer/src/screens/lock/LockGuard.tsx) hear of the lock.
 */
type LockListener = () => void;
const lockListeners = new Set<LockListener>();
let unlocked: Promise<void> | null = null;
let releaseHeldCalls: (() => void) | null = null;

/** Waits until the lock screen reports the app open; tells the listeners once per lock. */
export function waitForUnlock(): Promise<void> {
  if (!unlocked) {
    unlocked = new Promise<void>((resolve) => {
      releaseHeldCalls = resolve;
    });
    lockListeners.forEach((listener) => listener());
  }
  return unlocked;
}

/** Called after a successful lock/unlock or lock/recover: held calls are sent again. */
export function reportUnlocked(): void {
  releaseHeldCalls?.();
  unlocked = null;
  releaseHeldCalls = null;
}

/** Subscribes to "the service answered APP_LOCKED"; returns the unsubscribe. */
export function onAppLocked(listener: LockListener): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

/**
 * Every successful reply, seen from the one place every call passes: the confirmations (toasts) are
 * wired here once (renderer/src/components/Confirmations.tsx) rather than in each screen.
 */
type SuccessListener = (channel: Channel, data: unknown) => void;
const successListeners = new Set<SuccessListener>();

/** Subscribes to "a call succeeded"; returns the unsubscribe. */
export function onCallSucceeded(listener: SuccessListener): () => void {
  successListeners.add(listener);
  return () => successListeners.delete(listener);
}

function invokeOnce(channel: Channel, input: unknown): Promise<Reply<unknown>> {
  const archive = typeof window !== 'undefined' ? window.archive : undefined;
  return archive ? invokeIpc(archive, channel, input) : invokeHttp(channel, input);
}

export const api = {
  async invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Reply<ChannelOutput<C>>> {
    for (;;) {
      const reply = await invokeOnce(channel, input);
      if (reply.ok) {
        const data = reply.data;
        // A listener that fails (a toast that cannot show) must not turn a stored write into an error.
        for (const listener of successListeners) {
          try {
            listener(channel, data);
          } catch (e) {
            console.error('a success listener failed', e);
          }
        }
        return reply as Reply<ChannelOutput<C>>;
      }
      if (reply.error.code !== 'APP_LOCKED') return reply as Reply<ChannelOutput<C>>;
      await waitForUnlock();
    }
  },
};

/** A failed Reply as an exception, for code that reads better with try/catch. */
export class ApiError extends Error {
  readonly code: ErrorCode;

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.code = payload.code;
  }
}

/** Calls a channel and returns its data, or throws an ApiError carrying the server's message. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const reply = await api.invoke(channel, input);
  if (!reply.ok) throw new ApiError(reply.error);
  return reply.data;
}

/** Any caught value as an error payload (a bug in the renderer itself becomes INTERNAL). */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (e instanceof ApiError) return { code: e.code, message: e.message };
  return { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL.vi };
}
