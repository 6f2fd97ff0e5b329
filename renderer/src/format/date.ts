/**
 * Dates travel as `YYYY-MM-DD` strings and are shown as dd/mm/yyyy. They are handled as text on purpose:
 * a `Date` would shift a calendar day across the timezone boundary (a meeting on 05/01 must never show
 * as 04/01), so only clock times of "now"-like timestamps go through `Date`.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-01-05` → `05/01/2026`; empty for no date; anything malformed is shown as stored, not hidden. */
export function formatIsoDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function toIso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Clerks type day first (Vietnamese order) with whatever separator their keyboard habit gives.
const VN_DATE = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;

/**
 * Reads a date typed by a clerk: `5/1/2026`, `05/01/2026`, `05-01-2026`, `05.01.2026` (day first), or an
 * ISO `2026-01-05`. Returns `YYYY-MM-DD`, or null when it is incomplete or not on the calendar
 * (31/02/2026), so a half-typed date never becomes a wrong one.
 */
export function parseVnDate(input: string): string | null {
  const text = input.trim();
  const vn = VN_DATE.exec(text);
  if (vn) return toIso(Number(vn[3]), Number(vn[2]), Number(vn[1]));
  const iso = ISO_DATE.exec(text);
  if (iso) return toIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/** The year of a `YYYY-MM-DD` string, or null. */
export function isoYear(iso: string | null | undefined): number | null {
  const m = iso ? ISO_DATE.exec(iso) : null;
  return m ? Number(m[1]) : null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Local wall-clock `HH:MM` of a timestamp (ms), e.g. for "Đã lưu lúc 14:05". */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** Local `dd/mm/yyyy HH:MM` of a timestamp (ms), e.g. for "cập nhật lần cuối". */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()} ${formatClock(ms)}`;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A 24-hour `HH:MM` as the contract takes it. */
export function isTimeOfDay(value: string): boolean {
  return TIME.test(value);
}

/** Minutes since midnight of `HH:MM`, or null when it is not a valid time. */
export function timeToMinutes(value: string): number | null {
  const m = TIME.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}
