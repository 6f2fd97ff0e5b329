/**
 * Field schemas shared by the contract's parts. contract.ts imports the part contracts
 * (recordContract.ts, photoContract.ts…) to spread their channels, so a part contract cannot import
 * contract.ts back (the cycle would leave its schemas undefined at load time): common fields live here.
 * Pure TypeScript + zod.
 */
import { z } from 'zod';

export const isRealDate = (s: string): boolean => {
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(Date.UTC(y!, m! - 1, d!));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m! - 1 && dt.getUTCDate() === d;
};

/** A calendar date as `YYYY-MM-DD` (the UI shows and takes dd/mm/yyyy). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng năm-tháng-ngày.')
  .refine(isRealDate, 'Ngày không tồn tại trên lịch.');

/** Trimmed text up to `max` characters; `label` names the field in the message. */
export const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} quá dài (tối đa ${max.toLocaleString('vi-VN')} ký tự).`);
export const requiredText = (max: number, label: string) => text(max, label).min(1, `${label} không được để trống.`);

export const Id = z.string().uuid('Mã hồ sơ không hợp lệ.');
/** The version of a meeting the clerk's screen started from (optimistic concurrency). */
export const MeetingVersion = z.number().int().min(1, 'Phiên bản hồ sơ không hợp lệ.');
export const Paging = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) };
