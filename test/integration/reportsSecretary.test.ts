import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempArchive } from '../helpers/tempArchive';
import { seedReportArchive } from '../helpers/reportsFixture';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher, directClient } from '../../services/dispatch';
import { silentLogger } from '../../services/log';
import type { Archive } from '../../db/open';

/**
 * The minute-taker (thư ký) in the printed documents: a line of their own ("Thư ký: …"), never one of
 * those who attended ("Thành phần tham dự", the rows of the attendance sheet, "Tham dự có …").
 */

let t: { archive: Archive; dir: string; cleanup: () => void };
let call: ReturnType<typeof directClient>;
let meetingId = '';
beforeEach(async () => {
  t = await tempArchive();
  call = directClient(createDispatcher(createHandlers(createContext(t.archive, 'direct', 'test')), silentLogger));
  // A chair, three officers and the secretary Lê Thị Hoa (Chuyên viên Văn phòng UBND tỉnh).
  meetingId = await seedReportArchive(t.archive, { attendees: 3, photos: 0 });
});
afterEach(() => t.cleanup());

/** The document's text as a reader sees it, one space between words. */
const text = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');
const between = (s: string, from: string, to: string) => s.slice(s.indexOf(from), s.indexOf(to, s.indexOf(from)));

describe('the secretary in printed documents', () => {
  it('minutes: the secretary is not listed under "Thành phần tham dự", only on the Thư ký line', async () => {
    const all = text((await call('reports/html', { kind: 'minutes', meetingId })).html);
    const attended = between(all, 'Thành phần tham dự:', 'Chủ trì:');
    expect(attended).toContain('Phạm Quốc Hưng 3');
    expect(attended).not.toContain('Lê Thị Hoa');
    expect(all).toContain('Thư ký (người ghi biên bản): Đồng chí Lê Thị Hoa, Chuyên viên Văn phòng UBND tỉnh.');
  });

  it('attendance sheet: the rows and the total are the attendees; "Thư ký: …" follows the table', async () => {
    const all = text((await call('reports/html', { kind: 'attendance', meetingId, order: 'protocol' })).html);
    const table = between(all, 'STT', 'Tổng số:');
    expect(table).not.toContain('Lê Thị Hoa');
    // The chair (Chủ tịch UBND tỉnh) first, by protocol.
    expect(table.indexOf('Trần Văn Minh')).toBeLessThan(table.indexOf('Phạm Quốc Hưng 1'));
    expect(all).toContain('Tổng số: 4 đại biểu. Thư ký: Đồng chí Lê Thị Hoa, Chuyên viên Văn phòng UBND tỉnh.');
  });

  it('conclusion notice: "Tham dự có …" names the attendees, not the secretary', async () => {
    const draft = await call('reports/notice-get', { meetingId });
    expect(draft.paragraphs[1]).toMatch(/^Tham dự có đồng chí Đại tá Phạm Quốc Hưng 1/);
    expect(draft.paragraphs.join('\n')).not.toContain('Lê Thị Hoa');
  });
});
