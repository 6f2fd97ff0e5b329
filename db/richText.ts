/**
 * Minutes are kept as sanitized HTML (what the rich-text editor shows and reports print) plus the plain
 * text derived from it (what search indexes and snippets quote). The HTML comes from a renderer, a
 * pasted Word document, an import or a USB bag, so it is untrusted: only the structure a set of minutes
 * needs survives — paragraphs, headings, emphasis, lists, quotes and tables — and never a script, a
 * style, an event handler, a link or an image.
 */
import { MINUTES_MAX_CHARS } from '../contract/contract';
import { HosoError } from '../contract/errors';
import { msg } from '../contract/messages/message';
import { createHtmlSanitizer, type SanitizePolicy } from '../contract/html/sanitize';

const ALLOWED_TAGS = [
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'strong',
  'em',
  'u',
  's',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'table',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

/** A cell spans a whole number of rows or columns. */
const SPAN = /^\d+$/;
/** The editor's column widths in pixels, one per spanned column: "120,80". */
const COLUMN_WIDTHS = /^\d+(,\d+)*$/;
/** A list may start at any integer (HTML allows 0 and negative starts). */
const LIST_START = /^-?\d+$/;

/** What minutes keep. sanitize-html 2.18.1 wrote the stored minutes with this policy (less the value rules). */
export const MINUTES_HTML_POLICY: SanitizePolicy = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    ol: { start: LIST_START },
    td: { colspan: SPAN, rowspan: SPAN, colwidth: COLUMN_WIDTHS },
    th: { colspan: SPAN, rowspan: SPAN, colwidth: COLUMN_WIDTHS },
  },
  // Word and browsers write the same structure with older tags; keep the meaning, one spelling.
  transformTags: {
    b: 'strong',
    i: 'em',
    strike: 's',
    del: 's',
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    div: 'p',
  },
  // Word's conditional comments and <xml>/<style> blocks carry no text a clerk typed.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'xml', 'title', 'head', 'template'],
};

const sanitizeMinutes = createHtmlSanitizer(MINUTES_HTML_POLICY);

/** The stored form of minutes: sanitized HTML and its text. */
export interface Minutes {
  html: string;
  text: string;
}

export function sanitizeMinutesHtml(html: string): string {
  return sanitizeMinutes(html).trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The plain text of sanitized minutes HTML: blocks separated by a blank line, list items on their own
 * lines with "- ", table rows one per line with cells joined by " | ". Only ever given the output of
 * sanitizeMinutesHtml, whose tags are the small set above, so a tag-level rewrite is exact here.
 */
export function minutesHtmlToText(sanitized: string): string {
  const text = sanitized
    // Whitespace in HTML source is one space, line breaks included (and a no-break space is a space here).
    .replace(/\s+/g, ' ')
    // A cell is one line of its row: its own paragraphs and breaks become spaces.
    .replace(/<(td|th)\b[^>]*>([\s\S]*?)<\/\1>/gi, (_m, _tag, inner: string) => `<cell>${inner.replace(/<\/(p|h2|h3|h4|li|blockquote)>|<br\s*\/?>/gi, ' ')}</cell>`)
    .replace(/<\/cell>\s*<cell>/g, ' | ')
    .replace(/<\/tr>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<\/(p|h2|h3|h4|blockquote|ul|ol|table)>/gi, '\n\n')
    .replace(/<hr\s*\/?>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^(- .*)\n\n(?=- )/gm, '$1\n')
    .trim();
}

/** Plain minutes (typed in a textarea, imported, or from a CLI) as simple HTML paragraphs. */
export function minutesTextToHtml(textContent: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return textContent
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escape(p).replace(/\n/g, '<br />')}</p>`)
    .join('');
}

/**
 * What to store for a write: the HTML when the writer sent some (the editor; '' clears the minutes),
 * else HTML built from the plain text (older callers, imports of plain text, the demo).
 */
export function minutesOf(fields: { minutesHtml?: string | undefined; minutesText: string }): Minutes {
  if (fields.minutesHtml !== undefined) {
    const html = sanitizeMinutesHtml(fields.minutesHtml);
    const text = minutesHtmlToText(html);
    if (text.length > MINUTES_MAX_CHARS) {
      throw new HosoError('INVALID_INPUT', msg('input.minutesTooLongCount', { count: text.length, max: MINUTES_MAX_CHARS }));
    }
    return { html, text };
  }
  return { html: minutesTextToHtml(fields.minutesText), text: fields.minutesText };
}
