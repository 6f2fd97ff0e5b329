/**
 * contract/html/sanitize.ts: the same HTML sanitize-html 2.18.1 wrote (archives hold minutes it
 * sanitized), nothing that runs ever, and bounded work on hostile input.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createHtmlSanitizer,
  DEFAULT_NON_TEXT_TAGS,
  type SanitizePolicy,
} from '../../contract/html/sanitize';
import { MINUTES_HTML_POLICY, minutesOf, sanitizeMinutesHtml } from '../../db/richText';
import { htmlToText, SOURCE_HTML_POLICY } from '../../services/import/sources';

const minutes = createHtmlSanitizer(MINUTES_HTML_POLICY);
const source = createHtmlSanitizer(SOURCE_HTML_POLICY);

interface Pair {
  input: string;
  minutes: string;
  source: string;
}
const { pairs } = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'sanitize', 'pairs.json'), 'utf8'),
) as { pairs: Pair[] };

/** A seeded tag soup: allowed, disallowed, raw-text and foreign tags, attacks, entities, stray markup. */
function soup(seed: number, tokens: number): string {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const tags = [
    'p',
    'b',
    'div',
    'td',
    'tr',
    'table',
    'ol',
    'li',
    'img',
    'br',
    'a',
    'span',
    'script',
    'style',
    'noscript',
    'iframe',
    'svg',
    'math',
    'textarea',
    'xmp',
    'title',
    'xml',
    'o:p',
    'form',
    'foreignObject',
    'animate',
    'h1',
    'del',
    'col',
    'plaintext',
    'noembed',
    'meta',
    'object',
  ];
  const attrs = [
    'onclick',
    'onerror',
    'onload',
    'style',
    'href',
    'src',
    'xlink:href',
    'colspan',
    'colwidth',
    'start',
    'alt',
    'srcdoc',
    'attributeName',
  ];
  const values = [
    'javascript:alert(1)',
    ' JaVa\tScRiPt:alert(1)',
    'java<!--x-->script:alert(1)',
    '&#106;avascript:alert(1)',
    'data:image/png;base64,AA',
    'hoso-image:1',
    '//evil/x',
    'x" onerror="alert(1)',
    "'><script>alert(1)</script>",
    '2',
    '120,80',
    'href',
    '',
  ];
  const texts = [
    'Nội dung',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '&amp;',
    '<',
    '>',
    '"',
    '&#7871;',
    ' ',
    'alert(1)',
    '<!-- x -->',
    '<![CDATA[<script>]]>',
    '</noscript>',
    '</iframe>',
    '</p>',
    '</br>',
    '&lt;img src=x onerror=alert(1)&gt;',
  ];
  let out = '';
  for (let k = 0; k < tokens; k++) {
    const x = rand();
    if (x < 0.4) {
      let a = '';
      for (let j = Math.floor(rand() * 3); j > 0; j--)
        a += ` ${pick(attrs)}="${pick(values).replace(/"/g, '&quot;')}"`;
      out += `<${pick(tags)}${a}${rand() < 0.1 ? '/' : ''}>`;
    } else if (x < 0.6) out += `</${pick(tags)}>`;
    else out += pick(texts);
  }
  return out;
}

// eslint-disable-next-line no-control-regex -- what browsers skip in a URL
const URL_IGNORED = /[\u0000-\u0020]/g;
const MINUTES_TAGS = new Set(MINUTES_HTML_POLICY.allowedTags);
const SOURCE_TAGS = new Set(SOURCE_HTML_POLICY.allowedTags);

/**
 * Every tag in `html` is an allowed element with allowed attributes, and nothing that runs is left:
 * no event handler, no javascript: URL, no script/style/iframe/svg element.
 */
function onlyAllowed(html: string, tags: ReadonlySet<string>, policy: SanitizePolicy): string[] {
  const problems: string[] = [];
  const outside = html.replace(/<[^<>]*>/g, (tag) => {
    const m = /^<(\/?)([a-z0-9]+)((?: [a-z]+="[^"<>]*")*)( \/)?>$/.exec(tag);
    if (!m || !tags.has(m[2]!)) {
      problems.push(`tag ${tag}`);
      return '';
    }
    for (const [, name, value] of m[3]!.matchAll(/ ([a-z]+)="([^"]*)"/g)) {
      if (!policy.allowedAttributes?.[m[2]!]?.[name!]) problems.push(`attribute ${name} in ${tag}`);
      // A URL as a browser reads it: entities decoded, control characters and spaces ignored.
      const url = value!
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
        .replace(URL_IGNORED, '');
      if (name === 'src' && /^[a-z][a-z0-9+.-]*:/i.test(url) && !/^(data|hoso-image):/i.test(url))
        problems.push(`URL ${value} in ${tag}`);
    }
    return '';
  });
  // Outside tags, markup characters only appear escaped.
  if (/[<>]/.test(outside)) problems.push(`unescaped markup in text: ${outside.slice(0, 80)}`);
  return problems;
}

describe('HTML sanitizer: what sanitize-html 2.18.1 wrote', () => {
  it(`gives sanitize-html's output for each of the ${pairs.length} stored inputs, with both policies`, () => {
    expect(pairs.length).toBeGreaterThan(300);
    const differing = pairs.flatMap((p) => [
      ...(minutes(p.input) === p.minutes
        ? []
        : [{ policy: 'minutes', input: p.input, expected: p.minutes, got: minutes(p.input) }]),
      ...(source(p.input) === p.source
        ? []
        : [{ policy: 'source', input: p.input, expected: p.source, got: source(p.input) }]),
    ]);
    expect(differing).toEqual([]);
  });

  it('keeps the structure of tiptap and Word HTML, spelled as sanitize-html spelled it', () => {
    expect(
      sanitizeMinutesHtml(
        '<table style="min-width: 75px"><colgroup><col style="width: 120px"><col></colgroup><tbody><tr><th colspan="2" rowspan="1" colwidth="120,80"><p>Tổng</p></th></tr><tr><td><p>A<br>B</p></td><td><p></p></td></tr></tbody></table><ol start="3"><li><p>ba</p></li></ol><hr>',
      ),
    ).toBe(
      '<table><colgroup><col /><col /></colgroup><tbody><tr><th colspan="2" rowspan="1" colwidth="120,80"><p>Tổng</p></th></tr><tr><td><p>A<br />B</p></td><td><p></p></td></tr></tbody></table><ol start="3"><li><p>ba</p></li></ol><hr />',
    );
    expect(
      sanitizeMinutesHtml(
        `<p class=MsoNormal><b>Đồng chí</b>&nbsp;<i>ý kiến</i> <strike>cũ</strike> "trích" &amp; 'dẫn'<o:p></o:p></p><h1>Tiêu đề</h1><div>Khối</div>`,
      ),
    ).toBe(
      `<p><strong>Đồng chí</strong>\u00a0<em>ý kiến</em> <s>cũ</s> "trích" &amp; 'dẫn'</p><h2>Tiêu đề</h2><p>Khối</p>`,
    );
    expect(
      source(
        '<img src="data:image/png;base64,AA" alt><img src="hoso-image:2" alt="Ảnh &quot;1&quot;"><img src="" alt="x">',
      ),
    ).toBe(
      '<img src="data:image/png;base64,AA" alt="" /><img src="hoso-image:2" alt="Ảnh &quot;1&quot;" /><img alt="x" />',
    );
  });

  it('drops attribute values the rules refuse, where sanitize-html kept any value', () => {
    // sanitize-html 2.18.1 wrote: <td colspan="abc" colwidth="NaN">…<td colwidth>…<ol start="x">
    expect(
      sanitizeMinutesHtml(
        '<table><tr><td colspan="abc" rowspan="2" colwidth="NaN">a</td><td colwidth>b</td><td colwidth="120, 80">c</td></tr></table>',
      ),
    ).toBe('<table><tr><td rowspan="2">a</td><td>b</td><td>c</td></tr></table>');
    expect(
      sanitizeMinutesHtml(
        '<ol start="x"><li>a</li></ol><ol start="-2"><li>b</li></ol><ol start="0"><li>c</li></ol>',
      ),
    ).toBe('<ol><li>a</li></ol><ol start="-2"><li>b</li></ol><ol start="0"><li>c</li></ol>');
  });
});

describe('HTML sanitizer: nothing that runs survives', () => {
  const ATTACKS = [
    '<script>alert(1)</script><SCRIPT SRC=//evil/x.js></SCRIPT><style>@import "javascript:alert(1)"</style>',
    '<p onclick="alert(1)" ONMOUSEOVER=alert(1) style="background:url(javascript:alert(1))">x</p>',
    '<img src=x onerror=alert(1)><img src="javascript:alert(1)"><img src=" JaVa\tScRiPt:alert(1)"><img src="java<!--x-->script:alert(1)">',
    '<img src="<!<!--x-->--y-->javascript:alert(1)"><img src="&#106;avascript:alert(1)"><img src="vbscript:msgbox(1)">',
    '<a href="javascript:alert(1)">x</a><svg onload=alert(1)><a xlink:href="javascript:alert(1)"><animate attributeName="href" values="javascript:alert(1)"/></a></svg>',
    '<iframe src="javascript:alert(1)"><script>alert(1)</script><iframe><img src=x onerror=alert(1)></iframe></iframe>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<p><noscript></p><img src=x onerror=alert(1)></noscript>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    '<svg><style><img src=x onerror=alert(1)></style></svg><textarea></textarea><img src=x onerror=alert(1)></textarea>',
    '<xmp><img src=x onerror=alert(1)></xmp><noembed><img src=x onerror=alert(1)></noembed><title><img src=x onerror=alert(1)></title>',
    '<td colspan="2&quot; onclick=&quot;alert(1)">x</td><p title="&quot;><script>alert(1)</script>">y</p>',
    '<![CDATA[<script>alert(1)</script>]]><!--<script>alert(1)</script>--><?php alert(1) ?><!DOCTYPE html>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="javascript:alert(1)//"><object data="javascript:alert(1)">',
    '<plaintext><script>alert(1)</script>',
  ];
  const inputs = [
    ...ATTACKS,
    ...pairs.map((p) => p.input),
    ...Array.from({ length: 1500 }, (_, i) => soup(i + 1, 40)),
  ];

  it("no script, event handler or javascript: URL in either policy's output, whatever the input", () => {
    const problems = inputs.flatMap((html) => [
      ...onlyAllowed(minutes(html), MINUTES_TAGS, MINUTES_HTML_POLICY).map(
        (p) => `minutes: ${p} ← ${html.slice(0, 120)}`,
      ),
      ...onlyAllowed(source(html), SOURCE_TAGS, SOURCE_HTML_POLICY).map(
        (p) => `source: ${p} ← ${html.slice(0, 120)}`,
      ),
    ]);
    expect(problems).toEqual([]);
  });

  it('keeps attack text as the inert characters it is', () => {
    expect(
      sanitizeMinutesHtml(
        '<p>x &lt;script&gt;alert(1)&lt;/script&gt; <b onclick="a()">y</b></p><script>alert(2)</script>',
      ),
    ).toBe('<p>x &lt;script&gt;alert(1)&lt;/script&gt; <strong>y</strong></p>');
    expect(
      minutesOf({ minutesHtml: '<p>&lt;img src=x onerror=alert(1)&gt;</p>', minutesText: '' }).text,
    ).toBe('<img src=x onerror=alert(1)>');
  });

  it('a policy that would let something run is refused when the sanitizer is made', () => {
    const base: SanitizePolicy = { allowedTags: ['p'], nonTextTags: DEFAULT_NON_TEXT_TAGS };
    expect(() => createHtmlSanitizer({ ...base, allowedTags: ['p', 'script'] })).toThrow(/script/);
    expect(() => createHtmlSanitizer({ ...base, allowedTags: ['p', 'iframe'] })).toThrow(/iframe/);
    expect(() => createHtmlSanitizer({ ...base, transformTags: { b: 'svg' } })).toThrow(/svg/);
    expect(() => createHtmlSanitizer({ ...base, allowedAttributes: { p: { onclick: true } } })).toThrow(
      /onclick/,
    );
    expect(() => createHtmlSanitizer({ ...base, allowedAttributes: { p: { style: true } } })).toThrow(
      /style/,
    );
    expect(() => createHtmlSanitizer({ ...base, allowedAttributes: { a: { href: true } } })).toThrow(/URL/);
    expect(() => createHtmlSanitizer({ ...base, allowedAttributes: { p: { title: /x/g } } })).toThrow(/flag/);
    expect(() =>
      createHtmlSanitizer({ ...base, allowedAttributes: { a: { href: { schemes: ['https'] } } } }),
    ).not.toThrow();
  });
});

describe('HTML sanitizer: bounded work', () => {
  it('100 000 nested elements neither throw nor overflow the stack', () => {
    const n = 100_000;
    expect(sanitizeMinutesHtml('<div>'.repeat(n) + 'x' + '</div>'.repeat(n))).toBe(
      '<p>'.repeat(n) + 'x' + '</p>'.repeat(n),
    );
    expect(sanitizeMinutesHtml('<blockquote><span>'.repeat(n) + 'y')).toBe(
      '<blockquote>'.repeat(n) + 'y' + '</blockquote>'.repeat(n),
    );
    expect(source('<iframe>'.repeat(n) + '<p>z')).toContain('z');
    expect(htmlToText('<section><figure>'.repeat(n) + 'Nội dung', () => null)).toBe('Nội dung');
  });

  it('a 5 MB input of tag soup, Word HTML and hostile constructs finishes', () => {
    const word = readFileSync(
      resolve(import.meta.dirname, '..', 'fixtures', 'import', 'hoi-thao.html'),
      'utf8',
    );
    // (No <plaintext> here: it would make the rest of the 5 MB one text.)
    const parts = [
      word,
      soup(7, 400).replace(/plaintext/g, 'p'),
      '<b><i><span>'.repeat(2000),
      '<p><noscript></p>'.repeat(200),
      '<img src="' + '<!<!---->--'.repeat(2000) + 'x">',
    ];
    let html = '';
    for (let i = 0; html.length < 5 * 1024 * 1024; i++) html += parts[i % parts.length];
    const outM = minutes(html);
    const outS = source(html);
    // Bounded: the output is at most a few times the input (`&` is written `&amp;`, `<b>` `<strong></strong>`).
    // (Booleans, so that a failure does not print megabytes.)
    expect(outM.length < html.length * 6 && outS.length < html.length * 6).toBe(true);
    expect(outM.includes('<strong><em>Nội dung') || outM.includes('<strong><em>')).toBe(true);
    expect(outS.includes('<figure><img src="data:image/png;base64,')).toBe(true);
  });
});
