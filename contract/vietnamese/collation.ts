/**
 * Binary-sortable Vietnamese collation keys.
 *
 * better-sqlite3 cannot register a custom collation, so sortable columns store a key whose plain
 * (BINARY) order is Vietnamese alphabetical order, the order of Intl.Collator('vi'):
 * a ă â b c d đ e ê … o ô ơ … u ư …, tones only break ties (a à ả ã á ạ), lower case before upper.
 * The key is three levels joined by separators that sort below everything: base letters, tones, case.
 */
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const LETTER_CODE = new Map<string, number>([...ALPHABET].map((ch, i) => [ch, i]));
/** Tone marks in Vietnamese collation order: none, huyền, hỏi, ngã, sắc, nặng. */
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const VOWEL_MODIFIERS: Record<string, string> = {
  '\u0306': 'breve',
  '\u0302': 'circumflex',
  '\u031b': 'horn',
};
const COMPOSE: Record<string, Record<string, string>> = {
  breve: { a: 'ă' },
  circumflex: { a: 'â', e: 'ê', o: 'ô' },
  horn: { o: 'ơ', u: 'ư' },
};

const LEVEL_SEPARATOR = '\u0001';
// Primary weights: space and punctuation lowest, then digits, then the 33 letters, then anything else.
const LETTER_BASE = 0x100;
const OTHER_BASE = 0x200;

interface Unit {
  primary: string;
  tone: number;
  upper: boolean;
}

function units(text: string): Unit[] {
  const out: Unit[] = [];
  for (const ch of text.normalize('NFC')) {
    const lower = ch.toLowerCase();
    const upper = lower !== ch;
    const decomposed = lower.normalize('NFD');
    let base = decomposed[0] ?? '';
    let tone = 0;
    for (const mark of decomposed.slice(1)) {
      const modifier = VOWEL_MODIFIERS[mark];
      if (modifier) base = COMPOSE[modifier]?.[base] ?? base;
      const t = TONES.indexOf(mark);
      if (t > 0) tone = t;
    }
    if (lower === 'đ') base = 'đ';
    const letter = LETTER_CODE.get(base);
    let primary: string;
    if (letter !== undefined) primary = String.fromCodePoint(LETTER_BASE + letter);
    else if (/\s/.test(ch)) primary = ' ';
    else if (/[0-9]/.test(ch)) primary = ch;
    else if (/[\p{P}\p{S}]/u.test(ch))
      primary = String.fromCodePoint(Math.max(0x21, Math.min(ch.codePointAt(0)!, 0x2f)));
    else primary = String.fromCodePoint(OTHER_BASE + (ch.codePointAt(0) ?? 0));
    out.push({ primary, tone, upper });
  }
  return out;
}

/** Collation key of a text: compare keys with plain `<` (or SQLite BINARY) to get Vietnamese order. */
export function viSortKey(text: string): string {
  const us = units(text.trim().replace(/\s+/g, ' '));
  return [
    us.map((u) => u.primary).join(''),
    us.map((u) => String(u.tone)).join(''),
    us.map((u) => (u.upper ? '1' : '0')).join(''),
  ].join(LEVEL_SEPARATOR);
}

/**
 * Splits a Vietnamese full name into family (họ), middle (tên đệm) and given name (tên).
 * "Nguyễn Thị Tuyến" → { family: "Nguyễn", middle: "Thị", given: "Tuyến" }.
 */
export function splitVietnameseName(fullName: string): { family: string; middle: string; given: string } {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { family: '', middle: '', given: words[0] ?? '' };
  return { family: words[0]!, middle: words.slice(1, -1).join(' '), given: words[words.length - 1]! };
}

/** Name-order key: by given name, then middle name, then family name, as Vietnamese name lists are sorted. */
export function nameSortKey(fullName: string): string {
  const { family, middle, given } = splitVietnameseName(fullName);
  return viSortKey([given, middle, family].filter(Boolean).join(' '));
}
