/**
 * Field schemas shared by the contract's parts. contract.ts imports the part contracts
 * (recordContract.ts, photoContract.ts…) to spread their channels, so a part contract cannot import
 * contract.ts back (the cycle would leave its schemas undefined at load time): common fields live here.
 * Pure TypeScript + zod.
 */
import { z } from 'zod';
import type { vi } from './messages/vi';
import { issue, msg } from './messages/message';

/** A field's name in the catalogs (messages/vi.ts `field`): how a message about it names it. */
export type FieldKey = keyof typeof vi.field;

export const isRealDate = (s: string): boolean => {
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(Date.UTC(y!, m! - 1, d!));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m! - 1 && dt.getUTCDate() === d;
};

/** A calendar date as `YYYY-MM-DD` (the UI shows and takes dd/mm/yyyy). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, issue('input.dateFormat'))
  .refine(isRealDate, issue('input.dateNotReal'));

/** Trimmed text up to `max` characters; `field` names it in the message. */
export const text = (max: number, field: FieldKey) =>
  z
    .string()
    .trim()
    .max(max, issue('input.tooLong', { field: msg(`field.${field}`), max }));
export const requiredText = (max: number, field: FieldKey) =>
  text(max, field).min(1, issue('input.required', { field: msg(`field.${field}`) }));

export const Id = z.string().uuid(issue('input.idInvalid'));
/** The version of a meeting the clerk's screen started from (optimistic concurrency). */
export const MeetingVersion = z.number().int().min(1, issue('input.versionInvalid'));
export const Paging = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};
