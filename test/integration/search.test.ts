import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../db/open';
import { searchMeetings, type SearchRequest } from '../../db/search/search';
import { checkSearchIndex, rebuildSearchIndex } from '../../db/search/indexer';
import { updateMeeting, getMeeting } from '../../db/meetings';
import { MeetingFields } from '../../contract/contract';
import { translate } from '../../contract/messages/translate';
import { tempArchive } from '../helpers/tempArchive';
import { addRecord } from '../helpers/meetingRecord';
import { trashMeeting } from '../../db/trash';

let archive: Archive;
let cleanup: () => void;
const ids: Record<string, string> = {};

// Fixtures written in the style of the sample reports (ranks + names + titles, document numbers,
// captions after photos), in our own words.
beforeAll(async () => {
  ({ archive, cleanup } = await tempArchive());
  ids.phoiHop = addRecord(archive, {
    title: 'Hội nghị phối hợp lãnh đạo công tác quân sự, quốc phòng trên địa bàn tỉnh',
    date: '2024-10-12',
    location: 'Hội trường Bộ Chỉ huy Quân sự tỉnh',
    organizer: 'Đảng ủy Quân sự tỉnh',
    minutes:
      'Hai bên thống nhất tiếp tục xây dựng nền quốc phòng toàn dân vững chắc, gắn phát triển kinh tế - xã hội với củng cố quốc phòng, an ninh. Đại biểu đề nghị tăng cường diễn tập khu vực phòng thủ.',
    attendees: [
      { name: 'Phan Văn Giang', rank: 'Đại tướng', titles: 'Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng', role: 'dong_chu_tri' },
      { name: 'Nguyễn Thị Tuyến', titles: 'Phó Bí thư Thường trực Thành ủy', role: 'dong_chu_tri' },
    ],
    conclusions: ['Đề nghị Bộ Chỉ huy Quân sự tỉnh chủ trì tham mưu kế hoạch diễn tập năm 2025.'],
    captions: ['Quang cảnh hội nghị tại hội trường.', 'Các đại biểu thảo luận tại tổ.'],
    docs: [
      { number: '1374-QC/QUTW-TUHN', type: 'Quy chế', date: '2022-09-09' },
      { number: '03/2019/NĐ-CP', type: 'Nghị định', date: '2019-09-05' },
    ],
    tags: ['Quốc phòng'],
  });
  ids.tuongDai = addRecord(archive, {
    title: 'Làm việc với Ban quản lý dự án tượng đài liệt sĩ',
    kind: 'Làm việc',
    date: '2023-03-14',
    minutes: 'Đoàn kiểm tra tiến độ thi công đại tượng đài và khu tưởng niệm. Kinh phí do ngân sách tỉnh bảo đảm.',
    tags: ['Xây dựng'],
  });
  ids.ban = addRecord(archive, {
    title: 'Giao ban tháng 3 Văn phòng UBND tỉnh',
    kind: 'Giao ban',
    date: '2024-03-04',
    minutes: 'Bố trí lại bàn làm việc tại phòng họp số 2. Rà soát các văn bản ban hành trong quý.',
  });
  ids.ban2 = addRecord(archive, {
    title: 'Họp tổ công tác về hồ sơ đất đai',
    kind: 'Cuộc họp',
    date: '2022-11-20',
    minutes: 'Tổ công tác đề xuất bán đấu giá quyền sử dụng đất tại khu vực trung tâm; mời bạn đọc góp ý.',
  });
  ids.hoaBinh = addRecord(archive, {
    title: 'Tọa đàm giữ gìn hòa bình và ổn định khu vực biên giới',
    kind: 'Tọa đàm',
    date: '2021-06-01',
    minutes: 'Các đại biểu nhấn mạnh ý nghĩa của hòa bình, thuỷ chung với đồng đội.',
  });
  ids.ktxh = addRecord(archive, {
    title: 'Sơ kết 6 tháng đầu năm nhiệm vụ phát triển KT-XH',
    kind: 'Sơ kết',
    date: '2024-07-02',
    minutes: 'UBND tỉnh báo cáo kết quả thực hiện các chỉ tiêu KT-XH.',
  });
  ids.caption = addRecord(archive, {
    title: 'Hội nghị tổng kết công tác năm',
    kind: 'Tổng kết',
    date: '2023-12-28',
    minutes: 'Hội nghị đánh giá kết quả thực hiện nhiệm vụ năm.',
    captions: ['Thượng tướng Lê Huy Vịnh trao tặng bằng khen cho tập thể có thành tích xuất sắc.'],
  });
});
afterAll(() => cleanup());

const search = (query: string, over: Partial<SearchRequest> = {}) =>
  searchMeetings(archive, { query, sort: 'relevance', offset: 0, limit: 20, year: null, kind: null, personId: null, tag: null, ...over });
const found = (query: string) => search(query).rows.map((r) => r.id);

describe('Vietnamese matching', () => {
  it('`dai tuong` (no marks) finds "Đại tướng", with the accented words highlighted', () => {
    const r = search('dai tuong');
    expect(r.rows.map((x) => x.id)).toContain(ids.phoiHop);
    const hit = r.rows.find((x) => x.id === ids.phoiHop)!;
    expect(hit.snippet.html).toContain('<mark>Đại tướng</mark>');
    expect(hit.snippet.field).toBe('people');
  });

  it('marks the hits in the title too, in its accented words; a title without a hit stays as it is', () => {
    const r = search('tong ket');
    expect(r.rows.find((x) => x.id === ids.caption)!.titleHtml).toBe('Hội nghị <mark>tổng kết</mark> công tác năm');
    // Found through an attendee: the title has neither word and is shown unmarked (escaped like a snippet).
    expect(search('dai tuong').rows.find((x) => x.id === ids.phoiHop)!.titleHtml).toBe(
      'Hội nghị phối hợp lãnh đạo công tác quân sự, quốc phòng trên địa bàn tỉnh',
    );
    expect(search('quoc phong').rows.find((x) => x.id === ids.phoiHop)!.titleHtml).toContain('<mark>quốc phòng</mark>');
  });

  it('`Đại tướng` (with marks) does not match "đại tượng"', () => {
    expect(found('Đại tướng')).toEqual([ids.phoiHop]);
    expect(found('dai tuong')).toContain(ids.tuongDai); // without marks both forms match
  });

  it('`ban` finds "bàn", "bán" and "ban"; `bàn` finds only "bàn"', () => {
    expect(found('ban')).toEqual(expect.arrayContaining([ids.ban, ids.ban2]));
    // "bàn" stands in "Bố trí lại bàn" and in "trên địa bàn"; never "bán" or "Ban".
    expect(found('bàn').sort()).toEqual([ids.ban, ids.phoiHop].sort());
    expect(found('bán')).toEqual([ids.ban2]);
    const html = search('bàn').rows.find((x) => x.id === ids.ban)!.snippet.html;
    expect(html).toContain('<mark>bàn</mark>');
    expect(html).not.toContain('<mark>ban</mark>');
  });

  it('old and new tone placement are the same word: `hoà bình` finds "hòa bình", `thủy` finds "thuỷ"', () => {
    expect(found('hoà bình')).toEqual([ids.hoaBinh]);
    expect(found('thủy chung')).toEqual([ids.hoaBinh]);
    expect(search('hoà bình').rows[0]!.snippet.html).toContain('<mark>hòa bình</mark>');
  });

  it('finds text stored decomposed (NFD) or in capitals the same way', () => {
    expect(found('TỌA ĐÀM')).toEqual([ids.hoaBinh]);
    expect(found('Tọa đàm'.normalize('NFD'))).toEqual([ids.hoaBinh]);
  });

  it('ranks an exact-mark match above a folded one', () => {
    const r = search('ban');
    // "ban" without a tone appears literally only in "ban hành" (ids.ban) and "Ban quản lý" (ids.tuongDai)
    const exact = r.rows.filter((x) => x.exact).map((x) => x.id);
    expect(exact).toEqual(expect.arrayContaining([ids.ban, ids.tuongDai]));
    expect(r.rows.findIndex((x) => x.id === ids.ban2)).toBeGreaterThan(r.rows.findIndex((x) => x.exact === false) - 1);
    expect(r.rows.slice(0, exact.length).every((x) => x.exact)).toBe(true);
  });
});

describe('abbreviations both ways', () => {
  it('`KT-XH` finds "kinh tế - xã hội" and `kinh tế xã hội` finds "KT-XH"', () => {
    expect(found('KT-XH')).toEqual(expect.arrayContaining([ids.phoiHop, ids.ktxh]));
    expect(found('kinh tế xã hội')).toEqual(expect.arrayContaining([ids.phoiHop, ids.ktxh]));
    expect(found('"kinh tế - xã hội"')).toEqual(expect.arrayContaining([ids.phoiHop, ids.ktxh]));
  });

  it('`UBND` finds "Ủy ban nhân dân" text written as UBND and back', () => {
    expect(found('ủy ban nhân dân')).toEqual(expect.arrayContaining([ids.ban, ids.ktxh]));
  });
});

describe('query language', () => {
  it('"quốc phòng toàn dân" is a phrase', () => {
    expect(found('"quốc phòng toàn dân"')).toEqual([ids.phoiHop]);
    expect(found('"toàn dân quốc phòng"')).toEqual([]);
  });

  it('OR, -exclusion and prefix*', () => {
    expect(found('tượng OR bán').sort()).toEqual([ids.tuongDai, ids.ban2].sort());
    expect(found('hội nghị -tổng')).not.toContain(ids.caption);
    expect(found('hội nghị -tổng')).toContain(ids.phoiHop);
    expect(found('tuong*')).toEqual(expect.arrayContaining([ids.phoiHop, ids.tuongDai]));
  });

  it('document numbers are found as written, with or without marks', () => {
    expect(found('1374-QC/QUTW-TUHN')).toEqual([ids.phoiHop]);
    expect(found('03/2019/ND-CP')).toEqual([ids.phoiHop]);
    expect(search('03/2019/NĐ-CP').rows[0]!.snippet).toMatchObject({ field: 'docs' });
  });

  it("a document's date is found, and the snippet shows it marked (snippets read the text the index holds)", () => {
    const hit = search('"2022-09-09"').rows;
    expect(hit.map((r) => r.id)).toEqual([ids.phoiHop]);
    expect(hit[0]!.snippet.field).toBe('docs');
    expect(hit[0]!.snippet.html).toContain('1374-QC/QUTW-TUHN <mark>2022-09-09</mark>');
  });

  it('nguoi:, loai:, the:, tu: and den: filter', () => {
    expect(found('nguoi:"Phan Văn Giang"')).toEqual([ids.phoiHop]);
    expect(found('nguoi:"nguyen thi tuyen" hội nghị')).toEqual([ids.phoiHop]);
    expect(found('loai:"giao ban"')).toEqual([ids.ban]);
    expect(found('the:"quoc phong"')).toEqual([ids.phoiHop]);
    expect(found('tu:2024 den:06/2024')).toEqual([ids.ban]);
    expect(found('hội nghị tu:01/01/2024 den:31/12/2024')).toEqual([ids.phoiHop]);
  });

  it('a query of only operators or quotes gets a clear message, not an error', () => {
    for (const q of ['""', '"', 'OR', '-', '*', '()', 'AND OR NOT', ':', '""*', '-"', "'", 'NEAR(', '^']) {
      const r = search(q);
      expect(r.rows, q).toEqual([]);
      if (q === 'AND OR NOT' || q === 'NEAR(') continue; // plain words: searched for, found nowhere
      expect(r.message && translate('vi', r.message), q).toMatch(/Hãy nhập ít nhất một từ/);
    }
    const excluded = search('-quốc').message;
    expect(excluded && translate('vi', excluded)).toMatch(/ngoài các từ loại trừ/);
  });

  it('FTS5 syntax typed by a clerk is searched as text, never an error', () => {
    for (const q of ['NEAR(a b)', 'title:abc', 'a AND', '"unterminated', 'x*y', '(', ')', '{a}', 'a:b:c', "O'Brien", '\\', '%_', '\u0000']) {
      expect(() => search(q), q).not.toThrow();
    }
  });

  it('a bad date in a filter is ignored with a note saying why', () => {
    const r = search('hội nghị tu:32/13/2024');
    expect(translate('vi', r.notes[0]!)).toBe('Bỏ qua "tu:32/13/2024": ngày cần có dạng dd/mm/yyyy, mm/yyyy hoặc yyyy.');
    expect(translate('en', r.notes[0]!)).toBe('Ignored "tu:32/13/2024": a date must be dd/mm/yyyy, mm/yyyy or yyyy.');
    expect(r.total).toBeGreaterThan(0);
  });
});

describe('results', () => {
  it('takes the snippet from the passage holding the most query words', () => {
    const id = addRecord(archive, {
      title: 'Hội nghị triển khai nhiệm vụ năm',
      date: '2025-01-15',
      conclusions: ['Đẩy mạnh xây dựng quân đội hiện đại.'],
      captions: ['Đại tướng Ngô Xuân Lịch phát biểu chỉ đạo hội nghị.'],
    });
    const hit = search('dai tuong').rows.find((x) => x.id === id)!;
    expect(hit.snippet.field).toBe('captions');
    expect(hit.snippet.html).toContain('<mark>Đại tướng</mark>');
  });

  it('a caption-only hit is found and labelled as a caption', () => {
    const r = search('bằng khen');
    expect(r.rows.map((x) => x.id)).toEqual([ids.caption]);
    expect(r.rows[0]!.snippet.field).toBe('captions');
    expect(r.rows[0]!.snippet.html).toContain('<mark>bằng khen</mark>');
  });

  it('ranks a title hit above a minutes-only hit', () => {
    const r = search('diễn tập');
    expect(r.rows[0]!.id).toBe(ids.phoiHop);
    const r2 = search('tổ công tác');
    expect(r2.rows[0]!.id).toBe(ids.ban2);
  });

  it('sorts by date when asked and counts facets over the matches', () => {
    const r = search('hội nghị', { sort: 'date' });
    const dates = r.rows.map((x) => x.date!);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(r.facets.years.reduce((n, y) => n + y.count, 0)).toBe(r.total);
    expect(r.facets.kinds.map((k) => k.value)).toContain('Hội nghị');
  });

  it('narrows with a facet (year, kind, person, tag)', () => {
    expect(search('hội nghị', { year: 2024 }).rows.map((x) => x.id)).toEqual([ids.phoiHop]);
    const giang = search('hội nghị').facets.people.find((p) => p.label === 'Phan Văn Giang')!;
    expect(search('hội nghị', { personId: giang.value }).rows.map((x) => x.id)).toEqual([ids.phoiHop]);
    expect(search('dai', { tag: 'Xây dựng' }).rows.map((x) => x.id)).toEqual([ids.tuongDai]);
    expect(search('hội nghị', { kind: 'Tổng kết' }).rows.map((x) => x.id)).toEqual([ids.caption]);
  });

  it('escapes HTML in snippets: only <mark> is markup', () => {
    const id = addRecord(archive, { title: 'Họp <script>alert(1)</script> khẩn', date: '2020-01-01' });
    const html = search('khẩn').rows.find((x) => x.id === id)!.snippet.html;
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
  });
});

describe('ranking', () => {
  const req = (query: string, over: Partial<SearchRequest> = {}) =>
    ({ query, sort: 'relevance', offset: 0, limit: 20, year: null, kind: null, personId: null, tag: null, ...over }) as SearchRequest;

  it('narrowing keeps the order of the full ranking: a facet only removes rows', () => {
    for (const query of ['hội nghị', 'ban', 'Đại tướng', 'bàn', 'dai']) {
      const all = searchMeetings(archive, req(query, { limit: 200 })).rows;
      for (const narrowing of [{ year: 2024 }, { kind: 'Hội nghị' }]) {
        const narrowed = searchMeetings(archive, req(query, narrowing)).rows.map((r) => r.id);
        const expected = all
          .filter((r) => ('year' in narrowing ? r.date?.startsWith(String(narrowing.year)) : r.kind === narrowing.kind))
          .map((r) => r.id)
          .slice(0, 20);
        expect(narrowed, `${query} ${JSON.stringify(narrowing)}`).toEqual(expected);
      }
    }
  });

  it('pages follow one another: page by page is the same list as one long page, by relevance and by date', () => {
    for (const sort of ['relevance', 'date'] as const) {
      for (const query of ['hội nghị', 'dai', 'ban']) {
        const long = searchMeetings(archive, req(query, { sort, limit: 50 })).rows.map((r) => r.id);
        const paged: string[] = [];
        for (let offset = 0; offset < long.length; offset += 2) {
          paged.push(...searchMeetings(archive, req(query, { sort, offset, limit: 2 })).rows.map((r) => r.id));
        }
        expect(paged, `${sort} ${query}`).toEqual(long);
      }
    }
  });

  it('a query of marked words takes the same hits, order and facets from the marked index alone as through the folded index', () => {
    // Meetings that hold the marked words but are in the trash, or hold only their unmarked forms, must
    // stay out on both paths; filters and facets narrow both paths alike.
    const trashed = addRecord(archive, { title: 'Hội nghị quân sự tỉnh bất thường', kind: 'Hội nghị', date: '2024-05-05', minutes: 'Đại tướng dự hội nghị.' });
    trashMeeting(archive, trashed, getMeeting(archive, trashed).version, { actor: 'kiểm thử' });
    const folded = addRecord(archive, { title: 'Hoi nghi quan su (bản không dấu)', kind: 'Tổng kết', date: '2024-05-06', minutes: 'Dai tuong du hoi nghi.' });
    try {
      const queries = ['hội nghị', 'Đại tướng', 'bàn', 'quân sự tỉnh', '"quốc phòng quân sự"', 'hội*', 'the:"Quốc phòng"', 'hội nghị tu:2024', 'hội nghị loai:"Hội nghị"', 'Hội nghị đảng ủy'];
      const narrowings: Partial<SearchRequest>[] = [{}, { year: 2024 }, { kind: 'Hội nghị' }, { sort: 'date' }, { limit: 2, offset: 1 }];
      let compared = 0;
      for (const query of queries) {
        for (const narrowing of narrowings) {
          const fast = searchMeetings(archive, req(query, narrowing));
          const full = searchMeetings(archive, req(query, narrowing), undefined, { markedOnly: false });
          expect(fast, `${query} ${JSON.stringify(narrowing)}`).toEqual(full);
          expect(fast.rows.map((r) => r.id)).not.toContain(trashed);
          expect(fast.rows.map((r) => r.id)).not.toContain(folded);
          compared += fast.total;
        }
      }
      expect(compared).toBeGreaterThan(20); // the queries do find meetings: the comparison is not of empty lists
      expect(found('hoi nghi')).toContain(folded);
    } finally {
      const m = getMeeting(archive, folded);
      trashMeeting(archive, folded, m.version, { actor: 'kiểm thử' });
    }
  });

  it('ranks only the remaining matches when marks or facets remove some: same page as filtering the full ranking', () => {
    // 'hội nghị' with marks removes the unmarked "Hoi nghi" meeting from the folded matches; the ranking
    // then runs over the hit set bound as a blob. Its page must equal the unfiltered ranking, filtered.
    const folded = addRecord(archive, { title: 'Hoi nghi tong ket (ban khong dau)', kind: 'Tổng kết', date: '2023-12-30', minutes: 'Hoi nghi tong ket nam.' });
    try {
      const hits = new Set(searchMeetings(archive, req('hội nghị', { limit: 200 })).rows.map((r) => r.id));
      const unfiltered = searchMeetings(archive, req('hoi nghi', { limit: 200 })).rows.map((r) => r.id);
      expect(unfiltered).toContain(folded);
      expect(hits.has(folded)).toBe(false);
      const expected = unfiltered.filter((id) => hits.has(id));
      expect(searchMeetings(archive, req('hội nghị', { limit: 200 }), undefined, { markedOnly: false }).rows.map((r) => r.id)).toEqual(expected);
    } finally {
      trashMeeting(archive, folded, getMeeting(archive, folded).version, { actor: 'kiểm thử' });
    }
  });

  it('puts hits with exactly the typed marks first, then by bm25 score', () => {
    const rows = searchMeetings(archive, req('dai', { limit: 200 })).rows;
    const firstInexact = rows.findIndex((r) => !r.exact);
    if (firstInexact >= 0) expect(rows.slice(firstInexact).every((r) => !r.exact)).toBe(true);
    for (const group of [rows.filter((r) => r.exact), rows.filter((r) => !r.exact)]) {
      const scores = group.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });
});

describe('index kept in sync', () => {
  it('an edited meeting is found by its new words and no longer by its old ones', () => {
    const m = getMeeting(archive, ids.ban!);
    updateMeeting(archive, m.id, m.version, MeetingFields.parse({ ...m, minutesHtml: undefined, title: 'Giao ban tháng 4 Văn phòng UBND tỉnh', minutesText: 'Rà soát kế hoạch tiếp dân.' }), 'kiểm thử');
    expect(found('"tiếp dân"')).toEqual([ids.ban]);
    expect(found('bàn')).not.toContain(ids.ban);
    expect(checkSearchIndex(archive)).toMatchObject({ ok: true });
  });

  it('the index check notices an index that disagrees with the content, and rebuild repairs it', () => {
    archive.sqlite.prepare("UPDATE meetings SET title = 'Sửa ngoài ứng dụng' WHERE id = ?").run(ids.hoaBinh);
    const check = checkSearchIndex(archive);
    expect(check.ok).toBe(false);
    expect(check.stale).toEqual([ids.hoaBinh]);
    const cacheSize = archive.sqlite.pragma('cache_size', { simple: true });
    const rebuilt = rebuildSearchIndex(archive);
    expect(rebuilt.documents).toBeGreaterThanOrEqual(7);
    // The rebuild's big page cache does not outlive it.
    expect(archive.sqlite.pragma('cache_size', { simple: true })).toBe(cacheSize);
    expect(checkSearchIndex(archive).ok).toBe(true);
    expect(found('ngoài ứng dụng')).toEqual([ids.hoaBinh]);
  });
});
