/**
 * Document references in the text: "Nghị quyết số 15-NQ/TW ngày 5-5-2022", "Nghị định số
 * 03/2019/NĐ-CP", "Thông báo kết luận số 2927 -TB/TU ngày 4/2/2020". The number is repaired and checked
 * by the same normalizer as the record's Văn bản tab; the type is the one written before "số" (else the
 * one the symbol names); the date is the "ngày …" right after the number.
 */
import type { DraftDocumentRef } from '../../../contract/importContract';
import { DOCUMENT_TYPES, normalizeDocumentNumber } from '../../../contract/documentNumber';
import { dateAtStart, isoOf } from './dates';
import type { Block } from './blocks';

/** number[/year] sep SYMBOL[sep SYMBOL]… with the broken spacing pasted text has ("2927 -TB/TU"). */
const NUMBER =
  /(?<![\p{L}\d/-])(\d{1,7})(?:\s?\/\s?(\d{4}))?\s{0,2}([-–/])\s{0,2}(\p{Lu}[\p{L}\d]*(?:\s?[-/]\s?\p{Lu}[\p{L}\d]*)*)/gu;

const TYPES_BY_LENGTH = [...DOCUMENT_TYPES].sort((a, b) => b.length - a.length);

/** The type named just before the number: "… Thông báo kết luận số " → Thông báo. */
function typeBefore(before: string): string | null {
  const tail = before.slice(-60).toLowerCase();
  for (const t of TYPES_BY_LENGTH) {
    const i = tail.lastIndexOf(t.toLowerCase());
    // The type's words end at most two words ("kết luận", "liên tịch") before "số"/the number.
    if (i >= 0 && /^(?:\s+\S+){0,2}\s+(?:số\s*)?$/u.test(tail.slice(i + t.length) + ' ')) return t;
  }
  return null;
}

export function extractDocumentRefs(blocks: readonly Block[]): DraftDocumentRef[] {
  const out: DraftDocumentRef[] = [];
  const seen = new Set<string>();
  for (const b of blocks) {
    for (const m of b.text.matchAll(NUMBER)) {
      const n = normalizeDocumentNumber(m[0]);
      if (!n.ok) continue;
      // A symbol is an abbreviation (NQ, TB, QĐ…): a capitalised ordinary word ("2024-Nam") is not one.
      const firstSymbol = m[4]!.split(/[-/]/)[0]!.trim();
      if (firstSymbol.length > 1 && /^\p{Lu}\p{Ll}{2,}$/u.test(firstSymbol)) continue;
      const end = m.index + m[0].length;
      const date = dateAtStart(b.text.slice(end));
      const before = b.text.slice(0, m.index);
      const start = (() => {
        const t = typeBefore(before);
        if (!t) return m.index;
        const i = before.toLowerCase().lastIndexOf(t.toLowerCase());
        return i >= 0 ? i : m.index;
      })();
      const stop = date ? end + date.index + date.length : end;
      if (seen.has(n.number)) continue;
      seen.add(n.number);
      out.push({
        number: n.number,
        type: typeBefore(before) ?? n.docType,
        date: date?.year ? isoOf(date.year, date.month, date.day) : null,
        span: { start: b.start + start, end: b.start + stop },
      });
    }
  }
  return out;
}
