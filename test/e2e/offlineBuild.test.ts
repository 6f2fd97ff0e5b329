import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';

// The built renderer, as the e2e tests use it (`npm run test:e2e` builds it first).
const RENDERER = process.env.HOSO_OUT ? resolve(process.env.HOSO_OUT, 'renderer') : resolve(import.meta.dirname, '..', '..', 'out', 'renderer');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const URL_RE = /https?:\/\/[^\s"'`)<>\\]*/g;

/**
 * URLs that libraries carry as text, never loaded: XML namespaces, JSON-schema ids, links to
 * documentation inside developer error messages, a console notice, an unused editor placeholder.
 * Anything else in the bundle fails this test until someone has looked at it.
 */
const NAMESPACE = /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xhtml|1999\/xlink|1998\/Math\/MathML|XML\/1998\/namespace|2000\/xmlns\/?)$/;
const KNOWN_TEXT_URLS = [
  NAMESPACE,
  /^https?:\/\/json-schema\.org\//,
  /^https:\/\/react\.dev\/errors\/$/,
  /^https:\/\/mantine\.dev\//,
  /^https:\/\/www\.i18next\.com\//,
  /^https:\/\/prosemirror\.net\/docs\//,
  /^https:\/\/locize\.com$/,
  /^https:\/\/example\.com\/$/,
  /^http:\/\/\[\$\{/,
];

describe('the built renderer is self-contained (offline)', () => {
  const all = files(RENDERER);

  it('has its fonts, styles and scripts as local files', () => {
    expect(all.some((f) => extname(f) === '.woff2')).toBe(true);
    const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref, ref).toMatch(/^(\.\/[\w./-]+|data:,)$/);
  });

  it('loads nothing from outside: no URL in its HTML, only namespaces in its CSS, only known inert text URLs in its scripts', () => {
    const unexpected: string[] = [];
    for (const file of all) {
      const ext = extname(file);
      if (!['.html', '.css', '.js', '.mjs', '.svg', '.json'].includes(ext)) continue;
      const text = readFileSync(file, 'utf8');
      for (const url of text.match(URL_RE) ?? []) {
        // In CSS only the SVG namespace of an inline data: image; in scripts the known text URLs.
        const inert = ext === '.css' ? NAMESPACE.test(url) : KNOWN_TEXT_URLS.some((re) => re.test(url));
        if (!inert) unexpected.push(`${relative(RENDERER, file)}: ${url}`);
      }
    }
    expect(unexpected).toEqual([]);
  });
});
