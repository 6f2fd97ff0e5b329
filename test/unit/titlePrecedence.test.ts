import { describe, expect, it } from 'vitest';
import { TITLE_LEVELS, titlePrecedence } from '../../contract/titlePrecedence';
import { sortAttendance } from '../../db/attendance';
import { POSTS } from '../../services/demo/vocabulary';
import type { AttendanceRow } from '../../contract/recordContract';

/** The ladder a clerk introduces delegates by, most senior first. */
const LADDER = [
  'Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội',
  'Bí thư Trung ương Đảng, Trưởng Ban Tổ chức Trung ương',
  'Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy',
  'Bí thư Tỉnh ủy',
  'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh',
  'Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy',
  'Phó Chủ tịch UBND tỉnh',
  'Tỉnh ủy viên, Giám đốc Sở Tài chính',
  'Giám đốc Sở Tài chính',
  'Bí thư Huyện ủy Mường Tè',
  'Chủ tịch UBND huyện Mường Tè',
  'Ủy viên Ban Thường vụ Huyện ủy',
  'Phó Chủ tịch UBND huyện',
  'Huyện ủy viên',
  'Trưởng phòng Nội vụ huyện',
  'Bí thư Đảng ủy xã Bum Tở',
  'Chủ tịch UBND xã Bum Tở',
  'Phó Chủ tịch UBND xã Bum Tở',
  'Phóng viên Báo Lai Châu',
];

describe('titlePrecedence: the protocol order of titles', () => {
  it('ranks the Party centre, then province above district above commune, then the titles it does not place', () => {
    const levels = LADDER.map(titlePrecedence);
    for (let i = 1; i < levels.length; i++)
      expect([LADDER[i], levels[i]! < levels[i - 1]!]).toEqual([LADDER[i], true]);
    // Staff and titles the table does not place tie: rank, then the order entered, decide among them.
    expect(titlePrecedence('Phóng viên Báo Lai Châu')).toBe(0);
    expect(titlePrecedence('Chuyên viên Văn phòng UBND tỉnh')).toBe(0);
  });

  it('puts a provincial standing-committee member above a district secretary (the reported defect)', () => {
    expect(titlePrecedence('Phó Giám đốc Sở Nội vụ')).toBeLessThan(titlePrecedence('Bí thư Huyện ủy'));
    expect(titlePrecedence('Phó Giám đốc Sở Nội vụ')).toBeGreaterThan(
      titlePrecedence('Ủy viên Ban Thường vụ Huyện ủy'),
    );
    expect(
      titlePrecedence('Ủy viên Ban Thường vụ Tỉnh ủy, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh'),
    ).toBeGreaterThan(titlePrecedence('Tỉnh ủy viên, Bí thư Huyện ủy Mường Tè'));
  });

  it('reads titles in any case and tone placement, counts several titles at the highest, and never a deputy as the head', () => {
    expect(titlePrecedence('ỦY VIÊN BAN THƯỜNG VỤ TỈNH ỦY')).toBe(
      titlePrecedence('Uỷ viên Ban Thường vụ Tỉnh uỷ'),
    );
    expect(titlePrecedence('Giám đốc Sở Nội vụ, Ủy viên Ban Thường vụ Tỉnh ủy')).toBe(
      titlePrecedence('Ủy viên Ban Thường vụ Tỉnh ủy'),
    );
    expect(titlePrecedence('Phó Bí thư Tỉnh ủy')).toBeLessThan(titlePrecedence('Bí thư Tỉnh ủy'));
    expect(titlePrecedence('Phó Chủ tịch UBND tỉnh')).toBeLessThan(titlePrecedence('Chủ tịch UBND tỉnh'));
    expect(titlePrecedence('Phó Bí thư Huyện ủy')).toBeLessThan(titlePrecedence('Bí thư Huyện ủy'));
    // The heads of a provincial military command's departments stand with a province's deputy heads.
    expect(titlePrecedence('Chủ nhiệm Hậu cần - Kỹ thuật Bộ Chỉ huy Quân sự tỉnh')).toBe(
      titlePrecedence('Phó Giám đốc Sở Nội vụ'),
    );
    // The Youth Union's central committee is not the Party's.
    expect(titlePrecedence('Ủy viên Trung ương Đoàn')).toBeLessThan(
      titlePrecedence('Ủy viên Trung ương Đảng'),
    );
    // A centrally-run city's Thành ủy is a province's; another city's is a district's.
    expect(titlePrecedence('Bí thư Thành ủy Hải Phòng')).toBe(titlePrecedence('Bí thư Tỉnh ủy'));
    expect(titlePrecedence('Bí thư Thành ủy Điện Biên Phủ')).toBe(titlePrecedence('Bí thư Huyện ủy'));
  });

  it('gives every example of the table its own level (the table reads as it is documented)', () => {
    for (const { example, level } of TITLE_LEVELS)
      expect([example, titlePrecedence(example)]).toEqual([example, level]);
  });

  it('agrees with the demo archive’s scale of posts (1 staff … 12 minister) wherever it is clear-cut', () => {
    const fill = (s: string) =>
      s
        .replace('{huyen}', 'Mường Tè')
        .replace('{xa}', 'Bum Tở')
        .replace('{so}', 'Sở Nội vụ')
        .replace('{qk}', '2')
        .replace('{tinh}', 'Lai Châu');
    const posts = POSTS.filter((p) => !p.title.includes('{phong}')).map((p) => ({
      title: fill(p.title),
      seniority: p.seniority,
    }));
    const wrong = posts.flatMap((a) =>
      posts
        .filter((b) => a.seniority - b.seniority >= 3 && titlePrecedence(a.title) < titlePrecedence(b.title))
        .map((b) => `${a.title} < ${b.title}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe('sortAttendance by protocol', () => {
  const row = (
    fullName: string,
    role: AttendanceRow['role'],
    rank: string,
    titles: string,
    position: number,
  ) => ({
    id: `id-${position}`,
    personId: `p-${position}`,
    fullName,
    nameSort: fullName,
    role,
    rank,
    titles,
    unit: '',
    status: 'co_mat' as const,
    absenceReason: '',
    position,
  });

  it('lists chairs, then by title, then by rank where titles tie, guests before hosts, the secretary last', () => {
    const rows = [
      row('Lò Thị Dung', 'thu_ky', '', 'Chuyên viên Văn phòng Tỉnh ủy', 0),
      row('Trần Văn Bình', 'dai_bieu', '', 'Tỉnh ủy viên, Bí thư Huyện ủy Mường Tè', 1),
      row(
        'Vũ Đức Cường',
        'dai_bieu',
        'Thượng tá',
        'Ủy viên Ban Thường vụ Tỉnh ủy, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh',
        2,
      ),
      row('Hà Văn Em', 'dai_bieu', 'Đại tá', 'Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Công an tỉnh', 3),
      row(
        'Nguyễn Thị Giang',
        'khach_moi',
        '',
        'Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy',
        4,
      ),
      row('Phạm Văn An', 'chu_tri', '', 'Phó Chủ tịch UBND tỉnh', 5),
      row('Đỗ Văn Hòa', 'dai_bieu', '', 'Bí thư Đảng ủy xã Bum Tở', 6),
    ];
    expect(sortAttendance(rows, 'protocol').map((r) => r.fullName)).toEqual([
      'Phạm Văn An',
      'Hà Văn Em', // Đại tá before Thượng tá: the same title level
      'Vũ Đức Cường',
      'Nguyễn Thị Giang', // no rank: after the officers of the same level
      'Trần Văn Bình',
      'Đỗ Văn Hòa',
      'Lò Thị Dung',
    ]);
  });
});
