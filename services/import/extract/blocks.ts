/**
 * The text as the extractor sees it: one block per non-empty line (reports pasted from the web and
 * Word files both put one paragraph on a line), each with its offsets in the source text, so every
 * extracted item can point back at the characters it came from.
 */
import type { ImportSpan } from '../../../contract/importContract';

export interface Block {
  /** Index among the blocks. */
  index: number;
  /** Trimmed text of the line. */
  text: string;
  /** Offset of `text` in the source. */
  start: number;
  end: number;
  /** A "# …" heading (from .md, or h1–h3 of .html/.docx): `text` is without the "# ". */
  heading: boolean;
}

export function splitBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let at = 0;
  for (const line of source.split('\n')) {
    const lead = line.length - line.trimStart().length;
    let text = line.trim();
    let start = at + lead;
    let heading = false;
    const h = /^#{1,6}\s+/.exec(text);
    if (h) {
      heading = true;
      text = text.slice(h[0].length);
      start += h[0].length;
    }
    if (text) blocks.push({ index: blocks.length, text, start, end: start + text.length, heading });
    at += line.length + 1;
  }
  return blocks;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * Sentences of a block: cut after ". ", "! ", "? " when a capital letter or a quote follows. Numbers
 * ("1.000"), abbreviations inside words ("TP.HCM") and "..." inside a sentence do not cut.
 */
export function sentencesOf(block: Pick<Block, 'text' | 'start'>): Sentence[] {
  const out: Sentence[] = [];
  const re = /[.!?…]+["”’)]?\s+(?=[\p{Lu}"“(])/gu;
  let from = 0;
  for (let m = re.exec(block.text); m; m = re.exec(block.text)) {
    const end = m.index + m[0].trimEnd().length;
    push(out, block, from, end);
    from = m.index + m[0].length;
  }
  push(out, block, from, block.text.length);
  return out;
}

function push(out: Sentence[], block: Pick<Block, 'text' | 'start'>, from: number, to: number) {
  const raw = block.text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text)
    out.push({ text, start: block.start + from + lead, end: block.start + from + lead + text.length });
}

export const span = (start: number, end: number): ImportSpan => ({ start, end });

/** The span of `part` inside `within` (a substring found from `from`), or the whole of `within`. */
export function spanOf(part: string, within: { text: string; start: number }, from = 0): ImportSpan {
  const i = within.text.indexOf(part, from);
  return i < 0
    ? span(within.start, within.start + within.text.length)
    : span(within.start + i, within.start + i + part.length);
}

const WORD_BOUNDARY = '(?:(?<![\\p{L}\\d])(?=[\\p{L}\\d])|(?<=[\\p{L}\\d])(?![\\p{L}\\d]))';

/**
 * The same regular expression with `\b` meaning a boundary of *Vietnamese* words. JavaScript's `\b`
 * knows only ASCII letters, so /nghị\b/ never matches "nghị " (ị is not a "word" character to it).
 */
export function viRegex(re: RegExp): RegExp {
  return new RegExp(
    re.source.replaceAll('\\b', WORD_BOUNDARY),
    re.flags.includes('u') ? re.flags : `${re.flags}u`,
  );
}

/** `next` is the block on the line right after `b` in the source (no empty line between them). */
export const onNextLine = (source: string, b: Block, next: Block) =>
  next.index === b.index + 1 && !/\n[ \t\u00a0]*\n/.test(source.slice(b.end, next.start));
