/**
 * Dates as reports write them: "26/5", "ngày 9-4", "08/7/2024", "5-5-2022", "ngày 12 tháng 10 năm 2022",
 * with the part of the day before them ("Chiều 26/5") and a time ("lúc 14 giờ 30", "8h00").
 */
import { isRealDate } from '../../../contract/fields';

export interface FoundDate {
  day: number;
  month: number;
  year: number | null;
  /** Offsets in the searched string. */
  index: number;
  length: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const isoOf = (y: number, m: number, d: number): string | null => {
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return isRealDate(iso) ? iso : null;
};

/** A written year is believable between these (no archive holds meetings from before the state). */
const plausibleYear = (y: number) => y >= 1945 && y <= 2100;

// "26/5", "9-4-2020", "17 – 9" (the en dash of typeset reports), "14.1" (see findDates).
const NUMERIC = /(?<![\d/.\-–])(\d{1,2})\s*([/.\-–])\s*(\d{1,2})(?:\s*\2\s*(\d{4}))?(?![\d/]|[-–]\d)/g;
/** What makes "14.1" a date and not a decimal number: "Sáng 14.1", "ngày 14.1". */
const DATE_CUE_BEFORE = /(?:sáng|trưa|chiều|tối|đêm|ngày)\s+$/iu;
const WORDED = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?/giu;

/** Every date in `s`, in order. "2021-2025" (a period) and "15-NQ" (a document number) are not dates. */
export function findDates(s: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of s.matchAll(WORDED))
    push(out, Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null, m.index, m[0].length);
  for (const m of s.matchAll(NUMERIC)) {
    // "9.4" is a decimal number more often than a date: the dot only with a year, or after a word
    // that announces a date ("Sáng 14.1").
    if (m[2] === '.' && !m[4] && !DATE_CUE_BEFORE.test(s.slice(Math.max(0, m.index - 12), m.index))) continue;
    push(out, Number(m[1]), Number(m[3]), m[4] ? Number(m[4]) : null, m.index, m[0].length);
  }
  return out
    .sort((a, b) => a.index - b.index)
    .filter((d, i, all) => i === 0 || d.index >= all[i - 1]!.index + all[i - 1]!.length);
}

function push(
  out: FoundDate[],
  day: number,
  month: number,
  year: number | null,
  index: number,
  length: number,
) {
  if (day < 1 || day > 31 || month < 1 || month > 12) return;
  if (year !== null && (!plausibleYear(year) || !isoOf(year, month, day))) return;
  out.push({ day, month, year, index, length });
}

/** The date right at the start of `s` ("9-4-2020", "ngày 4/2/2020"), for a document's "ngày …". */
export function dateAtStart(s: string): FoundDate | null {
  // "ngày 18 tháng 12 năm 2024" keeps its "ngày" (the worded form starts with it); "ngày 18/12/2024" not.
  const m = /^[\s,]*(?:ban hành\s+)?/iu.exec(s)!;
  const worded = findDates(s.slice(m[0].length, m[0].length + 40))[0];
  if (worded && worded.index === 0) return { ...worded, index: worded.index + m[0].length };
  const n = /^[\s,]*(?:ban hành\s+)?(?:ngày\s+)?/iu.exec(s)!;
  const first = findDates(s.slice(n[0].length, n[0].length + 40))[0];
  return first && first.index === 0 ? { ...first, index: first.index + n[0].length } : null;
}

export type PartOfDay = 'sáng' | 'trưa' | 'chiều' | 'tối';
const PART_OF_DAY: Record<string, PartOfDay> = {
  sáng: 'sáng',
  trưa: 'trưa',
  chiều: 'chiều',
  tối: 'tối',
  đêm: 'tối',
};

/** "Chiều", "Sáng nay", "Tối qua" just before a date (the last word before it). */
export function partOfDayBefore(before: string): PartOfDay | null {
  const m = /(sáng|trưa|chiều|tối|đêm)(?:\s+(?:nay|qua|mai))?\s*(?:ngày\s*)?(?:hôm\s*)?\(?\s*$/iu.exec(
    before.trimEnd(),
  );
  return m ? PART_OF_DAY[m[1]!.toLowerCase()]! : null;
}

/** "lúc 14 giờ 30", "14h30", "8 giờ 00 phút", "7g30" → "14:30". */
export function findTime(s: string): { time: string; index: number; length: number } | null {
  const m = /(?<![\d/])(\d{1,2})\s*(?:giờ|h|g)\s*(?:(\d{2})(?:\s*phút)?)?(?![\p{L}\d])/iu.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] ? Number(m[2]) : 0;
  if (h > 23 || min > 59) return null;
  return { time: `${pad(h)}:${pad(min)}`, index: m.index, length: m[0].length };
}

/** A day of the calendar, without a time zone: what a report's dates and "today" are compared as. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** Days since 1970 (UTC), to compare and count calendar days. */
export const dayNumber = (d: CalendarDay) => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;

/**
 * How far after its anchor (the report's own date, or today) a meeting given without its year may lie.
 * A report tells of a meeting held, or one set for the next days ("Sáng mai, 27/5, …"); a day/month
 * further ahead than this is last year's.
 */
export const FUTURE_DAYS_ALLOWED = 3;

/**
 * The year of "26/5" read against an anchor day: the latest year in which that day is not more than
 * FUTURE_DAYS_ALLOWED after the anchor (26/5 against 2/1/2025 is 2024). 29/2 waits for a leap year.
 */
export function yearNear(day: number, month: number, anchor: CalendarDay): number | null {
  for (let year = anchor.year + 1; year >= anchor.year - 4; year--) {
    if (!isoOf(year, month, day)) continue;
    if (dayNumber({ year, month, day }) <= dayNumber(anchor) + FUTURE_DAYS_ALLOWED) return year;
  }
  return null;
}

export function calendarDayOf(date: Date): CalendarDay {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/** "2025-12-05" → its calendar day. */
export function calendarDayOfIso(iso: string): CalendarDay {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}
