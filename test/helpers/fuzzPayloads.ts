/**
 * Invalid (and hostile-but-valid) payloads for every channel of the contract, derived from the channel's
 * own zod schema so a channel added tomorrow is fuzzed without anyone listing it. Reproducible: every
 * random choice comes from a seeded generator (HOSO_FUZZ_SEED picks another seed).
 *
 * How a channel's payloads are made:
 * 1. `sampleValid` builds a valid value from the schema (each leaf tries a short list of plausible
 *    values and keeps the first its schema accepts; ids and versions come from the caller's fixture).
 * 2. `mutations` replaces one leaf at a time (and the payload as a whole) with wrong types, missing and
 *    extra fields, odd numbers, huge and strange strings, path traversal and HTML/script. A string
 *    mutation may well be valid (a caption may contain "<script>"): the test then checks it was stored
 *    exactly as sent.
 */
import type { z } from 'zod';

export { seededRandom } from './seededRandom';

/** HTML/script a clerk might paste (or an attacker plant) in any text field. */
export const SCRIPT_STRINGS = [
  '<script>window.__pwned=2</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=3">',
  '<a href="javascript:window.__pwned=4">Biên bản</a>',
  'javascript:window.__pwned=5',
  "'); DROP TABLE meetings; --",
  '<iframe srcdoc="<script>parent.__pwned=6</script>"></iframe>',
  '<mark>Quốc phòng</mark><b onclick="window.__pwned=7">x</b>',
] as const;

/** Names a file-name-like field could be given to leave its folder. `absolute` are filled in per run. */
export const TRAVERSAL_STRINGS = [
  '../../etc/passwd',
  '..\\..\\Windows\\System32\\config\\SAM',
  '../canary.txt',
  '....//....//etc/passwd',
  'C:\\',
  'C:\\Windows\\win.ini',
  '\\\\evil-server\\share\\x',
  '//evil-server/share/x',
  'bien-ban:mat.txt',
  'anh*.jpg',
  'con\\..\\..\\x',
  'file:///etc/passwd',
] as const;

/** Strings that break naive code: NUL, controls, lone surrogates, bidi overrides, invisible characters. */
export const STRANGE_STRINGS = [
  'Hội\u0000nghị',
  'a\u0001\u0007\u0008\u001b[31mđỏ\u007f',
  'x\ud800y',
  'x\udfffy',
  'Nguyễn\u202eVăn An\u202c',
  'abc\u200b\u200d\ufeffdef',
  'Hoa\u0300 Bi\u0300nh', // decomposed marks (NFD)
  '%s%n%x{{7*7}}${7*7}',
] as const;

export const TEN_MB = 10 * 1024 * 1024;

/** The payload as a whole replaced by something that is not the expected object. */
export function wholePayloadMutations(deep: unknown): { label: string; value: unknown }[] {
  return [
    { label: 'payload null', value: null },
    { label: 'payload array', value: [] },
    { label: 'payload string', value: 'meetings' },
    { label: 'payload number', value: 42 },
    { label: 'payload true', value: true },
    { label: 'payload deeply nested', value: deep },
    {
      label: 'payload __proto__',
      value: JSON.parse('{"__proto__":{"ok":true,"isAdmin":true},"constructor":{"prototype":{"x":1}}}'),
    },
  ];
}

/** Objects and arrays nested `depth` levels deep ({a:[{a:[…]}]}), built without recursion; a tree, so its JSON stays small. */
export function deeplyNested(depth: number): unknown {
  let v: unknown = { a: 1 };
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
}

/** Wrong values for any field, whatever its type. */
export function genericBadValues(deep: unknown): { label: string; value: unknown }[] {
  return [
    { label: 'null', value: null },
    { label: 'missing', value: undefined },
    { label: 'empty array', value: [] },
    { label: 'nested array', value: [[[[]]]] },
    { label: 'object', value: { x: 1 } },
    { label: 'deep object', value: deep },
    { label: 'true', value: true },
    { label: 'zero', value: 0 },
    { label: '-1', value: -1 },
    { label: 'NaN', value: Number.NaN },
    { label: 'Infinity', value: Number.POSITIVE_INFINITY },
    { label: '-Infinity', value: Number.NEGATIVE_INFINITY },
    { label: '1e308', value: 1e308 },
    { label: '2^53+2', value: 2 ** 53 + 2 },
    { label: '1.5', value: 1.5 },
    { label: 'empty string', value: '' },
    { label: 'number as string', value: '1' },
  ];
}

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const accepts = (s: z.ZodType, v: unknown): boolean => s.safeParse(v).success;

/** What the caller knows of its archive, to make ids and versions real (a payload of a real record). */
export interface SampleHints {
  /** A value for a uuid field named `key` in `channel`; undefined: a fresh (non-existent) uuid. */
  id(channel: string, key: string): string | undefined;
  /** The current version for a `version` field of `channel`. */
  version(channel: string): number;
}

const NON_EXISTENT_ID = '01900000-0000-7000-8000-00000000dead';
const UNKNOWN_ID = '01900000-0000-7000-8000-0000000beef0';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STRING_CANDIDATES = [
  'Hội nghị giao ban quý I',
  '2026-03-15',
  '08:30',
  '1374-QC/QUTW-TUHN',
  'Mật khẩu đủ dài 2026!',
  'a',
];
const NUMBER_CANDIDATES = [2026, 1, 0, 2, 4, 6, 10, 30];

/**
 * A valid value for `schema`, or undefined when none of the candidates fits (a refinement the sampler
 * cannot guess). `key` is the field name, `channel` the channel: they pick real ids and versions.
 */
export function sampleValid(schema: z.ZodType, channel: string, hints: SampleHints, key = ''): unknown {
  const d = defOf(schema);
  const pick = (candidates: unknown[]) => candidates.find((c) => accepts(schema, c));
  switch (d.type) {
    case 'object': {
      const shape = d.shape as Record<string, z.ZodType>;
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(shape)) {
        const v = sampleValid(s, channel, hints, k);
        if (v !== undefined) out[k] = v;
      }
      if (accepts(schema, out)) return out;
      // A refinement across fields (a task's deadline only when it is a task): start from the required
      // fields and add the others back one by one while the whole stays valid.
      const kept: Record<string, unknown> = {};
      for (const k of Object.keys(out)) if (!accepts(shape[k]!, undefined)) kept[k] = out[k];
      if (!accepts(schema, kept)) return undefined;
      for (const k of Object.keys(out)) {
        if (k in kept) continue;
        if (accepts(schema, { ...kept, [k]: out[k] })) kept[k] = out[k];
      }
      return kept;
    }
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
    case 'readonly':
    case 'catch': {
      const v = sampleValid(d.innerType as z.ZodType, channel, hints, key);
      if (v !== undefined && accepts(schema, v)) return v;
      return d.type === 'nullable' && accepts(schema, null) ? null : undefined;
    }
    case 'pipe': {
      const v = sampleValid(d.in as z.ZodType, channel, hints, key);
      return v !== undefined && accepts(schema, v) ? v : pick(STRING_CANDIDATES);
    }
    case 'union': {
      for (const o of d.options as z.ZodType[]) {
        const v = sampleValid(o, channel, hints, key);
        if (v !== undefined && accepts(schema, v)) return v;
      }
      return undefined;
    }
    case 'array': {
      const el = sampleValid(d.element as z.ZodType, channel, hints, key.replace(/s$/, ''));
      return pick(el === undefined ? [[]] : [[el], []]);
    }
    case 'tuple':
      return (d.items as z.ZodType[]).map((s) => sampleValid(s, channel, hints, key));
    case 'record':
      return {};
    case 'enum':
      return pick(Object.values(d.entries as Record<string, unknown>));
    case 'literal':
      return pick(d.values as unknown[]);
    case 'boolean':
      return false;
    case 'number':
      if (/version/i.test(key)) return pick([hints.version(channel), 1]);
      return pick(NUMBER_CANDIDATES);
    case 'string': {
      const real = hints.id(channel, key);
      return pick([...(real ? [real] : []), NON_EXISTENT_ID, ...STRING_CANDIDATES]);
    }
    default:
      return undefined;
  }
}

/** Every leaf of a JSON-like value, as a path of keys/indexes, with its value. */
export function leaves(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; value: unknown }[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [{ path, value }];
    return value.flatMap((v, i) => leaves(v, [...path, i]));
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return [{ path, value }];
    return entries.flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [{ path, value }];
}

/** A deep copy of `base` with the leaf at `path` set to `value` (undefined: the key removed). */
export function withLeaf(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined && !Array.isArray(at)) delete at[last];
  else at[last] = value;
  return copy;
}

/** Field names that name a file or folder: these get the traversal strings and absolute paths. */
export const FILE_LIKE_KEY = /^(path|file|fileName|name|dest|backupDir|title)$/;

export interface Mutation {
  label: string;
  path: (string | number)[];
  value: unknown;
  /** The string put into a text field, when the mutation is one (to check it was stored verbatim). */
  text?: string;
}

/**
 * The mutations of one channel's valid payload. Every leaf gets the generic wrong values; string
 * leaves get the strange, script and traversal strings (+ `absolutePaths` for file-like ones) and a few
 * seeded random strings; one seeded string leaf per channel gets 10 MB (`huge`: false skips it).
 */
export function mutations(
  base: Record<string, unknown>,
  rand: () => number,
  opts: { absolutePaths: string[]; huge: boolean; deep: unknown; randomStrings: number },
): Mutation[] {
  const out: Mutation[] = [];
  const all = leaves(base).filter((l) => l.path.length > 0);
  const stringLeaves = all.filter((l) => typeof l.value === 'string');
  for (const leaf of all) {
    const at = leaf.path.join('.');
    for (const g of genericBadValues(opts.deep))
      out.push({ label: `${at}=${g.label}`, path: leaf.path, value: g.value });
    out.push({
      label: `${at} as string`,
      path: leaf.path,
      value: typeof leaf.value === 'string' ? 42 : String(leaf.value),
    });
  }
  for (const leaf of stringLeaves) {
    const at = leaf.path.join('.');
    const key = String(leaf.path.filter((p) => typeof p === 'string').at(-1) ?? '');
    const texts: string[] = [...STRANGE_STRINGS, ...SCRIPT_STRINGS];
    if (FILE_LIKE_KEY.test(key)) texts.push(...TRAVERSAL_STRINGS, ...opts.absolutePaths);
    for (let i = 0; i < opts.randomStrings; i++) texts.push(randomString(rand));
    for (const t of texts)
      out.push({ label: `${at}=${JSON.stringify(t).slice(0, 40)}`, path: leaf.path, value: t, text: t });
    // A well-formed id of nothing: the schema passes it, the handler must answer NOT_FOUND (or the like), not fail.
    if (UUID.test(String(leaf.value)))
      out.push({ label: `${at}=unknown id`, path: leaf.path, value: UNKNOWN_ID });
  }
  if (opts.huge && stringLeaves.length > 0) {
    const leaf = stringLeaves[Math.floor(rand() * stringLeaves.length)]!;
    out.push({
      label: `${leaf.path.join('.')}=10 MB`,
      path: leaf.path,
      value: 'Nội dung hội nghị '.repeat(Math.ceil(TEN_MB / 18)),
    });
  }
  out.push({
    label: 'extra field',
    path: [],
    value: { ...base, extra: '<script>x</script>', __proto__polluted: 1 },
  });
  out.push({ label: 'all fields missing', path: [], value: {} });
  for (const w of wholePayloadMutations(opts.deep)) out.push({ label: w.label, path: [], value: w.value });
  return out;
}

/** A short random string over ASCII, Vietnamese letters, controls and odd code points. */
export function randomString(rand: () => number): string {
  const pools = [
    'abcxyz019 -_/.\\:*?"<>|',
    'ăâđêôơưẠẢẤẦẨẪẬắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ',
    '\u0000\u0001\u001f\u007f\u0085\u00a0\u2028\u2029\u200e\u200f\u202a\u202e\ufeff\ufffd',
    '<>&"\'`=;(){}[]',
  ];
  const n = 1 + Math.floor(rand() * 40);
  let s = '';
  for (let i = 0; i < n; i++) {
    const pool = pools[Math.floor(rand() * pools.length)]!;
    s += pool[Math.floor(rand() * pool.length)];
  }
  return `x${s}x`;
}
