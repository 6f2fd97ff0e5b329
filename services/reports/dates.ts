/** Dates and times the way official Vietnamese documents write them. Pure functions. */
import { isPublicHoliday } from './holidays';

const pad = (n: number) => String(n).padStart(2, '0');

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/**
 * "Hà Nội, ngày 05 tháng 01 năm 2026": day and month below 10 take a leading zero (NĐ 30/2020, the
 * rule for the date line). No date: the blanks a clerk fills in by hand.
 */
export function placeDateLine(placeName: string, iso: string | null): string {
  const place = placeName.trim() ? `${placeName.trim()}, ` : '';
  if (!iso) return `${place}ngày      tháng      năm 20…`;
  const [y, m, d] = parts(iso);
  return `${place}ngày ${pad(d)} tháng ${pad(m)} năm ${y}`;
}

/** "ngày 26 tháng 5 năm 2024" inside running text (no leading zeros there). */
export function longDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/** dd/mm/yyyy. */
export function shortDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = parts(iso);
  return `${pad(d)}/${pad(m)}/${y}`;
}

/** "14 giờ 00" from "14:00". */
export function clockTime(hhmm: string): string {
  const [h, m] = hhmm.split(':');
  return `${Number(h)} giờ ${m}`;
}

/**
 * The day `days` working days after `iso`: a conclusion notice is due within 5 working days of the
 * meeting. Working days are Monday to Friday except the public holidays the law fixes (holidays.ts);
 * the days a yearly decision adds are not known, so the date can be early, never late.
 */
export function addWorkingDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  const date = new Date(Date.UTC(y, m - 1, d));
  const isoOf = () => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  for (let left = days; left > 0; ) {
    date.setUTCDate(date.getUTCDate() + 1);
    const wd = date.getUTCDay();
    if (wd !== 0 && wd !== 6 && !isPublicHoliday(isoOf())) left--;
  }
  return isoOf();
}

/** mm/yyyy of a YYYY-MM-DD. */
export function monthOf(iso: string): string {
  const [y, m] = parts(iso);
  return `${pad(m)}/${y}`;
}
