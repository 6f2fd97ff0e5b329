import { describe, expect, it } from 'vitest';
import { findDates, yearNear } from '../../services/import/extract/dates';
import { draftToCliJson } from '../../services/import/extract';
import { draftOf } from '../helpers/importFixtures';

/** Our own sentences in the styles clerks paste: a date's shapes, and the year a report leaves out. */
const dateOf = (text: string) => draftOf(text).date;

describe('the shapes of a date', () => {
  it('reads "17 – 9" with the en dash of typeset reports, but not a period "2021–2025"', () => {
    expect(findDates('Ngày 17 – 9, UBND huyện họp phiên thường kỳ')).toMatchObject([{ day: 17, month: 9, year: null }]);
    expect(findDates('nhiệm kỳ 2021–2025')).toEqual([]);
  });

  it('reads "14.1" as a date after a part of the day or "ngày", and as a number elsewhere', () => {
    expect(findDates('Sáng 14.1, Ban CHQS xã tổ chức hội nghị')).toMatchObject([{ day: 14, month: 1 }]);
    expect(findDates('tăng trưởng đạt 7.5 phần trăm')).toEqual([]);
  });

  it('finds the meeting date after a news site’s tag and inside "Sáng nay (…)"', () => {
    expect(dateOf('(Baoquangtri.vn) - Chiều 20/10/2024, Đảng ủy xã họp phiên thường kỳ.')).toMatchObject({
      value: '2024-10-20',
      partOfDay: 'chiều',
    });
    expect(dateOf('(BTĐT) Ngày 3/3/2024, Thường trực HĐND huyện họp.')).toMatchObject({ value: '2024-03-03' });
    expect(dateOf('Sáng nay (12/6/2024), Huyện ủy tổ chức hội nghị giao ban.')).toMatchObject({
      value: '2024-06-12',
      partOfDay: 'sáng',
    });
  });
});

describe('the year of a date written without one', () => {
  it('is the latest year that does not put the day more than three days after its anchor', () => {
    expect(yearNear(26, 5, { year: 2025, month: 6, day: 1 })).toBe(2025);
    expect(yearNear(28, 12, { year: 2025, month: 1, day: 2 })).toBe(2024);
    // A meeting set for the next days is still this year's.
    expect(yearNear(4, 6, { year: 2025, month: 6, day: 1 })).toBe(2025);
    expect(yearNear(5, 6, { year: 2025, month: 6, day: 1 })).toBe(2024);
    // 29/2 waits for a leap year.
    expect(yearNear(29, 2, { year: 2027, month: 3, day: 10 })).toBe(2024);
  });

  it('comes from the dateline first: a report of 2/1/2025 about "28/12" is of 2024', () => {
    const d = dateOf('Thứ Năm, 02/01/2025 - 09:15\n\nChiều 28/12, Đảng ủy phường tổng kết công tác năm.');
    expect(d).toMatchObject({ value: '2024-12-28', yearFrom: 'context' });
  });

  it('comes from the sentence: "tháng 5/2023" or "năm 2023" beside the day', () => {
    expect(dateOf('Ngày 30/5, UBND xã họp phiên thường kỳ tháng 5/2023.')).toMatchObject({
      value: '2023-05-30',
      yearFrom: 'context',
    });
    expect(dateOf('Sáng 9/4, Công an xã sơ kết quý I năm 2023.')).toMatchObject({ value: '2023-04-09' });
  });

  it('comes after the documents the report cites: a meeting discusses what was issued before it', () => {
    const d = dateOf(
      'Chiều 26/5, Đảng ủy xã họp bàn triển khai Nghị quyết số 12-NQ/ĐU ngày 12/7/2023 của Đảng ủy xã về phòng chống thiên tai.',
    );
    expect(d).toMatchObject({ value: '2024-05-26', yearFrom: 'context' });
  });

  it('comes from the latest full date the report writes, when nothing else says it', () => {
    const d = dateOf(
      'Chiều 20/11, Chi bộ thôn họp.\n\nChi bộ triển khai Kết luận số 15-KL/HU ngày 5/10/2023 của Ban Thường vụ Huyện ủy.',
    );
    expect(d).toMatchObject({ value: '2023-11-20', yearFrom: 'context' });
  });

  it('else is today’s (1/6/2025 for the fixtures), never ahead of it; the CLI shape flags it', () => {
    const d = draftOf('Chiều 14/8, Ban CHQS xã giao ban công tác quân sự.');
    expect(d.date).toMatchObject({ value: '2024-08-14', yearFrom: 'inferred' });
    expect(draftToCliJson(d)).toMatchObject({ date: '2024-08-14', dateYearInferred: true });
    const written = draftOf('Chiều 14/8/2024, Ban CHQS xã giao ban công tác quân sự.');
    expect(draftToCliJson(written)).toMatchObject({ date: '2024-08-14', dateYearInferred: false });
  });
});
