/**
 * Word lists and sentence templates for the demo archive, in the register of the records hoso keeps:
 * Party committees (Tỉnh ủy, Huyện ủy), People's Committees (UBND) and military bodies (Bộ Chỉ huy Quân
 * sự tỉnh, Quân khu). Everything is written out with its diacritics in NFC, so search, folding and
 * collation meet real Vietnamese (two-mark letters such as ễ, ậ, ở; đ; old/new tone placement is the
 * modern "ủy", "hòa"). Nothing here is copied from real reports; people are random combinations of common
 * names, and numbers of documents are made up (but shaped like real ones).
 *
 * Templates use `{name}` placeholders filled by generate.ts; `{Name}` (capitalised) inserts the value with
 * its first letter in upper case, for sentence starts.
 */

// --- Names --------------------------------------------------------------------------------------------

/** Family names with rough weights (Nguyễn is by far the most common). */
export const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 30],
  ['Trần', 11],
  ['Lê', 9],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Huỳnh', 3],
  ['Phan', 4],
  ['Vũ', 4],
  ['Võ', 3],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 2],
  ['Hồ', 2],
  ['Ngô', 1.5],
  ['Dương', 1.2],
  ['Lý', 0.8],
  ['Đinh', 1],
  ['Lương', 0.8],
  ['Trịnh', 0.8],
  ['Cao', 0.6],
  ['Mai', 0.5],
  ['Tạ', 0.3],
  ['Lò', 0.3],
  ['Hà', 0.6],
];

// prettier-ignore
export const MIDDLE_NAMES_MALE: readonly string[] = [
  'Văn', 'Văn', 'Văn', 'Đức', 'Hữu', 'Minh', 'Quang', 'Xuân', 'Đình', 'Công', 'Thanh', 'Quốc', 'Ngọc', 'Trọng',
  'Tiến', 'Mạnh', 'Duy', 'Hồng', 'Bá', 'Viết', 'Anh', 'Thế', 'Huy', 'Khắc',
];
// prettier-ignore
export const MIDDLE_NAMES_FEMALE: readonly string[] = [
  'Thị', 'Thị', 'Thị', 'Thị', 'Thu', 'Thanh', 'Ngọc', 'Minh', 'Thúy', 'Kim', 'Hồng', 'Phương', 'Bích', 'Diệu', 'Hải',
];
/** After "Thị", now and then a second middle name: "Nguyễn Thị Thanh Hương", "Lê Thị Bích Ngọc". */
export const SECOND_MIDDLE_NAMES: readonly string[] = [
  'Thanh',
  'Minh',
  'Ngọc',
  'Thu',
  'Hồng',
  'Kim',
  'Bích',
  'Phương',
  'Hoài',
];

// prettier-ignore
export const GIVEN_NAMES_MALE: readonly string[] = [
  'Dũng', 'Đức', 'Hùng', 'Tuấn', 'Thắng', 'Cường', 'Hưởng', 'Tuyến', 'Sơn', 'Hải', 'Long', 'Nam', 'Quân',
  'Trung', 'Thành', 'Hiếu', 'Khánh', 'Lực', 'Chiến', 'Thịnh', 'Quyết', 'Toàn', 'Bình', 'Hưng', 'Phúc',
  'Lợi', 'Vinh', 'Tùng', 'Kiên', 'Thái', 'Nghĩa', 'Tiến', 'Việt', 'Hoàn', 'Lâm', 'Điệp', 'Quỳnh', 'Định',
  'Thưởng', 'Luyện', 'Trường', 'Nguyên', 'Huấn', 'Bảy', 'Hòa',
];
// prettier-ignore
export const GIVEN_NAMES_FEMALE: readonly string[] = [
  'Thủy', 'Hương', 'Lan', 'Hà', 'Hằng', 'Tuyết', 'Nhung', 'Nguyệt', 'Thảo', 'Hoa', 'Liên', 'Yến', 'Huyền',
  'Tuyến', 'Hạnh', 'Hồng', 'Loan', 'Mai', 'Phượng', 'Thủy', 'Trang', 'Vân', 'Xuân', 'Ánh', 'Dung', 'Ngân',
];

// --- Military ranks -----------------------------------------------------------------------------------

/** Ranks of officers of the army and police, lowest first (the order promotions follow). */
export const RANKS = [
  'Thiếu úy',
  'Trung úy',
  'Thượng úy',
  'Đại úy',
  'Thiếu tá',
  'Trung tá',
  'Thượng tá',
  'Đại tá',
  'Thiếu tướng',
  'Trung tướng',
  'Thượng tướng',
  'Đại tướng',
] as const;
export type Rank = (typeof RANKS)[number];

// --- Places -------------------------------------------------------------------------------------------

export interface Province {
  name: string;
  /** Districts (huyện) used for district-level bodies and field trips. */
  districts: readonly string[];
  /** Number of the Quân khu (military region) the province belongs to. */
  militaryRegion: number;
  /** Has a land or sea border, hence a Bộ đội Biên phòng command. */
  border: boolean;
}

/** The demo archive belongs to one province's offices, picked by the seed. */
// prettier-ignore
export const PROVINCES: readonly Province[] = [
  { name: 'Nghệ An', militaryRegion: 4, border: true, districts: ['Quỳnh Lưu', 'Diễn Châu', 'Đô Lương', 'Nghi Lộc', 'Kỳ Sơn', 'Tương Dương', 'Con Cuông', 'Thanh Chương'] },
  { name: 'Thanh Hóa', militaryRegion: 4, border: true, districts: ['Quảng Xương', 'Hoằng Hóa', 'Thọ Xuân', 'Mường Lát', 'Quan Hóa', 'Ngọc Lặc', 'Hậu Lộc', 'Như Xuân'] },
  { name: 'Lạng Sơn', militaryRegion: 1, border: true, districts: ['Cao Lộc', 'Văn Lãng', 'Tràng Định', 'Lộc Bình', 'Đình Lập', 'Hữu Lũng', 'Bắc Sơn'] },
  { name: 'Điện Biên', militaryRegion: 2, border: true, districts: ['Mường Nhé', 'Điện Biên Đông', 'Tuần Giáo', 'Mường Chà', 'Nậm Pồ', 'Tủa Chùa'] },
  { name: 'Quảng Ninh', militaryRegion: 3, border: true, districts: ['Hải Hà', 'Bình Liêu', 'Tiên Yên', 'Ba Chẽ', 'Vân Đồn', 'Đầm Hà', 'Cô Tô'] },
  { name: 'Đắk Lắk', militaryRegion: 5, border: true, districts: ['Ea Súp', 'Buôn Đôn', 'Krông Pắc', "Cư M'gar", 'Lắk', 'Krông Bông', "Ea H'leo"] },
  { name: 'Kiên Giang', militaryRegion: 9, border: true, districts: ['Giang Thành', 'Kiên Lương', 'Hòn Đất', 'An Minh', 'U Minh Thượng', 'Gò Quao'] },
];

/** Commune (xã) names; combined with a district they name a place ("xã Tân Lập, huyện Đô Lương"). */
// prettier-ignore
export const COMMUNES: readonly string[] = [
  'Thanh Sơn', 'Tân Lập', 'Đồng Tâm', 'Quang Trung', 'Hòa Bình', 'Phú Lộc', 'Nghĩa Thuận', 'Xuân Lâm',
  'Hưng Đạo', 'Minh Khai', 'Tiến Thành', 'Kim Liên', 'Yên Hòa', 'Tam Hợp', 'Cẩm Sơn', 'Vĩnh Thịnh',
  'Trung Thành', 'Sơn Thủy', 'Hồng Phong', 'Lam Sơn', 'Bình Minh', 'An Thịnh', 'Hợp Tiến', 'Châu Thái',
  'Phúc Thọ', 'Mỹ Hưng', 'Tân Phúc', 'Đức Thành', 'Quỳnh Mỹ', 'Thượng Ấm',
];

/** Provincial departments (sở). */
export const DEPARTMENTS: readonly string[] = [
  'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư',
  'Sở Nội vụ',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Giáo dục và Đào tạo',
  'Sở Y tế',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Xây dựng',
  'Sở Giao thông vận tải',
  'Sở Tài nguyên và Môi trường',
  'Sở Thông tin và Truyền thông',
  'Sở Tư pháp',
  'Sở Văn hóa, Thể thao và Du lịch',
];
/** Heads of a department's offices ("Chánh Văn phòng, Sở Nội vụ"). */
export const DEPARTMENT_OFFICE_HEADS: readonly string[] = [
  'Chánh Văn phòng',
  'Trưởng phòng Kế hoạch - Tổng hợp',
  'Trưởng phòng Tổ chức cán bộ',
  'Trưởng phòng Pháp chế',
  'Chánh Thanh tra',
];

// --- Bodies and posts ---------------------------------------------------------------------------------

/** The body a post belongs to: decides who chairs what, where it meets, what it talks about. */
export type BodyKey =
  | 'tinh_uy'
  | 'ubnd'
  | 'hdnd'
  | 'so'
  | 'cong_an'
  | 'quan_su'
  | 'bien_phong'
  | 'quan_khu'
  | 'trung_uong'
  | 'huyen'
  | 'quan_su_huyen';

/** Subject areas, used to match titles and topics to the chairing body. */
export type Group = 'party' | 'state' | 'military';

export const BODY_GROUPS: Record<BodyKey, readonly Group[]> = {
  tinh_uy: ['party'],
  ubnd: ['state'],
  hdnd: ['state'],
  so: ['state'],
  cong_an: ['military'],
  quan_su: ['military'],
  bien_phong: ['military'],
  quan_khu: ['military'],
  trung_uong: ['military'],
  huyen: ['party', 'state'],
  quan_su_huyen: ['military'],
};

/** How often a body chairs a meeting in this office's archive (the office sits between Party, state, army). */
export const CHAIR_BODY_WEIGHTS: Record<BodyKey, number> = {
  tinh_uy: 20,
  ubnd: 22,
  hdnd: 3,
  so: 6,
  cong_an: 3,
  quan_su: 22,
  bien_phong: 4,
  quan_khu: 3,
  trung_uong: 1,
  huyen: 11,
  quan_su_huyen: 7,
};

/** Meeting rooms per body; `{huyen}`, `{xa}`, `{so}`, `{qk}` are filled from the chair's post. */
// prettier-ignore
export const LOCATIONS: Record<BodyKey, readonly string[]> = {
  tinh_uy: ['Hội trường Tỉnh ủy', 'Phòng họp Ban Thường vụ Tỉnh ủy', 'Phòng họp số 1, Văn phòng Tỉnh ủy', 'Trung tâm Hội nghị tỉnh'],
  ubnd: ['Phòng họp số 2 UBND tỉnh', 'Phòng họp trực tuyến UBND tỉnh', 'Hội trường UBND tỉnh', 'Trung tâm Hội nghị tỉnh'],
  hdnd: ['Phòng họp Thường trực HĐND tỉnh', 'Hội trường HĐND tỉnh'],
  so: ['Phòng họp {so}', 'Hội trường {so}'],
  cong_an: ['Hội trường Công an tỉnh', 'Phòng họp Ban Giám đốc Công an tỉnh'],
  quan_su: [
    'Hội trường Bộ Chỉ huy Quân sự tỉnh',
    'Phòng họp Đảng ủy Quân sự tỉnh',
    'Phòng giao ban Bộ Chỉ huy Quân sự tỉnh',
    'Trung tâm Huấn luyện - Diễn tập Bộ Chỉ huy Quân sự tỉnh',
  ],
  bien_phong: ['Hội trường Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'Phòng họp Đảng ủy Bộ đội Biên phòng tỉnh'],
  quan_khu: ['Hội trường Bộ Tư lệnh Quân khu {qk}', 'Phòng họp trực tuyến Bộ Tư lệnh Quân khu {qk}'],
  trung_uong: ['Hội trường Tỉnh ủy', 'Hội trường Bộ Chỉ huy Quân sự tỉnh'],
  huyen: ['Hội trường Huyện ủy {huyen}', 'Phòng họp UBND huyện {huyen}', 'Nhà văn hóa xã {xa}, huyện {huyen}'],
  quan_su_huyen: ['Hội trường Ban Chỉ huy Quân sự huyện {huyen}', 'Thao trường huấn luyện Ban Chỉ huy Quân sự huyện {huyen}'],
};

export interface Post {
  body: BodyKey;
  /** The post itself; may use {huyen}, {xa}, {so}, {qk}, {phong} (an office head, DEPARTMENT_OFFICE_HEADS). */
  title: string;
  /** Full name of the unit, with the province ({tinh}) so a directory of several provinces stays clear. */
  unit: string;
  /** 1 (staff) … 12 (minister): protocol order of attendance lists and who leads. */
  seniority: number;
  /** May chair a meeting of its body. */
  chair?: boolean;
  /** May keep the minutes (thư ký). */
  clerk?: boolean;
  /** Rank range for army and police posts; civilians have none. */
  ranks?: readonly [Rank, Rank];
  /** Party posts held alongside, one picked ('' = none), written first as in official introductions. */
  party?: readonly string[];
  /** The post held before being appointed to this one (for "titles at the time" of older meetings). */
  earlier?: string;
  /** The bodies this post convenes as chair; default: its unit without the province. */
  organizers?: readonly string[];
  /** How many people may hold the same filled-in post (e.g. 3 Phó Chủ tịch UBND tỉnh); default unlimited. */
  limit?: number;
  /** Created once up front so every small pool has the posts meetings need. */
  core?: number;
  /** Share of the rest of the directory. */
  weight: number;
}

const BTV = 'Ủy viên Ban Thường vụ Tỉnh ủy';
const TUV = 'Tỉnh ủy viên';

// prettier-ignore
export const POSTS: readonly Post[] = [
  // Tỉnh ủy
  { body: 'tinh_uy', title: 'Bí thư Tỉnh ủy', unit: 'Tỉnh ủy {tinh}', seniority: 11, chair: true, party: ['Ủy viên Trung ương Đảng'], organizers: ['Ban Thường vụ Tỉnh ủy', 'Thường trực Tỉnh ủy', 'Ban Chấp hành Đảng bộ tỉnh'], limit: 1, core: 1, weight: 0 },
  { body: 'tinh_uy', title: 'Phó Bí thư Thường trực Tỉnh ủy', unit: 'Tỉnh ủy {tinh}', seniority: 10, chair: true, party: [''], organizers: ['Thường trực Tỉnh ủy', 'Ban Thường vụ Tỉnh ủy'], limit: 1, core: 1, weight: 0 },
  { body: 'tinh_uy', title: 'Trưởng Ban Tổ chức Tỉnh ủy', unit: 'Ban Tổ chức Tỉnh ủy {tinh}', seniority: 8, chair: true, party: [BTV], limit: 1, core: 1, weight: 0 },
  { body: 'tinh_uy', title: 'Trưởng Ban Tuyên giáo Tỉnh ủy', unit: 'Ban Tuyên giáo Tỉnh ủy {tinh}', seniority: 8, party: [BTV], limit: 1, weight: 1 },
  { body: 'tinh_uy', title: 'Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy', unit: 'Ủy ban Kiểm tra Tỉnh ủy {tinh}', seniority: 8, chair: true, party: [BTV], limit: 1, weight: 1 },
  { body: 'tinh_uy', title: 'Trưởng Ban Nội chính Tỉnh ủy', unit: 'Ban Nội chính Tỉnh ủy {tinh}', seniority: 8, party: [BTV], limit: 1, weight: 1 },
  { body: 'tinh_uy', title: 'Trưởng Ban Dân vận Tỉnh ủy', unit: 'Ban Dân vận Tỉnh ủy {tinh}', seniority: 8, party: [BTV], limit: 1, weight: 1 },
  { body: 'tinh_uy', title: 'Chánh Văn phòng Tỉnh ủy', unit: 'Văn phòng Tỉnh ủy {tinh}', seniority: 6, chair: true, party: [TUV], organizers: ['Văn phòng Tỉnh ủy'], earlier: 'Phó Chánh Văn phòng Tỉnh ủy', limit: 1, core: 1, weight: 0 },
  { body: 'tinh_uy', title: 'Phó Chánh Văn phòng Tỉnh ủy', unit: 'Văn phòng Tỉnh ủy {tinh}', seniority: 4, clerk: true, limit: 3, core: 1, weight: 1 },
  { body: 'tinh_uy', title: 'Phó Trưởng Ban Tổ chức Tỉnh ủy', unit: 'Ban Tổ chức Tỉnh ủy {tinh}', seniority: 4, limit: 3, weight: 1 },
  { body: 'tinh_uy', title: 'Trưởng phòng Tổng hợp, Văn phòng Tỉnh ủy', unit: 'Văn phòng Tỉnh ủy {tinh}', seniority: 3, clerk: true, limit: 1, weight: 1 },
  { body: 'tinh_uy', title: 'Chuyên viên Văn phòng Tỉnh ủy', unit: 'Văn phòng Tỉnh ủy {tinh}', seniority: 1, clerk: true, core: 1, weight: 5 },
  { body: 'tinh_uy', title: 'Chuyên viên Ban Tổ chức Tỉnh ủy', unit: 'Ban Tổ chức Tỉnh ủy {tinh}', seniority: 1, clerk: true, weight: 2 },

  // UBND tỉnh, HĐND tỉnh
  { body: 'ubnd', title: 'Chủ tịch UBND tỉnh', unit: 'UBND tỉnh {tinh}', seniority: 10, chair: true, party: ['Phó Bí thư Tỉnh ủy'], earlier: 'Phó Chủ tịch Thường trực UBND tỉnh', organizers: ['UBND tỉnh', 'Ban Chỉ huy Phòng thủ dân sự tỉnh', 'Hội đồng Nghĩa vụ quân sự tỉnh', 'Hội đồng Giáo dục quốc phòng và an ninh tỉnh'], limit: 1, core: 1, weight: 0 },
  { body: 'ubnd', title: 'Phó Chủ tịch Thường trực UBND tỉnh', unit: 'UBND tỉnh {tinh}', seniority: 9, chair: true, party: [BTV], earlier: 'Phó Chủ tịch UBND tỉnh', organizers: ['UBND tỉnh'], limit: 1, core: 1, weight: 0 },
  { body: 'ubnd', title: 'Phó Chủ tịch UBND tỉnh', unit: 'UBND tỉnh {tinh}', seniority: 8, chair: true, party: [TUV, TUV, ''], organizers: ['UBND tỉnh', 'Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh'], limit: 3, core: 2, weight: 0 },
  { body: 'ubnd', title: 'Chánh Văn phòng UBND tỉnh', unit: 'Văn phòng UBND tỉnh {tinh}', seniority: 6, chair: true, organizers: ['Văn phòng UBND tỉnh'], limit: 1, core: 1, weight: 0 },
  { body: 'ubnd', title: 'Phó Chánh Văn phòng UBND tỉnh', unit: 'Văn phòng UBND tỉnh {tinh}', seniority: 4, clerk: true, limit: 4, weight: 1 },
  { body: 'ubnd', title: 'Chuyên viên Văn phòng UBND tỉnh', unit: 'Văn phòng UBND tỉnh {tinh}', seniority: 1, clerk: true, core: 1, weight: 5 },
  { body: 'hdnd', title: 'Chủ tịch HĐND tỉnh', unit: 'HĐND tỉnh {tinh}', seniority: 10, chair: true, party: ['Phó Bí thư Tỉnh ủy'], organizers: ['Thường trực HĐND tỉnh'], limit: 1, core: 1, weight: 0 },
  { body: 'hdnd', title: 'Phó Chủ tịch HĐND tỉnh', unit: 'HĐND tỉnh {tinh}', seniority: 8, party: [BTV, TUV], limit: 2, weight: 1 },
  { body: 'hdnd', title: 'Trưởng Ban Pháp chế HĐND tỉnh', unit: 'HĐND tỉnh {tinh}', seniority: 5, limit: 1, weight: 1 },

  // Sở
  { body: 'so', title: 'Giám đốc {so}', unit: '{so} tỉnh {tinh}', seniority: 6, chair: true, party: [TUV, ''], earlier: 'Phó Giám đốc {so}', organizers: ['{so}'], limit: 1, core: 2, weight: 2 },
  { body: 'so', title: 'Phó Giám đốc {so}', unit: '{so} tỉnh {tinh}', seniority: 4, limit: 3, weight: 3 },
  { body: 'so', title: '{phong}, {so}', unit: '{so} tỉnh {tinh}', seniority: 3, clerk: true, limit: 1, weight: 3 },
  { body: 'so', title: 'Chuyên viên {so}', unit: '{so} tỉnh {tinh}', seniority: 1, clerk: true, weight: 4 },

  // Công an tỉnh
  { body: 'cong_an', title: 'Giám đốc Công an tỉnh', unit: 'Công an tỉnh {tinh}', seniority: 9, chair: true, ranks: ['Đại tá', 'Thiếu tướng'], party: [BTV], organizers: ['Công an tỉnh', 'Đảng ủy Công an tỉnh'], limit: 1, core: 1, weight: 0 },
  { body: 'cong_an', title: 'Phó Giám đốc Công an tỉnh', unit: 'Công an tỉnh {tinh}', seniority: 6, ranks: ['Thượng tá', 'Đại tá'], limit: 4, weight: 1 },
  { body: 'cong_an', title: 'Trưởng phòng Tham mưu, Công an tỉnh', unit: 'Công an tỉnh {tinh}', seniority: 4, ranks: ['Trung tá', 'Thượng tá'], limit: 1, weight: 1 },
  { body: 'cong_an', title: 'Cán bộ Phòng Tham mưu, Công an tỉnh', unit: 'Công an tỉnh {tinh}', seniority: 1, clerk: true, ranks: ['Thượng úy', 'Thiếu tá'], weight: 2 },

  // Bộ Chỉ huy Quân sự tỉnh
  { body: 'quan_su', title: 'Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh', unit: 'Bộ Chỉ huy Quân sự tỉnh {tinh}', seniority: 9, chair: true, ranks: ['Đại tá', 'Đại tá'], party: [BTV], earlier: 'Phó Chỉ huy trưởng, Tham mưu trưởng Bộ Chỉ huy Quân sự tỉnh', organizers: ['Bộ Chỉ huy Quân sự tỉnh', 'Đảng ủy Quân sự tỉnh'], limit: 1, core: 1, weight: 0 },
  { body: 'quan_su', title: 'Chính ủy Bộ Chỉ huy Quân sự tỉnh', unit: 'Bộ Chỉ huy Quân sự tỉnh {tinh}', seniority: 9, chair: true, ranks: ['Đại tá', 'Đại tá'], party: ['Phó Bí thư Thường trực Đảng ủy Quân sự tỉnh'], earlier: 'Phó Chính ủy Bộ Chỉ huy Quân sự tỉnh', organizers: ['Đảng ủy Quân sự tỉnh', 'Bộ Chỉ huy Quân sự tỉnh'], limit: 1, core: 1, weight: 0 },
  { body: 'quan_su', title: 'Phó Chỉ huy trưởng, Tham mưu trưởng Bộ Chỉ huy Quân sự tỉnh', unit: 'Bộ Chỉ huy Quân sự tỉnh {tinh}', seniority: 7, chair: true, ranks: ['Thượng tá', 'Đại tá'], organizers: ['Bộ Chỉ huy Quân sự tỉnh'], limit: 1, core: 1, weight: 0 },
  { body: 'quan_su', title: 'Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh', unit: 'Bộ Chỉ huy Quân sự tỉnh {tinh}', seniority: 7, chair: true, ranks: ['Thượng tá', 'Đại tá'], organizers: ['Bộ Chỉ huy Quân sự tỉnh'], limit: 2, weight: 1 },
  { body: 'quan_su', title: 'Phó Chính ủy Bộ Chỉ huy Quân sự tỉnh', unit: 'Bộ Chỉ huy Quân sự tỉnh {tinh}', seniority: 7, ranks: ['Thượng tá', 'Đại tá'], limit: 1, weight: 1 },
  { body: 'quan_su', title: 'Chủ nhiệm Chính trị Bộ Chỉ huy Quân sự tỉnh', unit: 'Bộ Chỉ huy Quân sự tỉnh {tinh}', seniority: 5, ranks: ['Trung tá', 'Thượng tá'], limit: 1, weight: 1 },
  { body: 'quan_su', title: 'Chủ nhiệm Hậu cần - Kỹ thuật Bộ Chỉ huy Quân sự tỉnh', unit: 'Bộ Chỉ huy Quân sự tỉnh {tinh}', seniority: 5, ranks: ['Trung tá', 'Thượng tá'], limit: 1, weight: 1 },
  { body: 'quan_su', title: 'Phó Tham mưu trưởng Bộ Chỉ huy Quân sự tỉnh', unit: 'Bộ Chỉ huy Quân sự tỉnh {tinh}', seniority: 4, ranks: ['Trung tá', 'Thượng tá'], limit: 2, weight: 1 },
  { body: 'quan_su', title: 'Trợ lý Tác chiến, Phòng Tham mưu', unit: 'Bộ Chỉ huy Quân sự tỉnh {tinh}', seniority: 2, clerk: true, ranks: ['Đại úy', 'Trung tá'], core: 1, weight: 3 },
  { body: 'quan_su', title: 'Trợ lý Dân quân tự vệ, Phòng Tham mưu', unit: 'Bộ Chỉ huy Quân sự tỉnh {tinh}', seniority: 2, clerk: true, ranks: ['Đại úy', 'Thiếu tá'], weight: 2 },
  { body: 'quan_su', title: 'Trợ lý Tuyên huấn, Phòng Chính trị', unit: 'Bộ Chỉ huy Quân sự tỉnh {tinh}', seniority: 2, clerk: true, ranks: ['Thượng úy', 'Thiếu tá'], weight: 2 },

  // Bộ đội Biên phòng tỉnh
  { body: 'bien_phong', title: 'Chỉ huy trưởng Bộ đội Biên phòng tỉnh', unit: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh {tinh}', seniority: 8, chair: true, ranks: ['Đại tá', 'Đại tá'], party: [BTV, TUV], organizers: ['Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'Đảng ủy Bộ đội Biên phòng tỉnh'], limit: 1, core: 1, weight: 0 },
  { body: 'bien_phong', title: 'Chính ủy Bộ đội Biên phòng tỉnh', unit: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh {tinh}', seniority: 8, ranks: ['Đại tá', 'Đại tá'], limit: 1, weight: 1 },
  { body: 'bien_phong', title: 'Phó Chỉ huy trưởng Bộ đội Biên phòng tỉnh', unit: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh {tinh}', seniority: 6, ranks: ['Thượng tá', 'Đại tá'], limit: 3, weight: 1 },
  { body: 'bien_phong', title: 'Trợ lý Tham mưu, Bộ Chỉ huy Bộ đội Biên phòng tỉnh', unit: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh {tinh}', seniority: 2, clerk: true, ranks: ['Đại úy', 'Thiếu tá'], weight: 1 },

  // Quân khu and the ministry: mostly guests (khách mời), occasionally leading a working visit.
  { body: 'quan_khu', title: 'Tư lệnh Quân khu {qk}', unit: 'Bộ Tư lệnh Quân khu {qk}', seniority: 11, chair: true, ranks: ['Trung tướng', 'Trung tướng'], party: ['Ủy viên Trung ương Đảng', ''], earlier: 'Phó Tư lệnh Quân khu {qk}', organizers: ['Bộ Tư lệnh Quân khu {qk}', 'Đảng ủy Quân khu {qk}'], limit: 1, core: 1, weight: 0 },
  { body: 'quan_khu', title: 'Chính ủy Quân khu {qk}', unit: 'Bộ Tư lệnh Quân khu {qk}', seniority: 11, chair: true, ranks: ['Trung tướng', 'Trung tướng'], organizers: ['Đảng ủy Quân khu {qk}'], limit: 1, weight: 1 },
  { body: 'quan_khu', title: 'Phó Tư lệnh Quân khu {qk}', unit: 'Bộ Tư lệnh Quân khu {qk}', seniority: 9, ranks: ['Thiếu tướng', 'Thiếu tướng'], limit: 3, weight: 1 },
  { body: 'quan_khu', title: 'Phó Chính ủy Quân khu {qk}', unit: 'Bộ Tư lệnh Quân khu {qk}', seniority: 9, ranks: ['Thiếu tướng', 'Thiếu tướng'], limit: 1, weight: 1 },
  { body: 'quan_khu', title: 'Tham mưu trưởng Quân khu {qk}', unit: 'Bộ Tư lệnh Quân khu {qk}', seniority: 9, ranks: ['Thiếu tướng', 'Thiếu tướng'], limit: 1, weight: 1 },
  { body: 'quan_khu', title: 'Phó Chủ nhiệm Chính trị Quân khu {qk}', unit: 'Bộ Tư lệnh Quân khu {qk}', seniority: 7, ranks: ['Đại tá', 'Thiếu tướng'], limit: 2, weight: 1 },
  { body: 'quan_khu', title: 'Trưởng phòng Dân quân tự vệ, Bộ Tham mưu Quân khu {qk}', unit: 'Bộ Tư lệnh Quân khu {qk}', seniority: 5, ranks: ['Thượng tá', 'Đại tá'], limit: 1, weight: 1 },
  { body: 'trung_uong', title: 'Thứ trưởng Bộ Quốc phòng', unit: 'Bộ Quốc phòng', seniority: 12, chair: true, ranks: ['Thượng tướng', 'Thượng tướng'], party: ['Ủy viên Trung ương Đảng'], earlier: 'Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam', organizers: ['Đoàn công tác Bộ Quốc phòng'], limit: 2, core: 1, weight: 0 },
  { body: 'trung_uong', title: 'Phó Chủ nhiệm Tổng cục Chính trị Quân đội nhân dân Việt Nam', unit: 'Tổng cục Chính trị Quân đội nhân dân Việt Nam', seniority: 11, ranks: ['Trung tướng', 'Thượng tướng'], limit: 1, weight: 0.5 },
  { body: 'trung_uong', title: 'Cục trưởng Cục Dân quân tự vệ, Bộ Tổng Tham mưu', unit: 'Bộ Tổng Tham mưu Quân đội nhân dân Việt Nam', seniority: 9, ranks: ['Thiếu tướng', 'Thiếu tướng'], limit: 1, weight: 0.5 },
  { body: 'trung_uong', title: 'Vụ trưởng, Ban Tổ chức Trung ương', unit: 'Ban Tổ chức Trung ương', seniority: 8, limit: 1, weight: 0.5 },

  // Huyện, xã
  { body: 'huyen', title: 'Bí thư Huyện ủy {huyen}', unit: 'Huyện ủy {huyen}, tỉnh {tinh}', seniority: 7, chair: true, party: [TUV, ''], organizers: ['Ban Thường vụ Huyện ủy {huyen}', 'Huyện ủy {huyen}'], limit: 1, core: 2, weight: 1 },
  { body: 'huyen', title: 'Chủ tịch UBND huyện {huyen}', unit: 'UBND huyện {huyen}, tỉnh {tinh}', seniority: 6, chair: true, party: ['Phó Bí thư Huyện ủy'], earlier: 'Phó Chủ tịch UBND huyện {huyen}', organizers: ['UBND huyện {huyen}'], limit: 1, core: 2, weight: 1 },
  { body: 'huyen', title: 'Phó Bí thư Thường trực Huyện ủy {huyen}', unit: 'Huyện ủy {huyen}, tỉnh {tinh}', seniority: 6, limit: 1, weight: 1 },
  { body: 'huyen', title: 'Phó Chủ tịch UBND huyện {huyen}', unit: 'UBND huyện {huyen}, tỉnh {tinh}', seniority: 5, limit: 3, weight: 2 },
  { body: 'huyen', title: 'Chánh Văn phòng Huyện ủy {huyen}', unit: 'Huyện ủy {huyen}, tỉnh {tinh}', seniority: 3, clerk: true, limit: 1, weight: 1 },
  { body: 'huyen', title: 'Chuyên viên Văn phòng HĐND và UBND huyện {huyen}', unit: 'UBND huyện {huyen}, tỉnh {tinh}', seniority: 1, clerk: true, weight: 3 },
  { body: 'huyen', title: 'Bí thư Đảng ủy xã {xa}', unit: 'Đảng ủy xã {xa}, huyện {huyen}', seniority: 3, limit: 1, weight: 3 },
  { body: 'huyen', title: 'Chủ tịch UBND xã {xa}', unit: 'UBND xã {xa}, huyện {huyen}', seniority: 3, limit: 1, weight: 3 },
  { body: 'quan_su_huyen', title: 'Chỉ huy trưởng Ban Chỉ huy Quân sự huyện {huyen}', unit: 'Ban Chỉ huy Quân sự huyện {huyen}, tỉnh {tinh}', seniority: 5, chair: true, ranks: ['Trung tá', 'Thượng tá'], party: ['Ủy viên Ban Thường vụ Huyện ủy'], organizers: ['Ban Chỉ huy Quân sự huyện {huyen}', 'Đảng ủy Quân sự huyện {huyen}'], limit: 1, core: 2, weight: 1 },
  { body: 'quan_su_huyen', title: 'Chính trị viên Ban Chỉ huy Quân sự huyện {huyen}', unit: 'Ban Chỉ huy Quân sự huyện {huyen}, tỉnh {tinh}', seniority: 5, ranks: ['Trung tá', 'Thượng tá'], limit: 1, weight: 1 },
  { body: 'quan_su_huyen', title: 'Phó Chỉ huy trưởng Ban Chỉ huy Quân sự huyện {huyen}', unit: 'Ban Chỉ huy Quân sự huyện {huyen}, tỉnh {tinh}', seniority: 4, ranks: ['Thiếu tá', 'Trung tá'], limit: 2, weight: 1 },
  { body: 'quan_su_huyen', title: 'Trợ lý Tác chiến, Ban Chỉ huy Quân sự huyện {huyen}', unit: 'Ban Chỉ huy Quân sự huyện {huyen}, tỉnh {tinh}', seniority: 1, clerk: true, ranks: ['Thượng úy', 'Thiếu tá'], weight: 2 },
  // Commune military commanders are militia officers: a post, no army rank.
  { body: 'quan_su_huyen', title: 'Chỉ huy trưởng Ban Chỉ huy Quân sự xã {xa}', unit: 'Ban Chỉ huy Quân sự xã {xa}, huyện {huyen}', seniority: 2, limit: 1, weight: 3 },
];

// --- Meeting kinds and titles -------------------------------------------------------------------------

/** The kinds of db/settings.ts DEFAULT_MEETING_KINDS, with how common each is in an office's year. */
export const KIND_WEIGHTS: readonly (readonly [string, number])[] = [
  ['Hội nghị', 20],
  ['Cuộc họp', 22],
  ['Làm việc', 17],
  ['Giao ban', 18],
  ['Hội thảo', 4],
  ['Tọa đàm', 3],
  ['Sơ kết', 8],
  ['Tổng kết', 8],
];

/** The noun a text uses for a meeting of this kind ("phát biểu tại hội nghị", "tại buổi làm việc"). */
export const KIND_NOUNS: Record<string, string> = {
  'Hội nghị': 'hội nghị',
  'Cuộc họp': 'cuộc họp',
  'Làm việc': 'buổi làm việc',
  'Giao ban': 'hội nghị giao ban',
  'Hội thảo': 'hội thảo',
  'Tọa đàm': 'buổi tọa đàm',
  'Sơ kết': 'hội nghị',
  'Tổng kết': 'hội nghị',
};

export interface TitleTemplate {
  kind: string;
  text: string;
  /** Only when the chair's body works in one of these areas; none = any chair. */
  groups?: readonly Group[];
  /** Only for chairs from these bodies (a title that names the body, e.g. "Họp Ban Thường vụ Tỉnh ủy"). */
  bodies?: readonly BodyKey[];
  /** Only for chairs at least this senior (the Bí thư, not the Chánh Văn phòng, convenes the Ban Chấp hành). */
  minSeniority?: number;
  /** Months the meeting can fall in (a December anniversary, a mid-year review). */
  months?: readonly number[];
  /**
   * What the meeting is about, as the minutes' opening says it ("tổ chức hội nghị về …"), when the title
   * does not name a {topic}: a review of a field, an anniversary, a document.
   */
  subject?: string;
  /** The delegation goes out to a district: the meeting room is there. */
  atDistrict?: boolean;
  /** Two sides: a second chair from another body co-chairs ({org2}). */
  partner?: boolean;
  /** Where the partner comes from; default: any other body that chairs meetings. */
  partnerBodies?: readonly BodyKey[];
  /** The title names a document ({doc}); `yearsAgo` = how long before the meeting it was issued ({k}). */
  doc?: { yearsAgo?: readonly number[] };
  weight?: number;
}

/**
 * Placeholders: {org} {org2} (organizers), {topic}, {field}, {theme}, {doc}, {year}, {month}, {quarter},
 * {reportYear} (the year a review covers), {next} (year + 1), {n} (session number), {k} (years since the
 * document), {huyen}, {tinh}, {qk}, and anniversaries {qdnd} (QĐND, 1944), {bdbp} (Biên phòng, 1959),
 * {dqtv} (Dân quân tự vệ, 1935), {qpnd} (Ngày hội Quốc phòng toàn dân, 1989).
 */
// prettier-ignore
export const TITLE_TEMPLATES: readonly TitleTemplate[] = [
  // Hội nghị
  { kind: 'Hội nghị', text: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ {n}', subject: 'tình hình thực hiện nghị quyết đại hội đảng bộ tỉnh và một số nội dung quan trọng khác', bodies: ['tinh_uy'], minSeniority: 10, weight: 2 },
  { kind: 'Hội nghị', text: 'Hội nghị Ban Thường vụ Tỉnh ủy cho ý kiến về {topic}', bodies: ['tinh_uy'], minSeniority: 10, weight: 2 },
  { kind: 'Hội nghị', text: 'Hội nghị quán triệt, triển khai {doc}', subject: 'việc quán triệt, triển khai {doc}', groups: ['party', 'military'], doc: {}, weight: 2 },
  { kind: 'Hội nghị', text: 'Hội nghị Đảng ủy Quân sự tỉnh ra nghị quyết lãnh đạo thực hiện nhiệm vụ năm {next}', subject: 'phương hướng lãnh đạo thực hiện nhiệm vụ QS, QP năm {next}', bodies: ['quan_su'], minSeniority: 9, months: [12] },
  { kind: 'Hội nghị', text: 'Hội nghị triển khai nhiệm vụ quân sự, quốc phòng địa phương năm {year}', subject: 'nhiệm vụ QS, QP địa phương năm {year}', bodies: ['quan_su', 'quan_su_huyen'], months: [1, 2], weight: 2 },
  { kind: 'Hội nghị', text: 'Hội nghị triển khai nhiệm vụ phát triển KT-XH năm {year}', subject: 'kế hoạch phát triển KT-XH năm {year}', bodies: ['ubnd', 'huyen'], minSeniority: 6, months: [1, 2] },
  { kind: 'Hội nghị', text: 'Hội nghị {org} về {topic}', weight: 3 },
  { kind: 'Hội nghị', text: 'Hội nghị chuyên đề về {topic}', weight: 2 },
  { kind: 'Hội nghị', text: 'Hội nghị Hội đồng Giáo dục quốc phòng và an ninh tỉnh năm {year}', subject: 'kết quả công tác giáo dục quốc phòng và an ninh', bodies: ['ubnd'], minSeniority: 8 },
  // Cuộc họp
  { kind: 'Cuộc họp', text: 'Họp Ban Thường vụ Tỉnh ủy thường kỳ tháng {month}/{year}', bodies: ['tinh_uy'], minSeniority: 10, weight: 2 },
  { kind: 'Cuộc họp', text: 'Phiên họp thường kỳ UBND tỉnh tháng {month} năm {year}', bodies: ['ubnd'], minSeniority: 9, weight: 2 },
  { kind: 'Cuộc họp', text: 'Họp Hội đồng Nghĩa vụ quân sự tỉnh về {topic}', bodies: ['ubnd', 'quan_su'], minSeniority: 8 },
  { kind: 'Cuộc họp', text: 'Họp Ban Chỉ huy Phòng thủ dân sự tỉnh triển khai công tác phòng, chống thiên tai năm {year}', subject: 'công tác phòng, chống thiên tai và tìm kiếm cứu nạn năm {year}', bodies: ['ubnd', 'quan_su'], minSeniority: 8, months: [3, 4, 5] },
  { kind: 'Cuộc họp', text: 'Cuộc họp của {org} về {topic}', weight: 3 },
  { kind: 'Cuộc họp', text: '{Org} họp bàn {topic}', weight: 2 },
  { kind: 'Cuộc họp', text: 'Họp Thường trực Tỉnh ủy nghe báo cáo {topic}', bodies: ['tinh_uy'], minSeniority: 10 },
  // Làm việc
  { kind: 'Làm việc', text: '{Org} làm việc với {org2} về {topic}', partner: true, weight: 5 },
  { kind: 'Làm việc', text: 'Ban Thường vụ Tỉnh ủy làm việc với Đảng ủy Quân sự tỉnh về {topic}', bodies: ['tinh_uy'], minSeniority: 10, partner: true, partnerBodies: ['quan_su'], weight: 2 },
  { kind: 'Làm việc', text: 'Đoàn công tác của {org} làm việc tại huyện {huyen}', atDistrict: true, bodies: ['tinh_uy', 'ubnd', 'hdnd', 'so', 'cong_an', 'quan_su', 'bien_phong', 'quan_khu'], weight: 2 },
  { kind: 'Làm việc', text: '{Org} làm việc với {org2} về kết quả thực hiện nhiệm vụ 6 tháng đầu năm {year}', subject: 'kết quả thực hiện nhiệm vụ 6 tháng đầu năm {year}', partner: true, months: [6, 7] },
  // Giao ban
  { kind: 'Giao ban', text: 'Giao ban công tác tháng {month} năm {year} của {org}', subject: 'kết quả công tác tháng {month} và nhiệm vụ trọng tâm tháng tiếp theo', weight: 4 },
  { kind: 'Giao ban', text: 'Giao ban công tác quân sự, quốc phòng quý {quarter} năm {year}', subject: 'kết quả thực hiện nhiệm vụ QS, QP quý {quarter} năm {year}', bodies: ['quan_su', 'quan_su_huyen', 'quan_khu'], weight: 2 },
  { kind: 'Giao ban', text: 'Giao ban giữa Thường trực Tỉnh ủy với Thường trực HĐND, UBND tỉnh tháng {month}/{year}', bodies: ['tinh_uy'], minSeniority: 10, weight: 2 },
  { kind: 'Giao ban', text: 'Giao ban trực tuyến công tác {field} quý {quarter} năm {year}', subject: 'kết quả công tác {field} quý {quarter} năm {year}', weight: 2 },
  { kind: 'Giao ban', text: 'Giao ban Văn phòng cấp ủy các huyện, thị, thành ủy quý {quarter} năm {year}', subject: 'công tác văn phòng cấp ủy quý {quarter} năm {year}', bodies: ['tinh_uy'] },
  // Hội thảo
  { kind: 'Hội thảo', text: 'Hội thảo khoa học “{theme}”', subject: 'chủ đề “{theme}”', weight: 3 },
  { kind: 'Hội thảo', text: 'Hội thảo góp ý dự thảo báo cáo chính trị trình Đại hội Đảng bộ tỉnh', subject: 'dự thảo báo cáo chính trị trình Đại hội Đảng bộ tỉnh', bodies: ['tinh_uy'] },
  // Tọa đàm
  { kind: 'Tọa đàm', text: 'Tọa đàm kỷ niệm {qdnd} năm Ngày thành lập Quân đội nhân dân Việt Nam và {qpnd} năm Ngày hội Quốc phòng toàn dân', subject: 'truyền thống vẻ vang của Quân đội nhân dân Việt Nam và nền quốc phòng toàn dân', months: [12], weight: 2 },
  { kind: 'Tọa đàm', text: 'Tọa đàm kỷ niệm {bdbp} năm Ngày truyền thống Bộ đội Biên phòng', subject: 'truyền thống của Bộ đội Biên phòng và nhiệm vụ bảo vệ biên giới', bodies: ['bien_phong', 'quan_su'], months: [2, 3] },
  { kind: 'Tọa đàm', text: 'Tọa đàm kỷ niệm {dqtv} năm Ngày truyền thống lực lượng Dân quân tự vệ', subject: 'truyền thống của lực lượng dân quân tự vệ', bodies: ['quan_su', 'quan_su_huyen'], months: [3] },
  { kind: 'Tọa đàm', text: 'Tọa đàm về {topic}', weight: 2 },
  // Sơ kết
  { kind: 'Sơ kết', text: 'Hội nghị sơ kết 6 tháng đầu năm {year} công tác {field}', subject: 'kết quả công tác {field} 6 tháng đầu năm {year}', months: [6, 7], weight: 4 },
  { kind: 'Sơ kết', text: 'Hội nghị sơ kết {k} năm thực hiện {doc}', subject: 'kết quả {k} năm thực hiện {doc}', doc: { yearsAgo: [3, 5] }, weight: 2 },
  { kind: 'Sơ kết', text: 'Sơ kết công tác tuyển chọn và gọi công dân nhập ngũ năm {year}', subject: 'kết quả tuyển chọn và gọi công dân nhập ngũ năm {year}', bodies: ['ubnd', 'quan_su', 'quan_su_huyen', 'huyen'], months: [3, 4] },
  // Tổng kết
  { kind: 'Tổng kết', text: 'Hội nghị tổng kết công tác {field} năm {reportYear}', subject: 'kết quả công tác {field} năm {reportYear}', months: [12, 1], weight: 4 },
  { kind: 'Tổng kết', text: 'Tổng kết diễn tập khu vực phòng thủ huyện {huyen} năm {year}', subject: 'kết quả diễn tập khu vực phòng thủ huyện {huyen} năm {year}', bodies: ['huyen', 'quan_su_huyen', 'quan_su', 'quan_khu', 'ubnd', 'tinh_uy'], months: [9, 10, 11, 12] },
  { kind: 'Tổng kết', text: 'Hội nghị tổng kết {k} năm thực hiện {doc}', subject: 'kết quả {k} năm thực hiện {doc}', doc: { yearsAgo: [10, 15] }, weight: 2 },
];

export interface Subject {
  text: string;
  groups: readonly Group[];
  /** Tags (from TAGS) a meeting on this subject is likely to carry. */
  tags: readonly string[];
}

/** What meetings are about ("về …"). */
// prettier-ignore
export const TOPICS: readonly Subject[] = [
  { text: 'công tác tuyển chọn và gọi công dân nhập ngũ năm {next}', groups: ['military', 'state'], tags: ['Tuyển quân', 'Quân sự địa phương'] },
  { text: 'thực hiện nhiệm vụ QS, QP địa phương năm {year}', groups: ['military', 'party'], tags: ['Quốc phòng', 'Quân sự địa phương'] },
  { text: 'xây dựng khu vực phòng thủ tỉnh vững chắc trong tình hình mới', groups: ['military', 'party'], tags: ['Khu vực phòng thủ', 'Quốc phòng'] },
  { text: 'công tác chuẩn bị diễn tập khu vực phòng thủ huyện {huyen} năm {year}', groups: ['military', 'party', 'state'], tags: ['Khu vực phòng thủ', 'Diễn tập'] },
  { text: 'thực hiện nhiệm vụ phát triển KT-XH, bảo đảm QP-AN năm {year}', groups: ['state', 'party'], tags: ['Kinh tế - xã hội'] },
  { text: 'đẩy nhanh tiến độ giải ngân vốn đầu tư công năm {year}', groups: ['state'], tags: ['Đầu tư công', 'Ngân sách'] },
  { text: 'xây dựng dự toán ngân sách địa phương năm {next}', groups: ['state'], tags: ['Ngân sách'] },
  { text: 'công tác phòng, chống thiên tai và tìm kiếm cứu nạn', groups: ['state', 'military'], tags: ['Phòng chống thiên tai'] },
  { text: 'công tác cải cách hành chính và chuyển đổi số', groups: ['state', 'party'], tags: ['Cải cách hành chính', 'Chuyển đổi số'] },
  { text: 'công tác tiếp công dân, giải quyết khiếu nại, tố cáo', groups: ['state', 'party'], tags: ['Tiếp công dân'] },
  { text: 'công tác giáo dục quốc phòng và an ninh cho các đối tượng', groups: ['military', 'state'], tags: ['Giáo dục QP-AN'] },
  { text: 'xây dựng lực lượng dân quân tự vệ, dự bị động viên', groups: ['military'], tags: ['Dân quân tự vệ', 'Quân sự địa phương'] },
  { text: 'công tác quản lý, sử dụng đất quốc phòng', groups: ['military', 'state'], tags: ['Đất quốc phòng'] },
  { text: 'công tác chính sách hậu phương quân đội', groups: ['military', 'state'], tags: ['Công tác chính sách'] },
  { text: 'công tác tìm kiếm, quy tập hài cốt liệt sĩ', groups: ['military', 'state'], tags: ['Công tác chính sách'] },
  { text: 'công tác cán bộ và quy hoạch cán bộ nhiệm kỳ tới', groups: ['party'], tags: ['Công tác cán bộ', 'Xây dựng Đảng'] },
  { text: 'công tác kiểm tra, giám sát và thi hành kỷ luật đảng', groups: ['party'], tags: ['Kiểm tra, giám sát', 'Xây dựng Đảng'] },
  { text: 'công tác chuẩn bị đại hội đảng bộ các cấp', groups: ['party'], tags: ['Xây dựng Đảng'] },
  { text: 'công tác dân vận và xây dựng thế trận lòng dân', groups: ['party', 'military'], tags: ['Dân vận'] },
  { text: 'bảo vệ chủ quyền lãnh thổ, an ninh biên giới', groups: ['military'], tags: ['Biên giới', 'Quốc phòng'] },
  { text: 'bảo đảm an ninh chính trị, trật tự an toàn xã hội dịp Tết Nguyên đán', groups: ['military', 'state', 'party'], tags: ['An ninh trật tự'] },
  { text: 'xây dựng nông thôn mới gắn với củng cố QP-AN ở cơ sở', groups: ['state', 'party'], tags: ['Nông thôn mới', 'Kinh tế - xã hội'] },
  { text: 'công tác phòng, chống tham nhũng, tiêu cực', groups: ['party', 'state'], tags: ['Phòng chống tham nhũng'] },
  { text: 'thực hiện nhiệm vụ QS, QP gắn với phát triển KT-XH', groups: ['military', 'party'], tags: ['Quốc phòng', 'Kinh tế - xã hội'] },
  { text: 'công tác huấn luyện, sẵn sàng chiến đấu của lực lượng vũ trang tỉnh', groups: ['military'], tags: ['Quân sự địa phương'] },
  { text: 'triển khai dự án xây dựng công trình chiến đấu trong căn cứ chiến đấu tỉnh', groups: ['military', 'state'], tags: ['Khu vực phòng thủ', 'Đầu tư công'] },
  { text: 'thực hiện chương trình mục tiêu quốc gia giảm nghèo bền vững', groups: ['state'], tags: ['Kinh tế - xã hội'] },
  { text: 'công tác văn thư, lưu trữ và bảo vệ bí mật nhà nước', groups: ['party', 'state', 'military'], tags: ['Văn thư - lưu trữ'] },
];

/** Fields of work for reviews and briefings ("tổng kết công tác …"). */
// prettier-ignore
export const FIELDS: readonly Subject[] = [
  { text: 'quân sự, quốc phòng địa phương', groups: ['military', 'party', 'state'], tags: ['Quân sự địa phương', 'Quốc phòng'] },
  { text: 'xây dựng Đảng', groups: ['party'], tags: ['Xây dựng Đảng'] },
  { text: 'kiểm tra, giám sát', groups: ['party'], tags: ['Kiểm tra, giám sát'] },
  { text: 'tổ chức xây dựng Đảng', groups: ['party'], tags: ['Công tác cán bộ', 'Xây dựng Đảng'] },
  { text: 'dân vận', groups: ['party'], tags: ['Dân vận'] },
  { text: 'cải cách hành chính', groups: ['state'], tags: ['Cải cách hành chính'] },
  { text: 'phòng, chống thiên tai và tìm kiếm cứu nạn', groups: ['state', 'military'], tags: ['Phòng chống thiên tai'] },
  { text: 'giáo dục quốc phòng và an ninh', groups: ['military', 'state'], tags: ['Giáo dục QP-AN'] },
  { text: 'tuyển quân', groups: ['military', 'state'], tags: ['Tuyển quân'] },
  { text: 'văn phòng cấp ủy', groups: ['party'], tags: ['Văn thư - lưu trữ'] },
  { text: 'công an', groups: ['military'], tags: ['An ninh trật tự'] },
  { text: 'biên phòng', groups: ['military'], tags: ['Biên giới'] },
];

/** Themes of scientific workshops (hội thảo khoa học), quoted in the title. */
// prettier-ignore
export const THEMES: readonly Subject[] = [
  { text: 'Phát huy sức mạnh tổng hợp xây dựng khu vực phòng thủ tỉnh {tinh} vững chắc trong tình hình mới', groups: ['military', 'party'], tags: ['Khu vực phòng thủ'] },
  { text: 'Nâng cao chất lượng bồi dưỡng kiến thức quốc phòng và an ninh cho cán bộ chủ chốt ở cơ sở', groups: ['military', 'state'], tags: ['Giáo dục QP-AN'] },
  { text: 'Chuyển đổi số trong hoạt động của cơ quan Đảng, chính quyền tỉnh {tinh}', groups: ['party', 'state'], tags: ['Chuyển đổi số'] },
  { text: 'Vai trò của lực lượng dân quân tự vệ trong phòng, chống thiên tai, tìm kiếm cứu nạn', groups: ['military'], tags: ['Dân quân tự vệ', 'Phòng chống thiên tai'] },
  { text: 'Xây dựng thế trận lòng dân vững chắc ở khu vực biên giới', groups: ['military', 'party'], tags: ['Biên giới', 'Dân vận'] },
  { text: 'Tỉnh {tinh} - truyền thống và khát vọng phát triển', groups: ['party', 'state'], tags: ['Kinh tế - xã hội'] },
];

/** The fixed tag list of the demo archive. */
export const TAGS: readonly string[] = [
  'Quốc phòng',
  'Quân sự địa phương',
  'Khu vực phòng thủ',
  'Diễn tập',
  'Tuyển quân',
  'Dân quân tự vệ',
  'Giáo dục QP-AN',
  'Đất quốc phòng',
  'Biên giới',
  'An ninh trật tự',
  'Kinh tế - xã hội',
  'Ngân sách',
  'Đầu tư công',
  'Nông thôn mới',
  'Cải cách hành chính',
  'Chuyển đổi số',
  'Tiếp công dân',
  'Phòng chống thiên tai',
  'Công tác chính sách',
  'Công tác cán bộ',
  'Xây dựng Đảng',
  'Kiểm tra, giám sát',
  'Phòng chống tham nhũng',
  'Dân vận',
  'Văn thư - lưu trữ',
];

// --- Documents ----------------------------------------------------------------------------------------

export interface DocumentKind {
  docType: string;
  issuer: string;
  /** Ký hiệu after the number: state style `05/2024/NĐ-CP` or `12/TB-UBND`, Party style `15-NQ/TW`. */
  code: string;
  style: 'state' | 'party';
  /** State numbers that carry the year (Nghị định, Nghị quyết HĐND): `05/2024/NĐ-CP`. */
  withYear?: boolean;
  /** Numbers run from 1 up to about this many per year for this issuer. */
  maxNumber: number;
  groups: readonly Group[];
  weight: number;
}

// prettier-ignore
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  { docType: 'Nghị định', issuer: 'Chính phủ', code: 'NĐ-CP', style: 'state', withYear: true, maxNumber: 180, groups: ['state', 'military'], weight: 3 },
  { docType: 'Nghị quyết', issuer: 'Bộ Chính trị', code: 'NQ/TW', style: 'party', maxNumber: 60, groups: ['party', 'military'], weight: 2 },
  { docType: 'Kết luận', issuer: 'Bộ Chính trị', code: 'KL/TW', style: 'party', maxNumber: 150, groups: ['party'], weight: 1 },
  { docType: 'Chỉ thị', issuer: 'Thủ tướng Chính phủ', code: 'CT-TTg', style: 'state', maxNumber: 40, groups: ['state'], weight: 1 },
  { docType: 'Nghị quyết', issuer: 'Quân ủy Trung ương', code: 'NQ/QUTW', style: 'party', maxNumber: 1800, groups: ['military'], weight: 2 },
  { docType: 'Thông báo', issuer: 'Quân ủy Trung ương', code: 'TB/QUTW', style: 'party', maxNumber: 2000, groups: ['military'], weight: 1 },
  { docType: 'Nghị quyết', issuer: 'Ban Chấp hành Đảng bộ tỉnh', code: 'NQ/TU', style: 'party', maxNumber: 30, groups: ['party'], weight: 2 },
  { docType: 'Chỉ thị', issuer: 'Ban Thường vụ Tỉnh ủy', code: 'CT/TU', style: 'party', maxNumber: 40, groups: ['party'], weight: 1 },
  { docType: 'Chương trình', issuer: 'Ban Thường vụ Tỉnh ủy', code: 'CTr/TU', style: 'party', maxNumber: 30, groups: ['party', 'state'], weight: 2 },
  { docType: 'Kế hoạch', issuer: 'Ban Thường vụ Tỉnh ủy', code: 'KH/TU', style: 'party', maxNumber: 250, groups: ['party'], weight: 2 },
  { docType: 'Thông báo', issuer: 'Ban Thường vụ Tỉnh ủy', code: 'TB/TU', style: 'party', maxNumber: 1600, groups: ['party'], weight: 2 },
  { docType: 'Quy chế', issuer: 'Ban Thường vụ Tỉnh ủy và Đảng ủy Quân sự tỉnh', code: 'QC/TU-ĐUQS', style: 'party', maxNumber: 1600, groups: ['party', 'military'], weight: 1 },
  { docType: 'Nghị quyết', issuer: 'Đảng ủy Quân sự tỉnh', code: 'NQ/ĐU', style: 'party', maxNumber: 900, groups: ['military'], weight: 2 },
  { docType: 'Nghị quyết', issuer: 'HĐND tỉnh', code: 'NQ-HĐND', style: 'state', withYear: true, maxNumber: 60, groups: ['state'], weight: 1 },
  { docType: 'Kế hoạch', issuer: 'UBND tỉnh', code: 'KH-UBND', style: 'state', maxNumber: 450, groups: ['state', 'military'], weight: 3 },
  { docType: 'Thông báo', issuer: 'UBND tỉnh', code: 'TB-UBND', style: 'state', maxNumber: 700, groups: ['state'], weight: 2 },
  { docType: 'Chỉ thị', issuer: 'UBND tỉnh', code: 'CT-UBND', style: 'state', maxNumber: 30, groups: ['state'], weight: 1 },
];

// --- Minutes ------------------------------------------------------------------------------------------

/** Who did things, as texts say it. */
export const ACTORS: readonly string[] = [
  'các cơ quan, đơn vị',
  'cấp ủy, chính quyền các cấp',
  'LLVT tỉnh',
  'các sở, ban, ngành, địa phương',
  'Bộ Chỉ huy Quân sự tỉnh',
  'các huyện, thị xã, thành phố',
  'Ban Chỉ huy Quân sự các huyện',
  'các thành viên Ban Chỉ đạo',
  'UBND các huyện',
  'các cơ quan tham mưu, giúp việc',
];

export const PERIODS: readonly string[] = [
  'Thời gian qua',
  'Từ đầu năm đến nay',
  'Trong {quarterWords}',
  'Năm {reportYear}',
  'Sáu tháng đầu năm {year}',
  'Trong nhiệm kỳ qua',
];

export const EFFORTS: readonly string[] = [
  'tập trung lãnh đạo, chỉ đạo',
  'chủ động tham mưu, triển khai',
  'triển khai đồng bộ các giải pháp về',
  'quán triệt, thực hiện nghiêm túc',
  'phối hợp chặt chẽ trong',
  'bám sát chỉ đạo của cấp trên về',
];

export const ACHIEVEMENTS: readonly string[] = [
  'hoàn thành 100% chỉ tiêu giao quân, chất lượng tân binh được nâng lên',
  'tình hình chính trị, trật tự an toàn xã hội trên địa bàn cơ bản ổn định',
  'các nội dung huấn luyện, diễn tập đạt khá trở lên, bảo đảm an toàn tuyệt đối',
  'thu ngân sách trên địa bàn đạt {pct}% dự toán năm',
  'tốc độ tăng trưởng kinh tế ước đạt {growth}%',
  'công tác giáo dục QP&AN được thực hiện đúng đối tượng, đúng chương trình',
  'KVPT tỉnh tiếp tục được củng cố, ngày càng vững chắc',
  'lực lượng dân quân tự vệ được tổ chức chặt chẽ, đạt {dq}% so với dân số',
  'đã giải quyết dứt điểm {cases} vụ việc tồn đọng, kéo dài',
  'chính sách hậu phương quân đội được thực hiện kịp thời, đúng đối tượng',
  'tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt {pct}%',
  'không để xảy ra tình huống bị động, bất ngờ',
  'nhận thức, trách nhiệm của cán bộ, đảng viên có chuyển biến rõ nét',
];

export const SHORTCOMINGS: readonly string[] = [
  'tiến độ giải ngân vốn đầu tư công ở một số dự án còn chậm',
  'sự phối hợp giữa một số cơ quan, đơn vị có lúc chưa chặt chẽ',
  'chất lượng tham mưu của một số cơ quan chưa cao',
  'cơ sở vật chất phục vụ huấn luyện còn thiếu, xuống cấp',
  'việc đăng ký, quản lý quân nhân dự bị ở một số xã chưa chặt chẽ',
  'một số nhiệm vụ được giao còn chậm so với kế hoạch',
  'công tác nắm tình hình ở cơ sở có nơi chưa kịp thời',
  'việc ứng dụng công nghệ thông tin trong xử lý văn bản chưa đồng đều',
  'kinh phí bảo đảm cho một số nhiệm vụ QS, QP chưa đáp ứng yêu cầu',
  'công tác tuyên truyền ở vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số còn hạn chế',
];

/** What someone asks others to do: "đề nghị …", "yêu cầu các cơ quan, đơn vị …". */
export const DIRECTIVES: readonly string[] = [
  'quán triệt, thực hiện nghiêm các nghị quyết, chỉ thị của cấp trên về nhiệm vụ QS, QP',
  'tăng cường nắm chắc tình hình, chủ động tham mưu xử lý kịp thời các tình huống, không để bị động, bất ngờ',
  'gắn phát triển KT-XH với củng cố QP-AN trên từng địa bàn',
  'đẩy mạnh cải cách hành chính, nâng cao chỉ số năng lực cạnh tranh cấp tỉnh',
  'làm tốt công tác chuẩn bị cho diễn tập KVPT năm {next}',
  'chú trọng xây dựng lực lượng dân quân tự vệ vững mạnh, rộng khắp',
  'tập trung tháo gỡ khó khăn, vướng mắc trong giải phóng mặt bằng các dự án trọng điểm',
  'thực hiện tốt công tác đền ơn đáp nghĩa, chăm lo đời sống gia đình chính sách',
  'siết chặt kỷ luật, kỷ cương hành chính, đề cao trách nhiệm người đứng đầu',
  'phối hợp chặt chẽ với Công an tỉnh, Bộ đội Biên phòng tỉnh giữ vững an ninh chính trị, trật tự an toàn xã hội',
  'chuẩn bị chu đáo lực lượng, phương tiện sẵn sàng ứng phó thiên tai, sự cố',
  'thực hiện nghiêm quy chế phối hợp giữa Đảng ủy Quân sự tỉnh với các cơ quan có liên quan',
  'quan tâm bố trí ngân sách địa phương cho nhiệm vụ QS, QP theo đúng quy định',
  'bảo đảm tiến độ, chất lượng các công trình quốc phòng trên địa bàn',
];

/** What a task asks for; `{x}` is an OBJECTS entry. */
export const ACTIONS: readonly string[] = [
  'rà soát, đề xuất phương án bố trí kinh phí bảo đảm cho {x}',
  'xây dựng kế hoạch tổ chức {x}',
  'kiểm tra, đánh giá thực trạng {x}',
  'tham mưu văn bản chỉ đạo {x}',
  'tổ chức kiểm tra tiến độ {x} tại các địa phương',
  'tổng hợp ý kiến của các đại biểu, hoàn chỉnh báo cáo về {x}',
  'hoàn chỉnh dự thảo đề án về {x}',
];

export const OBJECTS: readonly string[] = [
  'diễn tập khu vực phòng thủ năm {next}',
  'công tác tuyển quân năm {next}',
  'xây dựng công trình chiến đấu trong căn cứ chiến đấu tỉnh',
  'huấn luyện lực lượng dân quân tự vệ',
  'sửa chữa nhà ở cho gia đình chính sách',
  'chương trình chuyển đổi số của tỉnh',
  'dự án đường tuần tra biên giới',
  'bồi dưỡng kiến thức QP&AN cho đối tượng 3',
  'phương án phòng, chống lụt, bão năm {next}',
  'giải phóng mặt bằng các dự án trọng điểm',
  'sắp xếp, kiện toàn tổ chức bộ máy',
  'số hóa tài liệu lưu trữ của cơ quan',
];

/** Who tasks are handed to, in the short form used inside the province. */
export const ASSIGNEE_UNITS: readonly string[] = [
  'Bộ Chỉ huy Quân sự tỉnh',
  'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư',
  'Sở Nội vụ',
  'Công an tỉnh',
  'Văn phòng UBND tỉnh',
  'Văn phòng Tỉnh ủy',
  'Ban Tổ chức Tỉnh ủy',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Thông tin và Truyền thông',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'UBND huyện {huyen}',
  'Ban Chỉ huy Quân sự huyện {huyen}',
  'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
];

/** Who a task reports back to. */
export const REPORT_TO: readonly string[] = [
  'Thường trực Tỉnh ủy',
  'Ban Thường vụ Tỉnh ủy',
  'UBND tỉnh',
  'Chủ tịch UBND tỉnh',
  'Đảng ủy Quân sự tỉnh',
];

/** Opening: when, where, who convened, who chaired. {when} is "Sáng 12/3" / "Chiều 5/11" / "Ngày 8/6/2021". */
export const OPENINGS: readonly string[] = [
  '{when}, tại {location}, {org} tổ chức {kn} {purpose}. {chairs}',
  '{when}, {org} tổ chức {kn} {purpose}. {chairs}',
  'Tại {location}, {when_lower}, {org} đã tổ chức {kn} {purpose}. {chairs}',
];

/** {subject}: the template's subject, else the meeting's topic. */
export const PURPOSES: readonly string[] = [
  'về {subject}',
  'nhằm đánh giá {subject} và bàn nhiệm vụ thời gian tới',
  'để nghe báo cáo và cho ý kiến về {subject}',
  'để thống nhất chủ trương, giải pháp về {subject}',
];

/** Middle paragraphs; each is a complete paragraph once filled. */
export const BODY_PARAGRAPHS: readonly string[] = [
  '{Period}, {actor} đã {effort} {topic}; {achievement}. Bên cạnh đó, {achievement2}.',
  'Theo báo cáo, {period_lower}, {actor} đã {effort} {topic2}, đạt nhiều kết quả quan trọng: {achievement}; {achievement2}.',
  'Bên cạnh những kết quả đạt được, {kn} cũng chỉ ra một số hạn chế: {shortcoming}; {shortcoming2}. Nguyên nhân chủ yếu là do công tác phối hợp chưa thường xuyên và nguồn lực còn hạn chế.',
  'Thảo luận tại {kn}, các đại biểu tập trung làm rõ kết quả, hạn chế, nguyên nhân và đề xuất giải pháp để {directive}.',
  'Phát biểu tại {kn}, {speaker} đề nghị {directive}; đồng thời {directive2}.',
  '{Speaker} nhấn mạnh cần {directive}, coi đây là nhiệm vụ thường xuyên của {actor}.',
  '{Kn} đã nghe quán triệt {docAbout}.',
  'Thực hiện {docShort}, {actor} đã xây dựng kế hoạch, phân công nhiệm vụ cụ thể, bước đầu tạo chuyển biến tích cực trong {topic2}.',
];

export const CLOSINGS: readonly string[] = [
  'Kết luận {kn}, {chairShort} ghi nhận, biểu dương những kết quả mà {actor} đạt được; yêu cầu trong thời gian tới tiếp tục {directive}, {directive2}.',
  'Phát biểu kết luận, {chairShort} đánh giá cao tinh thần trách nhiệm của các đại biểu, đồng thời đề nghị {actor} {directive}.',
  'Kết thúc {kn}, {chairShort} giao các cơ quan chức năng tiếp thu ý kiến của đại biểu, hoàn chỉnh các văn bản trình cấp có thẩm quyền ban hành; yêu cầu {actor} {directive}.',
];

// --- Conclusions --------------------------------------------------------------------------------------

/** Conclusions that are tasks handed to a unit: {assignee}, {partner}, {action}, {deadline}, {reportTo}. */
export const TASK_CONCLUSIONS: readonly string[] = [
  'Giao {assignee} chủ trì, phối hợp với {partner} {action}; báo cáo {reportTo} trước ngày {deadline}.',
  'Đề nghị {assignee} chủ trì, phối hợp với {partner} {action}, hoàn thành trước ngày {deadline}.',
  '{Assignee} khẩn trương {action}, xong trước ngày {deadline}.',
  'Yêu cầu {assignee} {action}; thời hạn hoàn thành trước ngày {deadline}.',
  'Giao {assignee} theo dõi, đôn đốc việc {action}; định kỳ báo cáo {reportTo}, lần đầu trước ngày {deadline}.',
];

/** Tasks handed to a named person: {person} is "đồng chí <name>, <titles>". */
export const PERSON_TASK_CONCLUSIONS: readonly string[] = [
  'Giao {person} trực tiếp chỉ đạo {x}; báo cáo kết quả trước ngày {deadline}.',
  'Đồng chí {personName} chịu trách nhiệm chỉ đạo {x}, hoàn thành trước ngày {deadline}.',
];

export const PLAIN_CONCLUSIONS: readonly string[] = [
  '{Kn} thống nhất đánh giá: {period_lower}, {actor} đã {effort} {topic}, {achievement}.',
  'Bên cạnh kết quả đạt được, còn một số hạn chế cần khắc phục: {shortcoming}; {shortcoming2}.',
  'Yêu cầu các cơ quan, đơn vị {directive}.',
  'Các cơ quan, đơn vị tiếp tục {directive}; người đứng đầu chịu trách nhiệm trước {reportTo} về kết quả thực hiện.',
  '{Kn} biểu dương tinh thần trách nhiệm của {actor} trong {topic}.',
  'Thống nhất thông qua dự thảo báo cáo, giao cơ quan soạn thảo tiếp thu ý kiến của các đại biểu, hoàn chỉnh và trình ban hành theo quy định.',
];

// --- Photos, bylines, attendance ----------------------------------------------------------------------

/** Captions without a person; {kn} is the kind's noun. */
export const CAPTIONS: readonly string[] = [
  'Quang cảnh {kn}.',
  'Toàn cảnh {kn}.',
  'Các đại biểu dự {kn}.',
  'Đại biểu biểu quyết thông qua các nội dung tại {kn}.',
  'Đại biểu thảo luận tại {kn}.',
  'Các đồng chí chủ trì {kn}.',
  'Các đại biểu chụp ảnh lưu niệm.',
];
/** Captions naming one person ({who} = rank or "Đồng chí" + name + titles). */
export const PERSON_CAPTIONS: readonly string[] = [
  '{who} phát biểu chỉ đạo tại {kn}.',
  '{who} phát biểu kết luận {kn}.',
  '{who} trình bày báo cáo tại {kn}.',
  '{who} phát biểu tham luận.',
];

/** Reporters / photographers of bylines ("Tin, ảnh: Minh Anh") and credits ("Ảnh: Việt Hà"). */
// prettier-ignore
export const REPORTERS: readonly string[] = [
  'Minh Anh', 'Việt Hà', 'Thu Thủy', 'Phú Sơn', 'Hồng Nhung', 'Quang Huy', 'Thanh Tâm', 'Đức Anh',
  'Ngọc Lan', 'Hải Đăng', 'Bảo Ngọc', 'Trọng Tín', 'Mai Hương', 'Văn Tuấn', 'Lê Hà', 'Xuân Hòa',
];

/** Where a record came from when it is not a press byline. */
export const OTHER_SOURCES: readonly string[] = [
  'Biên bản của thư ký',
  'Nhập tay',
  'Văn phòng Tỉnh ủy',
  'Văn phòng UBND tỉnh',
];

export const ABSENCE_REASONS: readonly string[] = [
  'Đi công tác',
  'Đi công tác',
  'Ốm',
  'Nghỉ phép',
  'Dự họp tại Quân khu',
  'Học tập trung',
  'Giải quyết việc đột xuất',
  'Tiếp đoàn công tác của Trung ương',
  'Trực chỉ huy',
];
