import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The documents' typeface: Times New Roman where the PC has it (the rule, TCVN 6909:2001 Unicode),
 * otherwise Tinos, metric-compatible with it (same line breaks, same page breaks) and complete for
 * Vietnamese. Tinos is bundled in resources/fonts/tinos (SIL OFL) and written into every document as
 * data: URLs, so the HTML file, the preview and the PDF need nothing from outside (the PCs are offline)
 * and the PDF embeds it.
 */
export const FONT_STACK = `'Times New Roman', 'Hoso Tinos', serif`;
export const DOCX_FONT = 'Times New Roman';

const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 700, style: 'normal' },
  { weight: 700, style: 'italic' },
] as const;

// The subsets and their unicode-range as @fontsource publishes them: latin carries the basic letters
// and punctuation, vietnamese the letters with horn/breve/tone marks (ơ ư ă đ ạ ễ …).
const SUBSETS = {
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  vietnamese:
    'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
} as const;

/**
 * resources/fonts/tinos from wherever this module runs: the source tree (tsx, vitest), out/main (the
 * built app) or an installed app's resources folder.
 */
export function fontsDir(): string {
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const starts = [import.meta.dirname, resourcesPath && join(resourcesPath, '..')].filter((s): s is string => !!s);
  for (const start of starts) {
    let dir = start;
    for (let i = 0; i < 6; i++) {
      const candidate = join(dir, 'resources', 'fonts', 'tinos');
      if (existsSync(join(candidate, 'tinos-latin-400-normal.woff2'))) return candidate;
      dir = dirname(dir);
    }
  }
  throw new Error('resources/fonts/tinos is missing: the report font cannot be found');
}

let cached: string | null = null;

/** @font-face rules for 'Hoso Tinos' (four faces × two subsets), fonts inline as data: URLs. */
export function fontFaceCss(): string {
  if (cached) return cached;
  const dir = fontsDir();
  const rules: string[] = [];
  for (const [subset, range] of Object.entries(SUBSETS)) {
    for (const face of FACES) {
      const data = readFileSync(join(dir, `tinos-${subset}-${face.weight}-${face.style}.woff2`)).toString('base64');
      rules.push(
        `@font-face{font-family:'Hoso Tinos';font-style:${face.style};font-weight:${face.weight};font-display:block;` +
          `src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range};}`,
      );
    }
  }
  cached = rules.join('\n');
  return cached;
}
