/**
 * Pasted attendance lists → rows. Pure text work, no database.
 *
 * Clerks paste the "thành phần" paragraph of a report or a typed list:
 *   "Thượng tướng Lê Huy Vịnh, Thứ trưởng Bộ Quốc phòng; Trần Sỹ Thanh, Chủ tịch UBND thành phố Hà Nội"
 *   "Ông Đại tướng Ngô Xuân Lịch, Bộ trưởng Bộ Quốc phòng và ông Hoàng Trung Hải, … đồng chủ trì hội nghị."
 *   "- Bí thư Tỉnh ủy Nguyễn Văn Quyết" (title before the name), one per line, numbered or not.
 * Entries are split at ";", new lines and "và đồng chí/ông/bà"; honorifics are dropped; a rank is found
 * in any case and written the official way; the name is told from the titles by its shape (capitalised
 * words, a Vietnamese family name first); titles are kept exactly as written, abbreviations included.
 * A role named in the text ("Chủ trì:", "… đồng chủ trì hội nghị") comes back as a hint.
 * Anything that does not look like a person is reported with its line, never silently dropped.
 */
import { foldVietnamese } from './vietnamese/fold';
import { msg, type Message } from './messages/message';

export type ParsedRole = 'chu_tri' | 'dong_chu_tri' | 'thu_ky' | 'khach_moi';

export interface ParsedAttendee {
  /** 1-based line of the pasted text where the entry starts. */
  line: number;
  /** The entry as it was pasted (trimmed), for the preview. */
  source: string;
  rank: string;
  fullName: string;
  titles: string;
  role: ParsedRole | null;
}

export interface ParseProblem {
  line: number;
  source: string;
  /** Why the entry was not taken, worded where shown. */
  message: Message;
}

export interface ParsedAttendance {
  entries: ParsedAttendee[];
  problems: ParseProblem[];
}

/** Military (and police) ranks, most senior first: the index is the seniority used by protocol order. */
export const RANKS = [
  'Đại tướng',
  'Thượng tướng',
  'Đô đốc',
  'Trung tướng',
  'Phó Đô đốc',
  'Thiếu tướng',
  'Chuẩn Đô đốc',
  'Đại tá',
  'Thượng tá',
  'Trung tá',
  'Thiếu tá',
  'Đại úy',
  'Thượng úy',
  'Trung úy',
  'Thiếu úy',
  'Chuẩn úy',
  'Thượng sĩ',
  'Trung sĩ',
  'Hạ sĩ',
  'Binh nhất',
  'Binh nhì',
] as const;

/** Navy ranks are the equals of army ones (Đô đốc = Thượng tướng…): they share a seniority step. */
const RANK_STEP: Record<string, number> = { 'Đô đốc': 1, 'Phó Đô đốc': 3, 'Chuẩn Đô đốc': 5 };

/** Lower case with the old tone placement of "uý" read as "úy" (Đại uý = Đại úy). */
const lowerWord = (w: string) => w.toLowerCase().replace(/uý/g, 'úy');

interface Word {
  text: string;
  lower: string;
  folded: string;
}

const words = (s: string): Word[] =>
  s
    .split(/\s+/)
    .filter(Boolean)
    .map((text) => ({ text, lower: lowerWord(text), folded: foldVietnamese(text) }));

const RANK_WORDS = RANKS.map((rank) => ({ rank, words: words(rank) }))
  // Longest first, so "Phó Đô đốc" wins over "Đô đốc".
  .sort((a, b) => b.words.length - a.words.length);

/**
 * A typed word is a rank word when it is the same in any case, or typed without any marks ("DAI TA"):
 * "Hà Sĩ" (a name) is not "Hạ sĩ" (a rank).
 */
const sameRankWord = (typed: Word | undefined, rank: Word) =>
  typed !== undefined &&
  (typed.lower === rank.lower || (typed.lower === typed.folded && typed.folded === rank.folded));

function rankAt(ws: Word[], at: number): (typeof RANK_WORDS)[number] | null {
  return RANK_WORDS.find((r) => r.words.every((w, i) => sameRankWord(ws[at + i], w))) ?? null;
}

/**
 * Seniority of a rank text (0 = Đại tướng); ranks not in the list (or none) come after all ranks.
 * Matches on the start of the text in any case, so "ĐẠI TÁ", "Đại tá" and "Đại tá, PGS.TS" are one rank.
 */
export function rankSeniority(rank: string): number {
  const r = rankAt(words(rank.replace(/,/g, ' ')), 0);
  return r ? (RANK_STEP[r.rank] ?? RANKS.indexOf(r.rank)) : RANKS.length;
}

/** Family names, folded; the common ones weigh more when a title ends in capitalised place names. */
const COMMON_FAMILY = new Set(
  'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh trinh dao doan luong mai truong lam'.split(
    ' ',
  ),
);
const OTHER_FAMILY = new Set(
  (
    'cao ta ha to chu chau thai trieu quach tang luu kieu khuc tu phung la lac giang hua mac tong lai vuong nong lo hau au ' +
    'dam diep nghiem than quan khong ong phi kim doan ninh cu bach ton man luc vi dong dau thach han tieu be mong sam lu ' +
    'giap khuat thieu ung nhu vuu yen lanh quang hoa long'
  ).split(' '),
);

/**
 * Family names as written, marks and all: without its marks "Đình" (a middle name) would be "Đinh",
 * "Trưởng" (an office) "Trương". Kinh names, then those of the northern and highland peoples.
 */
const FAMILY_WRITTEN = new Set(
  (
    'nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh trịnh đào đoàn lương mai ' +
    'trương lâm cao tạ hà tô chu châu thái triệu quách tăng lưu kiều khúc từ phùng la lạc giang hứa mạc ' +
    'tống lại vương nông lò hầu âu đàm diệp nghiêm thân quan khổng ông phí kim ninh cù bạch tôn mẫn lục ' +
    'vi đồng đậu thạch hàn tiêu bế mông sầm lữ giáp khuất thiều ưng nhữ vưu lãnh quang hoa long ma lường ' +
    'cầm quàng vì vàng giàng sùng thào lầu mùa hờ bàn lý lê lò sa mè y h ' +
    'lã lữ khương doãn ứng viên tiết mã tào chung quản trà cung đổng lỗ thái bùi mạch hạ pờ ' +
    'tòng lăng khổng thới lư ngụy nguỵ chế đái hàm kha ya rơ ksor nay siu rmah'
  ).split(' '),
);

/**
 * A word that can start a Vietnamese full name (a family name). With its marks it must be written as
 * a family name is; a word typed without any marks ("Nguyen") is compared without them.
 */
export const isFamilyName = (word: string) => {
  const lowered = word.toLowerCase();
  const f = foldVietnamese(word);
  if (FAMILY_WRITTEN.has(lowered)) return true;
  return lowered === f && (COMMON_FAMILY.has(f) || OTHER_FAMILY.has(f));
};

const HONORIFICS = [
  ['đồng', 'chí'],
  ['đ/c'],
  ['đ.c'],
  ['ông'],
  ['bà'],
  ['thầy'],
  ['cô'],
  ['các', 'đồng', 'chí'],
];
/** Words that start a title, for a title run on after a name without a comma ("… Văn An Chỉ huy trưởng"). */
const TITLE_STARTERS = new Set(
  'chỉ chính phó bí chủ giám trưởng tư thứ bộ ủy uỷ tổng cục viện đại cán nguyên thủ chánh hiệu trợ chuyên ban sở thường'.split(
    ' ',
  ),
);
/** Capitalised word (a name part): "Nguyễn", "A", "H'Hen". */
const TITLE_CASE = /^\p{Lu}[\p{Ll}'’-]*$/u;
const ALL_CAPS = /^\p{Lu}[\p{Lu}'’-]*$/u;
const MAX_NAME_WORDS = 5;

const join = (ws: Word[]) => ws.map((w) => w.text).join(' ');

function startsWith(ws: Word[], at: number, seq: readonly string[]): boolean {
  return seq.every((lower, i) => ws[at + i]?.lower === lower);
}

/** One honorific at most: after "Đ/c", "Ông" is the family name of "Ông Văn Long". */
function dropHonorific(ws: Word[]): Word[] {
  const h = HONORIFICS.find((seq) => startsWith(ws, 0, seq) && ws.length > seq.length);
  return h ? ws.slice(h.length) : ws;
}

/** The first rank in the words (at any position) and where it is. */
function findRank(ws: Word[]): { at: number; length: number; rank: string } | null {
  for (let at = 0; at < ws.length; at++) {
    const r = rankAt(ws, at);
    if (r) return { at, length: r.words.length, rank: r.rank };
  }
  return null;
}

const capitalise = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();

/** "NGUYỄN VĂN AN" → "Nguyễn Văn An"; names already in title case stay as they are. */
function nameText(ws: Word[]): string {
  return ws.map((w) => (ALL_CAPS.test(w.text) && w.text.length > 1 ? capitalise(w.text) : w.text)).join(' ');
}

function isWholeName(ws: Word[]): boolean {
  if (ws.length < 2 || ws.length > MAX_NAME_WORDS) return false;
  return ws.every((w) => TITLE_CASE.test(w.text)) || ws.every((w) => ALL_CAPS.test(w.text));
}

/**
 * Where the name starts in "Title Name" words ("Bí thư Thành ủy Hà Nội Đinh Tiến Dũng"): inside the
 * trailing run of capitalised words, at a family name, 2 to 5 words long; a common family name and a
 * three-word name are the likelier reading ("Hà Nội Đinh Tiến Dũng" → "Đinh Tiến Dũng").
 */
function nameStart(ws: Word[]): number | null {
  let runStart = ws.length;
  while (runStart > 0 && TITLE_CASE.test(ws[runStart - 1]!.text)) runStart--;
  let best: { at: number; score: number } | null = null;
  for (let at = runStart; at <= ws.length - 2; at++) {
    const length = ws.length - at;
    if (length > MAX_NAME_WORDS) continue;
    const family = ws[at]!.folded;
    const weight = COMMON_FAMILY.has(family) ? 2 : OTHER_FAMILY.has(family) ? 1 : 0;
    if (weight === 0) continue;
    const score = weight * 2 + (length === 3 ? 1 : 0);
    if (!best || score > best.score) best = { at, score };
  }
  return best?.at ?? null;
}

/**
 * A name followed by a title without a comma: the title starts at the first lower-case word, or at
 * the capitalised word before it when that word starts titles ("Nguyễn Văn An Chỉ huy trưởng").
 */
function splitTrailingTitle(ws: Word[]): { name: Word[]; title: Word[] } {
  const lower = ws.findIndex((w) => !TITLE_CASE.test(w.text) && !ALL_CAPS.test(w.text));
  if (lower < 0) return { name: ws, title: [] };
  const cut = lower > 0 && TITLE_STARTERS.has(ws[lower - 1]!.lower) ? lower - 1 : lower;
  return { name: ws.slice(0, cut), title: ws.slice(cut) };
}

const ROLE_SUFFIX =
  /(?:^|[\s,]+)(đồng chủ trì|chủ trì|chủ tọa|chủ toạ)(\s+(hội nghị|cuộc họp|buổi làm việc|buổi họp|hội thảo|tọa đàm|toạ đàm))?\s*$/iu;
/** "… dự", "… cùng dự hội nghị": lower case only, so a given name "Dự" is never taken for it. */
const ATTEND_SUFFIX = /[\s,]+(cùng\s+)?(tham\s+)?dự(\s+(hội nghị|cuộc họp|buổi làm việc))?\s*$/u;

function roleOf(phrase: string): ParsedRole | null {
  const f = foldVietnamese(phrase);
  if (/\bdong chu (tri|toa)\b/.test(f)) return 'dong_chu_tri';
  if (/\bchu (tri|toa)\b/.test(f)) return 'chu_tri';
  if (/\bthu ky\b/.test(f)) return 'thu_ky';
  if (/\bkhach moi\b/.test(f)) return 'khach_moi';
  return null;
}

type EntryResult = { rank: string; fullName: string; titles: string } | { problem: Message };

/** One entry, honorifics and role phrases already removed from its ends. */
function parseEntry(entry: string): EntryResult {
  const chunks = entry
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const first = dropHonorific(words(chunks.shift() ?? ''));
  const titles: string[] = [];
  let rank = '';
  let nameWords: Word[];

  const found = findRank(first);
  if (found && first.length - found.at - found.length >= 1) {
    rank = found.rank;
    if (found.at > 0) titles.push(join(first.slice(0, found.at)));
    const { name, title } = splitTrailingTitle(first.slice(found.at + found.length));
    nameWords = name;
    if (title.length) titles.push(join(title));
  } else if (isWholeName(first)) {
    nameWords = first;
  } else if (COMMON_FAMILY.has(first[0]?.folded ?? '') && splitTrailingTitle(first).name.length >= 2) {
    const { name, title } = splitTrailingTitle(first);
    nameWords = name;
    titles.push(join(title));
  } else {
    const at = nameStart(first);
    if (at === null) return { problem: msg('attendancePaste.noName') };
    if (at > 0) titles.push(join(first.slice(0, at)));
    nameWords = first.slice(at);
  }
  for (const chunk of chunks) {
    // "Nguyễn Văn An, Đại tá, Chỉ huy trưởng": a rank standing alone after the name.
    const alone = words(chunk);
    const r = !rank ? findRank(alone) : null;
    if (r && r.at === 0 && r.length === alone.length) rank = r.rank;
    else titles.push(chunk);
  }
  if (nameWords.length < 2) return { problem: msg('attendancePaste.nameTooShort') };
  if (nameWords.length > MAX_NAME_WORDS || !isWholeName(nameWords)) {
    return { problem: msg('attendancePaste.nameNotSeparated') };
  }
  return { rank, fullName: nameText(nameWords), titles: titles.join(', ') };
}

const LIST_MARKER = /^\s*(?:[-–—•*+●▪◦]|\(?\d{1,4}[.)]|\(?[a-zđ][.)])\s*/iu;
/** "A, … và đồng chí B" / "… và Thượng tướng B": "và" before an honorific or a rank starts another person. */
const SPLIT_AND = new RegExp(`\\s+và\\s+(?=(?:đồng chí|đ/c|ông|bà|${RANKS.join('|')})\\s)`, 'iu');

/**
 * Parses a pasted list. Stops reading after `maxEntries + 1` entries (the caller refuses lists over
 * the limit, and needs only to know that it was exceeded), so even a huge paste costs little.
 */
export function parseAttendanceText(
  text: string,
  options: { maxEntries?: number } = {},
): ParsedAttendance & { truncated: boolean } {
  const max = options.maxEntries ?? Infinity;
  const entries: ParsedAttendee[] = [];
  const problems: ParseProblem[] = [];
  const lines = text.normalize('NFC').split(/\r\n|\r|\n/);
  for (let li = 0; li < lines.length; li++) {
    let lineRole: ParsedRole | null = null;
    for (let segment of lines[li]!.split(';')) {
      if (entries.length + problems.length > max) return { entries, problems, truncated: true };
      segment = segment.replace(LIST_MARKER, '').trim();
      // "Chủ trì: …", "Cùng dự có các đồng chí Ủy viên Trung ương Đảng: …": the intro names a role at most.
      const colon = segment.lastIndexOf(':');
      if (colon >= 0) {
        lineRole = roleOf(segment.slice(0, colon)) ?? lineRole;
        segment = segment.slice(colon + 1).trim();
      }
      segment = segment.replace(/[.;,\s]+$/u, '');
      if (!segment) continue;
      let role = lineRole;
      const suffix = ROLE_SUFFIX.exec(segment);
      if (suffix) {
        role = roleOf(suffix[1]!);
        segment = segment.slice(0, suffix.index);
      }
      segment = segment.replace(ATTEND_SUFFIX, '').trim();
      for (const part of segment.split(SPLIT_AND)) {
        const source = part.trim().replace(/[.,\s]+$/u, '');
        if (!source) continue;
        const parsed = parseEntry(source);
        if ('problem' in parsed) problems.push({ line: li + 1, source, message: parsed.problem });
        else entries.push({ line: li + 1, source, ...parsed, role });
      }
    }
  }
  return { entries, problems, truncated: false };
}
