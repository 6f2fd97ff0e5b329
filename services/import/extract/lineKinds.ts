/**
 * What a line of a pasted report is, besides text: a picture left behind by the copy (its placeholder),
 * a caption, the byline, or the news site's furniture ("Bài liên quan"). Decided line by line, with the
 * line before it as the only context.
 */
import { foldVietnamese } from '../../../contract/vietnamese/fold';
import { viRegex } from './blocks';

/**
 * A picture's trace in pasted text:
 * - "leftcenterrightdel" (the alignment buttons of a news site's image box, copied along);
 * - "[Ảnh 2]", the line sources.ts writes where a .docx/.html picture was;
 * - an unaccented alt text, all lower case, such as "cuoc lam viec cua … hinh 1".
 * `unaccentedText` says the whole report is typed without marks: then only the "… hinh N" ending counts.
 */
export function isPicturePlaceholder(line: string, unaccentedText: boolean): boolean {
  const t = line.trim();
  if (/^(?:left|center|right|del|justify){2,}$/i.test(t)) return true;
  if (/^\[Ảnh(?: \d+)?\]$/.test(t)) return true;
  // A picture's file name left by the copy ("bi-thu-phat-bieu.jpg"), or its title as news sites set
  // it, ending "- Ảnh 1." under the headline's words.
  if (/^[\w\-.()]+\.(?:jpe?g|png|gif|webp|bmp|tiff?)$/iu.test(t)) return true;
  if (/\s[-–—]\s+ảnh\s+\d{1,2}\.?$/iu.test(t) && t.length <= 200) return true;
  if (!/^[a-z0-9 ,\-_.()]+$/.test(t)) return false;
  const words = t.split(/\s+/).filter(Boolean);
  // The alt text is ASCII here, so the plain \b does.
  if (/\b(?:hinh|anh|image|photo|img)[ _-]*\d+$/.test(t) && words.length >= 2) return true;
  return !unaccentedText && words.length >= 4 && !/[.!?:;]$/.test(t);
}

/** A report without a single marked letter (typed without Vietnamese keyboard): alt texts look like it. */
export function isUnaccented(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters > 0 && foldVietnamese(text) === text.toLowerCase();
}

/** News-site furniture: never part of a meeting record. */
const JUNK = [
  /^bài liên quan$/i,
  /^tin liên quan$/i,
  viRegex(/^xem thêm\b/iu),
  viRegex(/^\*?\s*mời (?:bạn|quý vị) đọc\b/iu),
  viRegex(/^(?:chia sẻ|share|bình luận|in bài|gửi bài|theo dõi)\b.{0,30}$/iu),
  /^(?:từ khóa|từ khoá|tags?)\s*:/i,
  /^(?:quay lại|trở về|đầu trang)$/i,
  viRegex(/^đọc (?:thêm|tiếp|nhiều)\b.{0,30}$/iu),
  /^(?:không có|chưa có|\d+) (?:bình luận|ý kiến)$/iu,
  /^(?:in|gửi|lưu|chia sẻ|thích)(?:\s*[|/·]\s*(?:in|gửi|lưu|chia sẻ|thích))+$/iu,
  // The site's own address on a line ("Phuninh.gov.vn", "baoquankhu7.vn/thoi-su").
  /^(?:https?:\/\/)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|info)(?:\/\S*)?$/iu,
];
export function isJunkLine(line: string): boolean {
  const t = line.trim();
  return JUNK.some((re) => re.test(t));
}

/**
 * The byline: "Tin, ảnh: VIỆT HÀ - PHÚ SƠN", "Bài và ảnh: …", "Thu Thủy/VOV.VN", "(Theo TTXVN)",
 * "Nguồn: Báo Quân đội nhân dân".
 */
export function isByline(line: string): boolean {
  const t = line.trim();
  if (t.length > 120) return false;
  if (
    /^\(?(?:tin|bài|ảnh|tin và ảnh|bài và ảnh|tin, ảnh|bài, ảnh|tin - ảnh|bài - ảnh|tin\/ảnh|nhóm phóng viên|pv)\s*:\s*\S/iu.test(
      t,
    )
  )
    return true;
  if (/^\(?(?:nguồn|theo)\s*:?\s+[\p{Lu}][^.;]{1,60}\)?\.?$/u.test(t)) return true;
  // "Thu Thủy/VOV.VN", "Minh Châu/Báo Quân khu 5" (an outlet of up to five words), "Minh Anh (TTXVN)"
  if (
    /^[\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){0,4}\s*(?:\/\s*[\p{L}\d][\p{L}\d.]{1,30}(?:\s+[\p{L}\d.]{1,20}){0,4}|\([\p{Lu}\d.]{2,20}\))$/u.test(
      t,
    )
  )
    return true;
  return false;
}

/** Text of the byline without the brackets some sites put around it. */
export const bylineText = (line: string) =>
  line
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .replace(/\.$/, '');

/** The news site's tag in front of the lead paragraph: "VOV.VN - ", "(QĐND) - ", "HNP - ". */
export const SITE_PREFIX =
  /^(?:(?:\(?[\p{Lu}][\p{L}\d]*(?:\.[\p{L}]{2,4})+\)?|\([\p{Lu}\d]{2,12}\)|[\p{Lu}]{2,8}(?:\.VN)?)\s*[-–—]\s+|\((?=[^)]*\p{Lu})[\p{Lu}\d]{2,12}\)\s+)/u;

/** A line that is only the photographer's credit: "ẢNH: THANH LỘC", "Ảnh: Hồng Nguyệt". */
export const isCreditLine = (line: string) =>
  /^\(?ảnh\s*:\s*\p{Lu}[\p{L} .\-/]{1,40}\)?$/iu.test(line.trim());

/** "… phát biểu tại hội nghị. Ảnh: Hồng Nguyệt": the credit after the caption's sentence. */
const TRAILING_CREDIT = /(?:[.!?…]\s*|\s[-–—]\s+)\(?ảnh\s*:\s*[^.()]{1,40}\)?\.?$/iu;

/** A photographer or agency as credited: proper names, every word capitalised ("Văn Điệp", "TTXVN"). */
const CREDITED = /^\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,5}$/u;

/**
 * A caption and its photo credit apart, as a photo card keeps them: "Toàn cảnh hội nghị. Ảnh: Văn
 * Điệp" → caption "Toàn cảnh hội nghị.", credit "Ảnh: Văn Điệp"; "… (Ảnh: TTXVN)" likewise; a line
 * that is only "Ảnh: Thanh Tùng" is a credit with no caption. "Ảnh: Toàn cảnh hội nghị" (the caption
 * after the word, not a name) stays a caption.
 */
export function splitPhotoCredit(text: string): { caption: string; credit: string } {
  const t = text.trim();
  const asCredit = (who: string) => `Ảnh: ${who.trim().replace(/\.$/, '')}`;
  const alone = /^\(?ảnh\s*:\s*([^()]{1,40}?)\)?\.?$/iu.exec(t);
  if (alone && CREDITED.test(alone[1]!.trim())) return { caption: '', credit: asCredit(alone[1]!) };
  const after = /^(.+?)(?:([.!?…])\s*|\s[-–—]\s+)\(?ảnh\s*:\s*([^.()]{1,40}?)\)?\.?$/iu.exec(t);
  if (after) return { caption: `${after[1]!.trim()}${after[2] ?? ''}`, credit: asCredit(after[3]!) };
  const inParens = /^(.+?)\s*\(ảnh\s*:\s*([^()]{1,40})\)\.?$/iu.exec(t);
  if (inParens) return { caption: inParens[1]!.trim(), credit: asCredit(inParens[2]!) };
  return { caption: t, credit: '' };
}

/** A view of the room: "Toàn cảnh hội nghị.", "Quang cảnh kỳ họp" — a caption in any report. */
const VIEW_CAPTION = viRegex(/^(?:toàn cảnh|quang cảnh)\b/iu);

/**
 * A person shown speaking, and nothing more: "Bí thư Thành ủy A phát biểu tại hội nghị.", "Đồng chí B,
 * …, phát biểu khai mạc kỳ họp". A paragraph of the report goes on past those words.
 */
const SPEAKER_CAPTION = viRegex(
  /\bphát biểu(?: (?:tại|chỉ đạo|kết luận|khai mạc|bế mạc|chào mừng|quán triệt))?(?: tại)? (?:hội nghị|kỳ họp|đại hội|buổi làm việc|phiên họp|cuộc họp|hội thảo|lễ)\b[^,;:]{0,80}\.?$/iu,
);

/** Opening words of a caption that stands on its own, without a placeholder before it. */
const CAPTION_CUES = [
  viRegex(/^(?:quang cảnh|toàn cảnh|các đại biểu|đại biểu|đoàn công tác)\b/iu),
  viRegex(/\bphát biểu (?:tại|chỉ đạo|kết luận|khai mạc|bế mạc)\b/iu),
  viRegex(/\b(?:trao|tặng) (?:tặng |quà|hoa|bằng|cờ|giấy khen|kỷ niệm chương|huân chương)/iu),
  viRegex(/\bchụp ảnh (?:lưu niệm|chung)\b/iu),
];

/**
 * A short line that reads as a caption: used for the line right after a picture, and for standalone
 * captions (`standalone`: it must also carry a caption cue, since any short line could follow).
 */
export function looksLikeCaption(line: string, standalone: false | { withPictures: boolean }): boolean {
  const t = line.trim();
  if (!t || t.length > 400 || t.endsWith(':')) return false;
  if (!standalone) return true;
  // One sentence at most (the credit after it aside): a short paragraph of the minutes has several.
  const credit = TRAILING_CREDIT.exec(t);
  const sentence = credit ? t.slice(0, credit.index) : t;
  const oneSentence = !/[.!?]\s+\p{Lu}/u.test(sentence);
  if (t.length > 250 || !oneSentence) return false;
  // A photo credit makes any line a caption; so does a view of the room, or a speaker shown and
  // nothing more. The other cues only in a report that has pictures, so that "Đại biểu thảo luận sôi
  // nổi." in typed minutes stays in the minutes.
  if (credit || PHOTO_CREDIT.some((re) => re.test(t))) return true;
  if ((VIEW_CAPTION.test(t) && t.length <= 150) || SPEAKER_CAPTION.test(t)) return true;
  return standalone.withPictures && CAPTION_CUES.some((re) => re.test(t));
}

/** "(Ảnh: Việt Hà)" at the end, "Ảnh: …" at the start: a caption whatever the report. */
const PHOTO_CREDIT = [/\(ảnh:[^)]*\)\.?$/iu, /^ảnh\s*:/iu];

/** A news report's byline that names its photographers: "Tin, ảnh: …", "Bài và ảnh: …". */
export const isPhotoByline = (line: string) => isByline(line) && /ảnh/iu.test(line);

/** The official header of a Word document (Nghị định 30/2020, Hướng dẫn 36-HD/VPTW) above its title. */
export const QUOC_HIEU = /^(?:cộng hòa|cộng hoà) xã hội chủ nghĩa việt nam$/iu;
export const TIEU_NGU = /^độc lập\s*[-–—]\s*tự do\s*[-–—]\s*hạnh phúc$/iu;
export const PARTY = /^đảng cộng sản việt nam$/iu;
const DOC_NUMBER = /^số\s*:?\s*\S{1,40}$/iu;
export const RULE = /^[-–—_*=.\s]+$/u;
const DOC_TYPE = /^(?:biên bản|thông báo|báo cáo|kết luận)$/iu;
/** "Hà Nội, ngày 15 tháng 8 năm 2024": the place and date line of an official document. */
export const PLACE_DATE = /^\p{Lu}[\p{L}\s.]{1,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\.?$/u;
const ALL_CAPS_LINE = (t: string) =>
  t.length <= 100 && /\p{Lu}/u.test(t) && t === t.toUpperCase() && !/[.!?]$/.test(t);

/**
 * The header lines at the top of an official document (agency, Quốc hiệu, Tiêu ngữ, "Số: …", the
 * place and date, the rules under them, and the document type "BIÊN BẢN"), and where the document type
 * line is: the line after it names the meeting. Agency names in capitals count only in such a header.
 */
export function documentHeader(lines: readonly string[]): { header: Set<number>; docType: number | null } {
  const header = new Set<number>();
  let official = false;
  for (let i = 0; i < Math.min(lines.length, 14); i++) {
    const t = lines[i]!.trim();
    if (DOC_TYPE.test(t)) {
      header.add(i);
      return { header, docType: i };
    }
    const formal =
      QUOC_HIEU.test(t) ||
      TIEU_NGU.test(t) ||
      PARTY.test(t) ||
      DOC_NUMBER.test(t) ||
      RULE.test(t) ||
      PLACE_DATE.test(t);
    if (formal) official = true;
    if (formal || ALL_CAPS_LINE(t)) header.add(i);
    else break;
  }
  return { header: official ? header : new Set(), docType: null };
}

/**
 * A line that says again, in fewer words, what an earlier paragraph said: news sites caption the
 * lead picture with the lead's own words ("Hội nghị quán triệt … năm 2015." under a lead that told
 * it). Nine words in ten of the line are in that paragraph, which is longer.
 */
export function restatesEarlier(line: string, earlier: readonly string[]): boolean {
  const t = line.trim();
  if (t.length > 250 || /[.!?]\s+\p{Lu}/u.test(t)) return false;
  const words = foldVietnamese(t).match(/[\p{L}\d]+/gu) ?? [];
  if (words.length < 6) return false;
  return earlier.some((p) => {
    const theirs = foldVietnamese(p).match(/[\p{L}\d]+/gu) ?? [];
    if (theirs.length <= words.length) return false;
    const set = new Set(theirs);
    return words.filter((w) => set.has(w)).length >= words.length * 0.9;
  });
}

/**
 * A line that is only a person's name, as a reporter signs: "Nguyễn Phúc", "Nga Bùi", "HOÀNG YẾN".
 * Two to four capitalised words, nothing else.
 */
export const isNameLine = (line: string) =>
  /^\p{Lu}[\p{Ll}'’]*(?:\s\p{Lu}[\p{Ll}'’]*){1,3}$/u.test(line.trim()) ||
  /^\p{Lu}+(?:\s\p{Lu}+){1,3}$/u.test(line.trim());
