import { describe, expect, it } from 'vitest';
import { markedForm, markedText, scanWords, words } from '../../db/search/tokens';

/** The word-by-word definition markedText must agree with. */
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
