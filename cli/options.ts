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
