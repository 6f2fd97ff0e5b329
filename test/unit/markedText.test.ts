import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../contract/vietnamese/fold';
import { docTerms } from '../../db/search/docTerms';
import { SEARCH_COLUMNS, type SearchDocument } from '../../db/search/document';
import { foldedText, markedForm, scanWords, words } from '../../db/search/tokens';
import { isPhraseTerm } from '../../db/search/indexedPhrases';

/** A meeting whose minutes are `text` and whose other columns are empty. */
const docOf = (text: string): SearchDocument => ({
  ...(Object.fromEntries(SEARCH_COLUMNS.map((c) => [c, ''])) as Record<(typeof SEARCH_COLUMNS)[number], string>),
  minutes: text,
  meetingId: 'm',
  meetingDate: null,
  kind: '',
});
/** What the marked index receives for a document: its distinct marked forms. */
const markedText = (text: string) => docTerms(docOf(text)).marked.join(' ');

/** The word-by-word definition the marked forms must agree with. */
const byWords = (text: string) => new Set(words(text.normalize('NFC')).map((w) => markedForm(w.text)));

describe('marked text of a document', () => {
  it('holds each distinct word once, tone as a trailing digit, old and new placement alike', () => {
    expect(new Set(markedText('Hòa bình, hoà bình; THUỶ chung thủy. Bàn bán ban bạn').split(' '))).toEqual(
      new Set(['hoa1', 'binh1', 'thuy2', 'chung', 'ban1', 'ban4', 'ban', 'ban5']),
    );
  });

  it('agrees word for word with markedForm on official text, decomposed text and odd characters', () => {
    const samples = [
      'Đại tướng Phan Văn Giang, Ủy viên Bộ Chính trị, Phó Bí thư QUTƯ, Bộ trưởng Bộ Quốc phòng chủ trì hội nghị.',
      'Quy chế số 1374-QC/QUTW-TUHN ngày 9-9-2022; Nghị định số 03/2019/NĐ-CP ngày 5-9-2019.',
      'NGƯỜI ĐỨNG ĐẦU CƠ QUAN, ĐƠN VỊ “cách mạng, chính quy, tinh nhuệ, từng bước hiện đại”…',
      'Thượng tướng Lê Huy Vịnh'.normalize('NFD') + ' 😀 ß Straße ǅ İstanbul x\u0301y',
    ];
    for (const s of samples) expect(new Set(markedText(s).split(' ').filter(Boolean)), s).toEqual(byWords(s));
  });
  it('keeps apart words whose hashes collide, and lists each form once per document, again in the next one', () => {
    // "Aa" and "BB" have the same 31-multiplier hash: the lookup must confirm the word, not trust the hash.
    expect(markedText('Aa BB aa bb Aa').split(' ').sort()).toEqual(['aa', 'bb']);
    expect(markedText('BB').split(' ')).toEqual(['bb']);
    expect(markedText('Hòa hoà HÒA').split(' ')).toEqual(['hoa1']);
    expect(markedText('hoà bình').split(' ')).toEqual(['hoa1', 'binh1']);
    expect(markedText('')).toBe('');
  });
});

describe('folded words of a document', () => {
  // Each spelling is folded once, word by word: the words and positions must be those of the whole
  // text folded and then split (what FTS5 indexed, and what the brute-force bm25 of the tests reads).
  const byFoldedText = (text: string) => {
    const out = new Map<string, number[]>();
    words(foldedText(text)).forEach((w, i) => out.set(w.text, [...(out.get(w.text) ?? []), i]));
    return out;
  };
  const byDocTerms = (text: string) => {
    const d = docTerms(docOf(text));
    const minutes = SEARCH_COLUMNS.indexOf('minutes');
    const words = [...d.terms].filter(([w]) => !isPhraseTerm(w));
    return { length: d.length, words: new Map(words.map(([w, occ]) => [w, occ.positions[minutes]!])) };
  };

  it('gives the words and positions of the folded text, on official, decomposed and odd text', () => {
    const samples = [
      'Đại tướng Phan Văn Giang, Ủy viên Bộ Chính trị, Phó Bí thư QUTƯ chủ trì hội nghị; hội nghị thành công.',
      'Thượng tướng Lê Huy Vịnh'.normalize('NFD') + ' 😀 ß Straße ǅ İstanbul x\u0301y',
      'stray \u0301\u0303 marks, =\u0338 and -\u0301a alone: \u0301 Hoà hòa HÒA',
      '',
    ];
    for (const s of samples) {
      const expected = byFoldedText(s);
      const got = byDocTerms(s);
      expect(got.words, s).toEqual(expected);
      expect(got.length, s).toBe([...expected.values()].reduce((n, p) => n + p.length, 0));
    }
    expect([...byDocTerms('Hoà hòa HÒA đà').words.keys()]).toEqual(['hoa', foldVietnamese('đà')]);
  });

  it("holds the dictionary's phrases as terms where they begin, column by column, without lengthening the document", () => {
    const d = docTerms({
      ...docOf('Ủy ban nhân dân tỉnh và Ủy ban nhân dân huyện; ủy ban MTTQ, nhân dân. Kinh tế - xã hội; KT-XH'),
      title: 'Phiên họp UBND, Ủy ban nhân dân',
    });
    const minutes = SEARCH_COLUMNS.indexOf('minutes');
    const title = SEARCH_COLUMNS.indexOf('title');
    const ubnd = d.terms.get('uy ban nhan dan')!;
    expect(ubnd.positions[minutes]).toEqual([0, 6]);
    expect(ubnd.positions[title]).toEqual([3]);
    expect(d.terms.get('kinh te xa hoi')!.positions[minutes]).toEqual([16]);
    expect(d.terms.get('kt xh')!.positions[minutes]).toEqual([20]);
    // "ủy ban MTTQ, nhân dân" is not the phrase; the words alone are 22 + 7.
    expect([...d.terms.keys()].filter(isPhraseTerm).sort()).toEqual(['kinh te xa hoi', 'kt xh', 'uy ban nhan dan']);
    expect(d.length).toBe(22 + 7);
  });
});

describe('word scanning', () => {
  // The index and the snippets must agree with FTS5's unicode61 split: letters, digits and marks.
  const byRegex = (text: string) =>
    [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => [m.index, m.index + m[0].length]);

  it('splits exactly like the Unicode property regex, on Vietnamese text, decomposed marks, numbers and symbols', () => {
    const samples = [
      'Đại tướng Phan Văn Giang, Ủy viên Bộ Chính trị; 1374-QC/QUTW-TUHN (ngày 9-4).',
      'hoa\u0300 bi\u0300nh thu\u0309y — “Quang cảnh” hội nghị…',
      'Số 03/2019/NĐ-CP · ① ½ x² 𝐀𝐁 😀 tiếng 𠀀 Việt',
      '',
      '   ',
      'a',
    ];
    for (const text of samples) {
      const found: number[][] = [];
      scanWords(text, (start, end) => found.push([start, end]));
      expect(found, text).toEqual(byRegex(text));
    }
  });

  it('agrees with the regex on random strings drawn from Vietnamese letters, marks, digits, punctuation and emoji', () => {
    const alphabet = [
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệ0123456789 ,.;:-/()“”…\u0300\u0301\u0309',
    ].concat(['😀', '𝐀', '\u00a0', '\t', '\n']);
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 300; n++) {
      let text = '';
      for (let i = 0; i < 40; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const found: number[][] = [];
      scanWords(text, (start, end) => found.push([start, end]));
      expect(found, JSON.stringify(text)).toEqual(byRegex(text));
    }
  });
});
