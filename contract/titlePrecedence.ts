import { foldVietnamese } from './vietnamese/fold';

/**
 * Precedence of the titles a person held at a meeting (chức vụ), for the protocol order of an
 * attendance list ("Theo nghi thức": chairs first, then by title, then by military rank).
 *
 * The convention it follows is the one Vietnamese secretariats use when they introduce delegates
 * ("giới thiệu đại biểu") and print a danh sách đại biểu: Party posts before state posts, the Party's
 * central bodies first (Bộ Chính trị, then Ban Bí thư, then Ủy viên Trung ương Đảng), then the
 * hierarchy of levels — province above district above commune — and, inside a level, the committee's
 * secretary, its deputies (with the chairs of the People's Council and Committee, who are deputy
 * secretaries), the standing committee (Ban Thường vụ), the committee members, then the heads of the
 * departments and their deputies. Military commands sit with the level they answer to (a military
 * region beside a province's secretary). A person holding several titles ("Ủy viên Ban Thường vụ Tỉnh
 * ủy, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh") counts at the highest one. The order agrees with the
 * demo archive's scale of posts (services/demo/vocabulary.ts, 1 staff … 12 minister; a unit test holds
 * them together), with the Party's central bodies above it.
 *
 * Each pattern is matched on the folded text (lower case, no marks, đ → d), so "ỦY VIÊN BAN THƯỜNG VỤ
 * TỈNH ỦY" and "Uỷ viên Ban Thường vụ Tỉnh uỷ" are one title. A leading "(?<!pho )" keeps "Phó Bí thư
 * Tỉnh ủy" from counting as "Bí thư Tỉnh ủy".
 */
export interface TitleLevel {
  pattern: RegExp;
  level: number;
  /** The title as a clerk writes it, for the README and tests. */
  example: string;
}

const TINH = String.raw`(?:tinh|thanh pho (?:ha noi|ho chi minh|hai phong|da nang|can tho|hue))`;
const TINH_UY = String.raw`(?:tinh uy|thanh uy (?:ha noi|thanh pho ho chi minh|hai phong|da nang|can tho|hue))`;
const HUYEN_UY = String.raw`(?:huyen uy|quan uy|thi uy|thanh uy)`;
const HUYEN = String.raw`(?:huyen|quan|thi xa|thanh pho)`;
const UBND = String.raw`(?:ubnd|uy ban nhan dan)`;
const HDND = String.raw`(?:hdnd|hoi dong nhan dan)`;
const NOT_DEPUTY = String.raw`(?<!pho )`;

const t = (pattern: string, level: number, example: string): TitleLevel => ({
  pattern: new RegExp(pattern),
  level,
  example,
});

export const TITLE_LEVELS: readonly TitleLevel[] = [
  // The Party's central bodies and the highest offices of state.
  t(
    String.raw`${NOT_DEPUTY}tong bi thu|${NOT_DEPUTY}chu tich nuoc|${NOT_DEPUTY}thu tuong chinh phu|${NOT_DEPUTY}chu tich quoc hoi`,
    30,
    'Tổng Bí thư',
  ),
  t(String.raw`uy vien bo chinh tri`, 28, 'Ủy viên Bộ Chính trị'),
  t(String.raw`uy vien ban bi thu|bi thu trung uong dang`, 26, 'Ủy viên Ban Bí thư'),
  t(String.raw`pho thu tuong|pho chu tich nuoc|pho chu tich quoc hoi`, 25, 'Phó Thủ tướng Chính phủ'),
  // Not "Ủy viên Trung ương Đoàn / Hội" (the Youth Union's or a mass association's central committee).
  t(String.raw`uy vien (?:ban chap hanh )?trung uong(?! doan| hoi)`, 24, 'Ủy viên Trung ương Đảng'),
  t(
    String.raw`${NOT_DEPUTY}bo truong|${NOT_DEPUTY}truong ban [a-z ]*trung uong|tong tham muu truong|${NOT_DEPUTY}chu nhiem tong cuc chinh tri`,
    23,
    'Bộ trưởng Bộ Quốc phòng',
  ),
  t(String.raw`uy vien du khuyet trung uong`, 22, 'Ủy viên dự khuyết Trung ương Đảng'),
  t(
    String.raw`thu truong|pho truong ban [a-z ]*trung uong|pho tong tham muu truong|pho chu nhiem tong cuc chinh tri`,
    21,
    'Thứ trưởng Bộ Quốc phòng',
  ),
  // A province (and a military region, which answers to the Ministry of Defence beside the provinces).
  t(
    String.raw`${NOT_DEPUTY}bi thu ${TINH_UY}|${NOT_DEPUTY}(?:tu lenh|chinh uy) quan khu`,
    20,
    'Bí thư Tỉnh ủy',
  ),
  t(
    String.raw`pho bi thu (?:thuong truc )?${TINH_UY}|${NOT_DEPUTY}chu tich (?:${UBND}|${HDND}) ${TINH}`,
    19,
    'Chủ tịch UBND tỉnh',
  ),
  t(
    String.raw`uy vien (?:ban )?thuong vu ${TINH_UY}|pho (?:tu lenh|chinh uy) quan khu|tham muu truong quan khu`,
    18,
    'Ủy viên Ban Thường vụ Tỉnh ủy',
  ),
  t(String.raw`pho chu tich (?:thuong truc )?(?:${UBND}|${HDND}) ${TINH}`, 17, 'Phó Chủ tịch UBND tỉnh'),
  t(String.raw`${TINH_UY} vien|uy vien ban chap hanh dang bo ${TINH}`, 16, 'Tỉnh ủy viên'),
  t(
    String.raw`${NOT_DEPUTY}(?:giam doc|truong ban|chanh van phong|chu nhiem uy ban kiem tra|chi huy truong|chinh uy)\b.*\b(?:${TINH_UY}|${TINH})\b`,
    15,
    'Giám đốc Sở Nội vụ tỉnh',
  ),
  t(
    String.raw`${NOT_DEPUTY}giam doc so|${NOT_DEPUTY}giam doc cong an|${NOT_DEPUTY}(?:cuc|vu) truong\b`,
    15,
    'Giám đốc Sở Tài chính',
  ),
  t(
    String.raw`(?:pho )?chu nhiem [a-z -]*quan khu|pho tham muu truong quan khu`,
    15,
    'Phó Chủ nhiệm Chính trị Quân khu 2',
  ),
  t(
    String.raw`pho (?:giam doc|truong ban|chanh van phong|chi huy truong|chinh uy)\b.*\b(?:${TINH_UY}|${TINH})\b|pho giam doc so|(?:chu nhiem [a-z -]*|pho tham muu truong )bo chi huy quan su tinh`,
    11,
    'Phó Giám đốc Sở Nội vụ',
  ),
  // A district (huyện, quận, thị xã, city under a province); a province's deputy heads of department
  // stand with a district's chairman, below its secretary.
  t(String.raw`${NOT_DEPUTY}bi thu ${HUYEN_UY}`, 12, 'Bí thư Huyện ủy'),
  t(
    String.raw`pho bi thu (?:thuong truc )?${HUYEN_UY}|${NOT_DEPUTY}chu tich (?:${UBND}|${HDND}) ${HUYEN}\b`,
    11,
    'Chủ tịch UBND huyện',
  ),
  t(String.raw`uy vien (?:ban )?thuong vu ${HUYEN_UY}`, 10, 'Ủy viên Ban Thường vụ Huyện ủy'),
  t(String.raw`pho chu tich (?:${UBND}|${HDND}) ${HUYEN}\b`, 9, 'Phó Chủ tịch UBND huyện'),
  t(String.raw`${HUYEN_UY} vien|uy vien ban chap hanh dang bo ${HUYEN}\b`, 8, 'Huyện ủy viên'),
  t(
    String.raw`${NOT_DEPUTY}truong phong|${NOT_DEPUTY}(?:chanh van phong|truong ban|chi huy truong|chinh tri vien)\b.*\b(?:huyen uy|quan uy|thi uy|huyen|thi xa)\b`,
    7,
    'Trưởng phòng Nội vụ huyện',
  ),
  // A commune (xã, phường, thị trấn).
  t(String.raw`${NOT_DEPUTY}bi thu dang uy (?:xa|phuong|thi tran)`, 6, 'Bí thư Đảng ủy xã'),
  t(
    String.raw`pho bi thu dang uy (?:xa|phuong|thi tran)|${NOT_DEPUTY}chu tich (?:${UBND}|${HDND}) (?:xa|phuong|thi tran)`,
    5,
    'Chủ tịch UBND xã',
  ),
  t(
    String.raw`pho truong phong|pho chu tich (?:${UBND}|${HDND}) (?:xa|phuong|thi tran)`,
    4,
    'Phó Chủ tịch UBND xã',
  ),
];

/**
 * Higher is more senior; 0 for titles the table does not place (staff, reporters, a post named without
 * its level): they follow every placed title, in rank order among themselves.
 */
export function titlePrecedence(titles: string): number {
  const folded = foldVietnamese(titles).replace(/\s+/g, ' ');
  let best = 0;
  for (const { pattern, level } of TITLE_LEVELS) if (level > best && pattern.test(folded)) best = level;
  return best;
}
