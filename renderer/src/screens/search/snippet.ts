/**
 * Snippets arrive as a tiny HTML dialect: the server HTML-escapes the original text (`&`, `<`, `>`, `"`)
 * and wraps each hit in `<mark>…</mark>`, nothing else. They are turned into plain segments here and
 * rendered as React text nodes and <mark> elements, never through innerHTML: whatever a clerk once typed
 * into a record (a pasted `<script>`, a stray `&lt;`) is shown as the text it is.
 */

export interface SnippetSegment {
  text: string;
  /** Part of a hit: shown highlighted. */
  hit: boolean;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&' };

/**
 * The four entities the server emits, decoded in one pass so `&amp;lt;` (a clerk's literal "&lt;")
 * becomes "&lt;" and not "<". Anything else is left exactly as it came.
 */
export function decodeEntities(escaped: string): string {
  return escaped.replace(/&(lt|gt|quot|amp);/g, (_, name: string) => ENTITIES[name]!);
}

/** `a <mark>b</mark> c` → [{a, false}, {b, true}, {c, false}]; adjacent pieces of one kind are joined. */
export function snippetSegments(html: string): SnippetSegment[] {
  const out: SnippetSegment[] = [];
  let hit = false;
  for (const part of html.split(/(<\/?mark>)/)) {
    if (part === '<mark>') hit = true;
    else if (part === '</mark>') hit = false;
    else if (part) {
      const text = decodeEntities(part);
      const last = out[out.length - 1];
      if (last && last.hit === hit) last.text += text;
      else out.push({ text, hit });
    }
  }
  return out;
}

/** The snippet as plain text (for a tooltip or an accessible label). */
export function snippetText(html: string): string {
  return snippetSegments(html)
    .map((s) => s.text)
    .join('');
}
