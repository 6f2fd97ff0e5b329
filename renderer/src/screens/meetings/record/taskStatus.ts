import type { TASK_STATUSES } from '../../../../../contract/recordContract';

export type TaskStatusValue = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_COLORS: Record<TaskStatusValue, string> = {
  chua_lam: 'gray',
  dang_lam: 'blue',
  hoan_thanh: 'teal',
  huy: 'dark',
};

/** Today on the clerk's own calendar, as `YYYY-MM-DD`. */
export function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Overdue: a deadline before today, neither done nor cancelled (the rule tasks/list uses). */
export function isOverdue(
  deadline: string | null,
  status: TaskStatusValue | null,
  today = todayIso(),
): boolean {
  return deadline !== null && deadline < today && status !== 'hoan_thanh' && status !== 'huy';
}
