import { execFileSync } from 'node:child_process';

/**
 * Reading a PDF back the way a reviewer would, with poppler (pdfinfo, pdffonts, pdftotext -bbox):
 * page size, fonts, and every word with its box in points (origin top-left, A4 = 595 × 842).
 */

export interface PdfInfo {
  pages: number;
  width: number;
  height: number;
}

export function pdfInfo(file: string): PdfInfo {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

export interface PdfFont {
  name: string;
  embedded: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  // Columns: name type encoding emb sub uni object ID; name has no spaces, emb is the 4th from the end.
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
  });
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function pdfWords(file: string): PdfWord[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const words: PdfWord[] = [];
  let page = 0;
  for (const m of xml.matchAll(/<page [^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[0].startsWith('<page')) {
      page++;
      continue;
    }
    words.push({ page, text: unescapeXml(m[5]!), xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
  }
  return words;
}

export interface PdfLine {
  page: number;
  y: number;
  words: PdfWord[];
  text: string;
  xMin: number;
  xMax: number;
}

/** Words grouped into lines (same page, baselines within 2 pt), left to right. */
export function pdfLines(words: readonly PdfWord[]): PdfLine[] {
  const lines: PdfLine[] = [];
  const sorted = [...words].sort((a, b) => a.page - b.page || a.yMax - b.yMax || a.xMin - b.xMin);
  for (const w of sorted) {
    const line = lines.find((l) => l.page === w.page && Math.abs(l.y - w.yMax) < 2);
    if (line) line.words.push(w);
    else lines.push({ page: w.page, y: w.yMax, words: [w], text: '', xMin: 0, xMax: 0 });
  }
  for (const l of lines) {
    l.words.sort((a, b) => a.xMin - b.xMin);
    l.text = l.words.map((w) => w.text).join(' ');
    l.xMin = Math.min(...l.words.map((w) => w.xMin));
    l.xMax = Math.max(...l.words.map((w) => w.xMax));
  }
  return lines;
}

/** All the text of one page (1-based), lines in reading order. */
export function pageText(lines: readonly PdfLine[], page: number): string {
  return lines
    .filter((l) => l.page === page)
    .map((l) => l.text)
    .join('\n');
}

export const MM = 72 / 25.4;

/** The images placed in a PDF (pdfimages -list): page and pixel size of each. */
export function pdfImages(file: string): { page: number; width: number; height: number }[] {
  const lines = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    return { page: Number(cols[0]), width: Number(cols[3]), height: Number(cols[4]) };
  });
}
