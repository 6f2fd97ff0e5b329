import type { TFunction } from 'i18next';
import { ATTENDANCE_ROLES, ATTENDANCE_STATUSES } from '../../../../../contract/recordContract';

export type Role = (typeof ATTENDANCE_ROLES)[number];
export type Status = (typeof ATTENDANCE_STATUSES)[number];

export const roleOptions = (t: TFunction) =>
  ATTENDANCE_ROLES.map((r) => ({ value: r, label: t(`attendance.role.${r}`) }));

export const statusOptions = (t: TFunction) =>
  ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`attendance.status.${s}`) }));

export const isRole = (v: string | null): v is Role =>
  (ATTENDANCE_ROLES as readonly string[]).includes(v ?? '');
export const isStatus = (v: string | null): v is Status =>
  (ATTENDANCE_STATUSES as readonly string[]).includes(v ?? '');
