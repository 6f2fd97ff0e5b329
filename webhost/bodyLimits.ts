import { CHANNELS, contract, isChannel } from '../contract/contract';
import type { ErrorCode } from '../contract/errors';
import { IMPORT_FILE_MAX_BYTES } from '../contract/importContract';
import { PHOTO_MAX_BYTES } from '../contract/photoContract';
import { DocumentNumber } from '../contract/recordPartsContract';

/**
 * How large a request body each channel of the web host takes, refused (413) before a byte of it is
 * parsed. Derived from the contract's own caps: the largest JSON a channel's input schema can accept
 * (jsonBytesBound below), so a payload the schema would take always passes the host, and one the schema
 * would refuse anyway is not read into memory, parsed and validated first. A search takes a few KB, a
 * record write tens of KB, a meeting's minutes up to MINUTES_MAX_CHARS + MINUTES_HTML_MAX_CHARS.
 * Channels whose payload the schema does not bound are listed in BODY_LIMITS with their own reason.
 */

export interface BodyLimit {
  bytes: number;
  /** The error a larger body gets: the channel's own when its text names its cap (a photo, an import). */
  code: ErrorCode;
}

const KB = 1024;
const MB = 1024 * KB;
const PHOTO_BODY_BYTES = Math.ceil((PHOTO_MAX_BYTES * 4) / 3) + 10 * MB;
const IMPORT_BODY_BYTES = Math.ceil((IMPORT_FILE_MAX_BYTES * 4) / 3) + 5 * MB;

/** Channels the contract does not bound (a file in base64, a record keyed by id), with their limits. */
export const BODY_LIMITS: Readonly<Record<string, BodyLimit>> = {
  // A photo of up to PHOTO_MAX_BYTES (40 MB) in base64 (4/3 of it), plus a caption and a little JSON.
  'photos/add': { bytes: PHOTO_BODY_BYTES, code: 'PHOTO_TOO_LARGE' },
  // The same picture, given to a card that waits for it.
  'photos/attach': { bytes: PHOTO_BODY_BYTES, code: 'PHOTO_TOO_LARGE' },
  // A correction of a sealed record may add a photo: the largest change it carries.
  'meetings/correct': { bytes: PHOTO_BODY_BYTES, code: 'PAYLOAD_TOO_LARGE' },
  // A file to import (up to IMPORT_FILE_MAX_BYTES, 50 MB) travels in base64 inside JSON: about 67 MB.
  'import/preview': { bytes: IMPORT_BODY_BYTES, code: 'IMPORT_TOO_LARGE' },
  'import/save': { bytes: IMPORT_BODY_BYTES, code: 'IMPORT_TOO_LARGE' },
  'import/batch': { bytes: IMPORT_BODY_BYTES, code: 'IMPORT_TOO_LARGE' },
  // The clerk's choice per meeting and person of a bag (id → a short choice): 8 MB is some 80 000 of them.
  'merge/apply': { bytes: 8 * MB, code: 'PAYLOAD_TOO_LARGE' },
  'merge/apply-start': { bytes: 8 * MB, code: 'PAYLOAD_TOO_LARGE' },
};

/** The floor: whatever the schema says, a request of a few KB is never refused for its size. */
export const MIN_BODY_BYTES = 16 * KB;
/** A name that is not a channel is refused by the dispatcher; its body is not worth reading. */
const UNKNOWN_CHANNEL_BYTES = 1 * KB;

/**
 * UTF-8 bytes of one UTF-16 unit of text inside JSON, at most: 3 (Vietnamese, CJK); a pair of units (an
 * emoji) is 4 bytes, `"` and `\` are escaped to 2. Control characters (escaped to 6) are not what a
 * clerk types, and the slack below covers a few.
 */
const BYTES_PER_CHAR = 3;
/**
 * A string whose schema has a format but no length cap (an id, a date, a time): the contract's formats
 * are all short. A plain string without a cap makes the bound infinite (and a test fails).
 */
const FORMATTED_STRING_BYTES = 64;

/**
 * Schemas whose cap is in code rather than in a zod check: the document number (số và ký hiệu) is a
 * transform that refuses more than 100 characters (contract/documentNumber.ts).
 */
const CAPPED_ELSEWHERE = new Map<unknown, number>([[DocumentNumber, 2 + BYTES_PER_CHAR * 100]]);

interface ZodLike {
  _zod: {
    def: Record<string, unknown> & {
      type: string;
      checks?: readonly { _zod: { def: Record<string, unknown> } }[];
    };
  };
}

function maxLength(schema: ZodLike): number | undefined {
  let max: number | undefined;
  for (const check of schema._zod.def.checks ?? []) {
    const d = check._zod.def;
    const cap = d.check === 'max_length' ? d.maximum : d.check === 'length_equals' ? d.length : undefined;
    if (typeof cap === 'number') max = Math.min(max ?? Infinity, cap);
  }
  return max;
}

function hasFormat(schema: ZodLike): boolean {
  return (schema._zod.def.checks ?? []).some((c) => c._zod.def.check === 'string_format');
}

/**
 * The largest JSON text, in bytes, that a value accepted by this zod schema can take: strings by their
 * max length, arrays by their max count, objects by their keys. Infinity where the schema sets no bound
 * (a string or an array without max, a record).
 */
export function jsonBytesBound(schema: unknown, depth = 0): number {
  const s = schema as ZodLike;
  const def = s._zod.def;
  const inner = (key: string) => jsonBytesBound(def[key], depth + 1);
  const known = CAPPED_ELSEWHERE.get(schema);
  if (known !== undefined) return known;
  if (depth > 40) return Infinity;
  switch (def.type) {
    case 'string': {
      const max = maxLength(s);
      if (max !== undefined) return 2 + BYTES_PER_CHAR * max;
      return hasFormat(s) ? FORMATTED_STRING_BYTES : Infinity;
    }
    case 'number':
    case 'int':
    case 'bigint':
      return 24;
    case 'boolean':
    case 'null':
    case 'undefined':
      return 5;
    case 'enum':
      return (
        2 +
        Math.max(
          ...Object.values(def.entries as Record<string, unknown>).map(
            (v) => BYTES_PER_CHAR * String(v).length,
          ),
        )
      );
    case 'literal':
      return Math.max(
        ...(def.values as unknown[]).map((v) => BYTES_PER_CHAR * (JSON.stringify(v) ?? '').length),
      );
    case 'object': {
      const catchall = def.catchall as ZodLike | undefined;
      if (catchall && catchall._zod.def.type !== 'never') return Infinity;
      let total = 2;
      for (const [key, value] of Object.entries(def.shape as Record<string, unknown>))
        total += 4 + BYTES_PER_CHAR * key.length + jsonBytesBound(value, depth + 1);
      return total;
    }
    case 'array': {
      const max = maxLength(s);
      return max === undefined ? Infinity : 2 + max * (1 + inner('element'));
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return Math.max(5, inner('innerType'));
    case 'pipe': {
      // The input's own bound; else the output's, for a transform that only trims or unquotes (a path).
      const input = inner('in');
      return Number.isFinite(input) ? input : inner('out');
    }
    case 'union':
      return Math.max(...(def.options as unknown[]).map((o) => jsonBytesBound(o, depth + 1)));
    case 'intersection':
      return inner('left') + inner('right');
    case 'tuple':
      return (
        2 +
        (def.items as unknown[]).reduce<number>((sum, item) => sum + 1 + jsonBytesBound(item, depth + 1), 0)
      );
    case 'lazy':
      return jsonBytesBound((def.getter as () => unknown)(), depth + 1);
    default:
      // record, map, set, any, unknown, custom, transform: no bound from the schema.
      return Infinity;
  }
}

/**
 * Room over the bound for what it does not count (a few escaped control characters, spaces around the
 * JSON, spaces that trimming removes before a length is checked): a sixteenth more, plus 4 KB. The bound
 * itself is generous already (three bytes for every character).
 */
const withSlack = (bytes: number) => Math.ceil(bytes * 1.0625) + 4 * KB;

const DERIVED: Readonly<Record<string, BodyLimit>> = Object.fromEntries(
  CHANNELS.map((channel) => [
    channel,
    BODY_LIMITS[channel] ?? {
      bytes: Math.max(MIN_BODY_BYTES, withSlack(jsonBytesBound(contract[channel].input))),
      code: 'PAYLOAD_TOO_LARGE',
    },
  ]),
);

/** The body limit of `/api/<channel>`. */
export function bodyLimitOf(channel: string): BodyLimit {
  return isChannel(channel) ? DERIVED[channel]! : { bytes: UNKNOWN_CHANNEL_BYTES, code: 'UNKNOWN_CHANNEL' };
}

/** Every channel's limit (tests, the README's figures). */
export function allBodyLimits(): Readonly<Record<string, BodyLimit>> {
  return DERIVED;
}

/** A limit as a person reads it, whole and never above it (16 KB, 15 MB): language-neutral, for a literal(). */
export function bytesLabel(bytes: number): string {
  return bytes >= MB ? `${Math.floor(bytes / MB)} MB` : `${Math.floor(bytes / KB)} KB`;
}
