/**
 * Số và ký hiệu of a Vietnamese document, checked and written one way.
 *
 * The shapes in use (Nghị định 30/2020/NĐ-CP for state bodies, Hướng dẫn 36-HD/VPTW for the Party):
 *   state   05/TB-UBND, 1234/QĐ-TTg, 03/2019/NĐ-CP, 126/2020/QH14   number[/year]/type-issuer
 *   party   15-NQ/TW, 1374-QC/QUTW-TUHN, 09-CTr/TU                 number-type/issuer[-issuer]
 * Clerks copy numbers out of news reports and scans, so the text arrives as "Số: 05/TB-UBND",
 * "2927 -TB/TU", "15 – NQ / TW" or "15-nq/tw": the spacing, dashes and a leading "Số" are repaired,
 * the symbols keep the case they were written in (CTr, TTg are official), and an all-lower-case
 * symbol is upper-cased. Pure: used by the contract (zod) and by the UI for live checking.
 */

/** Document types clerks pick from (the field stays free text: agencies have their own kinds). */
import { msg, type Message } from './messages/message';

export const DOCUMENT_TYPES = [
  'Nghị quyết',
  'Nghị định',
  'Quy chế',
  'Quy định',
  'Thông báo',
  'Chương trình',
  'Kết luận',
  'Chỉ thị',
  'Kế hoạch',
  'Quyết định',
  'Báo cáo',
  'Hướng dẫn',
  'Thông tư',
  'Tờ trình',
  'Biên bản',
  'Công văn',
  'Đề án',
  'Luật',
] as const;

/** Abbreviation of the type in the symbol (the part after the number) → the type's name. */
const TYPE_BY_CODE: Record<string, string> = {
  NQ: 'Nghị quyết',
  NĐ: 'Nghị định',
  QC: 'Quy chế',
  QĐi: 'Quy định',
  TB: 'Thông báo',
  CTr: 'Chương trình',
  KL: 'Kết luận',
  CT: 'Chỉ thị',
  KH: 'Kế hoạch',
  QĐ: 'Quyết định',
  BC: 'Báo cáo',
  HD: 'Hướng dẫn',
  TT: 'Thông tư',
  TTr: 'Tờ trình',
  BB: 'Biên bản',
  ĐA: 'Đề án',
};

/** Official codes written in mixed case: restored when a clerk typed the symbol in lower case. */
const MIXED_CASE = new Map(['CTr', 'TTg', 'TTr', 'QĐi'].map((code) => [code.toUpperCase(), code]));

export type DocumentNumberResult =
  { ok: true; number: string; docType: string | null } | { ok: false; message: Message };

const SYMBOL = /^\p{Lu}[\p{L}\d]*$/u;

function fixCase(symbol: string): string {
  if (symbol !== symbol.toLowerCase()) return symbol;
  const upper = symbol.toUpperCase();
  return MIXED_CASE.get(upper) ?? upper;
}

/**
 * Checks and normalizes a số và ký hiệu. `number` is the text to store; `docType` is the type the
 * symbol names (NQ → Nghị quyết), or null when it names none (a công văn's symbol names its issuer).
 */
export function normalizeDocumentNumber(input: string): DocumentNumberResult {
  let s = input
    .normalize('NFC')
    .replace(/[\u2010-\u2015\u2212\uff0d]/g, '-')
    .replace(/[\uff0f\u2215]/g, '/')
    .trim()
    .replace(/^số\s*[:.]?\s*/iu, '')
    .replace(/[.,;]+$/, '')
    .replace(/\s*([-/])\s*/g, '$1');
  if (!s) return { ok: false, message: msg('documentNumber.empty') };
  if (s.length > 100) return { ok: false, message: msg('documentNumber.tooLong', { max: 100 }) };
  if (/\s/.test(s)) {
    return { ok: false, message: msg('documentNumber.hasSpace', { input: input.trim() }) };
  }
  const head = /^(\d{1,7})(?:\/(\d{4}))?([-/])(.+)$/.exec(s);
  if (!head) {
    return { ok: false, message: msg('documentNumber.noNumber', { input: input.trim() }) };
  }
  const [, num, year, sep, rest] = head as unknown as [string, string, string | undefined, string, string];
  if (year !== undefined && (Number(year) < 1945 || Number(year) > 2100)) {
    return { ok: false, message: msg('documentNumber.badYear', { year, input: input.trim() }) };
  }
  const symbols = rest.split(/([-/])/);
  for (let i = 0; i < symbols.length; i += 2) {
    symbols[i] = fixCase(symbols[i]!);
    if (!SYMBOL.test(symbols[i]!)) {
      return { ok: false, message: msg('documentNumber.badSymbol', { input: input.trim() }) };
    }
  }
  s = `${num}${year ? `/${year}` : ''}${sep}${symbols.join('')}`;
  return { ok: true, number: s, docType: TYPE_BY_CODE[symbols[0]!] ?? null };
}
