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

// "14:30", "14h30", "14h", "14 giờ 30", "14.30", "1430" — the ways times are written in
// Vietnamese offices, always on a 24-hour clock. One-digit minutes ("8:5") are refused as ambiguous.
const TIME_TEXT = /^(\d{1,2})\s*(?::|\.|h|g|giờ)\s*(\d{2})?\s*(?:p|ph|phút)?$/i;
const TIME_DIGITS = /^(\d{1,2})(\d{2})$/;

/**
 * Reads a time typed by a clerk and returns it as `HH:MM`, or null if it is not a time of day. A text
 * field is used instead of the browser's time control, which shows AM/PM on English-language Windows.
 */
export function parseTimeText(input: string): string | null {
  const text = input.trim().normalize('NFC');
  const m = TIME_TEXT.exec(text) ?? TIME_DIGITS.exec(text);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = m[2] === undefined ? 0 : Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${pad2(hours)}:${pad2(minutes)}`;
}

/** Minutes since midnight of `HH:MM`, or null when it is not a valid time. */
export function timeToMinutes(value: string): number | null {
  const m = TIME.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}
