import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  formatClock,
  formatDateTime,
  formatIsoDate,
  isoYear,
  parseTimeText,
  parseVnDate,
  timeToMinutes,
} from '../../../renderer/src/format/date';
import { formatCount } from '../../../renderer/src/format/number';
import { compareVi, sortVi } from '../../../renderer/src/format/collate';
import { toLanguage } from '../../../renderer/src/format/language';

describe('formatIsoDate', () => {
  it('shows YYYY-MM-DD as dd/mm/yyyy without going through a timezone', () => {
    expect(formatIsoDate('2026-01-05')).toBe('05/01/2026');
    expect(formatIsoDate('1999-12-31')).toBe('31/12/1999');
    // The first day of a year stays in that year whatever the machine's timezone.
    expect(formatIsoDate('2024-01-01')).toBe('01/01/2024');
  });

  it('shows nothing for no date and the stored text for a malformed one', () => {
    expect(formatIsoDate(null)).toBe('');
    expect(formatIsoDate(undefined)).toBe('');
    expect(formatIsoDate('')).toBe('');
    expect(formatIsoDate('05/01/2026')).toBe('05/01/2026');
  });
});

describe('parseVnDate', () => {
  it('reads day-first dates with the usual separators', () => {
    expect(parseVnDate('05/01/2026')).toBe('2026-01-05');
    expect(parseVnDate('5/1/2026')).toBe('2026-01-05');
    expect(parseVnDate('05-01-2026')).toBe('2026-01-05');
    expect(parseVnDate('05.01.2026')).toBe('2026-01-05');
    expect(parseVnDate(' 31 / 12 / 2025 ')).toBe('2025-12-31');
  });

  it('reads ISO dates too', () => {
    expect(parseVnDate('2026-01-05')).toBe('2026-01-05');
  });

  it('refuses half-typed dates so they never become wrong ones', () => {
    expect(parseVnDate('')).toBeNull();
    expect(parseVnDate('05/01')).toBeNull();
    expect(parseVnDate('05/01/202')).toBeNull();
    expect(parseVnDate('05/01/20266')).toBeNull();
    expect(parseVnDate('hôm nay')).toBeNull();
  });

  it('refuses dates that are not on the calendar', () => {
    expect(parseVnDate('31/02/2026')).toBeNull();
    expect(parseVnDate('29/02/2025')).toBeNull();
    expect(parseVnDate('29/02/2024')).toBe('2024-02-29');
    expect(parseVnDate('29/02/1900')).toBeNull();
    expect(parseVnDate('29/02/2000')).toBe('2000-02-29');
    expect(parseVnDate('00/01/2026')).toBeNull();
    expect(parseVnDate('01/13/2026')).toBeNull();
    expect(parseVnDate('2026-02-30')).toBeNull();
  });
});

describe('calendar and clock helpers', () => {
  it('knows the length of each month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2028, 2)).toBe(29);
  });

  it('takes the year of an ISO date', () => {
    expect(isoYear('2024-07-01')).toBe(2024);
    expect(isoYear(null)).toBeNull();
    expect(isoYear('07/2024')).toBeNull();
  });

  it('formats local clock times with leading zeros', () => {
    const ms = new Date(2026, 0, 5, 7, 3).getTime();
    expect(formatClock(ms)).toBe('07:03');
    expect(formatDateTime(ms)).toBe('05/01/2026 07:03');
  });

  it('measures HH:MM times', () => {
    expect(timeToMinutes('08:30')).toBe(510);
    expect(timeToMinutes('')).toBeNull();
  });
});

describe('parseTimeText', () => {
  it('reads the ways times are written in Vietnamese offices, on a 24-hour clock', () => {
    expect(parseTimeText('14:00')).toBe('14:00');
    expect(parseTimeText('8:30')).toBe('08:30');
    expect(parseTimeText('14h30')).toBe('14:30');
    expect(parseTimeText('14h')).toBe('14:00');
    expect(parseTimeText('7H15')).toBe('07:15');
    expect(parseTimeText('14 giờ 30')).toBe('14:30');
    expect(parseTimeText('14 giờ 30 phút')).toBe('14:30');
    expect(parseTimeText('14.30')).toBe('14:30');
    expect(parseTimeText('1430')).toBe('14:30');
    expect(parseTimeText('830')).toBe('08:30');
    expect(parseTimeText(' 00:00 ')).toBe('00:00');
  });

  it('refuses what is not a time of day', () => {
    for (const bad of ['', '24:00', '12:60', '8:5', '2 PM', 'sáng', '12345', '1:2:3'])
      expect(parseTimeText(bad), bad).toBeNull();
  });
});

describe('formatCount', () => {
  it('groups digits the Vietnamese way in Vietnamese and the English way in English', () => {
    expect(formatCount(1234, 'vi')).toBe('1.234');
    expect(formatCount(100000, 'vi')).toBe('100.000');
    expect(formatCount(1234, 'en')).toBe('1,234');
    expect(formatCount(7, 'vi')).toBe('7');
  });
});

describe('Vietnamese collation', () => {
  it('orders letters as the Vietnamese alphabet does', () => {
    const words = ['đ', 'e', 'd', 'â', 'b', 'ă', 'a', 'ê', 'c'];
    expect(sortVi(words, (w) => w)).toEqual(['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê']);
  });

  it('puts Đ after D and sorts meeting kinds naturally', () => {
    const kinds = ['Tọa đàm', 'Đối thoại', 'Giao ban', 'Dự thảo', 'Hội nghị', 'Cuộc họp'];
    expect(sortVi(kinds, (k) => k)).toEqual([
      'Cuộc họp',
      'Dự thảo',
      'Đối thoại',
      'Giao ban',
      'Hội nghị',
      'Tọa đàm',
    ]);
    expect(compareVi('Đà Nẵng', 'Da Lat')).toBeGreaterThan(0);
  });

  it('does not reorder its input', () => {
    const input = ['b', 'a'];
    sortVi(input, (x) => x);
    expect(input).toEqual(['b', 'a']);
  });
});

describe('toLanguage', () => {
  it('maps whatever i18next reports to one of the two languages', () => {
    expect(toLanguage('en')).toBe('en');
    expect(toLanguage('en-US')).toBe('en');
    expect(toLanguage('vi')).toBe('vi');
    expect(toLanguage(undefined)).toBe('vi');
    expect(toLanguage('fr')).toBe('vi');
  });
});
