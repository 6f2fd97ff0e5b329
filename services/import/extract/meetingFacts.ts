/**
 * Title, kind, date and place of the meeting.
 */
import type { DraftDate, DraftText } from '../../../contract/importContract';
import { sentencesOf, type Block, viRegex } from './blocks';
import { PLACE_DATE, SITE_PREFIX } from './lineKinds';
import {
  calendarDayOf,
  calendarDayOfIso,
  dayNumber,
  findDates,
  findTime,
  FUTURE_DAYS_ALLOWED,
  isoOf,
  partOfDayBefore,
  yearNear,
  type CalendarDay,
} from './dates';

/** What a report says of its own time, for a date written without its year (see findDate). */
export interface YearEvidence {
  byline?: string | null;
  /** Dates (YYYY-MM-DD) of the documents the report cites. */
  citedDates?: readonly string[];
  /** The day the file was last saved (YYYY-MM-DD): after the text's own evidence, before today. */
  savedOn?: string | null;
  today?: CalendarDay;
}

/** Kinds in the order they are looked for (the settings' default list, db/settings.ts). */
const KINDS: [RegExp, string][] = [
  [viRegex(/\bgiao ban\b/iu), 'Giao ban'],
  [viRegex(/\bhội thảo\b/iu), 'Hội thảo'],
  [viRegex(/\b(?:tọa|toạ) đàm\b/iu), 'Tọa đàm'],
  [viRegex(/\bhội nghị\b/iu), 'Hội nghị'],
  [viRegex(/\b(?:cuộc|buổi|phiên) họp\b|\bhọp\b/iu), 'Cuộc họp'],
  [viRegex(/\blàm việc\b/iu), 'Làm việc'],
];

const MEETING_NOUN =
  /(?<![\p{L}])(Hội nghị|Hội thảo|Tọa đàm|Toạ đàm|Cuộc họp|Phiên họp|Buổi làm việc|Cuộc làm việc|Lễ)\s+\p{Ll}/u;

/**
 * The title: a heading line (# in .md, h1 in .html/.docx), else a short first line without a final
 * full stop (the headline of a pasted report), else a "Hội nghị …" name written inside the text.
 */
export function findTitle(blocks: readonly Block[]): DraftText | null {
  const heading = blocks.find((b) => b.heading);
  if (heading) return { value: heading.text, span: { start: heading.start, end: heading.end } };
  const first = blocks.find((b) => !isDateline(b.text));
  if (
    first &&
    first.text.length <= 250 &&
    !/[.:;,]$/.test(first.text) &&
    first.text.split(/\s+/).length >= 3
  ) {
    return { value: first.text, span: { start: first.start, end: first.end } };
  }
  for (const b of blocks) {
    const m = MEETING_NOUN.exec(b.text);
    if (!m) continue;
    // Up to the end of the sentence, at most 200 characters.
    const rest = b.text.slice(m.index);
    const stop = /[.;!?](?:\s|$)|$/.exec(rest)!;
    let value = rest.slice(0, stop.index).trim();
    if (value.length > 200) value = value.slice(0, value.lastIndexOf(' ', 200)).replace(/[,\s]+$/, '');
    if (value.split(/\s+/).length < 3) continue;
    return { value, span: { start: b.start + m.index, end: b.start + m.index + value.length } };
  }
  return null;
}

/** The longest title a first sentence gives: a headline's length, cut at a word. */
const FIRST_SENTENCE_TITLE_MAX = 200;

/**
 * A title when the report has none of its own (no headline, no "Hội nghị …" named): its first sentence,
 * cut at a word under FIRST_SENTENCE_TITLE_MAX, so the draft can be stored and the clerk corrects it
 * (always noted for checking). Null only when there is no sentence of two words or more.
 */
export function firstSentenceTitle(blocks: readonly Block[]): DraftText | null {
  for (const b of blocks) {
    if (isDateline(b.text)) continue;
    const s = sentencesOf(b)[0];
    if (!s) continue;
    let value = s.text.replace(/[.!?…:;,\s]+$/u, '');
    if (value.length > FIRST_SENTENCE_TITLE_MAX) {
      const cut = value.lastIndexOf(' ', FIRST_SENTENCE_TITLE_MAX);
      value = value.slice(0, cut > 0 ? cut : FIRST_SENTENCE_TITLE_MAX).replace(/[,;:\s]+$/u, '');
    }
    if (value.split(/\s+/).length < 2) continue;
    return { value, span: { start: s.start, end: s.start + value.length } };
  }
  return null;
}

export function findKind(title: DraftText | null, blocks: readonly Block[]): DraftText | null {
  const places: { text: string; start: number }[] = [];
  if (title) places.push({ text: title.value, start: title.span.start });
  for (const b of blocks.slice(0, 4)) places.push({ text: b.text, start: b.start });
  for (const place of places) {
    let best: { at: number; len: number; kind: string } | null = null;
    for (const [re, kind] of KINDS) {
      const m = re.exec(place.text);
      if (m && (!best || m.index < best.at)) best = { at: m.index, len: m[0].length, kind };
    }
    if (best)
      return {
        value: best.kind,
        span: { start: place.start + best.at, end: place.start + best.at + best.len },
      };
  }
  return null;
}

/**
 * The meeting's date: the first date that opens a sentence of the first paragraphs ("Chiều 26/5, …",
 * "Ngày 08/7/2024, …", "Sáng ngày 9-4 …") or follows "vào"/"ngày" there, outside document numbers.
 * A date written without its year takes it from the report's own evidence, in this order (yearOf):
 * its dateline or byline (a report is published on or after the meeting), a "năm 2024" in the same
 * sentence, the documents it cites (a meeting comes after the documents it discusses), the latest year
 * of the full dates it writes; else today. Never more than a few days after
 * its anchor; always marked for the clerk to check (yearFrom 'context' or 'inferred').
 */
export function findDate(
  blocks: readonly Block[],
  taken: readonly { start: number; end: number }[],
  /** Every line of the report, the dateline included. */
  allLines: readonly Block[] = blocks,
  evidence: YearEvidence = {},
): DraftDate | null {
  const inTaken = (at: number) => taken.some((t) => at >= t.start && at < t.end);
  for (const b of blocks.slice(0, 8)) {
    for (const s of sentencesOf(b)) {
      for (const d of findDates(s.text)) {
        const at = s.start + d.index;
        if (inTaken(at)) continue;
        const before = s.text.slice(0, d.index);
        // The news site's tag before the first sentence ("(Baonghean.vn) - Chiều 20/10, …") is not part of it.
        const lead = SITE_PREFIX.exec(before)?.[0].length ?? 0;
        // A page's "( Cập nhật ngày: … )" glued before the first sentence ends where the bracket closes.
        const head = before
          .slice(lead)
          .split(/[)\]]\s*/u)
          .pop()!
          .trim();
        const opens =
          /^(?:(?:vào\s+)?(?:(?:hồi|lúc)\s+\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút)?)?,?\s+)?(?:hôm nay,?\s+)?(?:(?:sáng|trưa|chiều|tối|đêm)(?:\s+(?:nay|qua))?\s+)?(?:hôm\s+)?(?:ngày\s+)?(?:\(\s*)?)$/iu.test(
            head ? head + ' ' : '',
          );
        const named = /(?:vào|hôm|diễn ra|tổ chức)\s+(?:(?:sáng|trưa|chiều|tối)\s+)?(?:ngày\s+)?$/iu.test(
          before,
        );
        // Minutes give it on a line of its own: "Thời gian: 14 giờ 00, ngày 15/8/2024".
        const labelled = /^thời\s+gian\s*:/iu.test(s.text);
        if (!opens && !named && !labelled) continue;
        const partOfDay = partOfDayBefore(before);
        const time = findTime(s.text);
        const { year, yearFrom } = d.year
          ? { year: d.year, yearFrom: 'written' as const }
          : yearOf(d.day, d.month, s.text, allLines, evidence);
        const startLead = partOfDay ? before.toLowerCase().lastIndexOf(partOfDay) : d.index;
        return {
          value: year ? isoOf(year, d.month, d.day) : null,
          day: d.day,
          month: d.month,
          year,
          yearFrom: year ? yearFrom : 'none',
          partOfDay,
          startTime: time?.time ?? null,
          span: { start: s.start + (startLead >= 0 ? startLead : d.index), end: at + d.length },
        };
      }
    }
  }
  return null;
}

/** A short line carrying a full date and little else: "Thứ Ba, 09/04/2024 - 15:20", "Cập nhật: 9/4/2024". */
export function isDateline(text: string): boolean {
  if (PLACE_DATE.test(text)) return true;
  if (text.length > 60 || !findDates(text).some((x) => x.year)) return false;
  const rest = text
    .toLowerCase()
    .replace(/thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|cập\s+nhật|ngày\s+đăng|lúc|gmt\s*\+?\s*7/gu, '')
    .replace(/[\d/.:\-–,\s()]/g, '');
  return rest.length <= 3;
}

/** The full date of the report's dateline ("Thứ Ba, 09/04/2024 - 15:20") or of its byline, if any. */
function publishedOn(blocks: readonly Block[], byline: string | null | undefined): CalendarDay | null {
  const line = blocks.find((b) => isDateline(b.text));
  for (const text of [line?.text, byline]) {
    const full = text ? findDates(text).find((x) => x.year) : undefined;
    if (full) return { year: full.year!, month: full.month, day: full.day };
  }
  return null;
}

/** The latest full date the report writes (a resolution's date, a deadline): the text's own time. */
/** The latest date of a document the report cites, not after today. */
function latestCited(dates: readonly string[], today: CalendarDay): CalendarDay | null {
  let latest: CalendarDay | null = null;
  for (const iso of dates) {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    const d = { year, month, day };
    if (dayNumber(d) > dayNumber(today)) continue;
    if (!latest || dayNumber(d) > dayNumber(latest)) latest = d;
  }
  return latest;
}

/** The first year in which day/month falls on or after `from` (and not after today), else today's rule. */
function yearFrom(day: number, month: number, from: CalendarDay, today: CalendarDay): number | null {
  for (let year = from.year; year <= today.year; year++) {
    if (!isoOf(year, month, day)) continue;
    const d = { year, month, day };
    if (dayNumber(d) >= dayNumber(from) && dayNumber(d) <= dayNumber(today) + FUTURE_DAYS_ALLOWED)
      return year;
  }
  return yearNear(day, month, today);
}

function latestWritten(blocks: readonly Block[], today: CalendarDay): CalendarDay | null {
  let latest: CalendarDay | null = null;
  for (const b of blocks) {
    for (const d of findDates(b.text)) {
      // A deadline years ahead ("đến năm 2030") says nothing of when the report was written.
      if (!d.year || d.year > today.year) continue;
      const day = { year: d.year, month: d.month, day: d.day };
      if (!latest || dayNumber(day) > dayNumber(latest)) latest = day;
    }
  }
  return latest;
}

const yearEnd = (year: number): CalendarDay => ({ year, month: 12, day: 31 });

/** The year of a day/month written without one, and where it came from (see findDate). */
function yearOf(
  day: number,
  month: number,
  sentence: string,
  lines: readonly Block[],
  evidence: YearEvidence,
): { year: number | null; yearFrom: DraftDate['yearFrom'] } {
  const today = evidence.today ?? calendarDayOf(new Date());
  const published = publishedOn(lines, evidence.byline);
  if (published) return { year: yearNear(day, month, published), yearFrom: 'context' };
  const named = sentenceYear(sentence);
  if (named && isoOf(named, month, day)) return { year: named, yearFrom: 'context' };
  const cited = latestCited(evidence.citedDates ?? [], today);
  if (cited) return { year: yearFrom(day, month, cited, today), yearFrom: 'context' };
  const latest = latestWritten(lines, today);
  if (latest) {
    // The meeting is in the latest year the text writes, unless that puts it after today.
    const anchor = latest.year < today.year ? yearEnd(latest.year) : today;
    return { year: yearNear(day, month, anchor), yearFrom: 'context' };
  }
  if (evidence.savedOn) {
    // Minutes are saved on or after the meeting, as a report is published after it.
    const saved = calendarDayOfIso(evidence.savedOn);
    if (dayNumber(saved) <= dayNumber(today))
      return { year: yearNear(day, month, saved), yearFrom: 'inferred' };
  }
  return { year: yearNear(day, month, today), yearFrom: 'inferred' };
}

/** "năm 2024", "tháng 5/2023", "tháng 5 năm 2023": the sentence names the year it speaks of. */
const NAMED_YEAR = /(?:năm\s+|tháng\s+\d{1,2}\s*[/-]\s*)(\d{4})(?!\d)/iu;

/** "… sơ kết 6 tháng đầu năm 2024": the sentence names its year. */
function sentenceYear(s: string): number | null {
  const m = NAMED_YEAR.exec(s);
  const y = m ? Number(m[1]) : null;
  return y && y >= 1945 && y <= 2100 ? y : null;
}

/** "tại" followed by a proper name or a kind of place ("Tại hội nghị, …" is not a place). */
const PLACE_START =
  /(?:^|[\s,])[tT]ại\s+(?=\p{Lu}|(?:trụ sở|hội trường|phòng họp|nhà khách|khách sạn|trung tâm|sở chỉ huy|doanh trại|thao trường)\s)/u;

/** "… tại Hội trường Bộ Chỉ huy Quân sự tỉnh, …" or a minutes line "Địa điểm: Phòng họp số 1". */
export function findLocation(blocks: readonly Block[]): DraftText | null {
  for (const b of blocks.slice(0, 12)) {
    const label = /^địa\s+điểm\s*:\s*/iu.exec(b.text);
    if (label) {
      const value = b.text
        .slice(label[0].length)
        .replace(/[.;]+$/, '')
        .trim();
      if (value)
        return {
          value,
          span: { start: b.start + label[0].length, end: b.start + label[0].length + value.length },
        };
    }
  }
  for (const b of blocks.slice(0, 6)) {
    const m = PLACE_START.exec(b.text);
    if (!m) continue;
    const from = m.index + m[0].length;
    const rest = b.text.slice(from);
    const stop = /[,.;:(]|\s(?:với|nhằm|để|về|dưới|đã|diễn ra|cho|trong|đồng chí|hội nghị|cuộc họp)\s/iu.exec(
      rest,
    );
    const value = (stop ? rest.slice(0, stop.index) : rest).trim();
    if (value.split(/\s+/).length < 2 || value.length > 150) continue;
    return { value, span: { start: b.start + from, end: b.start + from + value.length } };
  }
  return null;
}

/** The words that begin the name of a body that holds meetings. */
const BODY_HEAD =
  '(?:Ban Thường vụ|Ban Chấp hành|Thường trực|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Quận ủy|Thị ủy|Đảng ủy|Đảng uỷ|Đảng bộ|Chi bộ|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|Ủy ban|Bộ Chỉ huy|Bộ CHQS|Ban Chỉ huy|Ban CHQS|Bộ Tư lệnh|Quân khu|Sư đoàn|Lữ đoàn|Trung đoàn|Bộ|Sở|Ban|Cục|Hội|Tiểu ban|Văn phòng|Mặt trận)';
/** "…, Ban Thường vụ Tỉnh ủy đã tổ chức hội nghị …": the body that held the meeting, as the subject. */
const HELD_BY = new RegExp(
  `(?:^|[,;]\\s*|\\s)(${BODY_HEAD}(?:\\s+[\\p{Lu}\\d][\\p{L}\\d.&-]*|\\s+(?:ủy|uỷ|vụ|trực|hành|nhân dân|quân sự|chỉ huy|tư lệnh|tham mưu|đoàn|bộ|binh|tỉnh|huyện|thành phố|xã|phường|quận|thị xã|cơ quan|đảng|khóa|khoá|và)){0,14})\\s+(?:đã\\s+|vừa\\s+)?(?:tổ chức|họp|tiến hành|khai mạc|triệu tập)(?![\\p{L}])`,
  'u',
);

/** The body that held the meeting, from the first sentences of a report (the issuer of a news report). */
export function findIssuer(blocks: readonly Block[]): DraftText | null {
  for (const b of blocks.slice(0, 4)) {
    for (const s of sentencesOf(b).slice(0, 2)) {
      const m = HELD_BY.exec(s.text);
      if (!m) continue;
      const value = m[1]!.trim();
      const at = s.text.indexOf(value, m.index);
      return { value, span: { start: s.start + at, end: s.start + at + value.length } };
    }
  }
  return null;
}
