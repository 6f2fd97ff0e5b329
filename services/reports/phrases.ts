import { foldVietnamese } from '../../contract/vietnamese/fold';
import type { AttendanceRow } from '../../contract/recordContract';
import type { Meeting } from '../../contract/contract';
import { clockTime, longDate } from './dates';

/** Pieces of running Vietnamese text composed from a meeting record (shared by every document). */

/** "đồng chí Thượng tướng Nguyễn Văn A, Thứ trưởng Bộ Quốc phòng" — rank and titles as at the meeting. */
export function personPhrase(r: Pick<AttendanceRow, 'fullName' | 'rank' | 'titles'>, withTitles = true): string {
  const name = [r.rank.trim(), r.fullName.trim()].filter(Boolean).join(' ');
  return `đồng chí ${name}${withTitles && r.titles.trim() ? `, ${r.titles.trim()}` : ''}`;
}

/** "Đồng chí …" at the start of a line. */
export const capitalize = (s: string) => (s ? s[0]!.toLocaleUpperCase('vi') + s.slice(1) : s);
const lowerFirst = (s: string) => (s ? s[0]!.toLocaleLowerCase('vi') + s.slice(1) : s);

/**
 * How running text names the meeting: "cuộc họp về …" from kind + title, or the title alone when it
 * already starts with its kind ("Hội nghị tổng kết …" → "hội nghị tổng kết …", never "hội nghị Hội nghị").
 */
export function meetingName(m: Pick<Meeting, 'kind' | 'title'>): string {
  const title = m.title.trim();
  if (foldVietnamese(title).startsWith(foldVietnamese(m.kind.trim()))) return lowerFirst(title);
  return `${m.kind.trim().toLocaleLowerCase('vi')} ${title}`;
}

export const chairsOf = (rows: readonly AttendanceRow[]) => rows.filter((r) => r.role === 'chu_tri' || r.role === 'dong_chu_tri');
export const secretaryOf = (rows: readonly AttendanceRow[]) => rows.find((r) => r.role === 'thu_ky') ?? null;
/** Those who attended ("Thành phần tham dự", "Tham dự có …"): everyone but the secretary, who has a line of their own. */
export const attendeesOf = (rows: readonly AttendanceRow[]) => rows.filter((r) => r.role !== 'thu_ky');
export const presentOf = (rows: readonly AttendanceRow[]) =>
  attendeesOf(rows).filter((r) => r.status === 'co_mat' || r.status === 'den_muon');

/** "Vào lúc 14 giờ 00, ngày 26 tháng 5 năm 2024" / "Ngày 26 tháng 5 năm 2024" / '' (undated). */
export function whenPhrase(m: Pick<Meeting, 'meetingDate' | 'startTime'>): string {
  if (!m.meetingDate) return '';
  return m.startTime ? `Vào lúc ${clockTime(m.startTime)}, ${longDate(m.meetingDate)}` : capitalize(longDate(m.meetingDate));
}

/** A list in running text: "A, B và C". */
export function joinVi(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

/** Lines of plain text (minutes) as paragraphs: blank lines and single line breaks both separate. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}
