/**
 * HTML → a stream of open-tag / text / close-tag events, exactly the events htmlparser2 12's `Parser`
 * gives (HTML mode, entities decoded, tag and attribute names lower-cased), but in time linear in the
 * input whatever its nesting.
 *
 * Why not `parseDocument` or `new Parser(…)`: htmlparser2's Parser keeps its open elements in an array
 * it `unshift`s, `shift`s and `indexOf`s from the front, so 100 000 nested tags take seconds and a few
 * megabytes of them take minutes (measured: 100 000 nested <div> 1.6 s with Parser, 5 s with
 * parseDocument). The lexing — entities, attributes, comments, raw-text elements such as <script> and
 * <textarea>, CDATA — is htmlparser2's own `Tokenizer`; only the tree rules of its Parser (which open
 * tag closes which, end tags that close several elements, `</p>` and `</br>`, SVG/MathML, the second
 * <form>) are written again here, with a stack whose every operation is O(1). A streaming reader also
 * keeps the token boundaries (each entity is its own text event, a `</noscript>` the tree ignores still
 * has a position) that sanitize.ts must see to give sanitize-html's output byte for byte.
 *
 * Every rule below mirrors htmlparser2 12.0.0's src/Parser.ts (MIT licence). The lexing stays
 * htmlparser2's: after upgrading it, test/unit/htmlSanitize.test.ts (sanitize-html's own outputs) says
 * whether the output is still the same.
 */
import { Tokenizer, type QuoteType, type TokenizerCallbacks } from 'htmlparser2';
import { FOREIGN_ROOTS, HTML_INTEGRATION, OPEN_IMPLIES_CLOSE, SVG_CASE, VOID_ELEMENTS } from './elementRules';

/** An element's attributes in source order; a repeated name keeps its first value, as in a browser. */
export type Attributes = ReadonlyMap<string, string>;

/** What a reader of the event stream implements. `at` tells where in the source the event is. */
export interface HtmlEvents {
  onopentag(name: string, attributes: Attributes, at: EventPosition): void;
  ontext(text: string, at: EventPosition): void;
  /** Every opened element is closed once, innermost first (void elements right after they open). */
  onclosetag(name: string, at: EventPosition): void;
}

/**
 * htmlparser2's `parser.startIndex` / `parser.endIndex` at the moment of an event (the same numbers, so
 * rules written against them keep working): `start` is where the event's token starts in the source,
 * `end` where the last token read ends (for an open tag: the index of its `>`).
 */
export interface EventPosition {
  readonly start: number;
  readonly end: number;
}

/** What the innermost element's content is: HTML, or SVG / MathML (foreign content). */
type Context = 'html' | 'svg' | 'math';

/**
 * The open elements, innermost last. Besides the names it keeps, per name, the stack positions where
 * that name is open, so "is a <form> open?" and "how far down is the <div> this </div> closes?" are
 * O(1) instead of a scan of the whole stack.
 */
class OpenElements {
  private readonly names: string[] = [];
  private readonly positions = new Map<string, number[]>();

  get size(): number {
    return this.names.length;
  }
  /** The innermost open element, or undefined. */
  top(): string | undefined {
    return this.names[this.names.length - 1];
  }
  /** The name `n` levels below the innermost (0 = innermost). */
  fromTop(n: number): string {
    return this.names[this.names.length - 1 - n]!;
  }
  push(name: string): void {
    let at = this.positions.get(name);
    if (!at) this.positions.set(name, (at = []));
    at.push(this.names.length);
    this.names.push(name);
  }
  pop(): string {
    const name = this.names.pop()!;
    this.positions.get(name)!.pop();
    return name;
  }
  has(name: string): boolean {
    return (this.positions.get(name)?.length ?? 0) > 0;
  }
  /** How many open elements are inside the innermost `name` (0: it is the innermost), or -1. */
  depthOf(name: string): number {
    const at = this.positions.get(name);
    return at && at.length ? this.names.length - 1 - at[at.length - 1]! : -1;
  }
}

/** Tree rules over htmlparser2's Tokenizer; one instance reads one string. */
class EventParser implements TokenizerCallbacks, EventPosition {
  start = 0;
  end = 0;
  private openTagStart = 0;
  private tagName = '';
  private attributeName = '';
  private attributeValue = '';
  private attributes: Map<string, string> | null = null;
  private readonly stack = new OpenElements();
  /** Innermost last; the first entry is the document's (HTML) context. */
  private readonly contexts: Context[] = ['html'];

  constructor(
    private readonly html: string,
    private readonly events: HtmlEvents,
  ) {}

  run(): void {
    const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, this);
    tokenizer.write(this.html);
    tokenizer.end();
  }

  private slice(start: number, end: number): string {
    return this.html.slice(start, end);
  }

  private isVoid(name: string): boolean {
    return VOID_ELEMENTS.has(name);
  }

  isInForeignContext(): boolean {
    return this.contexts[this.contexts.length - 1] !== 'html';
  }

  /** A tag's name as the tree knows it: lower case, SVG camel case inside <svg>, <image> is <img> in HTML. */
  private readTagName(start: number, end: number): string {
    const name = this.slice(start, end).toLowerCase();
    if (this.contexts[this.contexts.length - 1] === 'svg') return SVG_CASE.get(name) ?? name;
    // An end tag of an SVG element from inside its HTML content (</foreignObject>) keeps the SVG case.
    if (this.contexts.length > 1) {
      const svgName = SVG_CASE.get(name);
      if (svgName !== undefined && this.stack.has(svgName)) return svgName;
    }
    if (!this.isInForeignContext()) return name === 'image' ? 'img' : name;
    return name;
  }

  ontext(start: number, end: number): void {
    const data = this.slice(start, end);
    this.end = end - 1;
    this.events.ontext(data, this);
    this.start = end;
  }

  ontextentity(codePoint: number, end: number): void {
    this.end = end - 1;
    this.events.ontext(String.fromCodePoint(codePoint), this);
    this.start = end;
  }

  onopentagname(start: number, end: number): void {
    this.end = end;
    this.openTag(this.readTagName(start, end));
  }

  private openTag(name: string): void {
    this.openTagStart = this.start;
    this.tagName = name;
    // A <form> inside a <form> is ignored, attributes and all.
    if (name === 'form' && this.stack.has('form')) {
      this.tagName = '';
      return;
    }
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    if (closes) {
      while (this.stack.size > 0 && closes.has(this.stack.top()!)) this.popElement();
    }
    if (!this.isVoid(name)) {
      this.stack.push(name);
      if (name === 'svg') this.contexts.push('svg');
      else if (name === 'math') this.contexts.push('math');
      else if (HTML_INTEGRATION.has(name)) this.contexts.push('html');
    }
    this.attributes = new Map();
  }

  private endOpenTag(): void {
    this.start = this.openTagStart;
    if (this.attributes) {
      this.events.onopentag(this.tagName, this.attributes, this);
      this.attributes = null;
    }
    if (this.isVoid(this.tagName)) this.events.onclosetag(this.tagName, this);
    this.tagName = '';
  }

  onopentagend(end: number): void {
    this.end = end;
    this.endOpenTag();
    this.start = end + 1;
  }

  onclosetag(start: number, end: number): void {
    this.end = end;
    const name = this.readTagName(start, end);
    if (!this.isVoid(name)) {
      const depth = this.stack.depthOf(name);
      if (depth !== -1) {
        // Closing an element closes everything still open inside it.
        for (let i = 0; i <= depth; i++) this.popElement();
      } else if (name === 'p') {
        // A stray </p> is an empty paragraph.
        this.openTag('p');
        this.closeCurrentTag();
      }
    } else if (name === 'br') {
      // A stray </br> is a <br>.
      this.events.onopentag('br', new Map(), this);
      this.events.onclosetag('br', this);
    }
    this.start = end + 1;
  }

  onselfclosingtag(end: number): void {
    this.end = end;
    // `/>` closes an element only inside SVG/MathML; in HTML <div/> is an open <div>.
    if (this.isInForeignContext()) {
      this.closeCurrentTag();
      this.start = end + 1;
    } else {
      this.onopentagend(end);
    }
  }

  private popElement(): void {
    const name = this.stack.pop();
    if (FOREIGN_ROOTS.has(name) || HTML_INTEGRATION.has(name)) this.contexts.pop();
    this.events.onclosetag(name, this);
  }

  private closeCurrentTag(): void {
    const name = this.tagName;
    this.endOpenTag();
    if (this.stack.top() === name) this.popElement();
  }

  onattribname(start: number, end: number): void {
    this.start = start;
    this.attributeName = this.slice(start, end).toLowerCase();
  }

  onattribdata(start: number, end: number): void {
    this.attributeValue += this.slice(start, end);
  }

  onattribentity(codePoint: number): void {
    this.attributeValue += String.fromCodePoint(codePoint);
  }

  onattribend(_quote: QuoteType, end: number): void {
    this.end = end;
    // htmlparser2 collects attributes in a plain object, where `__proto__` cannot be an own key.
    if (this.attributes && !this.attributes.has(this.attributeName) && this.attributeName !== '__proto__') {
      this.attributes.set(this.attributeName, this.attributeValue);
    }
    this.attributeValue = '';
  }

  ondeclaration(_start: number, end: number): void {
    this.end = end;
    this.start = end + 1;
  }

  onprocessinginstruction(_start: number, end: number): void {
    this.end = end;
    this.start = end + 1;
  }

  oncomment(_start: number, end: number): void {
    this.end = end;
    this.start = end + 1;
  }

  /** `<![CDATA[…]]>` is text inside SVG/MathML and a comment elsewhere. */
  oncdata(start: number, end: number, endOffset: number): void {
    this.end = end;
    if (this.isInForeignContext()) this.events.ontext(this.slice(start, end - endOffset), this);
    this.start = end + 1;
  }

  /** The end of the input closes what is still open, innermost first. */
  onend(): void {
    this.end = this.start;
    for (let i = 0; i < this.stack.size; i++) this.events.onclosetag(this.stack.fromTop(i), this);
  }
}

/** Reads `html` and calls `events` for each element opened, text read and element closed. */
export function parseHtmlEvents(html: string, events: HtmlEvents): void {
  new EventParser(html, events).run();
}
