/**
 * Repairing the damage text takes on its way out of a PDF (read by pdfSource.ts, or copied from a PDF
 * viewer and pasted, or saved as .txt):
 *
 *   (a) letter-spaced headings: "T H Ô N G   B Á O   K Ế T   L U Ậ N" → "THÔNG BÁO KẾT LUẬN";
 *   (b) page markers on lines of their own ("Trang 2/5", "- 3 -", "Page 2 of 5"; a bare page number
 *       or "2/5" at a page's top or bottom) dropped;
 *   (c) lines broken mid-sentence joined back ("…triển khai nhiệm vụ" + "quý II năm 2025…",
 *       "ngày 15/" + "12/2025"), while the lines an official document sets on their own stay so
 *       (header lines, "Chủ trì:", "Thành phần:", "1.", "a)", "-" items, "Nơi nhận:");
 *   (d) syllables glued where a space was lost ("nhiệm vụtừngày" → "nhiệm vụ từ ngày"), see
 *       vnSyllable.ts: only lower-case words with Vietnamese letters that are not a syllable and split
 *       into syllables only; never ASCII words, numbers, capitals (UBND, HĐND, NĐ-CP) or document numbers.
 *
 * Conservative by design: a report typed as text must come out unchanged (the corpus check in the
 * tests and the figure). Text known to come from a PDF gets every rule; pasted text and .txt
 * get (c) and bare page numbers only when the text shows that damage (repairPastedText).
 */
import { splitGlued } from './vnSyllable';

/** A line of single letters grouped into words by wider gaps: "T H Ô N G   B Á O". */
const LETTER_SPACED = /^\p{L}(?: \p{L})+(?: {2,}\p{L}(?: \p{L})*)+$|^\p{L}(?: \p{L}){3,}$/u;

/** Letter-spaced line → its words; a line whose word gaps were lost is split by syllables (upper case only). */
function unspaceLetters(line: string): string {
  const trimmed = line.trim();
  if (!LETTER_SPACED.test(trimmed)) return line;
  if (/ {2,}/.test(trimmed))
    return trimmed
      .split(/ {2,}/)
      .map((w) => w.replace(/ /g, ''))
      .join(' ');
  const word = trimmed.replace(/ /g, '');
  if (word !== word.toUpperCase()) return line;
  const pieces = splitWord(word, true);
  return pieces ? pieces.join(' ') : line;
}

/**
 * A line that is only a page marker, wherever it stands. A bare number ("2") or fraction ("2/5") is
 * one only at the top or bottom of a PDF page (trimPageEdges, pageNumberLines): elsewhere it is
 * a table's cell (STT, "21/23" đồng chí).
 */
const PAGE_MARKER =
  /^(?:trang\s+\d{1,3}(?:\s*(?:\/|trên|of)\s*\d{1,3})?|page\s+\d{1,3}(?:\s+(?:of|\/)\s*\d{1,3})?|[-–—]\s*\d{1,3}\s*[-–—])$/i;
const isPageMarker = (line: string) => PAGE_MARKER.test(line.trim());
const isBareNumber = (line: string) => /^\d{1,3}$/.test(line.trim());
const isPageFraction = (line: string) => /^\d{1,3}\s*\/\s*\d{1,3}$/.test(line.trim());

/**
 * Lines an official document sets on their own: list items, labels, the header's lines. A line starting
 * like this is never joined to the line above it.
 */
const OWN_LINE =
  /^(?:[-–—+•*●▪◦]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ][.)]\s|[IVXLC]{1,6}[.)]\s|\[Ảnh|(?:chủ trì|thành phần|thời gian|địa điểm|nơi nhận|kính gửi|căn cứ|tham dự|vắng|thư ký|người ghi|chủ tọa|đồng chủ trì)\b)/iu;

/** Does this line start a line of its own in an official document (a list item, a label)? */
export const startsOwnLine = (line: string) => OWN_LINE.test(line.trimStart());

/** Does this line end a sentence or a label (so the next line starts anew)? */
const ENDS_SENTENCE = /[.!?:;…]["'”’)\]]*$/u;
/** A line ending inside a date or a number ("ngày 15/", "1.234."…) or on a word that wants a number next. */
const ENDS_IN_NUMBER = /(?:\d[/.\-–]|\b(?:ngày|tháng|năm|số|lúc|khoảng|gồm|đạt|trên|dưới))$/iu;

function continues(above: string, line: string): 'space' | 'glue' | null {
  const a = above.trimEnd();
  const b = line.trimStart();
  if (!a || !b || OWN_LINE.test(b)) return null;
  // A date or number cut at its slash or dot: glued back without a space.
  if (/\d[/.\-–]$/.test(a) && /^\d/.test(b)) return 'glue';
  if (ENDS_SENTENCE.test(a)) return null;
  // The header's lines are capitals: "ĐẢNG ỦY XÃ…" above anything is not a broken sentence.
  if (a === a.toUpperCase() && /\p{Lu}/u.test(a)) return null;
  if (/^\p{Ll}/u.test(b)) return 'space';
  if (/^\d/.test(b) && ENDS_IN_NUMBER.test(a)) return 'space';
  return null;
}

/** Joins each line that continues the one above it (c). Returns the lines and how many joins were made. */
function joinBroken(lines: string[]): { lines: string[]; joins: number } {
  const out: string[] = [];
  let joins = 0;
  for (const line of lines) {
    const prev = out.length ? out[out.length - 1]! : '';
    const how = out.length ? continues(prev, line) : null;
    if (how) {
      out[out.length - 1] = prev.trimEnd() + (how === 'space' ? ' ' : '') + line.trimStart();
      joins++;
    } else out.push(line);
  }
  return { lines: out, joins };
}

/**
 * Marks only Vietnamese writes (NFD): breve (ă), horn (ơ ư), hook above, dot below, đ, and a circumflex
 * carrying a tone (ế, ộ). A word with only é, è, ê, ô or à may be French ("réunion") and is not split.
 */
const VIETNAMESE_ONLY = /[\u0306\u031b\u0309\u0323đĐ]|\u0302[\u0300\u0301\u0303]/u;

/**
 * A glued word → its syllables (d). Only words of letters with at least one letter only Vietnamese
 * writes, in lower case (or upper case for a letter-spaced heading); capitalised words are names, often
 * transliterated (Oasinhtơn), and are left alone.
 */
function splitWord(word: string, upper = false): string[] | null {
  if (!/^\p{L}+$/u.test(word) || !VIETNAMESE_ONLY.test(word.normalize('NFD'))) return null;
  if (upper ? word !== word.toUpperCase() : word !== word.toLowerCase()) return null;
  return splitGlued(word);
}

function unglue(line: string): string {
  return line.replace(/\p{L}+/gu, (w, offset: number, whole: string) => {
    // A letter run inside a token with digits, slashes or hyphens is part of a number or a code.
    const before = whole[offset - 1] ?? ' ';
    const after = whole[offset + w.length] ?? ' ';
    if (/[\p{N}/\-_.@]/u.test(before) || /[\p{N}/\-_@]/u.test(after)) return w;
    return splitWord(w)?.join(' ') ?? w;
  });
}

/** Drops the page markers that open or close a PDF page (b): explicit ones, bare numbers, "2/5". */
function trimPageEdges(lines: string[]): string[] {
  const out = [...lines];
  const edge = (l: string) => !l.trim() || isPageMarker(l) || isBareNumber(l) || isPageFraction(l);
  while (out.length && edge(out[0]!)) out.shift();
  while (out.length && edge(out[out.length - 1]!)) out.pop();
  return out;
}

/** Text known to come from a PDF, page by page → one text, pages separated by a blank line. */
export function repairPdfPages(pages: readonly string[]): string {
  const texts: string[] = [];
  for (const page of pages) {
    const lines = trimPageEdges(page.split('\n'))
      .filter((l) => !isPageMarker(l))
      .map((l) => unglue(unspaceLetters(l)));
    if (!lines.length) continue;
    // A sentence running on over the page break continues on the previous page's last line.
    const previous = texts.length ? texts[texts.length - 1]! : '';
    const how = previous ? continues(previous.slice(previous.lastIndexOf('\n') + 1), lines[0]!) : null;
    if (how) texts[texts.length - 1] = previous + (how === 'space' ? ' ' : '') + lines.join('\n').trimStart();
    else texts.push(lines.join('\n'));
  }
  return joinBroken(texts.join('\n\n').split('\n'))
    .lines.join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Bare numbers on lines of their own that count up from 2 (2, 3, 4…), more than 4 lines apart: the page
 * numbers of a pasted PDF. Only looked for in hard-wrapped text: a table's STT column counts up too, one per row.
 */
function pageNumberLines(lines: string[]): Set<number> {
  const found = lines.flatMap((l, i) => (isBareNumber(l) ? [i] : []));
  const run = new Set<number>();
  for (let k = 1; k < found.length; k++) {
    const [i, j] = [found[k - 1]!, found[k]!];
    const [a, b] = [Number(lines[i]), Number(lines[j])];
    if (a >= 2 && b === a + 1 && j - i > 4) run.add(i).add(j);
  }
  return run;
}

/**
 * Page markers go with the empty lines around them: "… hoàn thành / (empty) / Trang 1/2 / (empty) / hồ
 * sơ …" is one sentence broken by the page's end, joined afterwards like any broken line.
 */
function dropPageMarkers(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isPageMarker(lines[i]!)) {
      out.push(lines[i]!);
      continue;
    }
    while (out.length && !out[out.length - 1]!.trim()) out.pop();
    while (i + 1 < lines.length && !lines[i + 1]!.trim()) i++;
  }
  return out;
}

/**
 * In hard-wrapped text, a line that runs to the right margin without ending its sentence goes on in
 * the next line even when that starts with a capital ("… Trưởng phòng Nông nghiệp và PTNT / Bùi Thị
 * Sen; …"). The margin is where most long lines end: 80 % of the 90th percentile of line lengths.
 * Columns side by side (three spaces or more) and lines of their own are never joined.
 */
function joinFullLines(lines: string[], wrapped: readonly string[]): string[] {
  // The margin is measured on the lines as wrapped, before any was joined.
  const lengths = wrapped
    .map((l) => l.trim().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  if (lengths.length < 5) return lines;
  const margin = lengths[Math.floor(lengths.length * 0.9)]! * 0.8;
  const out: string[] = [];
  for (const line of lines) {
    const prev = out.length ? out[out.length - 1]!.trimEnd() : '';
    const b = line.trimStart();
    const full =
      prev.length >= margin &&
      !ENDS_SENTENCE.test(prev) &&
      !(prev === prev.toUpperCase()) &&
      /^\p{Lu}/u.test(b) &&
      !OWN_LINE.test(b) &&
      !/\s{3,}/.test(prev) &&
      !/\s{3,}/.test(b);
    if (full) out[out.length - 1] = `${prev} ${b}`;
    else out.push(line);
  }
  return out;
}

/**
 * Pasted text or a .txt file: repaired only where it shows PDF damage. Letter-spaced lines, explicit
 * page markers and glued syllables are damage wherever they are. Lines are joined, and bare page
 * numbers dropped, only when the text is hard-wrapped: at least 3 lines continue the line above them,
 * and they are at least a fifth of the lines that follow another line.
 */
export function repairPastedText(text: string): string {
  const lines = dropPageMarkers(text.split('\n'));
  const kept = lines.map((l) => unglue(unspaceLetters(l)));
  const pairs = kept.filter((l, i) => i > 0 && l.trim() && kept[i - 1]!.trim()).length;
  const { joins } = joinBroken(kept);
  let out = kept;
  if (joins >= 3 && joins >= pairs / 5) {
    const pageNumbers = pageNumberLines(kept);
    out = joinFullLines(joinBroken(kept.filter((_l, i) => !pageNumbers.has(i))).lines, kept);
  }
  const repaired = out.join('\n');
  return repaired === text ? text : repaired.replace(/\n{3,}/g, '\n\n');
}
