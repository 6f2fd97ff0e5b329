import { describe, expect, it } from 'vitest';
import { minutesBlocks } from '../../services/reports/minutesBlocks';
import { escapeHtml, renderHtml } from '../../services/reports/html';
import { addWorkingDays, clockTime, longDate, placeDateLine, shortDate } from '../../services/reports/dates';
import { publicHolidays } from '../../services/reports/holidays';
import { isoOfJulianDay, lunarToJulianDay } from '../../services/reports/lunarCalendar';
import { meetingName, joinVi, personPhrase } from '../../services/reports/phrases';
import { outgoingNumber } from '../../db/register';
import { reportFileName } from '../../services/reports/build';
import { cliDate } from '../../cli/commands/report';
import { LAYOUTS } from '../../services/reports/layout';
import type { ReportDoc } from '../../services/reports/model';

describe('dates on documents', () => {
  it('writes the date line with leading zeros, running text without', () => {
    expect(placeDateLine('Hà Nội', '2026-01-05')).toBe('Hà Nội, ngày 05 tháng 01 năm 2026');
    expect(placeDateLine('', '2026-11-22')).toBe('ngày 22 tháng 11 năm 2026');
    expect(placeDateLine('Bắc Ninh', null)).toMatch(/^Bắc Ninh, ngày\s+tháng\s+năm 20…$/);
    expect(longDate('2024-05-26')).toBe('ngày 26 tháng 5 năm 2024');
    expect(shortDate('2024-05-06')).toBe('06/05/2024');
    expect(clockTime('08:30')).toBe('8 giờ 30');
  });
  it('counts working days for the notice due date (weekends and public holidays skipped)', () => {
    expect(addWorkingDays('2024-05-24', 5)).toBe('2024-05-31');
    expect(addWorkingDays('2024-05-26', 5)).toBe('2024-05-31');
    expect(addWorkingDays('2024-05-27', 5)).toBe('2024-06-03');
    // 1/1 is a holiday.
    expect(addWorkingDays('2024-12-30', 5)).toBe('2025-01-07');
    // 30/4 and 1/5 (Tuesday, Wednesday).
    expect(addWorkingDays('2024-04-29', 5)).toBe('2024-05-08');
    // Tết Ất Tỵ: mùng 1–3 are 29–31/1/2025.
    expect(addWorkingDays('2025-01-24', 5)).toBe('2025-02-05');
    // 2/9/2023 was a Saturday: Monday 4/9 is its nghỉ bù.
    expect(addWorkingDays('2023-08-31', 5)).toBe('2023-09-08');
    // Giỗ Tổ 2026 (10/3 lunar) is Sunday 26/4: Monday 27/4 off, then 30/4 and 1/5.
    expect(addWorkingDays('2026-04-24', 5)).toBe('2026-05-06');
  });

  it('knows the lunar holidays of Vietnam’s calendar (UTC+7), not China’s', () => {
    const tet = { 2020: '2020-01-25', 2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06' };
    for (const [year, day] of Object.entries(tet)) expect(isoOfJulianDay(lunarToJulianDay(1, 1, Number(year)))).toBe(day);
    // The new moon of 2/2/2030 falls at 23:07 in Hà Nội and 00:07 on 3/2 in Beijing: Tết is a day earlier here.
    expect(isoOfJulianDay(lunarToJulianDay(1, 1, 2030))).toBe('2030-02-02');
    // 2023 had a leap second month (tháng 2 nhuận), so 10/3 lunar fell late, on 29/4.
    expect(isoOfJulianDay(lunarToJulianDay(10, 3, 2023))).toBe('2023-04-29');
    expect(isoOfJulianDay(lunarToJulianDay(10, 3, 2025))).toBe('2025-04-07');
    expect([...publicHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-04-26',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-02',
    ]);
  });
});

describe('document numbers', () => {
  it('state: leading zero below 10, type then issuer; party: no zero, issuer after a slash; blank when not taken', () => {
    expect(outgoingNumber('state', 5, 'TB', 'UBND')).toBe('05/TB-UBND');
    expect(outgoingNumber('state', 10, 'TB', 'UBND')).toBe('10/TB-UBND');
    expect(outgoingNumber('party', 1445, 'TB', 'QUTW-TUHN')).toBe('1445-TB/QUTW-TUHN');
    expect(outgoingNumber('state', null, 'BB', 'VP')).toMatch(/^\u2002+\/BB-VP$/);
  });
});

describe('running text', () => {
  it('names a meeting without repeating its kind', () => {
    expect(meetingName({ kind: 'Hội nghị', title: 'Hội nghị tổng kết năm 2025' })).toBe('hội nghị tổng kết năm 2025');
    expect(meetingName({ kind: 'Cuộc họp', title: 'bàn về công tác tuyển quân' })).toBe('cuộc họp bàn về công tác tuyển quân');
    expect(meetingName({ kind: 'Hoi nghi', title: 'Hội nghị cán bộ' })).toBe('hội nghị cán bộ');
  });
  it('names people with their rank and titles at the time', () => {
    expect(personPhrase({ fullName: 'Phan Văn Giang', rank: 'Đại tướng', titles: 'Bộ trưởng Bộ Quốc phòng' })).toBe('đồng chí Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng');
    expect(personPhrase({ fullName: 'Lê Thị Hoa', rank: '', titles: '' })).toBe('đồng chí Lê Thị Hoa');
    expect(joinVi(['A', 'B', 'C'])).toBe('A, B và C');
  });
});

describe('minutes as printed blocks', () => {
  it('keeps paragraphs, emphasis, lists and tables, and drops anything that could run', () => {
    const blocks = minutesBlocks(
      '<h2>Phần I</h2><p>Mở đầu <strong>quan trọng</strong> và <em>nghiêng</em><br>dòng hai</p>' +
        '<ol start="3"><li>Mục ba</li><li><p>Mục bốn</p></li></ol><ul><li>gạch đầu dòng</li></ul>' +
        '<table><tr><th>Đơn vị</th><th>Kết quả</th></tr><tr><td>Sở Tài chính</td><td>Hoàn thành</td></tr></table>' +
        '<script>alert(1)</script><p onclick="x()">Hết<img src=x onerror=alert(2)></p>',
    );
    expect(blocks[0]).toEqual({ kind: 'paragraph', indent: false, keepWithNext: true, runs: [{ text: 'Phần I', bold: true }] });
    expect(blocks[1]).toEqual({ kind: 'paragraph', runs: [{ text: 'Mở đầu ' }, { text: 'quan trọng', bold: true }, { text: ' và ' }, { text: 'nghiêng', italic: true }] });
    expect(blocks[2]).toEqual({ kind: 'paragraph', runs: [{ text: 'dòng hai' }] });
    expect(blocks[3]).toMatchObject({ runs: ['3. ', { text: 'Mục ba' }] });
    expect(blocks[4]).toMatchObject({ runs: ['4. ', { text: 'Mục bốn' }] });
    expect(blocks[5]).toMatchObject({ runs: ['- ', { text: 'gạch đầu dòng' }] });
    expect(blocks[6]).toEqual({
      kind: 'table',
      columns: [
        { label: 'Đơn vị', width: 50 },
        { label: 'Kết quả', width: 50 },
      ],
      rows: [['Sở Tài chính', 'Hoàn thành']],
      noHeader: false,
    });
    expect(blocks[7]).toEqual({ kind: 'paragraph', runs: [{ text: 'Hết' }] });
    expect(blocks).toHaveLength(8);
  });

  it('prints minutes nested 100 000 deep (a hostile paste or bag) from their text, without overflowing', () => {
    const deep = `${'<blockquote>'.repeat(100_000)}<p>Kết luận của đồng chí Bí thư</p>${'</blockquote>'.repeat(100_000)}<p>Phần sau</p>`;
    const blocks = minutesBlocks(deep);
    expect(blocks.map((b) => (b.kind === 'paragraph' ? b.runs : null))).toEqual([['Kết luận của đồng chí Bí thư'], ['Phần sau']]);
  });
});

describe('HTML of a document', () => {
  const doc: ReportDoc = {
    kind: 'minutes',
    layout: LAYOUTS.state,
    title: 'Biên bản: họp "giao ban" <1>',
    header: { parentAgency: 'UBND tỉnh <b>X</b>', issuingAgency: 'Văn phòng', number: '01/BB-VP', placeName: 'Hà Nội', issuedOn: '2026-01-05', dateLine: true },
    docName: 'BIÊN BẢN',
    subject: ['Cuộc họp <script>alert(1)</script>'],
    body: [{ kind: 'paragraph', runs: ['<img src=x onerror=alert(1)>', { text: '&amp;', bold: true }] }],
    ending: { kind: 'minutes', secretary: '<i>Thư ký</i>', chair: 'Chủ tọa' },
  };
  it('escapes every piece of clerk text and links nothing outside', () => {
    const html = renderHtml(doc);
    expect(html).not.toMatch(/<script|<img|<i>Thư/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Cuộc họp &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('UBND TỈNH &lt;B&gt;X&lt;/B&gt;');
    expect(html).toContain('<b>&amp;amp;</b>');
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).toContain('Hà Nội, ngày 05 tháng 01 năm 2026');
    expect(escapeHtml(`'"`)).toBe('&#39;&quot;');
  });
  it('has A4 page rules with the layout’s margins and no page number on page 1', () => {
    const html = renderHtml(doc);
    expect(html).toContain('@page { size: A4 portrait; margin: 20mm 18mm 20mm 31mm;');
    expect(html).toMatch(/@page :first \{ @top-center \{ content: none; \} \}/);
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('tr { break-inside: avoid;');
  });
  it('names files safely for Windows', () => {
    expect(reportFileName(doc, 'pdf')).toBe('Biên bản- họp -giao ban- -1-.pdf');
  });
});

describe('hoso report dates', () => {
  it('reads dd/mm/yyyy and yyyy-mm-dd', () => {
    expect(cliDate('5/1/2026', 'from')).toBe('2026-01-05');
    expect(cliDate('2026-01-05', 'from')).toBe('2026-01-05');
    expect(cliDate(undefined, 'from')).toBeNull();
    expect(() => cliDate('2026/01/05', 'from')).toThrow('--from phải là ngày');
  });
});
