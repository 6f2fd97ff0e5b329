import { describe, expect, it } from 'vitest';
import { safeFileName, windowsNameProblem } from '../../services/archive/safeNames';
import { decodeManifestPath, encodeManifestPath, parseManifest, unsafePathReason } from '../../services/archive/bagFormat';
import { indexPages, INDEX_MAX_ROWS, meetingPagePath, type MeetingLine } from '../../services/archive/browsePages';
import { vi } from '../helpers/words';

describe('names safe on Windows and FAT32', () => {
  it('turns what a clerk may type into a name the stick accepts', () => {
    expect(safeFileName('hoso-UBND/TP:HN-2024')).toBe('hoso-UBND-TP-HN-2024');
    expect(safeFileName('Báo cáo "quý II"?*')).toBe('Báo cáo -quý II---');
    expect(safeFileName('CON')).toBe('CON_');
    expect(safeFileName('lpt1.txt')).toBe('lpt1_.txt');
    expect(safeFileName('hồ sơ. . ')).toBe('hồ sơ');
    expect(safeFileName('...')).toBe('hoso');
    expect(safeFileName('a'.repeat(300)).length).toBe(200);
    // Decomposed input (as some Mac keyboards send it) is stored precomposed.
    expect(safeFileName('Ho\u0302\u0300 so\u031b')).toBe('Hồ sơ');
    for (const name of ['CON', 'aux.json', 'a:b', 'x.', 'x ', 'a\u0001b', '']) expect(windowsNameProblem(name), name).not.toBeNull();
    expect(windowsNameProblem('01a20295-3286-7939-8916-0e8c29727783.json')).toBeNull();
  });
});

describe('manifest paths (RFC 8493 §2.1.3)', () => {
  it('percent-encodes CR, LF and % only, and reads them back', () => {
    const odd = 'data/100%\nmới\r.txt';
    expect(encodeManifestPath(odd)).toBe('data/100%25%0Amới%0D.txt');
    expect(decodeManifestPath(encodeManifestPath(odd))).toBe(odd);
    const { entries, bad } = parseManifest(`${'a'.repeat(64)}  data/x y.txt\nkhông phải dòng manifest\n`);
    expect(entries).toEqual([{ sha256: 'a'.repeat(64), path: 'data/x y.txt', line: 1 }]);
    expect(bad).toEqual([2]);
  });

  it('names every way a path can leave the bag', () => {
    expect(vi(unsafePathReason('data/../../etc/passwd')!)).toMatch(/\.\./);
    expect(vi(unsafePathReason('/etc/passwd')!)).toMatch(/tuyệt đối/);
    expect(vi(unsafePathReason('C:/Windows/win.ini')!)).toMatch(/tuyệt đối/);
    expect(vi(unsafePathReason('data\\..\\x')!)).toMatch(/\\/);
    expect(unsafePathReason('data//x')).not.toBeNull();
    expect(unsafePathReason('data/photos/ab/ab.jpg')).toBeNull();
  });
});

describe('browsable pages', () => {
  const header = { agency: 'VĂN PHÒNG UBND TỈNH', exportedAt: new Date(2026, 0, 5), from: null, to: null, softwareVersion: 'hoso 1.0' };
  const line = (i: number, date: string | null): MeetingLine => ({ id: `id-${i}`, title: `Cuộc họp số ${i}`, kind: 'Hội nghị', meetingDate: date, location: '', photos: 0, secrecy: 'thuong' });

  it('lists every meeting on index.html up to the limit', () => {
    const pages = indexPages(header, [line(1, '2024-01-02'), line(2, null)]);
    expect(pages.map((p) => p.path)).toEqual(['index.html']);
    expect(pages[0]!.html).toContain('Bản lưu trữ xuất ngày 05/01/2026');
    expect(pages[0]!.html).toContain('<td>chưa có ngày</td>');
  });

  it('above the limit, index.html lists the years and each year has its page', () => {
    const lines = Array.from({ length: INDEX_MAX_ROWS + 1 }, (_, i) => line(i, i % 2 ? '2023-05-01' : '2024-05-01'));
    lines.push(line(9999, null));
    const pages = indexPages(header, lines);
    expect(pages.map((p) => p.path)).toEqual(['index.html', 'pages/nam-2024.html', 'pages/nam-2023.html', 'pages/nam-chua-co-ngay.html']);
    expect(pages[0]!.html).toContain('<a href="pages/nam-2024.html">Năm 2024</a> — 501 cuộc họp');
    expect(pages[1]!.html).toContain(`href="../${meetingPagePath('id-0')}"`);
    expect(pages[1]!.html).toContain('href="../style.css"');
  });
});
