/**
 * Text for people travels below the UI as a message: a catalog key plus parameters, never a sentence.
 * The edge that shows it (the renderer, the CLI, a report) words it in its language with translate.ts,
 * from the catalogs vi.ts (the first language, and the shape) and en.ts. See docs/ARCHITECTURE.md,
 * "Text for people".
 */
import { z } from 'zod';
import type { MessageKey } from './keys';

/** A parameter: a value shown as is (a file name, a count) or a message worded in turn (a field's label). */
export type MessageParam = string | number | Message;
export type MessageParams = Readonly<Record<string, MessageParam>>;

export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export function msg(key: MessageKey, params?: MessageParams): Message {
  return params ? { key, params } : { key };
}

/** Something language-neutral shown in parentheses after a message: a path, a number, an SQLite code. */
export function literal(text: string): Message {
  return { key: 'detail.literal', params: { text } };
}

/**
 * The wire form of a message (replies are checked against the contract's output schemas). Keys are
 * checked against the catalog where they are worded (translate.ts falls back to the key itself), so a
 * reply from a newer version with a key this one lacks still shows something.
 */
export const MessageSchema: z.ZodType<Message> = z.lazy(() =>
  z.object({
    key: z.string() as unknown as z.ZodType<MessageKey>,
    params: z.record(z.string(), z.union([z.string(), z.number(), MessageSchema])).optional(),
  }),
);

/**
 * zod carries an issue's text as a string. The contract's schemas put a message there in this encoded
 * form (see fields.ts); issueMessages() in zodIssues.ts reads it back, and words issues zod raised with
 * its own English default from their code instead.
 */
const ENCODED_PREFIX = '{"key":"';

export function encodeMessage(message: Message): string {
  return JSON.stringify(message);
}

export function decodeMessage(text: string): Message | null {
  if (!text.startsWith(ENCODED_PREFIX)) return null;
  try {
    const parsed = MessageSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A zod check's `error` option carrying a message: `z.string().max(10, issue('input.tooLong', {...}))`. */
export function issue(key: MessageKey, params?: MessageParams): { error: string } {
  return { error: encodeMessage(msg(key, params)) };
}
