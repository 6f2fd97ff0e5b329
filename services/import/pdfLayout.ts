/**
 * A PDF page's text items (what pdf.js's getTextContent gives: a string, where it starts and how wide it
 * is) → the lines a person reads. Pure geometry, no pdf.js here, so it is tested on plain numbers.
 *
 * A PDF has no lines, only strings placed on the page. Lines are rebuilt from the baseline (y): items
 * whose baselines are within a third of the font size are one line, read left to right. pdf.js's hasEOL
 * is not trusted for that: it also fires when the writer jumps from one table column to the other on the
 * same baseline (the two-column header of an official document).
 *
 * Official documents (Nghị định 30/2020) put two blocks side by side: the header (cơ quan ban hành and
 * số ký hiệu on the left, quốc hiệu and the dateline on the right) and the signature (Nơi nhận on the
 * left, the signer on the right). Read row by row they would interleave ("ĐẢNG ỦY XÃ A ĐẢNG CỘNG SẢN
 * VIỆT NAM"); such a run of rows is read as the left column, then the right one, as Word's copy gives it.
 *
 * A line that runs to the right edge of the text is a line the writer wrapped (justified body text): the
 * next line, unless a new paragraph (wider gap, first-line indent) or a list item or label, continues it
 * and is joined to it here, where the page still tells. pdfText.ts joins the rest by their words.
 */
import { startsOwnLine } from './pdfText';

export interface PdfTextItem {
  str: string;
  /** Left end of the baseline and the baseline's height on the page, in points (y grows upwards). */
  x: number;
  y: number;
  /** Advance width of the string and its font size, in points. */
  width: number;
  size: number;
}

interface Row {
  y: number;
  size: number;
  items: PdfTextItem[];
}

/** A row's text split where a gap is wide enough to be two blocks side by side. */
interface Segment {
  x0: number;
  x1: number;
  text: string;
}

/** Baselines closer than this (× font size) are one line: subscripts and footnote marks stay on it. */
const SAME_LINE = 0.35;
/** A gap between items wider than this (× font size) with no text in it separates two side-by-side blocks. */
const COLUMN_GAP = 2.2;
/** A blank this wide (× font size) between two letters is a word gap in a letter-spaced heading. */
const WIDE_SPACE = 0.8;
/** A gap narrower than this (× font size) between two strings is kerning, not a space. */
const NO_SPACE = 0.12;

const isBlank = (s: string) => !/\S/.test(s);

function rowsOf(items: PdfTextItem[]): Row[] {
  const sorted = items.filter((i) => i.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  for (const item of sorted) {
    const size = item.size > 0 ? item.size : 10;
    const row = rows[rows.length - 1];
    if (row && Math.abs(row.y - item.y) <= SAME_LINE * Math.max(row.size, size)) {
      row.items.push(item);
      row.size = Math.max(row.size, size);
    } else rows.push({ y: item.y, size, items: [item] });
  }
  for (const row of rows) row.items.sort((a, b) => a.x - b.x);
  return rows.filter((r) => r.items.some((i) => !isBlank(i.str)));
}

/**
 * One row → its segments. Spaces come from the page, not from the strings alone: a blank item or a gap
 * at least a letter wide is a space, and a wide one is two spaces, so a letter-spaced heading
 * ("T H Ô N G   B Á O") keeps its word gaps for pdfText.ts to rejoin the letters.
 */
function segmentsOf(row: Row): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | null = null;
  let blank = 0; // width of blank items since the last text
  for (const item of row.items) {
    const size = item.size > 0 ? item.size : row.size;
    if (isBlank(item.str)) {
      blank += Math.max(item.width, size * 0.25);
      continue;
    }
    if (current) {
      const gap = item.x - current.x1;
      const space = Math.max(gap, blank);
      if (gap > COLUMN_GAP * size && blank < gap * 0.5) {
        segments.push(current);
        current = null;
      } else if (!/\s$/.test(current.text) && !/^\s/.test(item.str)) {
        if (space > WIDE_SPACE * size) current.text += '  ';
        else if (space > NO_SPACE * size) current.text += ' ';
      }
    }
    if (current) {
      current.text += item.str;
      current.x1 = Math.max(current.x1, item.x + item.width);
    } else current = { x0: item.x, x1: item.x + item.width, text: item.str };
    blank = 0;
  }
  if (current) segments.push(current);
  return segments.map((s) => ({ ...s, text: s.text.replace(/\s+$/, '').replace(/^\s+/, '') }));
}

/**
 * The vertical distance of ordinary lines in a paragraph, for each font size (rounded): the lower
 * quartile of the gaps above rows of that size. Headers are often smaller and tighter than the body, so
 * one figure for the page would see every body line as a new paragraph.
 */
function lineSpacings(rows: Row[]): (row: Row) => number {
  const bySize = new Map<number, number[]>();
  const all: number[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    const ratio = (rows[i - 1]!.y - row.y) / row.size;
    if (ratio < 0.8 || ratio > 4) continue;
    const key = Math.round(row.size);
    bySize.set(key, [...(bySize.get(key) ?? []), ratio]);
    all.push(ratio);
  }
  const quartile = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 4)]!;
  const fallback = all.length ? quartile(all) : Infinity;
  return (row) => {
    const ratios = bySize.get(Math.round(row.size));
    return (ratios && ratios.length >= 2 ? quartile(ratios) : fallback) * row.size;
  };
}

/** Is the gap above this row wider than a line, i.e. does a new paragraph start here? */
function paragraphBreak(above: Row, row: Row, spacing: number): boolean {
  const gap = above.y - row.y;
  return gap > spacing * 1.25 && gap > spacing + 0.15 * row.size;
}

/** The empty band between the two blocks of a side-by-side run: left blocks end before it, right ones start after it. */
interface Gutter {
  left: number;
  right: number;
}

const SLACK = 2;

/** Where this row's segments sit against the gutter; null when one straddles it (body text, a title). */
function sides(segs: Segment[], g: Gutter): ('left' | 'right')[] | null {
  const out: ('left' | 'right')[] = [];
  for (const s of segs) {
    if (s.x1 <= g.right + SLACK && s.x0 < g.left + SLACK) out.push('left');
    else if (s.x0 >= g.left - SLACK) out.push('right');
    else return null;
  }
  return segs.length <= 2 && (segs.length < 2 || (out[0] === 'left' && out[1] === 'right')) ? out : null;
}

/**
 * Side-by-side runs: each starts from a row of exactly two segments (the gutter is the gap between
 * them) and takes in the rows above and below it whose text keeps to either side of that gutter.
 * Returns, for each row, the run it belongs to (or -1), and each run's gutter.
 */
function sideBySideRuns(segs: Segment[][]): { runOf: number[]; gutters: Gutter[] } {
  const runOf = new Array<number>(segs.length).fill(-1);
  const gutters: Gutter[] = [];
  for (let i = 0; i < segs.length; i++) {
    const seed = segs[i]!;
    if (runOf[i] !== -1 || seed.length !== 2) continue;
    const g: Gutter = { left: seed[0]!.x1, right: seed[1]!.x0 };
    const id = gutters.push(g) - 1;
    runOf[i] = id;
    for (const step of [-1, 1]) {
      for (let k = i + step; k >= 0 && k < segs.length && runOf[k] === -1; k += step) {
        const row = segs[k]!;
        if (!sides(row, g)) break;
        if (row.length === 2) {
          g.left = Math.max(g.left, row[0]!.x1);
          g.right = Math.min(g.right, row[1]!.x0);
        }
        runOf[k] = id;
      }
    }
  }
  return { runOf, gutters };
}

/** The left and right edges of the page's text: where most full lines start and end. */
function textEdges(segs: Segment[][], runOf: number[]): { left: number; right: number } {
  const single = segs.filter((r, i) => runOf[i] === -1 && r.length === 1).map((r) => r[0]!);
  if (!single.length) return { left: 0, right: Infinity };
  return { left: Math.min(...single.map((s) => s.x0)), right: Math.max(...single.map((s) => s.x1)) };
}

/**
 * A page's items → its text: lines, a blank line where the gap above a line is wider than the line
 * spacing of its size (a new paragraph), side-by-side blocks read one after the other, lines the writer
 * wrapped joined back.
 */
export function pageText(items: PdfTextItem[]): string {
  const rows = rowsOf(items);
  const segs = rows.map(segmentsOf);
  const spacing = lineSpacings(rows);
  const { runOf, gutters } = sideBySideRuns(segs);
  const edges = textEdges(segs, runOf);
  const out: string[] = [];
  let wrapped = false; // the previous row ran to the right edge
  for (let i = 0; i < rows.length;) {
    const run = runOf[i]!;
    if (run !== -1) {
      // Left block, then right block, each line in its order down the page.
      const g = gutters[run]!;
      let j = i;
      const left: string[] = [];
      const right: string[] = [];
      for (; j < rows.length && runOf[j] === run; j++) {
        const row = segs[j]!;
        if (row.length === 2) {
          left.push(row[0]!.text);
          right.push(row[1]!.text);
        } else {
          const mid = (row[0]!.x0 + row[0]!.x1) / 2;
          (mid < (g.left + g.right) / 2 ? left : right).push(row[0]!.text);
        }
      }
      out.push('', ...left, ...right, '');
      i = j;
      wrapped = false;
      continue;
    }
    const row = rows[i]!;
    const seg = segs[i]!;
    const text = seg.map((s) => s.text).join('   ');
    const full = seg.length === 1 && seg[0]!.x1 >= edges.right - 1.5 * row.size;
    // A full line that starts indented opens a paragraph (first-line indent); a short one after a
    // wrapped line is the end of a centred title or of the paragraph.
    const indentOpens = full && seg[0]!.x0 > edges.left + 0.5 * row.size;
    const newParagraph = i > 0 && paragraphBreak(rows[i - 1]!, row, spacing(row));
    if (wrapped && !newParagraph && !indentOpens && !startsOwnLine(text)) out[out.length - 1] += ' ' + text;
    else {
      if (newParagraph || (wrapped && indentOpens)) out.push('');
      out.push(text);
    }
    wrapped = full && !/[.:;!?]$/.test(text);
    i++;
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
