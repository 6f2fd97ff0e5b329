/**
 * The frame of an official document (Nghị định 30/2020/NĐ-CP; Hướng dẫn 36-HD/VPTW for the Party's):
 * above the text, the issuing body under its parent, the number ("Số: 127-TB/TU"), the Quốc hiệu or
 * the Party's name, the place and date, the document type ("THÔNG BÁO", "BIÊN BẢN") and its trích yếu
 * on the lines under it; below the text, "Nơi nhận:" with its recipients and the signature blocks
 * (the capacity "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "THƯ KÝ", the title, "(Đã ký)", the name).
 *
 * None of it is the minutes. What it tells is kept: the issuer, the document's own number and date
 * (a reference of the meeting), the title, and who signed in which capacity (the chair of minutes
 * signs as CHỦ TRÌ or CHỦ TỌA; a notice's signer may be the leader who chaired).
 *
 * Text copied out of a PDF runs the header's two columns together on one line ("ỦY BAN NHÂN DÂN
 * <spaces> CỘNG HÒA …"): a run of three spaces or more separates columns.
 */
import type { DraftDocumentRef, DraftText } from '../../../contract/importContract';
import { RANKS } from '../../../contract/attendanceParse';
import { onNextLine, type Block } from './blocks';
import { findDates, isoOf } from './dates';
import { documentHeader, PARTY, QUOC_HIEU, RULE as ORNAMENT, TIEU_NGU } from './lineKinds';

export interface Signer {
  /** The capacity as written above the name, lines joined: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH". */
  capacity: string;
  name: string;
  rank: string | null;
  span: { start: number; end: number };
}

export interface OfficialFrame {
  /** Lines of the header and of the trích yếu (the title), and of the Nơi nhận and signature blocks. */
  frame: Set<number>;
  /** The trích yếu: the lines under the document type, joined. */
  title: DraftText | null;
  issuer: DraftText | null;
  ownRef: DraftDocumentRef | null;
  signers: Signer[];
}

const COLUMNS = /\s{3,}/u;
const NUMBER = /^số\s*:?\s*([\p{L}\d][\p{L}\d/.\-–]{1,40})/iu;
const PLACE_DATE = /ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/iu;
const DOC_TYPES: Record<string, string> = {
  'thông báo': 'Thông báo',
  'biên bản': 'Biên bản',
  'kết luận': 'Kết luận',
  'báo cáo': 'Báo cáo',
  'nghị quyết': 'Nghị quyết',
};
/** The document type of a line: "THÔNG BÁO", or "T H Ô N G  B Á O" letter-spaced by a PDF copy. */
function docTypeOf(line: string): string | null {
  const t = line.trim();
  const spaced = /^(?:\p{L}\s{1,2}){3,}\p{L}$/u.test(t)
    ? t
        .split(/\s{2,}/u)
        .map((w) => w.replace(/\s/g, ''))
        .join(' ')
    : t;
  return DOC_TYPES[spaced.toLowerCase()] ?? null;
}

const isCaps = (t: string) => /\p{Lu}/u.test(t) && t === t.toUpperCase();
/** An agency's name in the header: a line in capitals that is not the Quốc hiệu, the Party or a rule. */
const isAgency = (t: string) =>
  isCaps(t) && t.length <= 90 && !QUOC_HIEU.test(t) && !PARTY.test(t) && !ORNAMENT.test(t) && !NUMBER.test(t);
/** "TỈNH QUẢNG BÌNH" under "ỦY BAN NHÂN DÂN": the rest of one name, not a body under a parent. */
const CONTINUES = /^(?:TỈNH|HUYỆN|XÃ|PHƯỜNG|THỊ XÃ|THỊ TRẤN|THÀNH PHỐ|QUẬN|ĐẶC KHU)\s/u;

/** The issuing body: the last agency name of the header's left column (its parent stands above it). */
function issuerOf(lines: readonly { text: string; start: number }[]): DraftText | null {
  const groups: { value: string; start: number; end: number }[] = [];
  for (const l of lines) {
    if (!isAgency(l.text)) continue;
    const last = groups[groups.length - 1];
    if (last && CONTINUES.test(l.text) && !CONTINUES.test(last.value))
      groups[groups.length - 1] = {
        value: `${last.value} ${l.text}`,
        start: last.start,
        end: l.start + l.text.length,
      };
    else groups.push({ value: l.text, start: l.start, end: l.start + l.text.length });
  }
  const g = groups[groups.length - 1];
  return g ? { value: g.value, span: { start: g.start, end: g.end } } : null;
}

/** The header's lines split into columns, each with its offset in the source. */
function columnsOf(b: Block): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let at = 0;
  for (const part of b.text.split(COLUMNS)) {
    const i = b.text.indexOf(part, at);
    if (part.trim()) out.push({ text: part.trim(), start: b.start + i });
    at = i + part.length;
  }
  return out;
}

const CAPACITY =
  /^(?:T\/M|TM\.?|KT\.?|TL\.?|TUQ\.?|Q\.|THƯ KÝ|CHỦ TRÌ|CHỦ TỌA|CHỦ TOẠ|TRƯỞNG ĐOÀN|ĐẠI DIỆN|NGƯỜI (?:LẬP|GHI)|XÁC NHẬN|BÍ THƯ|PHÓ BÍ THƯ|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|HIỆU TRƯỞNG|CHỈ HUY TRƯỞNG|CHÍNH ỦY|CHÍNH TRỊ VIÊN|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|THỦ TRƯỞNG|CỤC TRƯỞNG|TRƯỞNG PHÒNG)(?![\p{L}])/u;
const SIGNED =
  /^\(?\s*(?:đã ký|ký|ký tên|ký, ghi rõ họ tên|ký và ghi rõ họ tên|ký tên, đóng dấu|đã ký và đóng dấu)[^)]*\)?$/iu;
const RANK_PREFIX = new RegExp(`^(${RANKS.join('|')})\\s+`, 'iu');
const NAME = /^\p{Lu}[\p{Ll}'’]*(?:\s\p{Lu}[\p{Ll}'’]*){1,4}$/u;

/** "Thượng tá Mùa A Dính", "Nguyễn Hữu Tín": a signer's name, with a rank before it at most. */
function signerName(text: string): { name: string; rank: string | null } | null {
  const r = RANK_PREFIX.exec(text);
  const name = r ? text.slice(r[0].length) : text;
  if (!NAME.test(name)) return null;
  const rank = r ? (RANKS.find((x) => x.toLowerCase() === r[1]!.toLowerCase()) ?? null) : null;
  return { name, rank };
}

const isFooterLine = (t: string) =>
  t.split(COLUMNS).every((part) => {
    const p = part.trim();
    return (
      !p || (isCaps(p) && p.length <= 80) || SIGNED.test(p) || signerName(p) !== null || /^\.?\/\.$/.test(p)
    );
  });

/** Where the signature blocks (and Nơi nhận) begin, from the end of the document; null if none. */
function footerStart(blocks: readonly Block[], from: number): number | null {
  const n = blocks.findIndex((b, i) => i >= from && /^nơi nhận\s*:/iu.test(b.text));
  if (n >= 0) return n;
  let i = blocks.length;
  while (i > from && isFooterLine(blocks[i - 1]!.text)) i--;
  const tail = blocks.slice(i);
  const hasCapacity = tail.some((b) => b.text.split(COLUMNS).some((p) => CAPACITY.test(p.trim())));
  const hasName = tail.some((b) => b.text.split(COLUMNS).some((p) => signerName(p.trim())));
  return i < blocks.length && hasCapacity && hasName ? i : null;
}

/** The signers of the footer: each name under the capacity written above it (column by column). */
function signersOf(blocks: readonly Block[]): Signer[] {
  const out: Signer[] = [];
  const capacity: string[][] = [];
  for (const b of blocks) {
    if (/^nơi nhận\s*:/iu.test(b.text) && !COLUMNS.test(b.text)) continue;
    const parts = columnsOf(b);
    // Side by side, the signature is in the right-hand column when the left holds the recipients.
    const cols = parts.length > 1 && /^(?:nơi nhận|-)/iu.test(parts[0]!.text) ? parts.slice(1) : parts;
    cols.forEach((p, c) => {
      const col = parts.length > 1 ? c : 0;
      if (/^-/.test(p.text) || SIGNED.test(p.text)) return;
      const who = signerName(p.text);
      if (who && !isCaps(p.text)) {
        out.push({
          capacity: (capacity[col] ?? []).join(' '),
          ...who,
          span: { start: p.start, end: p.start + p.text.length },
        });
        capacity[col] = [];
      } else if (isCaps(p.text) && !/^nơi nhận/iu.test(p.text)) (capacity[col] ??= []).push(p.text);
    });
  }
  return out;
}

/**
 * The official frame of `blocks`, or null for a text that has none (a news report). `blocks` are all
 * the lines of the document, in order.
 */
export function readOfficialFrame(blocks: readonly Block[], source: string): OfficialFrame | null {
  const typeAt = blocks.slice(0, 16).findIndex((b) => docTypeOf(b.text) !== null);
  const formal = (b: Block) =>
    columnsOf(b).some(
      (c) =>
        QUOC_HIEU.test(c.text) ||
        TIEU_NGU.test(c.text) ||
        PARTY.test(c.text) ||
        NUMBER.test(c.text) ||
        PLACE_DATE.test(c.text),
    );
  let top: number;
  if (typeAt >= 0 && blocks.slice(0, typeAt).some(formal)) top = typeAt;
  else {
    // Minutes with the header but no type line: the header alone is the frame's top.
    const { header } = documentHeader(blocks.map((b) => b.text));
    if (header.size === 0) return null;
    top = Math.max(...header);
  }
  const frame = new Set<number>();
  for (let i = 0; i <= top; i++) frame.add(i);
  const hasType = top === typeAt;

  const headerLines = blocks.slice(0, top + 1).flatMap(columnsOf);
  // The agency side: the left column of a run-together header (the Quốc hiệu is on the right).
  const left = blocks.slice(0, top + 1).map((b) => columnsOf(b)[0]!);
  const issuer = issuerOf(left.filter((l) => !TIEU_NGU.test(l.text) && docTypeOf(l.text) === null));

  const type = hasType ? docTypeOf(blocks[typeAt]!.text) : null;
  let title: DraftText | null = null;
  if (hasType) {
    // The trích yếu: the lines right under the type, up to an empty line, a rule, or the first sentence.
    const lines: Block[] = [];
    for (let i = typeAt + 1; i < blocks.length && lines.length < 4; i++) {
      const b = blocks[i]!;
      if (ORNAMENT.test(b.text)) {
        frame.add(i);
        break;
      }
      if (lines.length > 0 && !onNextLine(source, blocks[i - 1]!, b)) break;
      if (lines.length > 0 && /[.;:]$/.test(lines[lines.length - 1]!.text)) break;
      if (/^(?:căn cứ|hôm nay|vào hồi|ngày\s+\d|thời gian\s*:)/iu.test(b.text)) break;
      lines.push(b);
      frame.add(i);
    }
    // A rule drawn under the trích yếu.
    const after = blocks[typeAt + lines.length + 1];
    if (after && ORNAMENT.test(after.text)) frame.add(after.index);
    if (lines.length)
      title = {
        value: lines.map((l) => l.text).join(' '),
        span: { start: lines[0]!.start, end: lines[lines.length - 1]!.end },
      };
  }

  const numberLine = headerLines.find((l) => NUMBER.test(l.text));
  const number = numberLine ? NUMBER.exec(numberLine.text)![1]!.replace(/[.,;]$/, '') : null;
  const placeDate = headerLines.find((l) => PLACE_DATE.test(l.text));
  const d = placeDate ? findDates(placeDate.text).find((x) => x.year) : undefined;
  const ownRef: DraftDocumentRef | null = number
    ? {
        number,
        type,
        date: d ? isoOf(d.year!, d.month, d.day) : null,
        span: { start: numberLine!.start, end: numberLine!.start + numberLine!.text.length },
      }
    : null;

  const foot = footerStart(blocks, top + 1);
  const footer = foot === null ? [] : blocks.slice(foot);
  for (const b of footer) frame.add(b.index);
  return { frame, title, issuer, ownRef, signers: signersOf(footer) };
}
