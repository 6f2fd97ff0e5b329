import type { ParseArgsConfig } from 'node:util';

/**
 * Every flag the `hoso` command line accepts (README.md, *Command line*). One table for all commands so that
 * `parseArgs` stays strict: a mistyped flag is an error, never silently ignored.
 */
export const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  port: { type: 'string' },
  open: { type: 'boolean', default: false },
  out: { type: 'string' },
  meetings: { type: 'string' },
  seed: { type: 'string' },
  force: { type: 'boolean', default: false },
  limit: { type: 'string' },
  sort: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  from: { type: 'string' },
  to: { type: 'string' },
  encrypt: { type: 'boolean', default: false },
  'passphrase-file': { type: 'string' },
  tag: { type: 'string' },
  variant: { type: 'string' },
  order: { type: 'string' },
  'per-page': { type: 'string' },
  'group-by': { type: 'string' },
  theirs: { type: 'boolean', default: false },
  mine: { type: 'boolean', default: false },
} satisfies ParseArgsConfig['options'];

export type Values = {
  db?: string;
  json: boolean;
  help: boolean;
  port?: string;
  open: boolean;
  out?: string;
  meetings?: string;
  seed?: string;
  force: boolean;
  limit?: string;
  sort?: string;
  'dry-run': boolean;
  from?: string;
  to?: string;
  encrypt: boolean;
  'passphrase-file'?: string;
  tag?: string;
  variant?: string;
  order?: string;
  'per-page'?: string;
  'group-by'?: string;
  /** merge: settle every conflict by taking the bag's version / keeping this archive's. */
  theirs: boolean;
  mine: boolean;
};

/** Commands whose arguments are a search query, where "-word" excludes a word (README.md, *Search*). */
const QUERY_COMMANDS: ReadonlySet<string> = new Set(['search']);
const SHORT_OPTIONS: ReadonlySet<string> = new Set(Object.values(OPTIONS).flatMap((o) => ('short' in o ? [o.short] : [])));
const takesValue = (arg: string) => {
  const name = /^--([^=]+)$/.exec(arg)?.[1];
  return name !== undefined && Object.hasOwn(OPTIONS, name) && OPTIONS[name as keyof typeof OPTIONS].type === 'string';
};

/**
 * `hoso search "-hội"`: in a query command, an argument of one dash and anything but only known short
 * options (-h) is an excluded query term, not an option (parseArgs read "-hội" as -h -ộ -i). Such
 * arguments are handed to parseArgs as placeholders, kept in their place among the other positionals,
 * and `restore` gives each back. Before the command, after `--`, as a string option's value and in every
 * other command nothing changes: the command line keeps its shape.
 */
export function dashTermsAsPositionals(argv: readonly string[]): { args: string[]; restore: (positional: string) => string } {
  const terms = new Map<string, string>();
  const args = [...argv];
  let command: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (takesValue(arg)) {
      i++; // its value, whatever it looks like, stays parseArgs' to read (or to refuse)
      continue;
    }
    if (command === null) {
      if (!arg.startsWith('-')) command = arg;
      continue;
    }
    if (!QUERY_COMMANDS.has(command) || !/^-[^-]/.test(arg) || [...arg.slice(1)].every((c) => SHORT_OPTIONS.has(c))) continue;
    const placeholder = `\uE000${terms.size}\uE000`;
    terms.set(placeholder, arg);
    args[i] = placeholder;
  }
  return { args, restore: (positional) => terms.get(positional) ?? positional };
}

/** A wrong flag value or argument: printed as is, exit code 2. */
export class UsageError extends Error {}

export function positiveInt(value: string | undefined, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new UsageError(`--${name} phải là số nguyên từ 0 đến ${max.toLocaleString('vi-VN')} (nhận được: ${value}).`);
  return n;
}

/** YYYY-MM-DD from what a clerk types: 2024-05-26, 26/05/2024 or 26/5/2024. */
export function cliDate(value: string | undefined, flag: string): string | null {
  if (value === undefined) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (iso) return value.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (vn) return `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}`;
  throw new UsageError(`--${flag} phải là ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd (nhận được: ${value}).`);
}

/** dd/mm/yyyy from YYYY-MM-DD, the way clerks read dates; "(chưa có ngày)" when unknown. */
export function vnDate(iso: string | null): string {
  if (!iso) return '(chưa có ngày)';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
