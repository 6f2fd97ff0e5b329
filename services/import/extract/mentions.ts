/**
 * People named anywhere in a report, not only in the sentences that list the chairs and the guests:
 * "Phát biểu khai mạc, Đại tá Trịnh Văn A, Bí thư Đảng ủy, Chính ủy Sư đoàn nhấn mạnh …",
 * "Phó Bí thư Thường trực Thành ủy Nguyễn Thị B báo cáo …", "thay cho thượng tá Hoàng Văn C …".
 *
 * A mention is a full name (two to five capitalised words starting with a family name) *anchored* by
 * what Vietnamese puts around a person: an honorific or a rank right before it (in any case), an
 * office standing before it ("Tổng Bí thư, Chủ tịch nước …"), or an office right after it
 * ("Nguyễn Văn D, Phó Chủ tịch UBND tỉnh"). The titles after the name run up to the predicate
 * (lexicon.ts): the first verb of speech or action ends the subject. A name alone, a place ("Lâm
 * Đồng") or a leader of the past ("Hồ Chí Minh") is never a person at the meeting.
 */
import { isFamilyName, RANKS } from '../../../contract/attendanceParse';
import type { DraftPerson } from '../../../contract/importContract';
import { foldVietnamese } from '../../../contract/vietnamese/fold';
import { HISTORICAL_NAMES, PLACE_CLASSIFIERS, PLACE_NAMES, PREDICATE_WORDS, TITLE_HEADS } from './lexicon';

/** A run of capitalised words: the name is inside it (a place or an office may stand before it). */
const CAPITALISED_RUN = /(?<![\p{L}\d])\p{Lu}[\p{Ll}'’]*(?:[ \u00a0]+\p{Lu}[\p{Ll}'’]*)+(?![\p{L}\d])/gu;
const MAX_NAME_WORDS = 5;

const lower = (s: string) => s.toLowerCase();
const HONORIFIC_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(?:các\\s+)?(đồng chí|đ/c|ông|bà|thầy|cô|${RANKS.map(lower).join('|')})\\s+$`,
  'u',
);
const RANK_OF = new Map<string, string>(RANKS.map((r) => [lower(r), r]));
const PLACES = new Set(PLACE_NAMES.map((p) => foldVietnamese(p)));
const HISTORICAL = new Set(HISTORICAL_NAMES.map((p) => foldVietnamese(p)));
const PLACE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${PLACE_CLASSIFIERS.join('|')})\\.?\\s+$`, 'u');
/** Words written before a name as a courtesy, capitalised at the start of a sentence ("Ông Nguyễn …"). */
const HONORIFIC_WORDS = new Set(['ông', 'bà', 'thầy', 'cô']);
const OFFICE_AHEAD = new RegExp(
  `^(?:phó\\s+)?(?:${[...TITLE_HEADS, ...RANKS].map(lower).join('|')})(?![\\p{L}])`,
  'u',
);
/** "UVTV", "UVBCT", "TBT": an office abbreviated in capitals. */
const OFFICE_ABBREVIATION = /^\p{Lu}{2,}(?![\p{L}])/u;
/** Two-word offices ("chủ tịch", "bí thư"): a name never ends in their first word. */
const TITLE_HEAD_SET = new Set(
  TITLE_HEADS.flatMap((t) => {
    const w = lower(t).split(' ');
    return w.length >= 2 ? [`${w[w.length - 2]} ${w[w.length - 1]}`, `${w[0]} ${w[1]}`] : [];
  }),
);
const TITLE_HEAD = new RegExp(`(?:^|[^\\p{L}])(${TITLE_HEADS.map(lower).join('|')})(?![\\p{L}])`, 'gu');
const PREDICATE = new RegExp(
  `^(?:${[...PREDICATE_WORDS].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}])`,
  'u',
);
/** "thư ký đoàn", "thư ký cuộc họp": the one who takes the minutes, written among the offices. */
const SECRETARY = /^thư ký(?:\s+(?:đoàn|cuộc họp|hội nghị|phiên họp|kỳ họp|buổi làm việc))?(?![\p{L}])/iu;
export const isSecretaryTitle = (title: string) =>
  SECRETARY.test(title) && SECRETARY.exec(title)![0].length === title.trim().length;

/** Nouns that begin with a predicate's word: "Ban Quản lý dự án", "dự thảo", "có thẩm quyền". */
const NOUN_COMPOUND =
  /^(?:dự (?:án|toán|thảo|báo|trữ|bị|khuyết)|có thẩm quyền|nhận thức|tiếp nhận|giữ gìn)(?![\p{L}])/u;
/** The meeting named as the subject of the main clause: "…, Hội nghị lần thứ 25 … đã …". */
const MEETING_NOUN = /^(?:hội nghị|kỳ họp|đại hội|phiên họp|cuộc họp|buổi làm việc|hội thảo)(?![\p{L}])/iu;
const HONORIFIC_OR_RANK_AHEAD = new RegExp(
  `^\\s*(?:các\\s+)?(?:đồng chí|đ/c|ông|bà|${RANKS.map(lower).join('|')})\\s`,
  'u',
);

function honorificBefore(before: string): { word: string; length: number } | null {
  const m = HONORIFIC_BEFORE.exec(before);
  return m ? { word: m[1]!, length: before.length - (m.index + m[0].indexOf(m[1]!)) } : null;
}

/** Office words that lose their marks into a family name ("Trưởng" → Trương, "Tổng" → Tống). */
const NOT_FAMILY = new Set(['trưởng', 'tổng', 'quảng', 'phó']);

/** Where the name starts in a capitalised run, skipping a place or office before it; null if none. */
function nameIn(words: string[]): number | null {
  for (let at = 0; at <= words.length - 2; at++) {
    const rest = words.length - at;
    if (rest > MAX_NAME_WORDS || !isFamilyName(words[at]!) || NOT_FAMILY.has(lower(words[at]!))) continue;
    // "Hà Nội Hoàng Trung Hải": "Hà Nội" is the place of the office before the name.
    if (PLACES.has(foldVietnamese(`${words[at]} ${words[at + 1]}`)) && rest > 2) continue;
    return at;
  }
  return null;
}

const MAX_SUBJECT = 400;

/** The text up to the first word of the predicate (or of the next clause), from `from` on. */
export function untilPredicate(text: string, from: number, limit = text.length): number {
  // A subject with its offices is a few hundred characters at most: never scan a whole long line.
  const end = Math.min(limit, from + MAX_SUBJECT);
  const re = /[\p{L}]+/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    const rest = text.slice(m.index, m.index + 80);
    const word = m[0];
    if (word[0] === word[0]!.toUpperCase()) continue;
    if (!PREDICATE.test(rest) || NOUN_COMPOUND.test(rest)) continue;
    // "A và đồng chí B": "và" joins two people, it does not end the subject; "Sở Nông nghiệp và Môi
    // trường": before a capital it joins the words of an agency's name.
    if (/^(?:và|cùng)\s/u.test(rest) && HONORIFIC_OR_RANK_AHEAD.test(rest.slice(word.length))) continue;
    if (/^và\s+\p{Lu}/u.test(rest)) continue;
    return m.index;
  }
  return end;
}

/** The offices written after a name: ", Bí thư Đảng ủy, Chính ủy Sư đoàn 324" up to the predicate. */
function titlesAfter(text: string, from: number): { titles: string[]; end: number } {
  const titles: string[] = [];
  let at = from;
  // A person holds a few offices: past six, or past a subject's length, it is a list of people.
  while (titles.length < 6 && at - from < MAX_SUBJECT) {
    const sep = /^\s*(?:,|[-–—](?=\s))\s*/u.exec(text.slice(at, at + 8));
    if (!sep) break;
    const start = at + sep[0].length;
    const ahead = text.slice(start, start + MAX_SUBJECT);
    const first = /^[\p{L}]+/u.exec(ahead)?.[0] ?? '';
    const officeLike =
      !!first &&
      (first[0] !== first[0]!.toLowerCase() || /^phó|^ủy|^uỷ/u.test(first) || SECRETARY.test(ahead));
    // A rank or an honorific starts the next person of a list, not an office.
    const nextPerson = startsAPerson(ahead) || HONORIFIC_OR_RANK_AHEAD.test(lower(ahead.slice(0, 40)));
    if (!officeLike || MEETING_NOUN.test(ahead) || nextPerson) break;
    const clause = clauseEnd(text, start);
    const stop = Math.min(untilPredicate(text, start, clause), clause);
    const title = text
      .slice(start, stop)
      .trim()
      .replace(/[\s,]+$/u, '');
    if (title) titles.push(title);
    at = start + text.slice(start, stop).trimEnd().length;
    if (stop < clause) break;
  }
  return { titles, end: at };
}

/** "Nguyễn Văn A, …" starts another person in a list, not a title. */
function startsAPerson(text: string): boolean {
  const run = /^\p{Lu}[\p{Ll}'’]*(?:\s+\p{Lu}[\p{Ll}'’]*)+/u.exec(text);
  if (!run) return false;
  const words = run[0].split(/\s+/);
  return nameIn(words) === 0;
}

const clauseEnd = (text: string, from: number) => {
  const m = /[,;:.!?()]/u.exec(text.slice(from, from + MAX_SUBJECT));
  return m ? from + m.index : Math.min(text.length, from + MAX_SUBJECT);
};

/** The offices standing before the name in its clause: "Tổng Bí thư, Chủ tịch nước " → two titles. */
function titlesBefore(text: string, nameStart: number): { titles: string[]; start: number } | null {
  const windowStart = Math.max(0, nameStart - MAX_SUBJECT);
  const window = text.slice(windowStart, nameStart);
  const clauseStart =
    windowStart + Math.max(0, ...[';', ':', '.', '(', '!', '?'].map((c) => window.lastIndexOf(c) + 1));
  const before = text.slice(clauseStart, nameStart);
  const lowered = lower(before);
  let head: number | null = null;
  for (const m of lowered.matchAll(TITLE_HEAD)) {
    const at = m.index + m[0].length - m[1]!.length;
    // The office must run on to the name: no predicate between them.
    if (untilPredicate(before, at) < before.length) continue;
    head = at;
    break;
  }
  if (head === null) return null;
  const titles = before
    .slice(head)
    .split(/\s*,\s*|\s+[-–—]\s+/u)
    .map((t) => t.trim())
    .filter(Boolean);
  return { titles, start: clauseStart + head };
}

/** People mentioned in `text` (a sentence or a caption) whose names are anchored as a person's. */
export function findMentions(seg: { text: string; start: number }): DraftPerson[] {
  const { text } = seg;
  const out: DraftPerson[] = [];
  for (const run of text.matchAll(CAPITALISED_RUN)) {
    const words = run[0].split(/[ \u00a0]+/);
    // "Đoàn Chủ tịch": the run's last word begins an office with the lower-case word after it.
    const runEnd = run.index + run[0].length;
    const next = /^\s+(\p{Ll}+)/u.exec(text.slice(runEnd, runEnd + 30))?.[1];
    if (next && TITLE_HEAD_SET.has(lower(`${words[words.length - 1]} ${next}`))) words.pop();
    if (words.length < 2) continue;
    // "Ông Nguyễn Văn A" at the start of a sentence: the honorific is capitalised into the run.
    const courtesy = words.length > 2 && HONORIFIC_WORDS.has(lower(words[0]!)) ? 1 : 0;
    // Right after an honorific or a rank, the whole run is the name, whatever its family name
    // ("đại tá Pờ Văn Sáng"); elsewhere the name must start with a known family name.
    const anchoredRun =
      courtesy > 0 || honorificBefore(lower(text.slice(Math.max(0, run.index - 40), run.index))) !== null;
    const found =
      anchoredRun && words.length - courtesy <= MAX_NAME_WORDS && !NOT_FAMILY.has(lower(words[courtesy]!))
        ? 0
        : nameIn(words.slice(courtesy));
    if (found === null) continue;
    const at = found + courtesy;
    const name = words.slice(at).join(' ');
    const folded = foldVietnamese(name);
    if (PLACES.has(folded) || HISTORICAL.has(folded)) continue;
    const nameStart = run.index + words.slice(0, at).reduce((n, w) => n + w.length + 1, 0);
    const nameEnd = run.index + run[0].length;
    const before = lower(text.slice(Math.max(0, run.index - 40), run.index));
    // "huyện Đông Sơn": a place after its classifier, unless an office stands before a full name
    // ("UBND tỉnh Mạc Văn Toản báo cáo").
    if (at === 0 && PLACE_BEFORE.test(before) && (words.length <= 2 || !titlesBefore(text, nameStart)))
      continue;
    const honorific = courtesy
      ? { word: lower(words[0]!), length: words[0]!.length + 1 }
      : at === 0
        ? honorificBefore(before)
        : null;
    const rank = honorific ? (RANK_OF.get(honorific.word) ?? null) : null;
    const after = titlesAfter(text, nameEnd);
    // Without a word before it, an office must follow the name ("Nguyễn Văn A, Phó Chủ tịch …"):
    // "Đông Sơn, Thọ Xuân" is a list of places.
    const firstAfter = after.titles[0] ?? '';
    const officeAfter = OFFICE_AHEAD.test(lower(firstAfter)) || OFFICE_ABBREVIATION.test(firstAfter);
    const offices = !honorific ? titlesBefore(text, nameStart) : null;
    // A capitalised run that begins with the office ("Đại tá", "Bí thư Thành ủy Hà Nội") holds it too.
    const inRun = at > courtesy ? words.slice(courtesy, at).join(' ') : '';
    const runRank = inRun ? (RANK_OF.get(lower(inRun)) ?? null) : null;
    const anchored = honorific || offices || runRank || officeAfter;
    if (!anchored) continue;
    const titles = [
      ...(offices?.titles ?? []),
      ...(inRun && !runRank && !offices ? [inRun] : []),
      ...after.titles,
    ];
    const start =
      seg.start + (honorific ? run.index - (courtesy ? 0 : honorific.length) : (offices?.start ?? nameStart));
    out.push({
      name,
      rank: rank ?? runRank,
      titles: [...new Set(titles)],
      role: titles.some(isSecretaryTitle) ? 'thu_ky' : 'dai_bieu',
      span: { start, end: seg.start + after.end },
    });
  }
  return out;
}
