import { foldVietnamese } from '../../contract/vietnamese/fold';
import { words } from './tokens';

/**
 * Abbreviations common in official texts, expanded both ways at query time: "KT-XH" also finds
 * "kinh tế - xã hội" and "kinh tế - xã hội" also finds "KT-XH". The clerk can edit the list in
 * Cài đặt; these are the ones it starts with.
 */
export const DEFAULT_ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ['QP', 'quốc phòng'],
  ['QS', 'quân sự'],
  ['KT-XH', 'kinh tế - xã hội'],
  ['UBND', 'Ủy ban nhân dân'],
  ['HĐND', 'Hội đồng nhân dân'],
  ['QUTƯ', 'Quân ủy Trung ương'],
  ['QUTW', 'Quân ủy Trung ương'],
  ['BCH', 'Ban Chấp hành'],
  ['BTV', 'Ban Thường vụ'],
  ['BCT', 'Bộ Chính trị'],
  ['TW', 'Trung ương'],
  ['MTTQ', 'Mặt trận Tổ quốc'],
  ['ĐBQH', 'đại biểu Quốc hội'],
  ['BQP', 'Bộ Quốc phòng'],
  ['BCA', 'Bộ Công an'],
  ['BTTM', 'Bộ Tổng Tham mưu'],
  ['TCCT', 'Tổng cục Chính trị'],
  ['QĐND', 'Quân đội nhân dân'],
  ['LLVT', 'lực lượng vũ trang'],
  ['KVPT', 'khu vực phòng thủ'],
  ['DQTV', 'dân quân tự vệ'],
  ['DBĐV', 'dự bị động viên'],
  ['BCHQS', 'Bộ Chỉ huy Quân sự'],
  ['ANTT', 'an ninh trật tự'],
  ['TTATXH', 'trật tự an toàn xã hội'],
  ['CNH-HĐH', 'công nghiệp hóa, hiện đại hóa'],
  ['NQ', 'Nghị quyết'],
  ['NĐ', 'Nghị định'],
  ['TB', 'Thông báo'],
  ['CTr', 'Chương trình'],
  ['KH', 'Kế hoạch'],
];

/** A phrase as a list of folded words: the unit both sides of the dictionary are compared in. */
export type FoldedPhrase = string[];

export function foldedWords(text: string): FoldedPhrase {
  return words(text).map((w) => foldVietnamese(w.text));
}

export interface AbbreviationIndex {
  /** Alternatives for a folded phrase (joined by spaces), each a folded phrase. */
  alternatives(phrase: FoldedPhrase): FoldedPhrase[];
}

export function buildAbbreviationIndex(pairs: readonly (readonly [string, string])[]): AbbreviationIndex {
  const map = new Map<string, FoldedPhrase[]>();
  const add = (from: FoldedPhrase, to: FoldedPhrase) => {
    if (from.length === 0 || to.length === 0) return;
    const key = from.join(' ');
    const list = map.get(key) ?? [];
    if (!list.some((p) => p.join(' ') === to.join(' '))) list.push(to);
    map.set(key, list);
  };
  for (const [abbr, full] of pairs) {
    const a = foldedWords(abbr);
    const f = foldedWords(full);
    add(a, f);
    add(f, a);
    // "KTXH" typed without the hyphen is the same abbreviation as "KT-XH".
    if (a.length > 1) {
      add([a.join('')], f);
      add(f, [a.join('')]);
    }
  }
  // Abbreviations that share an expansion (QUTƯ, QUTW) find each other too.
  for (const [key, alts] of [...map]) {
    for (const alt of alts) {
      for (const second of map.get(alt.join(' ')) ?? []) if (second.join(' ') !== key) add(key.split(' '), second);
    }
  }
  return { alternatives: (phrase) => map.get(phrase.join(' ')) ?? [] };
}

export const DEFAULT_ABBREVIATION_INDEX = buildAbbreviationIndex(DEFAULT_ABBREVIATIONS);

let lastKey = '';
let lastIndex = DEFAULT_ABBREVIATION_INDEX;

/** The index for the clerk's dictionary (from settings), rebuilt only when the list changed. */
export function abbreviationIndexFor(pairs: readonly (readonly [string, string])[]): AbbreviationIndex {
  const key = JSON.stringify(pairs);
  if (key !== lastKey) {
    lastIndex = buildAbbreviationIndex(pairs);
    lastKey = key;
  }
  return lastIndex;
}
