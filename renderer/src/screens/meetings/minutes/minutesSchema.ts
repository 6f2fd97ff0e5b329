/**
 * The rich-text minutes' document model: one list of TipTap extensions for the editor and for the
 * canonical form the form compares with. What the editor can hold is what db/richText.ts keeps on save:
 * paragraphs, headings 2–4, bold/italic/underline/strike, lists, quotes, rules and tables. No links
 * (an offline archive has nowhere to send them), no code, no images (photos have their own tab).
 */
import { generateHTML, generateJSON, type Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';

export const MINUTES_EXTENSIONS: Extensions = [
  StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: false, code: false, codeBlock: false }),
  TableKit.configure({ table: { resizable: false } }),
];

/**
 * The stored HTML as the editor itself would write it. The archive's sanitized HTML and the editor's
 * output spell the same content differently (attribute order, colgroup, empty cells), so the form
 * compares canonical forms: only a real edit counts as unsaved work, and adopting a newer stored
 * version never looks like someone else's change to the minutes.
 */
export function canonicalMinutesHtml(html: string): string {
  if (!html.trim()) return '';
  const canonical = generateHTML(generateJSON(html, MINUTES_EXTENSIONS), MINUTES_EXTENSIONS);
  return canonical === '<p></p>' ? '' : canonical;
}

/**
 * Word's clipboard HTML before the editor parses it: conditional comments, <xml>/<style> blocks and
 * Office namespaced tags carry nothing the clerk typed. (Styles and classes the editor drops by itself.)
 */
export function cleanWordPaste(html: string): string {
  return html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(xml|style|script)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/?[a-z]+:[^>]*>/gi, '');
}
