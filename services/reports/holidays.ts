import { isoOfJulianDay, julianDay, lunarToJulianDay } from './lunarCalendar';

/**
 * The public holidays a deadline counted in working days must skip (Bộ luật Lao động 2019, Điều 112),
 * limited to the days the law itself fixes:
 * - Tết Dương lịch 1/1;
 * - Tết Nguyên đán: the 1st, 2nd and 3rd of the lunar year (the law gives five days; which two others,
 *   before or after, the Prime Minister decides each year);
 * - Giỗ Tổ Hùng Vương, 10/3 lunar;
 * - Ngày Chiến thắng 30/4 and Quốc tế Lao động 1/5;
 * - Quốc khánh 2/9 (the law adds the day before or after, decided each year);
 * - and, for the solar holidays and Giỗ Tổ, the next working day off when one falls on a weekend (nghỉ bù,
 *   Điều 112 khoản 3).
 * Days that only the yearly decision sets (the other Tết days, the day beside 2/9, working days swapped
 * for bridges) are not known here. Leaving them out can only make a computed deadline earlier than the
 * real one, never later: a notice is never reported due after the day it really is.
 */
export function publicHolidays(year: number): Set<string> {
  const days = new Set<string>();
  const solar = [
    [1, 1],
    [30, 4],
    [1, 5],
    [2, 9],
  ].map(([d, m]) => julianDay(d!, m!, year));
  const gioTo = lunarToJulianDay(10, 3, year);
  const tet = lunarToJulianDay(1, 1, year);
  for (const jd of [tet, tet + 1, tet + 2]) days.add(isoOfJulianDay(jd));
  // One nghỉ bù per day off, even when Giỗ Tổ falls on 30/4 or 1/5 (never a day more than sure).
  const compensated = [...new Set([...solar, gioTo])].sort((a, b) => a - b);
  for (const jd of compensated) days.add(isoOfJulianDay(jd));
  for (const jd of compensated) {
    if (!isWeekend(jd)) continue;
    let next = jd + 1;
    while (isWeekend(next) || days.has(isoOfJulianDay(next))) next++;
    days.add(isoOfJulianDay(next));
  }
  return days;
}

/** Saturday or Sunday (Julian day 0 was a Monday: jd % 7 is 5 for Saturday, 6 for Sunday). */
function isWeekend(jd: number): boolean {
  return jd % 7 >= 5;
}

const byYear = new Map<number, Set<string>>();

/** Whether YYYY-MM-DD is one of the public holidays above. */
export function isPublicHoliday(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  let days = byYear.get(year);
  if (!days) byYear.set(year, (days = publicHolidays(year)));
  return days.has(iso);
}
