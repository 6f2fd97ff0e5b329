/**
 * Error codes of the contract. The code is what logs and tests look at; the clerk reads the code's text
 * from the catalogs (messages/vi.ts first, messages/en.ts), followed by the error's details: messages
 * too (a field's problem, a file name), so the UI words the whole error in the clerk's language.
 */
import { z } from 'zod';
import { en } from './messages/en';
import { vi } from './messages/vi';
import { msg, MessageSchema, type Message } from './messages/message';
import { translateAll, type MessageLanguage } from './messages/translate';

export type ErrorCode = keyof typeof vi.errors;
export const ERROR_CODES = Object.keys(vi.errors) as ErrorCode[];

/**
 * Each code's standard text in both languages (the catalogs' `errors` section), for the transports that
 * answer before any handler runs (a refused request, the app lock) and for tests.
 */
export const ERROR_MESSAGES = Object.fromEntries(
  ERROR_CODES.map((code) => [code, { vi: vi.errors[code], en: en.errors[code] }]),
) as Record<ErrorCode, { vi: string; en: string }>;

/**
 * What follows a code's text: messages, never a sentence (a string would reach the English UI in
 * Vietnamese). Language-neutral specifics (a path, a number, an SQLite code) go in literal().
 */
export type ErrorDetail = Message | readonly Message[];

function detailMessages(detail: ErrorDetail | undefined): Message[] {
  if (detail === undefined) return [];
  return Array.isArray(detail) ? [...(detail as readonly Message[])] : [detail as Message];
}

/** An error a clerk can act on. `detail` adds specifics (a field, a file) to the code's standard text. */
export class HosoError extends Error {
  readonly code: ErrorCode;
  readonly details: readonly Message[];

  constructor(code: ErrorCode, detail?: ErrorDetail, options?: { cause?: unknown }) {
    const details = detailMessages(detail);
    // The Error's own message is the Vietnamese wording: what logs and the CLI print.
    super(translateAll('vi', [msg(`errors.${code}`), ...details]), options);
    this.name = 'HosoError';
    this.code = code;
    this.details = details;
  }
}

export function isHosoError(e: unknown): e is HosoError {
  return e instanceof HosoError;
}

/**
 * A failed call on the wire. `message` is the Vietnamese wording (logs, the CLI, older clients);
 * `details` let the renderer word the error in the clerk's language (errorText below).
 */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: readonly Message[];
}

export function toErrorPayload(e: unknown): ErrorPayload {
  if (isHosoError(e))
    return e.details.length
      ? { code: e.code, message: e.message, details: e.details }
      : { code: e.code, message: e.message };
  return { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL.vi };
}

/** The payload of a code with details, without throwing (the transports' own refusals). */
export function errorPayload(code: ErrorCode, detail?: ErrorDetail): ErrorPayload {
  return toErrorPayload(new HosoError(code, detail));
}

/** An error as the messages of its one line: its code's text, then each detail (translateAll joins them). */
export function errorMessages(error: { code: ErrorCode; details?: readonly Message[] }): Message[] {
  return [msg(`errors.${error.code}`), ...(error.details ?? [])];
}

/**
 * An error as one message, to stand as a parameter of another (a line of `hoso check`, a backup's
 * verdict, an import note): its code's text followed by its details.
 */
export function errorAsMessage(error: { code: ErrorCode; details?: readonly Message[] }): Message {
  return (error.details ?? []).reduce<Message>(
    (line, detail) => msg('detail.withDetail', { error: line, detail }),
    msg(`errors.${error.code}`),
  );
}

/** An error worded in a language: the code's text, then each detail. */
export function errorText(error: ErrorPayload, language: MessageLanguage): string {
  if (!error.details && language === 'vi') return error.message;
  return translateAll(language, [msg(`errors.${error.code}`), ...(error.details ?? [])]);
}

/**
 * A failure told inside an answer (a job's status, a destination that cannot be used): the shape of a
 * failed reply's error (ErrorPayload above), so the screen words it like any other, in the clerk's language.
 */
export const ErrorReport = z.object({
  code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
  /** The Vietnamese wording (logs, the CLI). */
  message: z.string(),
  details: z.array(MessageSchema).readonly().optional(),
});
export type ErrorReport = z.output<typeof ErrorReport>;
