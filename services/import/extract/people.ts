/**
 * Chairs and attendees. The sentences that name them are found here; splitting a list into people
 * (rank, name, titles; honorifics dropped; both "Rank Name, title" and "Title Name" orders) is the job
 * of contract/attendanceParse.ts, the same parser the Thành phần tab's "Dán danh sách" uses.
 *
 *   "Đại tướng A, …, Bộ trưởng … và đồng chí B, … đồng chủ trì hội nghị; Đại tướng C, … dự."
 *   "… dưới sự chủ trì của đồng chí D, Chủ tịch UBND tỉnh."       "Hội nghị do đồng chí E … chủ trì."
 *   "Cùng dự có các đồng chí …: …; …"      "Tham dự cuộc họp có …"      "Chủ trì: …" / "Thành phần: …"
 */
import { parseAttendanceText, RANKS } from '../../../contract/attendanceParse';
import { foldVietnamese } from '../../../contract/vietnamese/fold';
import type { DraftPerson } from '../../../contract/importContract';
import { sentencesOf, type Block, type Sentence, viRegex } from './blocks';
import { findMentions, untilPredicate } from './mentions';
import type { Signer } from './officialDocument';

type Role = DraftPerson['role'];

interface Piece {
  text: string;
  start: number;
  role: Role;
  /** A title the intro gives the whole list: "Cùng dự có các đồng chí Ủy viên Trung ương Đảng: …". */
  shared?: string;
}

const SHARED_TITLE = /^\s*(?:các\s+)?(?:đồng chí|đ\/c)\s+(\p{Lu}[^:;]{2,80}?)\s*:/u;

const CHAIR = viRegex(/(?:^|[\s,])(?:cùng\s+)?(đồng\s+)?chủ\s+(?:trì|tọa|toạ)\b/iu);
const MEETING_SUBJECT = '(?:hội nghị|kỳ họp|đại hội|phiên họp|cuộc họp|buổi làm việc|hội thảo)';
const MAIN_CLAUSE = viRegex(new RegExp(`,\\s*(?=${MEETING_SUBJECT}\\b)`, 'iu'));
const MORE_CHAIRS = /\s+và\s+các\s+đồng\s+chí\s*:\s*/iu;
const FRONTED_CHAIR = viRegex(
  new RegExp(`^(đồng\\s+)?chủ\\s+(?:trì|tọa|toạ)(?:\\s+${MEETING_SUBJECT}[^,]{0,60})?\\s*,\\s*`, 'iu'),
);
const CHAIR_IS = /(?:(đồng\s+)?chủ\s+(?:trì|tọa|toạ)|chủ\s+tịch\s+đoàn\s+chủ\s+tịch)[^.;:]{0,60}?\s+là\s+/iu;
const CO_CHAIR_ALSO = /cùng\s+(?:chủ\s+trì|điều\s+hành|chủ\s+tọa|chủ\s+toạ)[^.;:]{0,60}?\s(?:còn\s+)?có\s+/iu;
const CHAIRED_BY = /dưới\s+sự\s+(đồng\s+)?chủ\s+(?:trì|tọa|toạ)\s+của\s+/iu;
const ATTEND_INTRO =
  /^(?:(?:cùng|đến|về|tới)\s+)?(?:tham\s+)?dự\s+(?:[^:;]{0,80}?\s)?(?:có|gồm)\s+(?:sự\s+(?:tham\s+)?dự\s+của\s+)?|^về\s+phía\s+[^:;]{1,80}?\s+có\s+/iu;
const LABEL =
  /^(chủ\s+trì|chủ\s+tọa|chủ\s+toạ|đồng\s+chủ\s+trì|thư\s+ký|thành\s+phần(?:\s+tham\s+dự|\s+dự\s+họp|\s+dự)?(?:\s+gồm)?|tham\s+dự|đại\s+biểu\s+(?:tham\s+)?dự|khách\s+mời)(?:\s+(?:hội nghị|cuộc họp))?\s*:\s*/iu;
const ATTEND_END =
  /[\s,]+(?:cùng\s+)?(?:tham\s+)?dự(?:\s+(?:hội nghị|cuộc họp|buổi làm việc|cuộc làm việc))?\s*[.;]?$/u;
/** "… dự hội nghị gồm:": a sentence that announces the list under it. */
const ANNOUNCES_LIST = viRegex(/\bdự\b[^:]*:$/iu);
const LIST_ITEM = /^\s*(?:[-–—•*+●▪◦]|\(?\d{1,3}[.)]|\(?[a-zđ][.)])\s+/iu;

const HONORIFIC_OR_RANK = new RegExp(
  `(?:^|[\\s,])((?:các\\s+)?(?:đồng chí|đ/c|ông|bà)\\s|(?:${RANKS.join('|')})\\s)`,
  'iu',
);
/** Words a person entry may start with: honorific, rank, family name, or a title. */
const PERSON_START = new RegExp(
  `^(?:(?:các\\s+)?(?:đồng chí|đ/c|ông|bà)\\s|(?:${RANKS.join('|')})\\s|(?:Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Trịnh|Đào|Đoàn|Lương|Mai|Trương|Lâm)\\s|(?:Bí thư|Phó Bí thư|Chủ tịch|Phó Chủ tịch|Bộ trưởng|Thứ trưởng|Giám đốc|Phó Giám đốc|Tư lệnh|Phó Tư lệnh|Chính ủy|Chỉ huy trưởng|Trưởng ban|Phó Trưởng ban|Chánh|Tổng|Ủy viên|Uỷ viên)\\s)`,
  'u',
);

const startsWithPerson = (t: string) =>
  PERSON_START.test(t) || /^(?:các\s+)?(?:đồng chí|đ\/c|ông|bà)\s*[\s:]/iu.test(t);

const roleFor = (co: boolean): Role => (co ? 'dong_chu_tri' : 'chu_tri');

/** "Sáng 9-4, ", "Chiều nay, ", "Tại Hội trường …, " and "Hội nghị do" in front of the people. */
function trimLead(text: string): number {
  let at = 0;
  for (;;) {
    const rest = text.slice(at);
    const lead =
      /^(?:vào\s+)?(?:(?:sáng|trưa|chiều|tối)(?:\s+(?:nay|qua))?\s*)?(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?\s*,\s*/iu.exec(
        rest,
      ) ??
      /^(?:sáng|trưa|chiều|tối)\s+(?:nay|qua)\s*,\s*/iu.exec(rest) ??
      /^tại\s+[^,]{1,120},\s*/iu.exec(rest);
    if (!lead) break;
    at += lead[0].length;
  }
  const rest = text.slice(at);
  const by = /^.{0,200}?\s(?:do|dưới sự điều hành của)\s+/iu.exec(rest);
  if (by) return at + by[0].length;
  if (!PERSON_START.test(rest)) {
    const h = HONORIFIC_OR_RANK.exec(rest);
    if (h) return at + h.index + (h[0].length - h[1]!.length);
  }
  return at;
}

/** The people-naming pieces of one sentence (a sentence may name chairs and attendees, split by ";"). */
/** The role a label names: "Chủ trì:", "Đồng chủ trì:", "Thư ký:"; any other label lists attendees. */
function labelRole(label: string | undefined): Role {
  const f = foldVietnamese(label ?? '');
  if (f.startsWith('dong chu')) return 'dong_chu_tri';
  if (f.startsWith('chu')) return 'chu_tri';
  if (f.startsWith('thu ky')) return 'thu_ky';
  return 'dai_bieu';
}

function piecesOf(s: Sentence): Piece[] {
  const pieces: Piece[] = [];
  const label = LABEL.exec(s.text);
  if (label) {
    const rest = s.text.slice(label[0].length);
    // "Thành phần: các đồng chí Ủy viên Ban Thường vụ Huyện ủy: A, B": the title is everyone's.
    return [
      {
        text: rest,
        start: s.start + label[0].length,
        role: labelRole(label[1]),
        shared: SHARED_TITLE.exec(rest)?.[1],
      },
    ];
  }
  const intro = ATTEND_INTRO.exec(s.text);
  if (intro) {
    const rest = s.text.slice(intro[0].length);
    return [
      {
        text: rest,
        start: s.start + intro[0].length,
        role: 'dai_bieu',
        shared: SHARED_TITLE.exec(rest)?.[1],
      },
    ];
  }
  const by = CHAIRED_BY.exec(s.text);
  if (by) {
    const from = by.index + by[0].length;
    // The adverbial "dưới sự chủ trì của …," ends where the main clause's subject starts: "…, Hội nghị
    // lần thứ 25 … đã được tổ chức".
    const main = MAIN_CLAUSE.exec(s.text.slice(from));
    const end = main ? from + main.index : s.text.length;
    // "… và các đồng chí: A, …; B, …; C, …": the chairs go on through the list after the colon.
    const more = MORE_CHAIRS.exec(s.text.slice(from, end));
    const semi = s.text.indexOf(';', from);
    const to = more ? from + more.index : semi < 0 || semi > end ? end : semi;
    pieces.push({ text: s.text.slice(from, to), start: s.start + from, role: roleFor(!!by[1]) });
    if (more) {
      let at = to + more[0].length;
      for (const seg of s.text.slice(at, end).split(';')) {
        pieces.push({ text: seg, start: s.start + at, role: roleFor(!!by[1]) });
        at += seg.length + 1;
      }
    } else if (semi >= 0 && semi < end) pieces.push(...attendSegments(s, semi + 1));
    return pieces;
  }
  // "Chủ trì phiên họp, đồng chí A, …", "Chủ tịch Đoàn Chủ tịch là đồng chí B", "Cùng điều hành kỳ họp
  // còn có bà C": the chair named after the words that say so.
  for (const [re, co] of [
    [FRONTED_CHAIR, false],
    [CHAIR_IS, false],
    [CO_CHAIR_ALSO, true],
  ] as const) {
    const m = re.exec(s.text);
    if (!m) continue;
    const from = m.index + m[0].length;
    const to = from + untilPredicate(s.text.slice(from), 0);
    return [{ text: s.text.slice(from, to), start: s.start + from, role: roleFor(co || !!m[1]) }];
  }
  if (CHAIR.test(s.text)) {
    let from = 0;
    for (const seg of s.text.split(';')) {
      const c = CHAIR.exec(seg);
      if (c) {
        const lead = trimLead(seg.slice(0, c.index));
        // "A, Bộ trưởng … đã đến thăm và chủ trì": the subject ends where its predicate starts.
        const subject = seg.slice(lead, c.index);
        const end = untilPredicate(subject, 0);
        pieces.push({ text: subject.slice(0, end), start: s.start + from + lead, role: roleFor(!!c[1]) });
      } else if (ATTEND_END.test(seg)) {
        pieces.push({ text: seg, start: s.start + from, role: 'dai_bieu' });
      }
      from += seg.length + 1;
    }
    return pieces;
  }
  // "Ông A, … và bà B, … cùng dự.": a sentence that starts with the people and ends with "dự".
  if (ATTEND_END.test(s.text) && startsWithPerson(s.text))
    return [{ text: s.text, start: s.start, role: 'dai_bieu' }];
  return pieces;
}

function attendSegments(s: Sentence, from: number): Piece[] {
  const out: Piece[] = [];
  let at = from;
  for (const seg of s.text.slice(from).split(';')) {
    if (ATTEND_END.test(seg)) out.push({ text: seg, start: s.start + at, role: 'dai_bieu' });
    at += seg.length + 1;
  }
  return out;
}

/** "- Bí thư Huyện ủy", "Chủ tịch UBND tỉnh, ": the list's dashes and commas are not part of an office. */
const cleanTitles = (titles: readonly string[]) =>
  titles.map((t) => t.replace(/^[\s\-–—,]+|[\s\-–—,]+$/gu, '')).filter(Boolean);

const withShared = (shared: string | undefined, titles: string[]) =>
  shared && !titles.includes(shared) ? [shared, ...titles] : titles;

function peopleOf(piece: Piece): DraftPerson[] {
  const parsed = parseAttendanceText(piece.text.replace(/\n/g, ' '), { maxEntries: 500 });
  // "Tổng Bí thư, Chủ tịch nước A đã đến thăm và": a subject the list parser cannot split is read as
  // a mention (office before the name, predicate after it).
  if (parsed.entries.length === 0)
    return findMentions(piece).map((p) => ({
      ...p,
      role: piece.role,
      titles: withShared(piece.shared, p.titles),
    }));
  const out: DraftPerson[] = [];
  let cursor = 0;
  for (const e of parsed.entries) {
    const i = piece.text.indexOf(e.source, cursor);
    const start = i < 0 ? piece.start : piece.start + i;
    if (i >= 0) cursor = i + e.source.length;
    out.push({
      name: e.fullName,
      rank: e.rank || null,
      titles: withShared(piece.shared, e.titles ? cleanTitles(e.titles.split(', ')) : []),
      role: piece.role,
      span: { start, end: i < 0 ? piece.start + piece.text.length : start + e.source.length },
    });
  }
  return out;
}

export interface PeopleResult {
  chairs: DraftPerson[];
  attendees: DraftPerson[];
  /** Blocks that are only a list of people (left out of the minutes). */
  listBlocks: Set<number>;
  /** No sentence named a chair: the chair is the one who opened or closed the meeting (to check). */
  chairFromOpening: boolean;
}

/**
 * People named in `blocks` (captions, placeholders and the byline already taken out by the caller).
 * A person named twice (a chair shown again in the list) is kept once, in the first, higher role.
 */
export function extractPeople(
  blocks: readonly Block[],
  /** Captions: the people shown in the pictures were at the meeting too. */
  captions: readonly { text: string; start: number }[] = [],
): PeopleResult {
  const all: DraftPerson[] = [];
  const listBlocks = new Set<number>();
  // A label or intro ending with ":" carries over to the list lines under it ("Thành phần:" / "- Đ/c …").
  let carry: Role | null = null;
  for (const b of blocks) {
    const item = LIST_ITEM.exec(b.text);
    if (carry && item) {
      const found = peopleOf({
        text: b.text.slice(item[0].length),
        start: b.start + item[0].length,
        role: carry,
      });
      if (found.length) {
        all.push(...found);
        listBlocks.add(b.index);
        continue;
      }
    }
    carry = null;
    let blockPeople = 0;
    let peopleSentences = 0;
    const sentences = sentencesOf(b);
    for (const s of sentences) {
      const pieces = piecesOf(s);
      let found = 0;
      for (const p of pieces) {
        const people = peopleOf(p);
        found += people.length;
        all.push(...people);
      }
      blockPeople += found;
      // A sentence that *is* the list (it starts with the people, an intro or a label), not a narrative naming them.
      if (found && (pieces[0]!.start - s.start <= 1 || ATTEND_INTRO.test(s.text) || LABEL.test(s.text)))
        peopleSentences++;
      if (
        s === sentences[sentences.length - 1] &&
        /:\s*$/.test(s.text) &&
        (LABEL.test(s.text) || ATTEND_INTRO.test(s.text) || ANNOUNCES_LIST.test(s.text))
      ) {
        carry = labelRole(LABEL.exec(s.text)?.[1]);
      }
    }
    if (blockPeople > 0 && peopleSentences === sentences.length) listBlocks.add(b.index);
    if (carry && blockPeople === 0) listBlocks.add(b.index);
  }
  // Then everyone the report names as a person elsewhere (speakers, those who report, those in the
  // pictures): attendees, unless a listing sentence above gave them a role first.
  for (const b of blocks) for (const s of sentencesOf(b)) all.push(...findMentions(s));
  for (const c of captions) all.push(...findMentions(c));
  const seen = new Map<string, DraftPerson>();
  for (const p of all) {
    const key = foldVietnamese(p.name);
    const first = seen.get(key);
    if (!first) seen.set(key, p);
    // The same person named again may give what the first mention lacked (the rank, the offices).
    else if (!first.rank && p.rank)
      seen.set(key, { ...first, rank: p.rank, titles: first.titles.length ? first.titles : p.titles });
    else if (!first.titles.length && p.titles.length) seen.set(key, { ...first, titles: p.titles });
  }
  const kept = [...seen.values()];
  const chairs = kept.filter((p) => p.role === 'chu_tri' || p.role === 'dong_chu_tri');
  // No sentence says who chaired: the one who opens or closes the meeting presides it, by custom.
  const opener = chairs.length === 0 ? openerOf(blocks, captions) : null;
  const attendees = kept.filter(
    (p) => (p.role === 'dai_bieu' || p.role === 'thu_ky') && foldVietnamese(p.name) !== opener?.key,
  );
  return {
    chairs: opener ? [{ ...(seen.get(opener.key) ?? opener.person), role: 'chu_tri' }] : chairs,
    attendees,
    listBlocks,
    chairFromOpening: opener !== null,
  };
}

/** "A phát biểu khai mạc kỳ họp", "Phát biểu bế mạc, B …", "Kết luận hội nghị, C …". */
const OPENS_OR_CLOSES = viRegex(
  /\b(?:phát biểu (?:khai mạc|bế mạc|kết luận)|khai mạc (?:hội nghị|kỳ họp|đại hội|phiên họp)|kết luận (?:hội nghị|kỳ họp|phiên họp|cuộc họp))\b/iu,
);

function openerOf(
  blocks: readonly Block[],
  captions: readonly { text: string; start: number }[],
): { key: string; person: DraftPerson } | null {
  const segments = [...blocks.flatMap((b) => sentencesOf(b)), ...captions].sort((a, b) => a.start - b.start);
  for (const s of segments) {
    if (!OPENS_OR_CLOSES.test(s.text)) continue;
    const person = findMentions(s)[0];
    if (person) return { key: foldVietnamese(person.name), person };
  }
  return null;
}

/** The capacity of a signature that says its signer chaired: minutes are signed by their chair. */
const CHAIR_CAPACITY = /(?:^|\s)(?:CHỦ TRÌ|CHỦ TỌA|CHỦ TOẠ|TRƯỞNG ĐOÀN)(?:\s|$)/u;

/**
 * The chair from the signatures when the text names none (or only guessed the opener): the one who
 * signs as CHỦ TRÌ, CHỦ TỌA or TRƯỞNG ĐOÀN, or the signer whose office the text says chaired ("Giám
 * đốc Sở chủ trì cuộc họp" and the name under "GIÁM ĐỐC"). A signer already named keeps one entry.
 */
export function withSigners(
  people: PeopleResult,
  signers: readonly Signer[],
  blocks: readonly Block[],
): PeopleResult {
  if (signers.length === 0 || (people.chairs.length > 0 && !people.chairFromOpening)) return people;
  const chairedBy = blocks
    .flatMap((b) => sentencesOf(b))
    .map((s) => CHAIRED_BY_OFFICE.exec(s.text)?.[1])
    .find((t): t is string => !!t);
  const office = (cap: string) =>
    cap
      .replace(/^(?:T\/M|TM\.?|KT\.?|TL\.?|TUQ\.?|Q\.)\s+/u, '')
      .split(/\s+(?=PHÓ\s)/u)
      .pop()!;
  const signer =
    signers.find((s) => CHAIR_CAPACITY.test(s.capacity)) ??
    (chairedBy
      ? signers.find((s) => foldVietnamese(chairedBy).startsWith(foldVietnamese(office(s.capacity))))
      : undefined);
  if (!signer) return people;
  const key = foldVietnamese(signer.name);
  const named = [...people.chairs, ...people.attendees].find((p) => foldVietnamese(p.name) === key);
  const labelled = LABELLED_CHAIR_TITLE.exec(
    blocks.map((b) => b.text).find((t) => LABELLED_CHAIR_TITLE.test(t)) ?? '',
  )?.[1];
  const chair: DraftPerson = {
    name: signer.name,
    rank: named?.rank ?? signer.rank,
    titles: named?.titles.length ? named.titles : labelled ? [labelled] : chairedBy ? [chairedBy] : [],
    role: 'chu_tri',
    span: named?.span ?? signer.span,
  };
  return {
    ...people,
    chairs: [chair],
    attendees: people.attendees
      .filter((p) => foldVietnamese(p.name) !== key)
      .concat(
        people.chairFromOpening
          ? people.chairs
              .filter((p) => foldVietnamese(p.name) !== key)
              .map((p) => ({ ...p, role: 'dai_bieu' as const }))
          : [],
      ),
    chairFromOpening: false,
  };
}

/** "Giám đốc Sở chủ trì cuộc họp": an office, not a name, as the chair. */
const CHAIRED_BY_OFFICE =
  /(?:^|,\s*)((?:[Pp]hó\s+)?\p{Lu}[\p{L}\s]{2,60}?)\s+chủ\s+(?:trì|tọa|toạ)(?![\p{L}])/u;
/** "Chủ trì: Đồng chí Chỉ huy trưởng Ban CHQS huyện." — the office of a chair named by it. */
const LABELLED_CHAIR_TITLE = /^chủ\s+(?:trì|tọa|toạ)\s*:\s*(?:đồng chí|đ\/c|ông|bà)?\s*([^.;]{3,100}?)\.?$/iu;
