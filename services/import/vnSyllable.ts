/**
 * Vietnamese syllable structure, for one job: telling a word glued from two or more syllables
 * ("vụtừngày", a space lost when text was copied out of a PDF) from a real syllable, and splitting it
 * back. A syllable is (onset)(medial)nucleus(coda) with at most one tone mark; the spelling rules that
 * tie the onset to the vowel (k/gh/ngh only before i e ê y, c/g/ng never before them, q only as qu) are
 * checked too, because they are what makes a split unambiguous.
 *
 * Deliberately strict: a word this module does not know as a syllable is split only when every piece is
 * one, and a word that cannot be split is left alone (place names like Đắk Lắk stay as they are).
 */
import { COMMON_SYLLABLES } from './vnCommonSyllables';

/** Combining marks of the five tones (NFD): grave, acute, tilde, hook above, dot below. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

// prettier-ignore
const ONSETS = [
  'ngh', 'ng', 'nh', 'ch', 'tr', 'th', 'ph', 'kh', 'gh', 'gi', 'qu', 'b', 'c', 'd', 'đ', 'g', 'h', 'k',
  'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x',
];

/** Rhymes with no final consonant or glide, toneless. */
// prettier-ignore
const OPEN = [
  'a', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'ia', 'ua', 'ưa', 'oa', 'oe', 'uê', 'uy', 'uơ',
  'uya',
];
/** Rhymes ending in a glide (i y o u), toneless. */
// prettier-ignore
const GLIDED = [
  'ai', 'ay', 'ây', 'ao', 'au', 'âu', 'eo', 'êu', 'iu', 'oi', 'ôi', 'ơi', 'ui', 'ưi', 'ưu', 'uôi',
  'ươi', 'ươu', 'iêu', 'yêu', 'oai', 'oay', 'uây', 'uyu', 'oeo', 'uai', 'uay',
];
/** Nuclei that take a final consonant, and the finals each takes. */
const CLOSED: Record<string, readonly string[]> = {
  a: ['c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'],
  ă: ['c', 'm', 'n', 'ng', 'p', 't'],
  â: ['c', 'm', 'n', 'ng', 'p', 't'],
  e: ['c', 'm', 'n', 'ng', 'p', 't'],
  ê: ['ch', 'm', 'n', 'nh', 'p', 't'],
  i: ['ch', 'm', 'n', 'nh', 'p', 't'],
  o: ['c', 'm', 'n', 'ng', 'p', 't'],
  oo: ['c', 'ng'],
  ô: ['c', 'm', 'n', 'ng', 'p', 't'],
  ơ: ['m', 'n', 'p', 't'],
  u: ['c', 'm', 'n', 'ng', 'p', 't'],
  ư: ['c', 'ng', 't'],
  iê: ['c', 'm', 'n', 'ng', 'p', 't'],
  yê: ['m', 'n', 't'],
  uô: ['c', 'm', 'n', 'ng', 't'],
  ươ: ['c', 'm', 'n', 'ng', 'p', 't'],
  oa: ['c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'],
  oă: ['c', 'm', 'n', 'ng', 't'],
  oe: ['n', 't'],
  uâ: ['n', 'ng', 't'],
  uê: ['ch', 'nh'],
  uy: ['ch', 'n', 'nh', 'p', 't'],
  uyê: ['n', 't'],
};

const RHYMES = new Set<string>([
  ...OPEN,
  ...GLIDED,
  ...Object.entries(CLOSED).flatMap(([n, codas]) => codas.map((c) => n + c)),
]);

/** Vowels before which k, gh and ngh are written (and c, g, ng are not). */
const FRONT = /^[eêiy]/;

/** The syllable without its tone, lower case; null when it carries two tone marks. */
function toneless(word: string): string | null {
  const nfd = word.toLowerCase().normalize('NFD');
  const tones = nfd.match(TONES)?.length ?? 0;
  return tones > 1 ? null : nfd.replace(TONES, '').normalize('NFC');
}

function rhymeAfter(onset: string, rest: string): boolean {
  if (!RHYMES.has(rest)) return false;
  if (['k', 'gh', 'ngh'].includes(onset)) return FRONT.test(rest);
  if (['c', 'ng'].includes(onset)) return !FRONT.test(rest);
  if (onset === 'g') return !/^[eê]/.test(rest); // "gi…" is the onset gi, "gì" is g + i
  if (onset === 'qu') return !/^[uo]/.test(rest);
  if (onset === 'gi') return !/^i/.test(rest);
  return true;
}

/** Words already judged: a report repeats the same few thousand syllables (bounded, cleared when full). */
const judged = new Map<string, boolean>();

/** Is this word (letters only) one Vietnamese syllable? */
export function isSyllable(word: string): boolean {
  let known = judged.get(word);
  if (known === undefined) {
    if (judged.size > 50_000) judged.clear();
    judged.set(word, (known = judgeSyllable(word)));
  }
  return known;
}

function judgeSyllable(word: string): boolean {
  const s = toneless(word);
  if (!s) return false;
  if (RHYMES.has(s)) return true;
  for (const onset of ONSETS) {
    if (!s.startsWith(onset)) continue;
    const rest = s.slice(onset.length);
    if (rest && rhymeAfter(onset, rest)) return true;
    // "gi" alone before a consonant final is g + i ("gìn", "gió" is gi + ó, both read here).
    if (onset === 'gi' && rhymeAfter('g', s.slice(1))) return true;
  }
  return false;
}

const startsWithVowel = (s: string) => /^[aăâeêioôơuưy]/.test(toneless(s) ?? '');

/** Every split of `word` into the fewest syllables (at most 64 of them; more means too ambiguous). */
function fewestSplits(word: string): string[][] {
  // fewest[i]: the fewest syllables word.slice(i) splits into (Infinity: none).
  const fewest = new Array<number>(word.length + 1).fill(Infinity);
  fewest[word.length] = 0;
  for (let i = word.length - 1; i >= 0; i--)
    for (let end = i + 1; end <= Math.min(word.length, i + 8); end++)
      if (fewest[end]! + 1 < fewest[i]! && isSyllable(word.slice(i, end))) fewest[i] = fewest[end]! + 1;
  const out: string[][] = [];
  const walk = (i: number, pieces: string[]) => {
    if (out.length >= 64) return;
    if (i === word.length) return void out.push(pieces);
    for (let end = i + 1; end <= Math.min(word.length, i + 8); end++)
      if (fewest[end]! + 1 === fewest[i] && isSyllable(word.slice(i, end)))
        walk(end, [...pieces, word.slice(i, end)]);
  };
  if (Number.isFinite(fewest[0])) walk(0, []);
  return out;
}

/**
 * A glued word → its syllables, or null when it is one syllable already or cannot be split into
 * syllables only. Of the splits into the fewest syllables, the one with the fewest pieces that are not
 * common syllables (vnCommonSyllables.ts) wins, then the one with the fewest pieces starting with a
 * vowel (the consonant between two vowels begins the next syllable: "vụtừ" → "vụ từ", not "vụt ừ").
 * Two splits still equal → null: not sure, not split.
 */
export function splitGlued(word: string): string[] | null {
  if (word.length < 3 || word.length > 40 || isSyllable(word)) return null;
  const splits = fewestSplits(word);
  if (splits.length === 0 || splits.length >= 64 || splits[0]!.length < 2) return null;
  const score = (pieces: string[]) => [
    pieces.filter((p) => !COMMON_SYLLABLES.has(p.toLowerCase())).length,
    pieces.filter(startsWithVowel).length,
  ];
  const ranked = splits
    .map((pieces) => ({ pieces, score: score(pieces) }))
    .sort((a, b) => a.score[0]! - b.score[0]! || a.score[1]! - b.score[1]!);
  const [first, second] = ranked;
  if (second && second.score[0] === first!.score[0] && second.score[1] === first!.score[1]) return null;
  return first!.pieces;
}
