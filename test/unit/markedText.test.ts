import { describe, expect, it } from 'vitest';
import { markedForm, markedText, words } from '../../db/search/tokens';

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
});
