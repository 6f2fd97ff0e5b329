/**
 * Bytes (or text) → Unicode Vietnamese.
 *
 * Old office files come in three shapes besides UTF-8:
 * - UTF-16 (Notepad's "Unicode"), with or without a byte-order mark;
 * - TCVN3 / ABC, the ".VnTime" fonts: one byte per letter, "B¶o Th¾ng" when read as Windows-1252;
 * - VNI Windows: a base letter followed by a mark byte, "Vieät Nam" when read as Windows-1252.
 * A legacy text also arrives already "decoded" when a clerk pastes from a document whose font did the
 * work: the same mojibake, now in Unicode. Both cases go through the same detector: count what each
 * reading would mean, and convert only when one is clearly Vietnamese.
 */
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'tcvn3' | 'vni' | 'windows-1252';

// ---- VNI: generated from the letter and its marks, so the table cannot carry a typo -----------------

/** VNI's mark characters (as Windows-1252 reads them), lower- then upper-case form. */
const VNI_TONES: Record<string, [string, string]> = {
  '\u0301': ['ù', 'Ù'], // sắc
  '\u0300': ['ø', 'Ø'], // huyền
  '\u0309': ['û', 'Û'], // hỏi
  '\u0303': ['õ', 'Õ'], // ngã
  '\u0323': ['ï', 'Ï'], // nặng
};
/** After â, ê, ô and ă the tone is written with its own characters. */
const VNI_HAT_TONES: Record<string, [string, string]> = {
  '': ['â', 'Â'],
  '\u0301': ['á', 'Á'],
  '\u0300': ['à', 'À'],
  '\u0309': ['å', 'Å'],
  '\u0303': ['ã', 'Ã'],
  '\u0323': ['ä', 'Ä'],
};
const VNI_BREVE_TONES: Record<string, [string, string]> = {
  '': ['ê', 'Ê'],
  '\u0301': ['é', 'É'],
  '\u0300': ['è', 'È'],
  '\u0309': ['ú', 'Ú'],
  '\u0303': ['ü', 'Ü'],
  '\u0323': ['ë', 'Ë'],
};
/** i and y have single characters for some tones. */
const VNI_SINGLE: Record<string, string> = {
  í: 'í',
  ì: 'ì',
  ỉ: 'æ',
  ĩ: 'ó',
  ị: 'ò',
  ỵ: 'î',
  Í: 'Í',
  Ì: 'Ì',
  Ỉ: 'Æ',
  Ĩ: 'Ó',
  Ị: 'Ò',
  Ỵ: 'Î',
  đ: 'ñ',
  Đ: 'Ñ',
  ơ: 'ô',
  Ơ: 'Ô',
  ư: 'ö',
  Ư: 'Ö',
};

/** VNI spelling → Unicode letter, longest spelling first when converting. */
const VNI_TO_UNICODE: Map<string, string> = (() => {
  const map = new Map<string, string>();
  const add = (vni: string, letter: string) => {
    if (!map.has(vni)) map.set(vni, letter.normalize('NFC'));
  };
  for (const [letter, vni] of Object.entries(VNI_SINGLE)) add(vni, letter);
  for (const upper of [false, true]) {
    const c = (s: string) => (upper ? s.toUpperCase() : s);
    const pick = (pair: [string, string]) => (upper ? pair[1] : pair[0]);
    for (const base of ['a', 'e', 'o', 'u', 'y', 'i', 'ơ', 'ư']) {
      const baseVni =
        base === 'ơ' || base === 'ư' ? pick([VNI_SINGLE[base]!, VNI_SINGLE[base.toUpperCase()]!]) : c(base);
      for (const [mark, pair] of Object.entries(VNI_TONES)) {
        const letter = c(base) + mark;
        if ((base === 'i' || base === 'y') && VNI_SINGLE[letter.normalize('NFC')]) continue;
        add(baseVni + pick(pair), letter);
      }
    }
    for (const base of ['a', 'e', 'o']) {
      for (const [mark, pair] of Object.entries(VNI_HAT_TONES))
        add(c(base) + pick(pair), c(base) + '\u0302' + mark);
    }
    for (const [mark, pair] of Object.entries(VNI_BREVE_TONES))
      add(c('a') + pick(pair), c('a') + '\u0306' + mark);
  }
  return map;
})();

const VNI_PATTERN = new RegExp(
  [...VNI_TO_UNICODE.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);

/** Converts VNI text (as Windows-1252 shows it) to Unicode. Exported for tests that write VNI files. */
export function vniToUnicode(s: string): string {
  return s.replace(VNI_PATTERN, (m) => VNI_TO_UNICODE.get(m) ?? m);
}

/** Unicode → VNI bytes: the encoder the tests use to make a genuine legacy file. */
export function unicodeToVniBytes(s: string): Buffer {
  const reverse = new Map([...VNI_TO_UNICODE].map(([vni, letter]) => [letter, vni]));
  const out = [...s.normalize('NFC')].map((ch) => reverse.get(ch) ?? ch).join('');
  return iconv.encode(out, 'windows-1252');
}

/** Unicode → TCVN3 bytes (iconv-lite's "tcvn" table is TCVN 5712, whose VN3 subset is the ABC fonts). */
export function unicodeToTcvn3Bytes(s: string): Buffer {
  return iconv.encode(s.normalize('NFC'), 'tcvn');
}

// ---- detection ---------------------------------------------------------------------------------------

/**
 * Letters only Unicode Vietnamese has: ă đ ơ ư and the toned letters of the Latin Extended Additional
 * block. Windows-1252 has none of them, so legacy text read through it never shows one.
 */
const UNICODE_VIETNAMESE = /[ăđơưĂĐƠƯ\u1EA0-\u1EF9]/gu;
/** TCVN3 letters that fall on Windows-1252 punctuation (0xA8–0xBE): VNI never uses those bytes. */
const TCVN3_SIGNS = /[¨©ª«¬\u00ad®µ¶·¸¹»¼½¾]/g;
/** VNI pairs: a vowel followed by a mark character, and the VNI đ. */
const VNI_SIGNS = /[aeiouyAEIOUYôöÔÖ][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]|[ñÑ]/g;

const count = (s: string, re: RegExp) => s.match(re)?.length ?? 0;

/**
 * Reads Windows-1252-looking text as TCVN3 or VNI when that is what it is. Returns null when the text
 * is already Unicode Vietnamese (or not Vietnamese at all).
 */
export function detectLegacy(s: string): 'tcvn3' | 'vni' | null {
  const sample = s.length > 200_000 ? s.slice(0, 200_000) : s;
  const words = Math.max(1, count(sample, /\S+/g));
  const unicode = count(sample, UNICODE_VIETNAMESE);
  const vni = count(sample, VNI_SIGNS);
  const tcvn = count(sample, TCVN3_SIGNS);
  // Legacy text has no Unicode Vietnamese letter; a few (a pasted name) do not make a Unicode text.
  if (unicode > Math.max(vni, tcvn) / 4) return null;
  const best = Math.max(vni, tcvn);
  // Legacy Vietnamese shows a sign in most words; a French word or two in English text is not that.
  if (best < 2 || best < words * 0.2) return null;
  return tcvn >= vni ? 'tcvn3' : 'vni';
}

/** Converts text shown through Windows-1252 from a legacy encoding to Unicode. */
export function convertLegacy(s: string, encoding: 'tcvn3' | 'vni'): string {
  if (encoding === 'vni') return vniToUnicode(s).normalize('NFC');
  // Back to the bytes the font saw, then through the TCVN table.
  return iconv.decode(iconv.encode(s, 'windows-1252'), 'tcvn').normalize('NFC');
}

function looksUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * What reading the bytes as UTF-8 finds: well-formed multi-byte letters, and the places that are not
 * UTF-8 (each one U+FFFD when decoded, counted as the WHATWG decoder counts them: a cut sequence is one
 * place, and the byte that cut it is read again).
 */
export function utf8Evidence(bytes: Uint8Array): { letters: number; bad: number } {
  let letters = 0;
  let bad = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) {
      bad++;
      i++;
      continue;
    }
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlong forms, no surrogates).
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    let j = 1;
    while (j <= need) {
      const c = bytes[i + j];
      if (c === undefined || c < (j === 1 ? lo : 0x80) || c > (j === 1 ? hi : 0xbf)) break;
      j++;
    }
    if (j > need) letters++;
    else bad++;
    i += j;
  }
  return { letters, bad };
}

/**
 * A file is UTF-8 when it has no bad place, or when its well-formed letters outnumber its bad places
 * this many to one: a byte or two spoilt on a USB stick leave a Vietnamese UTF-8 file with hundreds of
 * letters, while a legacy (TCVN3, VNI, Windows-1252) file read as UTF-8 is nearly all bad places.
 */
const UTF8_LETTERS_PER_BAD = 9;

/**
 * Bytes that are not text: NUL bytes near the start (programs, pictures, archives have them; a text
 * file never does, save UTF-16, whose ASCII letters carry one), or nothing but NULs. NULs that only
 * pad the end of a text (a file cut short by a crash) do not count.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  if (looksUtf16(bytes)) return false;
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  if (end === 0) return bytes.length > 0;
  return bytes.subarray(0, Math.min(end, 8000)).includes(0);
}

/**
 * A text file's bytes → Unicode text (NFC, line ends as "\n") and the encoding it was read as, with the
 * number of places replaced by U+FFFD when a UTF-8 file had bytes that are not UTF-8 (absent when none).
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncoding; replaced?: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text: string;
  let encoding: TextEncoding;
  let replaced = 0;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    text = buf.subarray(3).toString('utf8');
    encoding = 'utf-8-bom';
    replaced = utf8Evidence(buf.subarray(3)).bad;
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    text = iconv.decode(buf.subarray(2), 'utf-16le');
    encoding = 'utf-16le';
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    text = iconv.decode(buf.subarray(2), 'utf-16be');
    encoding = 'utf-16be';
  } else {
    const utf16 = looksUtf16(buf);
    const utf8 = utf16 ? null : utf8Evidence(buf);
    if (utf16) {
      text = iconv.decode(buf, utf16);
      encoding = utf16;
    } else if (utf8!.bad === 0 || utf8!.letters >= utf8!.bad * UTF8_LETTERS_PER_BAD) {
      // Decided on the whole file: a bad byte is replaced where it is, not taken as a sign of TCVN3.
      text = buf.toString('utf8');
      encoding = 'utf-8';
      replaced = utf8!.bad;
    } else {
      text = iconv.decode(buf, 'windows-1252');
      encoding = 'windows-1252';
    }
  }
  const normalized = decodeText(text);
  return { text: normalized.text, encoding: normalized.legacy ?? encoding, ...(replaced ? { replaced } : {}) };
}

/** Pasted or decoded text → clean Unicode: legacy encodings converted, NFC, "\n" line ends, no NULs. */
export function decodeText(raw: string): { text: string; legacy: 'tcvn3' | 'vni' | null } {
  // eslint-disable-next-line no-control-regex -- NUL bytes are exactly what must go
  let text = raw.replace(/\r\n?/g, '\n').replace(/[\u0000\ufeff]/g, '');
  const legacy = detectLegacy(text);
  if (legacy) text = convertLegacy(text, legacy);
  return { text: text.normalize('NFC'), legacy };
}
