import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { tempArchive, tempDir } from '../helpers/tempArchive';
import { seedReportArchive, setSecrecy } from '../helpers/reportsFixture';
import { addRecord } from '../helpers/meetingRecord';
import { MM, pdfInfo, pdfLines, pdfWords, type PdfWord } from '../helpers/pdf';
import { hoso } from '../helpers/runHoso';
import { createContext } from '../../services/context';
import { createChromiumPdf } from '../../cli/chromiumPdf';
import { createHandlers } from '../../services/handlers';
import { createDispatcher, directClient } from '../../services/dispatch';
import { silentLogger } from '../../services/log';
import { exportArchive } from '../../services/archive/exportArchive';
import { updateSettings } from '../../db/settings';
import { verifyAuditChain } from '../../db/audit';
import { listSecretLog } from '../../db/printAudit';
import { localToday } from '../../db/conclusions';
import type { Archive } from '../../db/open';
import type { ReportRequestInput } from '../../contract/reportContract';

/**
 * Độ mật on paper and in the audit log: the mark on every page of every document of a secret meeting
 * (under the số, ký hiệu on page 1, in the top margin of the others), the watermark on its photo
 * sheet, the mark in the Word copy, and every print and export of it in the Sổ theo dõi in, xuất tài
 * liệu mật. Read back with poppler and JSZip, the way an inspector would hold the papers.
 */

const CLERK = 'Đỗ Thị Lan';
/** The warm renderer the app's hosts use: one Chromium for the file's PDFs, ended after them. */
const pdfRenderer = createChromiumPdf({ log: silentLogger });
let t: { archive: Archive; dir: string; cleanup: () => void };
let secret: string;
let ordinary: string;
let topSecret: string;
let call: ReturnType<typeof directClient>;
const YEAR = { from: '2000-01-01', to: '2100-12-31' };

beforeAll(async () => {
  t = await tempArchive();
  secret = await seedReportArchive(t.archive, { attendees: 36, photos: 5 });
  setSecrecy(t.archive, secret, 'mat');
  ordinary = addRecord(t.archive, {
    title: 'Giao ban công tác văn phòng tuần 23',
    date: '2024-06-03',
    attendees: Array.from({ length: 40 }, (_, i) => ({
      name: `Nguyễn Thị Thu ${i + 1}`,
      titles: 'Chuyên viên phòng Tổng hợp, theo dõi lĩnh vực nội chính và cải cách hành chính',
    })),
    conclusions: ['Các phòng hoàn thiện báo cáo tháng trước ngày 25.'],
  });
  topSecret = addRecord(t.archive, {
    title: 'Họp Thường trực Đảng ủy Quân sự tỉnh về phương án phòng thủ',
    date: '2024-07-10',
    attendees: [{ name: 'Hoàng Văn Thái', rank: 'Đại tá', titles: 'Chỉ huy trưởng', role: 'chu_tri' }],
    conclusions: ['Giao Ban Tham mưu hoàn chỉnh phương án, báo cáo trước ngày 30/7/2024.'],
  });
  setSecrecy(t.archive, topSecret, 'toi_mat');
  updateSettings(t.archive, { clerkName: CLERK }, 'kiểm thử');
  call = directClient(
    createDispatcher(createHandlers(createContext(t.archive, 'direct', 'test', { renderPdf: (html) => pdfRenderer.render(html) })), silentLogger),
  );
});
afterAll(async () => {
  await pdfRenderer.close();
  t.cleanup();
});

async function pdf(request: ReportRequestInput): Promise<{ file: string; pages: number; words: PdfWord[] }> {
  const out = await call('reports/pdf', request);
  const file = join(t.dir, `${request.kind}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, Buffer.from(out.base64, 'base64'));
  return { file, pages: pdfInfo(file).pages, words: pdfWords(file) };
}

const TOP_MARGIN_PT = 20 * MM;
const on = (words: PdfWord[], page: number) => words.filter((w) => w.page === page);
/** Words of the mark: "MẬT" (a small word: the watermark's letters come one by one and large). */
const markWords = (words: PdfWord[], page: number) =>
  on(words, page).filter((w) => w.text === 'MẬT' && w.yMax - w.yMin < 20);
const centre = (w: { xMin: number; xMax: number }) => (w.xMin + w.xMax) / 2;
/** The header's left column (agency, number): it shares baselines with the right one, so it is cut off by x. */
const LEFT_COLUMN_PT = 270;
const leftColumn = (words: PdfWord[], page: number) =>
  pdfLines(on(words, page).filter((w) => w.xMax < LEFT_COLUMN_PT));

describe('the secrecy mark on printed documents', { timeout: 120_000 }, () => {
  it.each(['conclusion', 'minutes', 'attendance', 'photos'] as const)(
    '%s of a Mật meeting: MẬT on every page, under the số, ký hiệu on page 1, in the top margin after',
    async (kind) => {
      const { pages, words } = await pdf({ kind, meetingId: secret });
      if (kind === 'attendance' || kind === 'photos') expect(pages).toBeGreaterThan(1);
      for (let p = 1; p <= pages; p++) expect(markWords(words, p).length, `page ${p}`).toBeGreaterThan(0);

      // Page 1: nothing in the top margin; the mark in the left column, right under the number (or,
      // for the attachments that have no number, under the agency), centred on it.
      expect(on(words, 1).filter((w) => w.yMax < TOP_MARGIN_PT)).toEqual([]);
      const mark = markWords(words, 1)[0]!;
      const left = leftColumn(words, 1);
      const above =
        left.find((l) => l.text.startsWith('Số')) ?? left.find((l) => l.text === 'VĂN PHÒNG UBND TỈNH');
      expect(above).toBeDefined();
      expect(mark.yMin).toBeGreaterThan(above!.y);
      expect(mark.yMin - above!.y).toBeLessThan(30);
      expect(Math.abs(centre(mark) - centre(above!))).toBeLessThan(15);
      // Nothing else between them in that column.
      expect(left.filter((l) => l.y > above!.y + 1 && l.y < mark.yMin)).toEqual([]);

      // Later pages: the mark in the top margin, left of the page number, which is still there alone in the centre.
      for (let p = 2; p <= pages; p++) {
        const top = on(words, p).filter((w) => w.yMax < TOP_MARGIN_PT);
        const number = top.find((w) => w.text === String(p));
        expect(number, `page number ${p}`).toBeDefined();
        const m = top.find((w) => w.text === 'MẬT');
        expect(m, `mark on page ${p}`).toBeDefined();
        expect(m!.xMax).toBeLessThan(number!.xMin);
        expect(top.map((w) => w.text).sort()).toEqual([String(p), 'MẬT'].sort());
      }
    },
  );

  it('a Thường meeting prints no mark: page 2 has its page number alone in the top margin', async () => {
    for (const kind of ['minutes', 'attendance'] as const) {
      const { pages, words } = await pdf({ kind, meetingId: ordinary });
      expect(words.filter((w) => /MẬT/.test(w.text))).toEqual([]);
      if (pages > 1)
        expect(
          on(words, 2)
            .filter((w) => w.yMax < TOP_MARGIN_PT)
            .map((w) => w.text),
        ).toEqual(['2']);
    }
    const html = await call('reports/html', { kind: 'minutes', meetingId: ordinary });
    expect(html.html).not.toContain('secrecy-mark');
    expect(html.html).not.toContain('@top-left');
  });

  it('the period summary takes the highest level of its meetings (TỐI MẬT), and none when all are Thường', async () => {
    const { pages, words } = await pdf({ kind: 'period', from: '2024-01-01', to: '2024-12-31' });
    const lines = pdfLines(words);
    for (let p = 1; p <= pages; p++)
      expect(
        lines.some((l) => l.page === p && /TỐI MẬT/.test(l.text)),
        `page ${p}`,
      ).toBe(true);
    const june = await pdf({ kind: 'period', from: '2024-06-01', to: '2024-06-30' });
    expect(june.words.filter((w) => /MẬT/.test(w.text))).toEqual([]);
  });

  it('the photo sheet carries the level as a large diagonal watermark across every page', async () => {
    const { file, pages, words } = await pdf({ kind: 'photos', meetingId: secret, perPage: 2 });
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let p = 1; p <= pages; p++) {
      // Rotated text comes out of poppler one large glyph at a time, rising from left to right.
      const big = on(words, p).filter((w) => w.yMax - w.yMin > 30 && w.yMin > 150 && w.yMax < 750);
      const byX = [...big].sort((a, b) => a.xMin - b.xMin);
      expect(byX.map((w) => w.text).join(''), `page ${p}`).toBe('MẬT');
      expect(byX[0]!.yMax).toBeGreaterThan(byX[byX.length - 1]!.yMax + 50);
    }
    // And the text documents carry no watermark, only the mark.
    const minutes = await pdf({ kind: 'minutes', meetingId: secret });
    expect(minutes.words.filter((w) => w.yMax - w.yMin > 30)).toEqual([]);
    expect(readFileSync(file).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('the Word copy carries the mark in a bordered box on page 1 and in the header of the other pages; its photo sheet a watermark', async () => {
    const out = await call('reports/docx', { kind: 'minutes', meetingId: topSecret });
    const zip = await JSZip.loadAsync(Buffer.from(out.base64, 'base64'));
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toMatch(/<w:pBdr>(?:(?!<\/w:p>).)*TỐI MẬT/s);
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/header\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    const withNumber = headers.filter((h) => h.includes('PAGE'));
    expect(withNumber).toHaveLength(1);
    expect(withNumber[0]).toContain('TỐI MẬT');
    // A text document has no watermark; the photo sheet has Word's own, in the header of every page.
    expect(headers.join('')).not.toContain('v:textpath');
    const photos = await JSZip.loadAsync(
      Buffer.from((await call('reports/docx', { kind: 'photos', meetingId: secret })).base64, 'base64'),
    );
    const photoHeaders = await Promise.all(
      Object.keys(photos.files)
        .filter((f) => /^word\/header\d+\.xml$/.test(f))
        .map((f) => photos.file(f)!.async('string')),
    );
    expect(photoHeaders.length).toBeGreaterThanOrEqual(2);
    for (const h of photoHeaders) expect(h).toMatch(/<v:textpath [^>]*string="MẬT"/);
    const plain = await call('reports/docx', { kind: 'minutes', meetingId: ordinary });
    const plainZip = await JSZip.loadAsync(Buffer.from(plain.base64, 'base64'));
    for (const f of Object.keys(plainZip.files).filter((f) => f.endsWith('.xml')))
      expect(await plainZip.file(f)!.async('string')).not.toContain('MẬT');
  });
});

describe('the audit of prints and exports of secret records', { timeout: 120_000 }, () => {
  const log = () => listSecretLog(t.archive, YEAR);

  it('writes one entry per print, PDF, DOCX or HTML of a secret meeting, by the clerk; none for the preview or a Thường meeting', async () => {
    const before = log().length;
    await call('reports/pdf', { kind: 'minutes', meetingId: secret });
    await call('reports/docx', { kind: 'attendance', meetingId: secret });
    await call('reports/html', { kind: 'conclusion', meetingId: secret });
    await call('reports/printed', { kind: 'photos', meetingId: secret });
    await call('reports/html', { kind: 'minutes', meetingId: secret, preview: true });
    await call('reports/pdf', { kind: 'minutes', meetingId: ordinary });
    expect(await call('reports/printed', { kind: 'minutes', meetingId: ordinary })).toEqual({ logged: 0 });
    const added = log().slice(before);
    expect(added.map((e) => [e.meetingId, e.action, e.document, e.format, e.level, e.actor])).toEqual([
      [secret, 'print', 'minutes', 'pdf', 'mat', CLERK],
      [secret, 'print', 'attendance', 'docx', 'mat', CLERK],
      [secret, 'print', 'conclusion', 'html', 'mat', CLERK],
      [secret, 'print', 'photos', 'print', 'mat', CLERK],
    ]);
    expect(added.every((e) => e.day === localToday() && /^\d{2}:\d{2}$/.test(e.time))).toBe(true);
    expect(verifyAuditChain(t.archive).ok).toBe(true);
  });

  it('a period summary logs each secret meeting it contains', async () => {
    const before = log().length;
    await call('reports/pdf', { kind: 'period', from: '2024-01-01', to: '2024-12-31' });
    const added = log().slice(before);
    expect(added.map((e) => [e.meetingId, e.level, e.document]).sort()).toEqual(
      [
        [secret, 'mat', 'period'],
        [topSecret, 'toi_mat', 'period'],
      ].sort(),
    );
  });

  it('an export of a secret meeting to a USB folder is in the log with its folder', async () => {
    const usb = tempDir('hoso-usb-');
    try {
      const r = await exportArchive(
        t.archive,
        {
          dest: usb.dir,
          selection: { from: '2024-07-01', to: '2024-07-31', tag: null, ids: null },
          passphrase: 'mật khẩu dài đủ dùng',
        },
        { appVersion: 'test', actor: CLERK, scryptWorkFactor: 10 },
      );
      expect(r.meetings).toBe(1);
      const exported = log().filter((e) => e.action === 'export');
      expect(exported).toHaveLength(1);
      expect(exported[0]).toMatchObject({
        meetingId: topSecret,
        level: 'toi_mat',
        document: 'archive',
        format: 'encrypted',
        destination: usb.dir,
        actor: CLERK,
        title: 'Họp Thường trực Đảng ủy Quân sự tỉnh về phương án phòng thủ',
      });
      // The log keeps the level the record had when it left: lowering it later does not rewrite history.
      setSecrecy(t.archive, topSecret, 'mat');
      expect(log().find((e) => e.action === 'export')?.level).toBe('toi_mat');
      setSecrecy(t.archive, topSecret, 'toi_mat');
    } finally {
      usb.cleanup();
    }
  });

  it('the Sổ theo dõi lists them by date range, printed with the highest level it lists; printing it adds nothing', async () => {
    const entries = log();
    const { pages, words } = await pdf({ kind: 'secret-log', ...YEAR });
    const text = pdfLines(words)
      .map((l) => l.text)
      .join('\n');
    expect(text).toContain('SỔ THEO DÕI IN, XUẤT TÀI LIỆU MẬT');
    expect(text).toContain(`Tổng số: ${entries.length} lượt in, xuất.`);
    expect(text).toContain('Xuất dữ liệu ra USB');
    expect(text).toContain(localToday().split('-').reverse().join('/'));
    for (let p = 1; p <= pages; p++)
      expect(pdfLines(words).some((l) => l.page === p && /TỐI MẬT/.test(l.text))).toBe(true);
    expect(log()).toHaveLength(entries.length);
    // A range before any print lists nothing, and the empty log is not marked.
    const empty = await pdf({ kind: 'secret-log', from: '2001-01-01', to: '2001-12-31' });
    expect(empty.words.map((w) => w.text).join(' ')).toContain('Không có lượt in, xuất tài liệu mật nào');
    expect(leftColumn(empty.words, 1).filter((l) => /MẬT/.test(l.text))).toEqual([]);
    expect((await call('reports/secret-log', { from: '2001-01-01', to: '2001-12-31' })).rows).toEqual([]);
  });
});

describe('hoso report and hoso check with secret records', { timeout: 180_000 }, () => {
  it('a secret print from the command line is logged, `report secret-log` prints the log, and the chain stays intact', async () => {
    const c = await tempArchive();
    try {
      const id = await seedReportArchive(c.archive, { attendees: 3, photos: 1 });
      setSecrecy(c.archive, id, 'tuyet_mat');
      updateSettings(c.archive, { clerkName: CLERK }, 'kiểm thử');
      const db = c.archive.file;
      c.archive.close();
      const out = join(c.dir, 'bien-ban.docx');
      expect(hoso(['report', 'minutes', id, '--out', out, '--db', db]).code).toBe(0);
      const logPdf = join(c.dir, 'so-theo-doi.pdf');
      const r = hoso([
        'report',
        'secret-log',
        '--from',
        '01/01/2000',
        '--to',
        '31/12/2100',
        '--out',
        logPdf,
        '--db',
        db,
        '--json',
      ]);
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, kind: 'secret-log', file: logPdf });
      const text = pdfLines(pdfWords(logPdf))
        .map((l) => l.text)
        .join('\n');
      expect(text).toContain('TUYỆT MẬT');
      expect(text).toContain('Biên bản, tệp DOCX');
      expect(text).toContain(CLERK);
      const check = hoso(['check', '--db', db, '--json']);
      expect(check.code).toBe(0);
      expect(JSON.parse(check.stdout)).toMatchObject({ ok: true });
    } finally {
      c.cleanup();
    }
  });
});
