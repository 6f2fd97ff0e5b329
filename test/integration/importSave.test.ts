import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPerson } from '../../db/people';
import { listAttendance } from '../../db/attendance';
import { listDocumentRefs } from '../../db/documentRefs';
import { listConclusions } from '../../db/conclusions';
import { listPhotos } from '../../db/photos';
import { getMeeting } from '../../db/meetings';
import { verifyAuditChain } from '../../db/audit';
import { checkSearchIndex } from '../../db/search/indexer';
import { translateAll } from '../../contract/messages/translate';
import { tempDir } from '../helpers/tempArchive';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { hoso } from '../helpers/runHoso';
import { FIXTURES, fixture } from '../helpers/importFixtures';
import { reportDocx } from '../fixtures/import/reportDocx';
import { openArchive } from '../../db/open';

let s: RecordSession;
beforeEach(async () => {
  s = await recordSession();
});
afterEach(() => s.cleanup());

describe('import through the contract', () => {
  it('preview matches people by folded name and asks when the rank differs; save writes everything in one go', async () => {
    createPerson(
      s.archive,
      { fullName: 'Hồ Quang Minh', rank: 'Đại tá', title: 'Chính ủy', unit: '', notes: '' },
      'test',
    );
    createPerson(
      s.archive,
      { fullName: 'Lê Đình Khải', rank: 'Trung tá', title: '', unit: '', notes: '' },
      'test',
    );
    const source = { kind: 'text', name: 'quan-su-tinh.txt', text: fixture('quan-su-tinh.txt') };
    const preview = await s.call('import/preview', { source });
    expect(preview.chairMatches[0]).toMatchObject({ match: 'same' });
    // Trung tá in the directory, Thượng tá in the report: promoted since? The clerk decides.
    expect(preview.attendeeMatches[0]).toMatchObject({
      match: 'possible',
      personId: null,
      reasons: ['rank_differs'],
    });
    expect(preview.attendeeMatches[1]).toMatchObject({ match: 'new' });
    expect(preview.duplicate).toBeNull();

    const d = preview.draft;
    const people = [...d.chairs, ...d.attendees].map((p, i) => ({
      name: p.name,
      rank: p.rank ?? '',
      titles: p.titles.join(', '),
      role: p.role,
      personId:
        i === 0
          ? preview.chairMatches[0]!.personId
          : i === 1
            ? preview.attendeeMatches[0]!.candidates[0]!.id
            : null,
    }));
    const saved = await s.call('import/save', {
      source,
      draft: {
        title: d.title!.value,
        kind: d.kind!.value,
        meetingDate: d.date!.value,
        location: d.location!.value,
        // The importer found no organizing body here; the clerk typed it in the review.
        organizer: 'Bộ Chỉ huy Quân sự tỉnh',
        byline: d.byline!.value,
        body: d.body.map((p) => p.text).join('\n\n'),
        people,
        captions: d.captions.map((c) => ({ text: c.text, image: c.image })),
        documentRefs: d.documentRefs.map((r) => ({ number: r.number, type: r.type ?? '', date: r.date })),
        conclusions: d.conclusions.map((c) => c.text),
      },
    });
    expect(saved).toMatchObject({
      status: 'imported',
      counts: { people: 4, documents: 3, conclusions: 3, photos: 0 },
    });
    const id = saved.meetingId!;
    const meeting = getMeeting(s.archive, id);
    expect(meeting).toMatchObject({
      status: 'draft',
      meetingDate: '2024-04-09',
      source: 'Tin, ảnh: NGỌC ANH - ĐỨC THỊNH',
      location: 'Hội trường Bộ Chỉ huy Quân sự tỉnh',
      organizer: 'Bộ Chỉ huy Quân sự tỉnh',
    });
    expect(meeting.minutesHtml.startsWith('<p>Sáng 9-4, tại Hội trường')).toBe(true);
    const rows = listAttendance(s.archive, id).rows;
    expect(rows.map((r) => [r.fullName, r.role, r.rank])).toEqual([
      ['Hồ Quang Minh', 'chu_tri', 'Đại tá'],
      ['Lê Đình Khải', 'dai_bieu', 'Thượng tá'],
      ['Đoàn Thị Mỹ Hạnh', 'dai_bieu', 'Trung tá'],
      ['Ngô Sỹ Toàn', 'dai_bieu', 'Đại tá'],
    ]);
    // The confirmed people were reused: two directory entries plus two new ones.
    expect(s.count('people')).toBe(4);
    expect(listDocumentRefs(s.archive, id).rows.map((r) => r.number)).toEqual([
      '847-NQ/QUTW',
      '152/KH-BCH',
      '12/2023/TT-BQP',
    ]);
    expect(listConclusions(s.archive, id).rows).toHaveLength(3);
    expect(verifyAuditChain(s.archive).ok).toBe(true);
    expect(checkSearchIndex(s.archive).ok).toBe(true);
    const hits = await s.call('search/query', { query: 'Ngô Sỹ Toàn' });
    expect(hits.rows.map((h) => h.id)).toEqual([id]);

    // The same report again: a duplicate, skipped with the meeting it duplicates.
    const again = await s.call('import/preview', { source });
    expect(again.duplicate).toMatchObject({ id, reason: 'same_content' });
    const skipped = await s.call('import/save', {
      source,
      draft: { title: 'Khác', kind: 'Hội nghị', meetingDate: null },
    });
    expect(skipped).toMatchObject({
      status: 'duplicate',
      meetingId: null,
      duplicate: { id, reason: 'same_content' },
    });
  });

  it('a .docx picture becomes a photo of the meeting with its caption; a failed write leaves nothing behind', async () => {
    const docx = await reportDocx();
    const source = { kind: 'file', name: 'hoi-nghi.docx', dataBase64: docx.toString('base64') };
    const r = await s.call('import/batch', {
      sources: [source],
    });
    expect(r.items[0]!.status).toBe('imported');
    const photos = listPhotos(s.archive, r.items[0]!.meetingId!).photos;
    expect(photos.map((p) => p.caption)).toEqual(['Thượng tướng Võ Minh Lương phát biểu chỉ đạo hội nghị.']);

    // A document reference that the database refuses mid-way (here: the meetings table made read-only
    // by a trigger on document_refs) rolls the whole import back.
    s.archive.sqlite.exec(
      "CREATE TEMP TRIGGER no_refs BEFORE INSERT ON document_refs BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
    );
    const before = s.count('meetings');
    const other = { kind: 'text', text: fixture('ubnd-huyen.txt') };
    const failed = (await s.dispatch('import/batch', { sources: [other] } as never)) as { ok: boolean };
    expect(failed.ok).toBe(false);
    expect(s.count('meetings')).toBe(
      before,
    );
    expect(s.count('people')).toBe(1);
  });

  it('batch never refuses a report it can read: one without a title is stored, titled from its first sentence, to review', async () => {
    const text =
      'Sáng 9/4/2025, Đảng ủy xã Tân Lập họp mở rộng để bàn công tác chuẩn bị mùa mưa bão. Đồng chí Nguyễn Văn An, Bí thư Đảng ủy xã chủ trì.\n\nCác chi bộ báo cáo tình hình kênh mương.';
    const r = await s.call('import/batch', { sources: [{ kind: 'text', name: 'khong-ten.txt', text }] });
    expect(r.items[0]).toMatchObject({
      status: 'needs_review',
      title: 'Sáng 9/4/2025, Đảng ủy xã Tân Lập họp mở rộng để bàn công tác chuẩn bị mùa mưa bão',
    });
    expect(r.items[0]!.meetingId).not.toBeNull();
    expect(translateAll('vi', r.items[0]!.messages)).toContain('tạm lấy câu đầu làm tên');
  });

  it('batch: imported, needs review (year inferred), failed with the reason, duplicates (same title and date) skipped', async () => {
    const sources = [
      { kind: 'text', name: 'a.txt', text: fixture('ubnd-huyen.txt') },
      { kind: 'text', name: 'b.txt', text: fixture('so-ket-khong-nam.txt') },
      { kind: 'file', name: 'c.pdf', dataBase64: Buffer.from('%PDF-1.4').toString('base64') },
      {
        kind: 'text',
        name: 'd.txt',
        text: fixture('ubnd-huyen.txt').replace('Theo báo cáo', 'Theo báo cáo nhanh'),
      },
    ];
    const r = await s.call('import/batch', {
      sources,
    });
    expect(r.items.map((i) => [i.name, i.status])).toEqual([
      ['a.txt', 'imported'],
      ['b.txt', 'needs_review'],
      ['c.pdf', 'failed'],
      ['d.txt', 'duplicate'],
    ]);
    // Taken as it is, the draft's organizing body becomes the meeting's organizer.
    expect(getMeeting(s.archive, r.items[0]!.meetingId!).organizer).toBe('UBND huyện Thạch Thất');
    expect(translateAll('vi', r.items[1]!.messages)).toContain('không ghi năm');
    expect(translateAll('vi', r.items[2]!.messages)).toContain('PDF');
    expect(translateAll('vi', r.items[3]!.messages)).toContain('trùng tên và ngày');

    // The same title without a date is not a duplicate: "giao ban" titles repeat every week.
    const undated = fixture('so-ket-khong-nam.txt')
      .replace('Sáng ngày 9-4, ', 'Sáng nay, ')
      .replace('Tin và ảnh', 'Bài: Quốc Khánh. Tin và ảnh');
    const again = await s.call('import/batch', {
      sources: [{ kind: 'text', name: 'e.txt', text: undated }],
    });
    expect(again.items[0]!.status).toBe('needs_review');
  });
});

describe('hoso import (the command-line shape in README, *Command line*)', () => {
  it('--dry-run --json prints exactly the drafts’ shape for each file and writes nothing', () => {
    const r = hoso([
      'import',
      join(FIXTURES, 'ubnd-huyen.txt'),
      join(FIXTURES, 'so-ket-khong-nam.txt'),
      '--dry-run',
      '--json',
      '--db',
      '/nonexistent/never.sqlite',
    ]);
    expect(r.code).toBe(0);
    const drafts = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(drafts).toHaveLength(2);
    for (const d of drafts)
      expect(Object.keys(d)).toEqual([
        'title',
        'date',
        'dateYearInferred',
        'location',
        'chairs',
        'attendees',
        'captions',
        'documentRefs',
        'conclusions',
        'issuer',
        'byline',
        'body',
        'encoding',
        'notes',
      ]);
    expect(drafts[0]).toMatchObject({
      title: 'UBND huyện Thạch Thất họp bàn giải phóng mặt bằng dự án đường trục phía Bắc',
      date: '2024-07-08',
      chairs: [{ name: 'Phùng Văn Thắng', rank: null, titles: ['Chủ tịch UBND huyện'] }],
      documentRefs: [{ number: '1234/QĐ-UBND', type: 'Quyết định', date: '2024-03-15' }],
      byline: 'Minh Châu (TTXVN)',
    });
    // "Sáng ngày 9-4" and no year anywhere: the year is today's (or last year's, never ahead), flagged.
    expect(drafts[1]!.date).toMatch(/^\d{4}-04-09$/);
    expect(drafts[1]).toMatchObject({
      dateYearInferred: true,
      chairs: [{ name: 'Khuất Duy Tiến', rank: 'Thượng tá', titles: ['Trưởng Công an huyện'] }],
    });
  });

  it('saves, skips the duplicate on a second run, and refuses a .doc with a Vietnamese message and exit 1', async () => {
    const { dir, cleanup: done } = tempDir();
    try {
      const db = join(dir, 'a.sqlite');
      expect(hoso(['import', join(FIXTURES, 'quan-su-tinh.txt'), '--db', db]).code).not.toBe(0); // a mistyped path creates nothing
      (await openArchive({ file: db })).close();
      const first = hoso(['import', join(FIXTURES, 'quan-su-tinh.txt'), '--db', db]);
      expect(first.code).toBe(0);
      // Saved; to look at, as its "Sáng 9-4" takes its year from "quý I năm 2024" in the sentence.
      expect(first.stdout).toContain('CẦN XEM LẠI: quan-su-tinh.txt');
      const second = hoso(['import', join(FIXTURES, 'quan-su-tinh.txt'), '--db', db, '--json']);
      expect(JSON.parse(second.stdout)[0]).toMatchObject({ status: 'duplicate' });
      writeFileSync(join(dir, 'cu.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]));
      const doc = hoso(['import', join(dir, 'cu.doc'), '--dry-run']);
      expect(doc.code).toBe(1);
      expect(doc.stderr).toContain('Lưu thành (Save As)');
    } finally {
      done();
    }
  });
});
