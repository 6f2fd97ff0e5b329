import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { tempArchive } from '../helpers/tempArchive';
import { addRecord } from '../helpers/meetingRecord';
import { seedReportArchive, AGENCY } from '../helpers/reportsFixture';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher, directClient } from '../../services/dispatch';
import { silentLogger } from '../../services/log';
import { outgoingNumber, takeNumber } from '../../db/register';
import { updateSettings } from '../../db/settings';
import { verifyAuditChain } from '../../db/audit';
import type { Archive } from '../../db/open';
import type { Dispatch } from '../../services/dispatch';

/**
 * The outgoing register (numbers never reused, leading zero, per agency/year/type), the conclusion
 * notice a clerk edits and numbers before printing, and the Word copy read back from its XML.
 */

let t: { archive: Archive; dir: string; cleanup: () => void };
let dispatch: Dispatch;
let call: ReturnType<typeof directClient>;

beforeEach(async () => {
  t = await tempArchive();
  dispatch = createDispatcher(createHandlers(createContext(t.archive, 'direct', 'test')), silentLogger);
  call = directClient(dispatch);
});
afterEach(() => t.cleanup());

const take = (docType: string, issuedOn: string, variant: 'state' | 'party' = 'state', agencyCode = 'UBND') =>
  takeNumber(t.archive, { variant, agencyCode, docType, issuedOn, subject: 'Thông báo kết luận', meetingId: null }, 'văn thư');

describe('outgoing register', () => {
  it('numbers run 01, 02 … per agency, year and type; a new year starts again at 01', () => {
    expect(take('TB', '2026-01-05').number).toBe('01/TB-UBND');
    expect(take('TB', '2026-01-06').number).toBe('02/TB-UBND');
    expect(take('BC', '2026-01-06').number).toBe('01/BC-UBND');
    expect(take('TB', '2026-02-01', 'state', 'VP').number).toBe('01/TB-VP');
    for (let i = 3; i <= 9; i++) take('TB', '2026-03-01');
    expect(take('TB', '2026-03-02').number).toBe('10/TB-UBND');
    expect(take('TB', '2027-01-02').number).toBe('01/TB-UBND');
  });

  it('Party numbering has no leading zero and puts the type before the issuer', () => {
    expect(outgoingNumber('party', 1445, 'TB', 'QUTW-TUHN')).toBe('1445-TB/QUTW-TUHN');
    expect(take('TB', '2026-01-05', 'party', 'TU').number).toBe('1-TB/TU');
  });

  it('refuses to number without an agency abbreviation, and takes nothing', () => {
    expect(() => take('TB', '2026-01-05', 'state', '  ')).toThrow(expect.objectContaining({ code: 'REGISTER_NO_AGENCY_CODE' }));
    expect(t.archive.sqlite.prepare('SELECT COUNT(*) AS n FROM register_entries').get()).toEqual({ n: 0 });
  });

  it('is listed newest first, audited, and printable as a register', async () => {
    take('TB', '2026-01-05');
    take('TB', '2026-01-09');
    const page = await call('register/list', { year: 2026 });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.number)).toEqual(['02/TB-UBND', '01/TB-UBND']);
    const audit = t.archive.sqlite.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'register.take'").get() as { n: number };
    expect(audit.n).toBe(2);
    expect(verifyAuditChain(t.archive).ok).toBe(true);
    const printed = await call('register/html', { year: 2026 });
    expect(printed.html).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(printed.html).toContain('01/TB-UBND');
    expect(printed.html).toContain('09/01/2026');
  });
});

describe('conclusion notice', () => {
  it('is composed from the record, edited, saved, numbered once, and printed as edited', async () => {
    const meetingId = await seedReportArchive(t.archive, { attendees: 3, photos: 0 });
    const draft = await call('reports/notice-get', { meetingId });
    expect(draft.id).toBeNull();
    expect(draft.number).toBeNull();
    // The meeting was on Sunday 26/05/2024: due five working days later, Friday 31/05.
    expect(draft.dueBy).toBe('2024-05-31');
    expect(draft.subject).toBe('Kết luận của đồng chí Trần Văn Minh tại hội nghị sơ kết công tác quốc phòng, quân sự địa phương 6 tháng đầu năm');
    expect(draft.paragraphs[0]).toBe(
      'Ngày 26 tháng 5 năm 2024, tại Hội trường Bộ Chỉ huy Quân sự tỉnh, đồng chí Trần Văn Minh, Chủ tịch UBND tỉnh đã chủ trì hội nghị sơ kết công tác quốc phòng, quân sự địa phương 6 tháng đầu năm.',
    );
    expect(draft.paragraphs[1]).toMatch(/^Tham dự có đồng chí Đại tá Phạm Quốc Hưng 1, Phó Chỉ huy trưởng/);
    expect(draft.paragraphs).toContain('2. Sở Tài chính chủ trì, phối hợp với Bộ Chỉ huy Quân sự tỉnh bảo đảm kinh phí cho diễn tập khu vực phòng thủ năm 2024, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/6/2024.');
    expect(draft.paragraphs.at(-1)).toBe('Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị, cá nhân liên quan biết, thực hiện./.');
    expect(draft.signerAuthority).toBe('TL. Văn phòng UBND tỉnh');
    expect(draft.recipients.at(-1)).toBe('- Lưu: VT.');

    // Printing a draft takes no number: the blank is left for the clerk.
    const unsavedHtml = (await call('reports/html', { kind: 'conclusion', meetingId })).html;
    expect(unsavedHtml).toMatch(/Số: [\u2002]+\/TB-VP/);

    const { id: _id, meetingId: _m, version: _v, number: _n, updatedAt: _u, ...fields } = draft;
    const edited = { ...fields, paragraphs: [...fields.paragraphs, 'Đoạn do văn thư thêm <i>không phải thẻ</i>.'], recipients: ['- Thường trực Tỉnh ủy (để b/c);', '- Lưu: VT, VP.'] };
    const saved = await call('reports/notice-save', { meetingId, id: null, version: 0, fields: edited });
    expect(saved.id).not.toBeNull();
    expect(saved.version).toBe(1);

    // A second window still holding version 1 after a save gets VERSION_CONFLICT.
    const again = await call('reports/notice-save', { meetingId, id: saved.id, version: 1, fields: { ...edited, subject: 'Kết luận đã sửa' } });
    expect(again.version).toBe(2);
    const stale = await dispatch('reports/notice-save', { meetingId, id: saved.id, version: 1, fields: edited });
    expect(stale).toMatchObject({ ok: false, error: { code: 'VERSION_CONFLICT' } });

    const numbered = await call('reports/notice-number', { id: saved.id! });
    expect(numbered.number).toBe('01/TB-VP');
    const twice = await call('reports/notice-number', { id: saved.id! });
    expect(twice.number).toBe('01/TB-VP');
    expect((await call('register/list', {})).total).toBe(1);

    const html = (await call('reports/html', { kind: 'conclusion', meetingId })).html;
    expect(html).toContain('Số: 01/TB-VP');
    expect(html).toContain('Kết luận đã sửa');
    expect(html).toContain('Đoạn do văn thư thêm &lt;i&gt;không phải thẻ&lt;/i&gt;.');
    expect(html).toContain('- Lưu: VT, VP.');

    // "Soạn lại" keeps the notice's identity and number, with the text composed afresh.
    const recomposed = await call('reports/notice-get', { meetingId, recompose: true });
    expect(recomposed.id).toBe(saved.id);
    expect(recomposed.number).toBe('01/TB-VP');
    expect(recomposed.subject).toMatch(/^Kết luận của đồng chí Trần Văn Minh/);
  });

  it('a number once taken is never handed out again, even when its notice is abandoned', async () => {
    updateSettings(t.archive, AGENCY, 'x');
    const a = addRecord(t.archive, { title: 'Cuộc họp giao ban tháng 1', kind: 'Giao ban', conclusions: ['Tiếp tục theo dõi.'] });
    const b = addRecord(t.archive, { title: 'Cuộc họp giao ban tháng 2', kind: 'Giao ban', conclusions: ['Hoàn thành báo cáo.'] });
    const fieldsOf = async (meetingId: string) => {
      const { id: _i, meetingId: _m, version: _v, number: _n, updatedAt: _u, ...f } = await call('reports/notice-get', { meetingId });
      return { ...f, issuedOn: '2026-01-15' };
    };
    const first = await call('reports/notice-save', { meetingId: a, id: null, version: 0, fields: await fieldsOf(a) });
    expect((await call('reports/notice-number', { id: first.id! })).number).toBe('01/TB-VP');
    // The first meeting goes to the trash; its number stays in the register.
    t.archive.sqlite.prepare('UPDATE meetings SET deleted_at = 1 WHERE id = ?').run(a);
    const second = await call('reports/notice-save', { meetingId: b, id: null, version: 0, fields: await fieldsOf(b) });
    expect((await call('reports/notice-number', { id: second.id! })).number).toBe('02/TB-VP');
  });
});

describe('photo sheet files', () => {
  it('stand alone (photos inline as JPEG, no larger than print needs) and say where a photo file is missing', async () => {
    const meetingId = await seedReportArchive(t.archive, { attendees: 1, photos: 3 });
    const hashes = t.archive.sqlite.prepare('SELECT file_hash AS h FROM photos WHERE meeting_id = ? ORDER BY position').all(meetingId) as { h: string }[];
    rmSync(join(t.dir, 'photos', hashes[1]!.h.slice(0, 2), `${hashes[1]!.h}.jpg`));
    const { html } = await call('reports/html', { kind: 'photos', meetingId, perPage: 4 });
    expect(html.match(/src="data:image\/jpeg;base64,/g)).toHaveLength(2);
    expect(html).toContain('(không tìm thấy tệp ảnh)');
    expect(html).not.toContain('/photos/');
    const preview = await call('reports/html', { kind: 'photos', meetingId, perPage: 4, preview: true });
    expect(preview.html.match(/src="\/photos\/[0-9a-f]{64}"/g)).toHaveLength(3);
  });
});

describe('Word copy', () => {
  it('is an A4 document in Times New Roman with the layout’s margins and sizes, numbered from page 2', async () => {
    const meetingId = await seedReportArchive(t.archive, { photos: 2 });
    const file = await call('reports/docx', { kind: 'minutes', meetingId, variant: 'state' });
    expect(file.fileName).toMatch(/^Biên bản - Hội nghị sơ kết .*\.docx$/);
    // It opens: a second Word reader (mammoth, the one the importer uses) finds the document's structure.
    const read = await mammoth.convertToHtml({ buffer: Buffer.from(file.base64, 'base64') });
    expect(read.messages).toEqual([]);
    expect(read.value).toContain('<p><strong>BIÊN BẢN</strong></p>');
    expect(read.value).toContain('<thead><tr><th><p><strong>Đơn vị</strong></p></th><th><p><strong>Kết quả tuyển quân</strong></p></th></tr></thead><tbody><tr><td><p>Huyện Gia Bình</p></td>');
    const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BIÊN BẢN', 'Số:', 'THƯ KÝ', 'CHỦ TỌA', 'Trần Văn Minh']) {
      expect(text).toContain(s);
    }
    // Clerk text stays text: escaped in the XML, never markup.
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar [^>]*w:left="1757"/);
    expect(xml).toMatch(/<w:pgMar [^>]*w:right="1020"/);
    expect(xml).toContain('<w:titlePg/>');
    expect(xml).toMatch(/w:ascii="Times New Roman"/);
    // Body 14 pt (28 half-points), quốc hiệu 12 pt bold, tiêu ngữ underlined.
    expect(xml).toMatch(/<w:sz w:val="28"\/>/);
    expect(xml).toMatch(/<w:r><w:rPr><w:rFonts [^>]*\/><w:b\/><w:bCs\/><w:i w:val="false"\/><w:iCs w:val="false"\/><w:sz w:val="24"\/><w:szCs w:val="24"\/><\/w:rPr><w:t xml:space="preserve">CỘNG HÒA/);
    expect(xml).toMatch(/<w:u w:val="single"\/>[\s\S]{0,200}Độc lập - Tự do - Hạnh phúc/);
    // Body paragraphs: justified, first-line indent 1.27 cm, 6 pt after.
    expect(xml).toMatch(/<w:ind w:firstLine="720"\/>/);
    expect(xml).toMatch(/<w:spacing w:after="120"/);
    const headers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    expect(headers.some((h) => /PAGE/.test(h))).toBe(true);
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(xml).toMatch(/<w:headerReference w:type="first"/);
    expect(rels).toContain('header');
  });

  it('keeps table header rows repeating and rows whole (attendance), and carries the photos', async () => {
    const meetingId = await seedReportArchive(t.archive, { photos: 3 });
    const attendance = await JSZip.loadAsync(Buffer.from((await call('reports/docx', { kind: 'attendance', meetingId })).base64, 'base64'));
    const xml = await attendance.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml.match(/<w:cantSplit\/>/g)!.length).toBeGreaterThanOrEqual(38);
    const photos = await JSZip.loadAsync(Buffer.from((await call('reports/docx', { kind: 'photos', meetingId, perPage: 2 })).base64, 'base64'));
    expect(Object.keys(photos.files).filter((n) => n.startsWith('word/media/'))).toHaveLength(3);
    const pxml = await photos.file('word/document.xml')!.async('string');
    expect(pxml).toContain('Ảnh: Minh Đức');
    expect(pxml).toContain('(ảnh 3) &lt;script&gt;x&lt;/script&gt;');
  });
});

describe('PDF through the host', () => {
  it('uses the host’s own renderer when it has one (the desktop app’s printToPDF)', async () => {
    const meetingId = await seedReportArchive(t.archive, { attendees: 1, photos: 0 });
    const seen: string[] = [];
    const desktop = directClient(
      createDispatcher(
        createHandlers(
          createContext(t.archive, 'electron', 'test', {
            renderPdf: (html) => {
              seen.push(html);
              return Promise.resolve(Buffer.from('%PDF-1.7 desktop'));
            },
          }),
        ),
        silentLogger,
      ),
    );
    const file = await desktop('reports/pdf', { kind: 'minutes', meetingId });
    expect(Buffer.from(file.base64, 'base64').toString()).toBe('%PDF-1.7 desktop');
    expect(file.mime).toBe('application/pdf');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain('BIÊN BẢN');
  });
});
