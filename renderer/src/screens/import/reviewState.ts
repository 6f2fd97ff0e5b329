/**
 * The review of an import draft, as plain data: what the clerk keeps, corrects or discards, and the
 * highlighting of the source. Pure functions, no React, so they are unit-tested.
 */
import type {
  DraftConclusion,
  ImportPreview,
  ImportSpan,
  PersonMatch,
  ReviewedDraftInput,
} from '../../../../contract/importContract';
import type { Message } from '../../../../contract/messages/message';
import { formatIsoDate, parseTimeText, parseVnDate } from '../../format/date';

/** Which field an item belongs to: also the colour of its highlight in the source. */
export type FieldKey =
  | 'title'
  | 'date'
  | 'location'
  | 'organizer'
  | 'kind'
  | 'person'
  | 'caption'
  | 'document'
  | 'conclusion'
  | 'byline';

export interface Item<T> {
  keep: boolean;
  value: T;
  span: ImportSpan | null;
}

export type PersonRole = 'chu_tri' | 'dong_chu_tri' | 'dai_bieu' | 'thu_ky';
/** '' = not decided (a possible match), 'new', or a directory person's id. */
export type PersonChoice = string;

export interface ReviewPerson {
  name: string;
  rank: string;
  titles: string;
  role: PersonRole;
  match: PersonMatch;
  choice: PersonChoice;
}

/**
 * A conclusion as reviewed. A directive that names a deadline is *offered* as a task: `asTask` starts
 * false and only the clerk's tick makes it true (the importer never creates a task on its own; a
 * misread deadline would otherwise become an overdue task nobody asked for).
 */
export interface ReviewConclusion {
  text: string;
  /** dd/mm/yyyy as the clerk edits it; null when the text names no deadline (no task is offered). */
  deadline: string | null;
  /** The words the deadline was read from ("trước ngày 31/12/2026"), shown beside the offer. */
  deadlineText: string | null;
  asTask: boolean;
}

export interface ReviewState {
  title: Item<string>;
  kind: string;
  /**
   * dd/mm/yyyy as the clerk types it. A year the text did not write is inferred (the draft's yearFrom)
   * and shown with a word to check it; a day no year has is shown as "29/02/" to complete.
   */
  date: Item<string>;
  /** HH:MM as the clerk types it ("14:00", "14h"); empty for none. */
  startTime: string;
  location: Item<string>;
  /** The body that held the meeting (the draft's issuer). */
  organizer: Item<string>;
  byline: Item<string>;
  body: string;
  people: Item<ReviewPerson>[];
  captions: Item<{ text: string; image: number | null }>[];
  documents: Item<{ number: string; type: string; date: string }>[];
  conclusions: Item<ReviewConclusion>[];
  allowDuplicate: boolean;
}

const item = <T>(value: T, span: ImportSpan | null, keep = true): Item<T> => ({ keep, value, span });

export function initialReview(p: ImportPreview, kinds: readonly string[]): ReviewState {
  const d = p.draft;
  const people = [
    ...d.chairs.map((c, i) => ({ c, m: p.chairMatches[i]! })),
    ...d.attendees.map((c, i) => ({ c, m: p.attendeeMatches[i]! })),
  ].map(({ c, m }) =>
    item<ReviewPerson>(
      {
        name: c.name,
        rank: c.rank ?? '',
        titles: c.titles.join(', '),
        role: c.role,
        match: m,
        choice: m.match === 'same' && m.personId ? m.personId : m.match === 'new' ? 'new' : '',
      },
      c.span,
    ),
  );
  const date = d.date;
  const dateText = date
    ? date.value
      ? formatIsoDate(date.value)
      : `${String(date.day).padStart(2, '0')}/${String(date.month).padStart(2, '0')}/`
    : '';
  const kind = d.kind?.value && kinds.includes(d.kind.value) ? d.kind.value : (kinds[0] ?? '');
  return {
    title: item(d.title?.value ?? '', d.title?.span ?? null),
    kind,
    date: item(dateText, date?.span ?? null),
    startTime: date?.startTime ?? '',
    location: item(d.location?.value ?? '', d.location?.span ?? null, Boolean(d.location)),
    organizer: item(d.issuer?.value ?? '', d.issuer?.span ?? null, Boolean(d.issuer)),
    byline: item(d.byline?.value ?? '', d.byline?.span ?? null, Boolean(d.byline)),
    body: d.body.map((b) => b.text).join('\n\n'),
    people,
    captions: d.captions.map((c) => item({ text: c.text, image: c.image }, c.span)),
    documents: d.documentRefs.map((r) =>
      item({ number: r.number, type: r.type ?? '', date: formatIsoDate(r.date) }, r.span),
    ),
    conclusions: d.conclusions.map((c) => item(reviewConclusionOf(c), c.span)),
    allowDuplicate: false,
  };
}

function reviewConclusionOf(c: DraftConclusion): ReviewConclusion {
  return {
    text: c.text,
    deadline: c.deadline ? formatIsoDate(c.deadline) : null,
    deadlineText: c.deadlineText,
    asTask: false,
  };
}

/** The conclusions the clerk ticked to become tasks whose deadline is not a whole dd/mm/yyyy date. */
export function badDeadlinesOf(s: ReviewState): number[] {
  return s.conclusions.flatMap((c, i) =>
    c.keep && c.value.asTask && c.value.deadline !== null && !parseVnDate(c.value.deadline) ? [i] : [],
  );
}

export type Problem = 'title' | 'date' | 'time' | 'people' | 'kind' | 'deadline';

/** What still stops the save: an empty title, a date that is not a whole date, an undecided person. */
export function problemsOf(s: ReviewState): Problem[] {
  const out: Problem[] = [];
  if (!s.title.keep || !s.title.value.trim()) out.push('title');
  if (s.date.keep && s.date.value.trim() && !parseVnDate(s.date.value)) out.push('date');
  if (s.startTime.trim() && !parseTimeText(s.startTime)) out.push('time');
  if (s.people.some((p) => p.keep && p.value.choice === '')) out.push('people');
  if (!s.kind.trim()) out.push('kind');
  if (badDeadlinesOf(s).length > 0) out.push('deadline');
  return out;
}

/** The notes on fields the review shows as fields (an empty title, date or chair speaks for itself). */
const FIELD_NOTES: ReadonlySet<string> = new Set([
  'importNote.noTitle',
  'importNote.titleFromFirstSentence',
  'importNote.noDate',
  'importNote.noYear',
  'importNote.yearInferred',
  'importNote.noChair',
]);

/** What the clerk must be told above the draft: how the file was read (bytes replaced by �, …). */
export function readingNotesOf(p: ImportPreview): Message[] {
  return p.draft.notes.filter((n) => !FIELD_NOTES.has(n.key));
}

/** The reviewed draft the server saves (only kept items; people with the clerk's choice). */
export function toReviewedDraft(s: ReviewState): ReviewedDraftInput {
  const kept = <T>(list: Item<T>[]) => list.filter((i) => i.keep).map((i) => i.value);
  return {
    title: s.title.value.trim(),
    kind: s.kind,
    meetingDate: s.date.keep ? parseVnDate(s.date.value) : null,
    startTime: s.startTime.trim() ? parseTimeText(s.startTime) : null,
    location: s.location.keep ? s.location.value.trim() : '',
    organizer: s.organizer.keep ? s.organizer.value.trim() : '',
    byline: s.byline.keep ? s.byline.value.trim() : '',
    body: s.body,
    people: kept(s.people).map((p) => ({
      name: p.name.trim(),
      rank: p.rank.trim(),
      titles: p.titles.trim(),
      role: p.role,
      personId: p.choice === 'new' || p.choice === '' ? null : p.choice,
    })),
    captions: kept(s.captions),
    documentRefs: kept(s.documents).map((d) => ({
      number: d.number.trim(),
      type: d.type.trim(),
      date: parseVnDate(d.date),
    })),
    conclusions: kept(s.conclusions).flatMap((c): NonNullable<ReviewedDraftInput['conclusions']> => {
      const text = c.text.trim();
      if (!text) return [];
      // Only a ticked offer is sent as a task; problemsOf has already refused a ticked, unreadable date.
      if (!c.asTask || c.deadline === null) return [text];
      return [{ text, task: { deadline: parseVnDate(c.deadline) } }];
    }),
  };
}

export interface Mark {
  start: number;
  end: number;
  field: FieldKey;
  /** Stable id of the item ("person-2"), to light up the one the clerk is looking at. */
  id: string;
  discarded: boolean;
}

/** Every item's span, as marks on the source text (overlaps resolved: the first mark wins). */
export function marksOf(s: ReviewState): Mark[] {
  const marks: Mark[] = [];
  const add = (field: FieldKey, id: string, i: Item<unknown>) => {
    if (i.span && i.span.end > i.span.start) marks.push({ ...i.span, field, id, discarded: !i.keep });
  };
  add('title', 'title', s.title);
  add('date', 'date', s.date);
  add('location', 'location', s.location);
  add('organizer', 'organizer', s.organizer);
  add('byline', 'byline', s.byline);
  s.people.forEach((p, i) => add('person', `person-${i}`, p));
  s.captions.forEach((c, i) => add('caption', `caption-${i}`, c));
  s.documents.forEach((d, i) => add('document', `document-${i}`, d));
  s.conclusions.forEach((c, i) => add('conclusion', `conclusion-${i}`, c));
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mark[] = [];
  for (const m of marks) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) continue;
    out.push(m);
  }
  return out;
}

/** The source cut into plain and marked pieces, for rendering. */
export function segmentsOf(text: string, marks: readonly Mark[]): { text: string; mark: Mark | null }[] {
  const out: { text: string; mark: Mark | null }[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start > at) out.push({ text: text.slice(at, m.start), mark: null });
    out.push({ text: text.slice(m.start, m.end), mark: m });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: null });
  return out;
}
