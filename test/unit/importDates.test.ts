import { describe, expect, it, vi } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { findDates, yearNear } from '../../services/import/extract/dates';
import { draftToCliJson, extractDraft } from '../../services/import/extract';
import { readFileSource } from '../../services/import/sources';
import { draftOf, FIXTURE_TODAY } from '../helpers/importFixtures';

/** Our own sentences in the styles clerks paste: a date's shapes, and the year a report leaves out. */
const dateOf = (text: string) => draftOf(text).date;

describe('the shapes of a date', () => {
  it('reads "17 – 9" with the en dash of typeset reports, but not a period "2021–2025"', () => {
    expect(findDates('Ngày 17 – 9, UBND huyện họp phiên thường kỳ')).toMatchObject([
      { day: 17, month: 9, year: null },
    ]);
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
    expect(dateOf('(BTĐT) Ngày 3/3/2024, Thường trực HĐND huyện họp.')).toMatchObject({
      value: '2024-03-03',
    });
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

describe('the file’s own date as evidence of a year the text leaves out', () => {
  const minutes =
    'Biên bản họp chi bộ\n\nChiều 14/5, Chi bộ Văn phòng họp thường kỳ. Đồng chí Lý Thị Hoa, Bí thư Chi bộ chủ trì.';

  it('a .txt saved on 20/5/2023 gives 14/5 the year 2023, marked for checking', async () => {
    const doc = await readFileSource('bien-ban.txt', Buffer.from(minutes), '2023-05-20');
    const d = extractDraft(doc, { today: FIXTURE_TODAY });
    expect(d.date).toMatchObject({ value: '2023-05-14', yearFrom: 'inferred' });
    expect(d.unsure).toContain('date');
  });

  it('a file saved in January gives a December meeting the year before', async () => {
    const doc = await readFileSource(
      'bien-ban.txt',
      Buffer.from(minutes.replace('14/5', '28/12')),
      '2024-01-03',
    );
    expect(extractDraft(doc, { today: FIXTURE_TODAY }).date).toMatchObject({ value: '2023-12-28' });
  });

  it('the text’s own evidence comes first: a "năm 2022" in the sentence wins over the file’s date', async () => {
    const text = minutes.replace('họp thường kỳ', 'họp sơ kết 6 tháng đầu năm 2022');
    const doc = await readFileSource('bien-ban.txt', Buffer.from(text), '2024-01-03');
    expect(extractDraft(doc, { today: FIXTURE_TODAY }).date).toMatchObject({
      value: '2022-05-14',
      yearFrom: 'context',
    });
  });

  it('a file date after today is ignored (a wrong clock on the PC that saved it)', async () => {
    const doc = await readFileSource('bien-ban.txt', Buffer.from(minutes), '2031-02-01');
    expect(extractDraft(doc, { today: FIXTURE_TODAY }).date).toMatchObject({
      value: `${FIXTURE_TODAY.year}-05-14`,
    });
  });
});

describe('a Word file carries its own saved date', () => {
  it('reads docProps/core.xml: minutes saved on 02/06/2022 give "14/5" the year 2022', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2022-06-02T08:00:00Z'));
    const bytes = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph('Biên bản họp chi bộ'),
              new Paragraph(
                'Chiều 14/5, Chi bộ Văn phòng họp thường kỳ. Đồng chí Lý Thị Hoa, Bí thư Chi bộ chủ trì.',
              ),
            ],
          },
        ],
      }),
    );
    vi.useRealTimers();
    // The disk's date (a copy made in 2024) gives way to the document's own.
    const doc = await readFileSource('bien-ban.docx', bytes, '2024-03-01');
    expect(doc.savedOn).toBe('2022-06-02');
    expect(extractDraft(doc, { today: FIXTURE_TODAY }).date).toMatchObject({
      value: '2022-05-14',
      yearFrom: 'inferred',
    });
  });
});
