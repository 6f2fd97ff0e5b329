// Calendar arithmetic for the demo: whole days in Việt Nam wall-clock time (UTC+7), as
// db/schema/meetings.ts stores meeting dates, and the conversions to ISO dates, times and instants.

export const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

export function dayOf(ms: number): number {
  return Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
}
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}
export function ymd(day: number): { y: number; m: number; d: number } {
  const date = new Date(day * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}
export const pad2 = (n: number) => String(n).padStart(2, '0');
export function isoDate(day: number): string {
  const { y, m, d } = ymd(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}
/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export const weekday = (day: number) => (day + 4) % 7;
/** Local wall-clock time on a day → instant in ms. */
export const instant = (day: number, minutes: number) => day * DAY_MS + minutes * 60_000 - VN_OFFSET_MS;
export const hhmm = (minutes: number) => `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
