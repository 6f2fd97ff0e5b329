import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempArchive } from '../helpers/tempArchive';
import { seedReportArchive } from '../helpers/reportsFixture';
import { hoso } from '../helpers/runHoso';
import { pdfInfo } from '../helpers/pdf';
import type { Archive } from '../../db/open';

/** `hoso report …` as a clerk runs it (README, *Command line*). */

let t: { archive: Archive; dir: string; cleanup: () => void };
let meetingId: string;
let db: string;

beforeAll(async () => {
  t = await tempArchive();
  meetingId = await seedReportArchive(t.archive, { attendees: 5, photos: 2 });
  db = t.archive.file;
  t.archive.close();
});
afterAll(() => t.cleanup());

describe('hoso report', { timeout: 120_000 }, () => {
  it('writes a PDF and, with --json, says where', () => {
    const out = join(t.dir, 'thong-bao.pdf');
    const r = hoso(['report', 'conclusion', meetingId, '--out', out, '--db', db, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, kind: 'conclusion', file: out });
    expect(pdfInfo(out)).toMatchObject({ width: expect.closeTo(595, 0), height: expect.closeTo(842, 0) });
  });

  it('writes a self-contained HTML (fonts inline, no outside address) and a DOCX', () => {
    const html = join(t.dir, 'bien-ban.html');
    expect(hoso(['report', 'minutes', meetingId, '--out', html, '--db', db, '--variant', 'party']).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(page).toContain("font-family:'Hoso Tinos'");
    expect(page).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(page).not.toMatch(/url\((?!data:)/);
    const docx = join(t.dir, 'tong-hop.docx');
    const r = hoso(['report', 'period', '--from', '01/01/2024', '--to', '31/12/2024', '--group-by', 'kind', '--out', docx, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã lưu');
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  });

  it('explains in Vietnamese what is wrong, and writes nothing', () => {
    const none = join(t.dir, 'none');
    mkdirSync(none);
    const noMeeting = hoso(['report', 'photos', '--out', join(none, 'a.pdf'), '--db', db]);
    expect(noMeeting.code).toBe(2);
    expect(noMeeting.stderr).toContain('Hãy chọn cuộc họp cần in.');
    const badExt = hoso(['report', 'minutes', meetingId, '--out', join(none, 'a.txt'), '--db', db]);
    expect(badExt.code).toBe(2);
    expect(badExt.stderr).toContain('.pdf, .html hoặc .docx');
    const badKind = hoso(['report', 'bienban', meetingId, '--out', join(none, 'a.pdf'), '--db', db]);
    expect(badKind.code).toBe(2);
    const badRange = hoso(['report', 'period', '--from', '31/12/2024', '--to', '01/01/2024', '--out', join(none, 'a.pdf'), '--db', db]);
    expect(badRange.code).toBe(2);
    expect(badRange.stderr).toContain('“Đến ngày” phải sau hoặc bằng “từ ngày”.');
    const badDate = hoso(['report', 'period', '--from', '2024/13/01', '--to', '01/01/2025', '--out', join(none, 'a.pdf'), '--db', db]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--from phải là ngày');
    expect(readdirSync(none)).toEqual([]);
  });

  it('refuses an output it cannot write without leaving a partial file', () => {
    const blocker = join(t.dir, 'blocker.html');
    expect(hoso(['report', 'attendance', meetingId, '--out', blocker, '--db', db]).code).toBe(0);
    // A folder path under a file cannot be created.
    const r = hoso(['report', 'attendance', meetingId, '--out', join(blocker, 'x.html'), '--db', db, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'REPORT_OUTPUT_FAILED' } });
    expect(existsSync(join(blocker, 'x.html'))).toBe(false);
  });
});
