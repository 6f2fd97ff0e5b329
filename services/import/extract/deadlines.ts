/**
 * The deadline a directive names for its work: "trước ngày 31/12/2025", "chậm nhất ngày 15/01",
 * "hoàn thành trong tháng 12/2025", "trong quý I năm 2026", "xong trong năm 2026".
 *
 * A deadline is read only after a word that bounds the time (trước, chậm nhất, hạn, trong, xong,
 * hoàn thành … trước): a bare date in a directive ("theo Kế hoạch số 12 ngày 5/3") is a citation, not
 * a deadline. A period names its last day. A day without its year takes the first year that puts it
 * after the meeting. Only a deadline after the meeting counts: an earlier one is history being told.
 */
import { findDates, isoOf, type CalendarDay, dayNumber } from './dates';
import { viRegex } from './blocks';

export interface Deadline {
  /** YYYY-MM-DD, the last day the work may take. */
  date: string;
  /** The words it was read from, as written. */
  text: string;
}

/** Words that make the date after them a limit: "trước ngày", "chậm nhất là ngày", "hạn chót", "trong". */
const BOUND = viRegex(
  /\b(?:trước|chậm nhất(?: là| vào)?|muộn nhất(?: là)?|hạn(?: chót| cuối)?(?: là)?|không quá|xong trong|hoàn thành trong|trong)\s+(?:ngày\s+)?$/iu,
);

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
/** "quý I năm 2026", "quý II/2026", "quý 3" and "tháng 12/2025", "tháng 6 năm 2026", "năm 2026". */
const PERIOD = viRegex(
  /\b(?:trước|trong|xong trong|hoàn thành trong|chậm nhất(?: trong)?|trước hết)\s+(?:(quý)\s+(iv|iii|ii|i|[1-4])|(tháng)\s+(\d{1,2})|(năm)\s+(\d{4}))(?:\s*(?:\/|năm)\s*(\d{4}))?\b/iu,
);

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first year from the meeting's on that puts day/month on or after the meeting. */
function yearAfter(day: number, month: number, meeting: CalendarDay): number {
  const y = meeting.year;
  return dayNumber({ year: y, month, day }) >= dayNumber(meeting) ? y : y + 1;
}

function fromPeriod(m: RegExpExecArray, meeting: CalendarDay): Deadline | null {
  const written = m[7] ? Number(m[7]) : null;
  let year: number;
  let month: number;
  if (m[1]) {
    const q = ROMAN[m[2]!.toLowerCase()]!;
    month = q * 3;
    year = written ?? yearAfter(lastDayOfMonth(meeting.year, month), month, meeting);
  } else if (m[3]) {
    month = Number(m[4]);
    if (month < 1 || month > 12) return null;
    year = written ?? yearAfter(lastDayOfMonth(meeting.year, month), month, meeting);
  } else {
    // "trong năm 2026": the whole year; "năm" after "trong" without a year of its own is not a period.
    year = Number(m[6]);
    month = 12;
  }
  const iso = isoOf(year, month, lastDayOfMonth(year, month));
  return iso ? { date: iso, text: m[0].trim() } : null;
}

/**
 * The deadline `sentence` names, if it lies after the meeting (`meeting`: its day; without one, no
 * deadline is offered, since "after the meeting" cannot be told).
 */
export function findDeadline(sentence: string, meeting: CalendarDay | null): Deadline | null {
  if (!meeting) return null;
  const after = (d: Deadline | null) =>
    d && d.date > (isoOf(meeting.year, meeting.month, meeting.day) ?? '') ? d : null;
  for (const d of findDates(sentence)) {
    const before = sentence.slice(Math.max(0, d.index - 30), d.index);
    const bound = BOUND.exec(before);
    if (!bound) continue;
    // "hằng tháng", "hàng năm" after the date: a recurring day, not a deadline.
    if (/^\s*(?:hằng|hàng)\s/iu.test(sentence.slice(d.index + d.length))) continue;
    const year = d.year ?? yearAfter(d.day, d.month, meeting);
    const iso = isoOf(year, d.month, d.day);
    const found = iso
      ? after({ date: iso, text: sentence.slice(d.index - bound[0].length, d.index + d.length).trim() })
      : null;
    if (found) return found;
  }
  const period = PERIOD.exec(sentence);
  return period ? after(fromPeriod(period, meeting)) : null;
}
