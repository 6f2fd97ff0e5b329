import { isAbsolute, relative, resolve } from 'node:path';
import { CHANNELS, contract, isChannel, type Channel, type ChannelOutput, type Reply } from '../contract/contract';
import { ERROR_MESSAGES, errorPayload, HosoError, toErrorPayload } from '../contract/errors';
import { literal, msg } from '../contract/messages/message';
import { issueMessages } from '../contract/messages/zodIssues';
import type { Handlers } from './handlers/types';
import { consoleLogger, type Logger } from './log';
import { LOCK_GATE, type LockGate } from './lockState';
import { WRITE_GATE, type WriteGate } from './writeGate';

/**
 * `isLocked` (when the handlers carry the app lock) tells the hosts' photo routes to refuse too: a
 * photo is content of the archive like any reply.
 */
export type Dispatch = ((channel: unknown, payload: unknown) => Promise<Reply<unknown>>) & { isLocked?: () => boolean };


/** A UTF-16 surrogate without its pair: in u-mode a well-formed pair is one code point outside this range. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/**
 * Whether any string in the payload (keys included) is malformed UTF-16: half of a surrogate pair, as
 * left by text cut in the middle of an emoji or a broken paste. SQLite stores text as UTF-8, where such a
 * half cannot exist: it would silently become U+FFFD, so the archive would keep something other than what
 * the clerk sent. Refused here, for every channel at once. Iterative: a payload nested thousands of levels
 * deep must not overflow the stack before its schema refuses it.
 */
export function hasMalformedText(payload: unknown): boolean {
  const stack: unknown[] = [payload];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) return true;
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (LONE_SURROGATE.test(k)) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

const DISK_FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);

/**
 * The disk under the archive, seen from any write: SQLite's SQLITE_FULL (the WAL or the file cannot
 * grow), a photo file that hits ENOSPC, a folder that turned read-only (a write-protected stick). These
 * are not bugs but conditions a clerk can fix, so they get their own codes and messages instead of
 * INTERNAL. The transaction has been rolled back by then; the message says nothing stored was lost.
 */
export function diskErrorOf(e: unknown): HosoError | null {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === 'object' && depth < 4; cur = (cur as { cause?: unknown }).cause, depth++) {
    const code = 'code' in cur ? String((cur as { code: unknown }).code) : '';
    if (DISK_FULL_CODES.has(code)) return new HosoError('DISK_FULL', undefined, { cause: e });
    if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return new HosoError('ARCHIVE_UNWRITABLE', undefined, { cause: e });
  }
  return null;
}

const NOT_FOUND_CODES = new Set(['ENOENT', 'ENOTDIR']);

/** Every absolute path among the strings of a payload: the files and folders the clerk named. */
export function namedPaths(payload: unknown): string[] {
  const found: string[] = [];
  const stack: unknown[] = [payload];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (isAbsolute(v)) found.push(resolve(v));
    } else if (v !== null && typeof v === 'object') stack.push(...Object.values(v));
  }
  return found;
}

/**
 * A file or folder the clerk named that is not there (deleted, renamed, the USB stick pulled out between
 * choosing it and its use): Node's ENOENT or ENOTDIR on that path, or on a path inside it, becomes
 * FILE_NOT_FOUND with the clerk's path, instead of INTERNAL. The same error on a file of hoso's own (a
 * photo, a scratch copy) stays INTERNAL: that is a bug, not something the clerk can fix.
 */
export function fileErrorOf(e: unknown, named: readonly string[]): HosoError | null {
  if (named.length === 0) return null;
  for (let cur: unknown = e, depth = 0; cur && typeof cur === 'object' && depth < 4; cur = (cur as { cause?: unknown }).cause, depth++) {
    const { code, path } = cur as { code?: unknown; path?: unknown };
    if (!NOT_FOUND_CODES.has(String(code)) || typeof path !== 'string') continue;
    const failed = resolve(path);
    const mine = named.find((n) => {
      const rel = relative(n, failed);
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    });
    if (mine) return new HosoError('FILE_NOT_FOUND', literal(mine), { cause: e });
  }
  return null;
}

/**
 * The handler groups of services/handlers/ as one table. Two groups answering one channel would leave
 * one of them silently dead (an object spread keeps the last), so that is refused here, at startup,
 * like a channel no group answers or a name the contract does not have: each is a developer's mistake,
 * reported in English with the channel's name. Symbol-keyed companions (the lock gate) ride along.
 */
export function combineHandlers(groups: readonly object[]): Handlers {
  const all: Record<PropertyKey, unknown> = {};
  for (const group of groups) {
    for (const key of [...Object.keys(group), ...Object.getOwnPropertySymbols(group)]) {
      const name = typeof key === 'symbol' ? key.toString() : key;
      if (Object.hasOwn(all, key)) throw new Error(`Two handlers for channel ${name}: each channel must be handled by exactly one group in services/handlers/.`);
      if (typeof key === 'string' && !isChannel(key)) throw new Error(`A handler for ${name}, which is not a channel of the contract (contract/contract.ts).`);
      all[key] = (group as Record<PropertyKey, unknown>)[key];
    }
  }
  const missing = CHANNELS.filter((c) => !Object.hasOwn(all, c));
  if (missing.length > 0) throw new Error(`No handler for channel ${missing.join(', ')}: add it to its domain's file in services/handlers/.`);
  return all as Handlers;
}

/**
 * The boundary every transport goes through: unknown channel → UNKNOWN_CHANNEL; input parsed with the
 * channel's zod schema → INVALID_INPUT with the schema's Vietnamese messages; the handler's HosoError
 * becomes `{ ok: false, error }`, as do a full or read-only disk (diskErrorOf) and a file the clerk named
 * that is not there (fileErrorOf); anything else is logged and answered with INTERNAL, never a stack trace.
 * While the app lock is closed, every channel but the lock's own and app/info answers APP_LOCKED before
 * its input is even parsed: the refusal is here, below every transport, so no screen or browser tab
 * can get around it. While a merge is being written (services/writeGate.ts), every channel that may
 * write answers ARCHIVE_BUSY, before its input is parsed too; reads go on.
 */
export function createDispatcher(handlers: Handlers, log: Logger = consoleLogger): Dispatch {
  const gate = (handlers as Handlers & { [LOCK_GATE]?: LockGate })[LOCK_GATE];
  const writes = (handlers as Handlers & { [WRITE_GATE]?: WriteGate })[WRITE_GATE];
  const dispatch: Dispatch = async (channel, payload) => {
    if (!isChannel(channel)) {
      log.error('UNKNOWN_CHANNEL', String(channel).slice(0, 80));
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: ERROR_MESSAGES.UNKNOWN_CHANNEL.vi } };
    }
    if (gate && !gate.admit(channel)) {
      log.error('APP_LOCKED', channel);
      return { ok: false, error: { code: 'APP_LOCKED', message: ERROR_MESSAGES.APP_LOCKED.vi } };
    }
    const ended = writes ? writes.enter(channel) : () => undefined;
    if (ended === null) {
      log.error('ARCHIVE_BUSY', channel);
      return { ok: false, error: errorPayload('ARCHIVE_BUSY') };
    }
    try {
      return await answer(channel, payload);
    } finally {
      ended();
    }
  };
  const answer = async (channel: Channel, payload: unknown): Promise<Reply<unknown>> => {
    if (hasMalformedText(payload)) {
      log.error('INVALID_INPUT', `${channel}: malformed UTF-16`);
      return { ok: false, error: errorPayload('INVALID_INPUT', msg('input.malformedText')) };
    }
    const parsed = contract[channel].input.safeParse(payload ?? {});
    if (!parsed.success) {
      log.error('INVALID_INPUT', channel);
      return { ok: false, error: errorPayload('INVALID_INPUT', issueMessages(parsed.error.issues)) };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const data = await handler(parsed.data);
      return { ok: true, data };
    } catch (caught) {
      const e =
        caught instanceof HosoError
          ? caught
          : (diskErrorOf(caught) ?? fileErrorOf(caught, namedPaths(parsed.data)) ?? caught);
      log.error(e instanceof HosoError ? e.code : 'INTERNAL', channel, caught);
      return { ok: false, error: toErrorPayload(e) };
    }
  };
  if (gate) dispatch.isLocked = () => gate.isLocked();
  return dispatch;
}

/** Typed direct calls for the CLI and tests: returns the data or throws the HosoError. */
export type DirectClient = <C extends Channel>(channel: C, input: unknown) => Promise<ChannelOutput<C>>;

export function directClient(dispatch: Dispatch): DirectClient {
  return async function call<C extends Channel>(channel: C, input: unknown): Promise<ChannelOutput<C>> {
    const reply = await dispatch(channel, input);
    // Rebuilt from code and details: the same Vietnamese message, and the details stay machine-readable.
    if (!reply.ok) throw new HosoError(reply.error.code, reply.error.details ?? []);
    return reply.data as ChannelOutput<C>;
  };
}
