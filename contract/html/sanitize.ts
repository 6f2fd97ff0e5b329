/**
 * An allowlist HTML sanitizer: only the elements and attributes a policy names are written out, from
 * what htmlparser2 read, so nothing the policy does not name — a script, an event handler, a style, a
 * link — can reach the output, and the output is well-formed HTML whatever came in.
 *
 * It replaces sanitize-html 2.18.1 (whose `engines` excludes the Node versions hoso supports) and gives
 * byte for byte what sanitize-html gave for the policies hoso uses — archives hold HTML it wrote, so the
 * same input must keep giving the same stored HTML. The rules that shape the output are sanitize-html's
 * "discard" mode:
 *   - a disallowed element is dropped and its content kept, unless the policy lists it in `nonTextTags`,
 *     then its content goes too (Word's <xml> and <style> blocks, <script>…);
 *   - comments, CDATA outside SVG/MathML, processing instructions and the doctype are dropped;
 *   - text is escaped (& < >, no quotes), attribute values too (& < > "), always in double quotes;
 *   - <br>, <hr>, <img>, <col> (and the other void elements of SELF_CLOSING) are written `<br />`;
 *   - tags are renamed by `transformTags` before the allowlist is checked (b → strong).
 * Two rules of sanitize-html follow what a browser would do where htmlparser2 disagrees with it:
 *   - a discarded <noscript> is raw text up to its `</noscript` in a browser; when htmlparser2 closes it
 *     sooner (an ancestor's end tag), everything up to that `</noscript` is dropped as well;
 *   - an <iframe>'s content is raw text to htmlparser2 but fallback HTML to a browser: a discarded
 *     iframe's content is sanitized as HTML in its turn (8 levels deep at most, then escaped as text).
 * One thing is hoso's own: an attribute's value must pass the policy's rule for it (a number for colspan,
 * a listed URL scheme for img src), where sanitize-html kept any value of an allowed attribute.
 *
 * Work is linear in the input: parser.ts reads it without recursion, this writer keeps an explicit stack,
 * and nothing rescans what it has already read (test/unit/htmlSanitize.test.ts runs 100 000 nested tags
 * and 5 MB inputs). Pure: no Node built-ins, so the renderer could use it too.
 */
import { parseHtmlEvents, type Attributes, type EventPosition, type HtmlEvents } from './parser';

/**
 * How an allowed attribute's value is checked:
 *   - `true`: any value (an empty one is written `name=""`, as sanitize-html writes alt="");
 *   - a RegExp the whole value must match, e.g. /^\d+$/ (give it ^ and $; no g or y flag);
 *   - `{ schemes }`: a non-empty URL whose scheme, if it has one, is listed (case-insensitive), checked
 *     the way sanitize-html checks it (control characters, spaces and <!--…--> removed first). A URL
 *     without a scheme (relative, or //host/…) passes, as it did with sanitize-html.
 */
export type AttributeRule = true | RegExp | { readonly schemes: readonly string[] };

export interface SanitizePolicy {
  /** Elements written out (names after `transformTags`), lower case. */
  readonly allowedTags: readonly string[];
  /** Per element: the attributes written out and the rule their value must pass. */
  readonly allowedAttributes?: Readonly<Record<string, Readonly<Record<string, AttributeRule>>>>;
  /** Elements written under another name (b → strong). The new name must be an allowed tag. */
  readonly transformTags?: Readonly<Record<string, string>>;
  /** Disallowed elements dropped with all their content (not just their tags). */
  readonly nonTextTags: readonly string[];
}

/** sanitize-html's default `nonTextTags`, for a policy that keeps sanitize-html's default. */
export const DEFAULT_NON_TEXT_TAGS: readonly string[] = ['script', 'style', 'textarea', 'option', 'xmp'];

/** Elements written `<name />` with no end tag (sanitize-html's `selfClosing`; all are void elements). */
const SELF_CLOSING = new Set(['img', 'br', 'hr', 'area', 'base', 'basefont', 'input', 'link', 'meta', 'col']);

/**
 * Elements a policy may not allow: they run code, load or submit something, or their content is raw
 * text that this writer would have to copy unescaped (or, for <iframe>, sanitizes as fallback HTML).
 */
const NEVER_ALLOWED = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'noembed',
  'noframes',
  'xmp',
  'textarea',
  'plaintext',
  'template',
  'svg',
  'math',
  'base',
  'link',
  'meta',
  'title',
  'form',
  'animate',
  'animatecolor',
  'animatemotion',
  'animatetransform',
  'set',
]);

/** Attributes that hold a URL: allowed only with a `{ schemes }` rule. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'cite',
  'action',
  'formaction',
  'data',
  'poster',
  'background',
  'ping',
  'longdesc',
  'usemap',
  'codebase',
  'classid',
  'archive',
  'profile',
  'manifest',
  'itemid',
  'dynsrc',
  'lowsrc',
]);

/** Attributes never allowed: script (on…), CSS, srcset lists and inline documents are not checked here. */
const NEVER_ALLOWED_ATTRIBUTE = /^(on|style$|srcset$|imagesrcset$|srcdoc$)/;

/** How many discarded <iframe>s deep fallback content is still sanitized as HTML (sanitize-html's limit). */
const MAX_IFRAME_FALLBACK_DEPTH = 8;

interface CompiledPolicy {
  tags: ReadonlySet<string>;
  attributes: ReadonlyMap<string, ReadonlyMap<string, AttributeRule>>;
  renames: ReadonlyMap<string, string>;
  nonText: ReadonlySet<string>;
}

/** Checks a policy once: anything that would let markup that runs or loads something through throws. */
function compile(policy: SanitizePolicy): CompiledPolicy {
  const fail = (why: string): never => {
    throw new Error(`HTML sanitize policy: ${why}`);
  };
  const tags = new Set(policy.allowedTags);
  for (const tag of tags) {
    if (tag !== tag.toLowerCase()) fail(`tag names are lower case: ${tag}`);
    if (NEVER_ALLOWED.has(tag)) fail(`<${tag}> cannot be allowed`);
  }
  const renames = new Map(Object.entries(policy.transformTags ?? {}));
  for (const [from, to] of renames) {
    if (!tags.has(to)) fail(`<${from}> is renamed to <${to}>, which is not an allowed tag`);
  }
  const attributes = new Map<string, ReadonlyMap<string, AttributeRule>>();
  for (const [tag, rules] of Object.entries(policy.allowedAttributes ?? {})) {
    const checked = new Map<string, AttributeRule>();
    for (const [name, rule] of Object.entries(rules)) {
      if (!/^[a-z][a-z0-9-]*$/.test(name) || NEVER_ALLOWED_ATTRIBUTE.test(name))
        fail(`${tag}[${name}] cannot be allowed`);
      const isSchemes = typeof rule === 'object' && !(rule instanceof RegExp);
      if (URL_ATTRIBUTES.has(name) && !isSchemes) fail(`${tag}[${name}] holds a URL: give it { schemes }`);
      if (rule instanceof RegExp && (rule.global || rule.sticky))
        fail(`${tag}[${name}]: a RegExp rule has no g or y flag`);
      checked.set(name, isSchemes ? { schemes: rule.schemes.map((s) => s.toLowerCase()) } : rule);
    }
    attributes.set(tag, checked);
  }
  return { tags, attributes, renames, nonText: new Set(policy.nonTextTags) };
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, '&quot;');

const COMMENT_OPEN = '<!--';

/**
 * A URL as launder (sanitize-html's URL check) reads its scheme: characters U+0000–U+0020 removed, then
 * each `<!--…-->` (the first `<!--`, up to the first `-->` after it) removed, again from the start, until
 * none is left. Done in one pass: kept text never holds a whole `<!--`, so the only `<!--` a removal can
 * make is one across its seam, starting in the last 3 kept characters.
 */
function cleanUrl(url: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters browsers ignore in a URL
  const s = url.replace(/[\u0000-\u0020]+/g, '');
  const kept: string[] = [];
  let tail = ''; // the last 3 characters kept
  const keep = (piece: string) => {
    if (!piece) return;
    kept.push(piece);
    tail = (tail + piece).slice(-3);
  };
  const unkeep = (count: number) => {
    while (count > 0) {
      const last = kept.pop()!;
      if (last.length > count) kept.push(last.slice(0, last.length - count));
      count -= last.length;
    }
    tail = '';
    for (let i = kept.length - 1; i >= 0 && tail.length < 3; i--) tail = kept[i]! + tail;
    tail = tail.slice(-3);
  };
  let i = 0;
  for (;;) {
    let carried = 0; // characters of the next "<!--" already kept (it straddles the seam at i)
    for (let k = 3; k >= 1 && !carried; k--) {
      if (tail.endsWith(COMMENT_OPEN.slice(0, k)) && s.startsWith(COMMENT_OPEN.slice(k), i)) carried = k;
    }
    const open = carried ? i : s.indexOf(COMMENT_OPEN, i);
    if (open === -1) break;
    const close = s.indexOf('-->', open + 4 - carried);
    if (close === -1) break;
    if (carried) unkeep(carried);
    else keep(s.slice(i, open));
    i = close + 3;
  }
  keep(s.slice(i));
  return kept.join('');
}

function valueAllowed(rule: AttributeRule, value: string): boolean {
  if (rule === true) return true;
  if (rule instanceof RegExp) return rule.test(value);
  if (value === '') return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9.\-+]*):/.exec(cleanUrl(value));
  return !scheme || rule.schemes.includes(scheme[1]!.toLowerCase());
}

/** An element opened and not yet closed: its name in the source, and as written (null: not written). */
interface OpenElement {
  readonly source: string;
  readonly written: string | null;
}

/** A `</noscript` (and a space, / or >): where a browser ends a <noscript>'s raw text. */
const NOSCRIPT_END = /<\/noscript[\t\n\f\r />]/gi;

/**
 * One sanitizing pass over one string: htmlparser2's events in, allowed HTML out. The bookkeeping is
 * sanitize-html's (its frame stack, `skipText`, the <noscript> raw-text region), renamed: its output in
 * odd cases (an end tag that does not match the innermost element, a <noscript> closed early) depends on it.
 */
class Sanitizing implements HtmlEvents {
  /** The output, in pieces (joined once at the end). */
  readonly out: string[] = [];
  /** The elements opened and not yet closed, innermost last (none inside dropped content). */
  private readonly open: OpenElement[] = [];
  /** Inside a nonTextTags element: nothing is written; `droppedDepth` counts its open elements. */
  private droppingContent = false;
  private droppedDepth = 0;
  /** Where the discarded <noscript>'s raw text ends in a browser (its `</noscript`), while it matters. */
  private noscriptEnd: number | null = null;
  /** Between htmlparser2's end of that <noscript> and the browser's: nothing is opened or written. */
  private inNoscriptText = false;
  /** The last `</noscript` search (from, found): no text is searched twice. */
  private noscriptSearch = { from: Infinity, found: Infinity };

  constructor(
    private readonly html: string,
    private readonly policy: CompiledPolicy,
    private readonly iframeDepth: number,
  ) {}

  private leaveNoscriptText(at: EventPosition): void {
    if (this.noscriptEnd !== null && at.start >= this.noscriptEnd) {
      this.noscriptEnd = null;
      this.inNoscriptText = false;
    }
  }

  /** The first `</noscript` at or after `from` (Infinity: none; the rest of the input is its text). */
  private findNoscriptEnd(from: number): number {
    const last = this.noscriptSearch;
    if (from >= last.from && last.found >= from) return last.found;
    NOSCRIPT_END.lastIndex = from;
    const found = NOSCRIPT_END.exec(this.html)?.index ?? Infinity;
    this.noscriptSearch = { from, found };
    return found;
  }

  onopentag(source: string, attributes: Attributes, at: EventPosition): void {
    this.leaveNoscriptText(at);
    if (this.inNoscriptText) return;
    if (this.droppingContent) {
      this.droppedDepth++;
      return;
    }
    const name = this.policy.renames.get(source) ?? source;
    if (!this.policy.tags.has(name)) {
      this.open.push({ source, written: null });
      if (this.policy.nonText.has(name)) {
        this.droppingContent = true;
        this.droppedDepth = 1;
        if (source === 'noscript') this.noscriptEnd = this.findNoscriptEnd(at.end + 1);
      }
      return;
    }
    this.open.push({ source, written: name });
    let tag = `<${name}`;
    const rules = this.policy.attributes.get(name);
    if (rules) {
      for (const [attribute, value] of attributes) {
        const rule = rules.get(attribute);
        if (rule !== undefined && valueAllowed(rule, value))
          tag += ` ${attribute}="${escapeAttribute(value)}"`;
      }
    }
    this.out.push(SELF_CLOSING.has(name) ? `${tag} />` : `${tag}>`);
  }

  ontext(text: string, at: EventPosition): void {
    this.leaveNoscriptText(at);
    if (this.droppingContent || this.inNoscriptText) return;
    if (
      this.open[this.open.length - 1]?.source === 'iframe' &&
      this.iframeDepth < MAX_IFRAME_FALLBACK_DEPTH
    ) {
      this.out.push(sanitizeWith(text, this.policy, this.iframeDepth + 1));
    } else {
      this.out.push(escapeText(text));
    }
  }

  onclosetag(source: string, at: EventPosition): void {
    this.leaveNoscriptText(at);
    if (this.droppingContent && !this.inNoscriptText) {
      if (--this.droppedDepth > 0) return;
      this.droppingContent = false;
      // htmlparser2 closed the <noscript> before the browser would: keep dropping up to its `</noscript`.
      if (this.noscriptEnd !== null) this.inNoscriptText = true;
    }
    // Only the innermost element is closed: an end tag for another (after a <noscript> closed early,
    // the tree and this stack differ) closes nothing, and that element stays open here.
    const innermost = this.open[this.open.length - 1];
    if (innermost?.source !== source) return;
    this.open.pop();
    if (innermost.written !== null && !SELF_CLOSING.has(innermost.written))
      this.out.push(`</${innermost.written}>`);
  }
}

function sanitizeWith(html: string, policy: CompiledPolicy, iframeDepth: number): string {
  const pass = new Sanitizing(html, policy, iframeDepth);
  parseHtmlEvents(html, pass);
  return pass.out.join('');
}

/** A sanitizer for one policy (checked once, here: an unsafe policy throws). */
export function createHtmlSanitizer(policy: SanitizePolicy): (html: string) => string {
  const compiled = compile(policy);
  return (html) => sanitizeWith(html, compiled, 0);
}
