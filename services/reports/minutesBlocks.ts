import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { minutesHtmlToText, sanitizeMinutesHtml } from '../../db/richText';
import type { Block, Run } from './model';

/**
 * The minutes as the clerk wrote them (rich text: paragraphs, headings, bold/italic, lists, tables) turned
 * into document blocks, so the printed minutes, the PDF and the Word copy keep their structure. The HTML
 * was sanitized on save; it is sanitized again here and only read as structure and text — nothing of it
 * is ever copied into the document as markup.
 */

const isElement = (n: ChildNode): n is Element => n.type === 'tag';

function collectRuns(nodes: readonly ChildNode[], style: { bold: boolean; italic: boolean }, lines: Run[][]): void {
  for (const n of nodes) {
    if (n.type === 'text') {
      const text = n.data.replace(/\s+/g, ' ');
      if (text) lines[lines.length - 1]!.push({ text, bold: style.bold || undefined, italic: style.italic || undefined });
    } else if (isElement(n)) {
      if (n.name === 'br') lines.push([]);
      else collectRuns(n.children, { bold: style.bold || n.name === 'strong' || /^h\d$/.test(n.name), italic: style.italic || n.name === 'em' }, lines);
    }
  }
}

/** Paragraph blocks of one element's inline content; a <br> starts a new paragraph. */
function paragraphs(el: Element, prefix = '', options: { bold?: boolean; indent?: boolean } = {}): Block[] {
  const lines: Run[][] = [[]];
  collectRuns(el.children, { bold: !!options.bold, italic: false }, lines);
  return lines
    .map((runs) => {
      const trimmed = runs.map((r) => ({ ...r }));
      if (trimmed[0]) trimmed[0].text = trimmed[0].text.trimStart();
      const last = trimmed[trimmed.length - 1];
      if (last) last.text = last.text.trimEnd();
      return trimmed.filter((r) => r.text);
    })
    .filter((runs) => runs.length)
    .map((runs, i): Block => ({ kind: 'paragraph', indent: options.indent, runs: i === 0 && prefix ? [prefix, ...runs] : runs }));
}

const textOf = (nodes: readonly ChildNode[]): string =>
  nodes
    .map((n) => (n.type === 'text' ? n.data : isElement(n) ? (n.name === 'br' || n.name === 'p' ? ` ${textOf(n.children)} ` : textOf(n.children)) : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

function tableBlock(table: Element): Block | null {
  const rows: Element[] = [];
  const walk = (el: Element) => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.name === 'tr') rows.push(c);
      else walk(c);
    }
  };
  walk(table);
  const cellsOf = (tr: Element) => tr.children.filter(isElement).filter((c) => c.name === 'td' || c.name === 'th');
  if (!rows.length) return null;
  const first = cellsOf(rows[0]!);
  const hasHeader = first.length > 0 && first.every((c) => c.name === 'th');
  const width = Math.max(...rows.map((r) => cellsOf(r).length), 1);
  const body = (hasHeader ? rows.slice(1) : rows).map((r) => {
    const cells = cellsOf(r).map((c) => textOf(c.children));
    while (cells.length < width) cells.push('');
    return cells;
  });
  return {
    kind: 'table',
    columns: Array.from({ length: width }, (_, i) => ({ label: hasHeader ? textOf(first[i]?.children ?? []) : '', width: 100 / width })),
    rows: body,
    noHeader: !hasHeader,
  };
}

function blocksOf(nodes: readonly ChildNode[]): Block[] {
  const out: Block[] = [];
  for (const n of nodes) {
    if (n.type === 'text') {
      if (n.data.trim()) out.push({ kind: 'paragraph', runs: [n.data.trim().replace(/\s+/g, ' ')] });
      continue;
    }
    if (!isElement(n)) continue;
    switch (n.name) {
      case 'p':
        out.push(...paragraphs(n));
        break;
      case 'h2':
      case 'h3':
      case 'h4':
        out.push(...paragraphs(n, '', { bold: true, indent: false }).map((b) => (b.kind === 'paragraph' ? { ...b, keepWithNext: true } : b)));
        break;
      case 'ul':
      case 'ol': {
        let i = n.name === 'ol' ? Number(n.attribs.start ?? 1) || 1 : 0;
        for (const li of n.children.filter(isElement).filter((c) => c.name === 'li')) {
          const prefix = n.name === 'ol' ? `${i++}. ` : '- ';
          // A list item holds inline text or paragraphs; nested lists come out as their own lines.
          const inline = li.children.filter((c) => !(isElement(c) && (c.name === 'ul' || c.name === 'ol')));
          const inner = inline.some((c) => isElement(c) && c.name === 'p')
            ? blocksOf(inline).map((b, k) => (k === 0 && b.kind === 'paragraph' ? { ...b, runs: [prefix, ...b.runs] } : b))
            : paragraphs({ ...li, children: inline } as Element, prefix);
          out.push(...inner, ...blocksOf(li.children.filter((c) => isElement(c) && (c.name === 'ul' || c.name === 'ol'))));
        }
        break;
      }
      case 'blockquote':
        out.push(...blocksOf(n.children));
        break;
      case 'table': {
        const t = tableBlock(n);
        if (t) out.push(t);
        break;
      }
      case 'hr':
        break;
      default:
        out.push(...paragraphs(n));
    }
  }
  return out;
}

/**
 * Deeper than any minutes a clerk writes (a table in a list in a quote is about 8). The walks above
 * recurse once per level, and htmlparser2's tree building slows with the square of the depth, so a
 * pasted or merged document nested thousands deep is printed from its text instead (paragraphs and
 * list lines kept), never with a stack overflow or minutes of work.
 */
const MAX_NESTING = 100;

/** How deep the tags of sanitized minutes nest: one linear scan (its tags are the small allowlist). */
function nestingDepth(sanitized: string): number {
  let depth = 0;
  let max = 0;
  for (const m of sanitized.matchAll(/<(\/?)[a-z][a-z0-9]*\b[^>]*?(\/?)>/gi)) {
    if (m[1]) depth--;
    else if (!m[2]) max = Math.max(max, ++depth);
  }
  return max;
}

export function minutesBlocks(html: string): Block[] {
  const sanitized = sanitizeMinutesHtml(html);
  if (nestingDepth(sanitized) > MAX_NESTING) {
    return minutesHtmlToText(sanitized)
      .split(/\n+/)
      .filter((line) => line.trim())
      .map((line): Block => ({ kind: 'paragraph', runs: [line] }));
  }
  return blocksOf(parseDocument(sanitized).children);
}
