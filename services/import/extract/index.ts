/**
 * A source's text → a draft meeting, each item with the span of text it came from.
 *
 * Order matters: pictures, their captions, the byline and the site's furniture are told apart first
 * (line by line), so that people, dates and documents are looked for only in the report itself, and
 * what is left becomes the minutes, paragraph by paragraph.
 */
import type { DraftCaption, DraftText, ImportDraft, UnsureField } from '../../../contract/importContract';
import type { SourceDoc } from '../sources';
import { msg, type Message } from '../../../contract/messages/message';
import { contentHashOf } from '../sources';
import { onNextLine, splitBlocks, type Block } from './blocks';
import {
  bylineText,
  documentHeader,
  isByline,
  isCreditLine,
  isJunkLine,
  isNameLine,
  isPhotoByline,
  isPicturePlaceholder,
  isUnaccented,
  looksLikeCaption,
  restatesEarlier,
  SITE_PREFIX,
} from './lineKinds';
import { extractPeople, withSigners } from './people';
import { readOfficialFrame } from './officialDocument';
import { extractDocumentRefs } from './documentRefs';
import { extractConclusions } from './conclusions';
import {
  findDate,
  findIssuer,
  findKind,
  findLocation,
  findTitle,
  firstSentenceTitle,
  isDateline,
} from './meetingFacts';
import { calendarDayOfIso, type CalendarDay } from './dates';

type LineRole = 'text' | 'placeholder' | 'caption' | 'byline' | 'junk' | 'header';

function classifyLines(
  source: string,
  blocks: readonly Block[],
  unaccented: boolean,
  /** An official document's header, Nơi nhận and signatures: never a caption or a byline. */
  frame: ReadonlySet<number>,
): { roles: LineRole[]; captions: DraftCaption[]; byline: DraftText | null } {
  const roles: LineRole[] = blocks.map(() => 'text');
  const { header } = documentHeader(blocks.map((b) => b.text));
  for (const i of [...header, ...frame]) roles[i] = 'header';
  // Standalone captions are looked for only in a report that shows pictures.
  const withPictures = blocks.some((b) => isPicturePlaceholder(b.text, unaccented) || isPhotoByline(b.text));
  const captions: DraftCaption[] = [];
  let byline: DraftText | null = null;
  let pictureIndex: number | null | undefined;
  // onlyShortAfter[i]: every line after i is short (the site's furniture under a signature).
  const onlyShortAfter: boolean[] = new Array<boolean>(blocks.length).fill(true);
  for (let k = blocks.length - 2; k >= 0; k--)
    onlyShortAfter[k] = onlyShortAfter[k + 1]! && blocks[k + 1]!.text.length <= 60;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (roles[i] === 'header') continue;
    if (isPicturePlaceholder(b.text, unaccented)) {
      roles[i] = 'placeholder';
      const m = /^\[Ảnh (\d+)\]$/.exec(b.text);
      pictureIndex = m ? Number(m[1]) - 1 : null;
      // The caption is the line right below the picture; after an empty line the report goes on.
      const next = blocks[i + 1];
      if (
        next &&
        !isPicturePlaceholder(next.text, unaccented) &&
        !isByline(next.text) &&
        looksLikeCaption(next.text, false) &&
        onNextLine(source, b, next)
      ) {
        roles[i + 1] = 'caption';
        captions.push({ text: next.text, span: { start: next.start, end: next.end }, image: pictureIndex });
        i++;
      }
      continue;
    }
    if (isJunkLine(b.text)) {
      roles[i] = 'junk';
      continue;
    }
    // "ẢNH: THANH LỘC" on its own line: the credit of the caption above it.
    if (isCreditLine(b.text)) {
      roles[i] = 'junk';
      const prev = blocks[i - 1];
      if (prev && roles[i - 1] === 'text' && looksLikeCaption(prev.text, false) && prev.text.length <= 300) {
        roles[i - 1] = 'caption';
        captions.push({ text: prev.text, span: { start: prev.start, end: prev.end }, image: null });
      }
      continue;
    }
    // A reporter's name alone on a line: under the headline, right above the time stamp of the page
    // ("Nguyễn Phúc" / "14/01/2026 14:47 GMT+7"); or at the end, with only the site's lines after it.
    const signsTop = i < 6 && isNameLine(b.text) && nextIsStampOrName(blocks, i);
    const signsEnd = i >= Math.max(2, blocks.length * 0.5) && isNameLine(b.text) && onlyShortAfter[i]!;
    if (!byline && (signsTop || signsEnd)) {
      roles[i] = 'byline';
      byline = { value: b.text, span: { start: b.start, end: b.end } };
      if (signsEnd) for (let j = i + 1; j < blocks.length; j++) roles[j] = 'junk';
      // The name repeated on the next line (the site's author box) goes with it.
      for (let j = i + 1; j < blocks.length && blocks[j]!.text === b.text; j++) roles[j] = 'junk';
      if (signsEnd) break;
      continue;
    }
    if (!byline && isByline(b.text) && i >= blocks.length * 0.5) {
      roles[i] = 'byline';
      const value = bylineText(b.text);
      const at = b.text.indexOf(value);
      byline = {
        value,
        span: { start: b.start + Math.max(0, at), end: b.start + Math.max(0, at) + value.length },
      };
      // After the byline of a news page comes only the site's furniture.
      for (let j = i + 1; j < blocks.length; j++) roles[j] = 'junk';
      break;
    }
    // The lead: the first paragraphs of the report (a caption restates them, never the whole text).
    const earlier = blocks.slice(0, Math.min(i, 6)).filter((_, j) => roles[j] === 'text');
    if (
      i > 0 &&
      (looksLikeCaption(b.text, { withPictures }) ||
        restatesEarlier(
          b.text,
          earlier.map((e) => e.text),
        ))
    ) {
      roles[i] = 'caption';
      captions.push({ text: b.text, span: { start: b.start, end: b.end }, image: null });
    }
  }
  captions.sort((a, b) => a.span.start - b.span.start);
  return { roles, captions, byline };
}

/** The line after `i` is the page's time stamp, or the same name again (the author box). */
function nextIsStampOrName(blocks: readonly Block[], i: number): boolean {
  const next = blocks[i + 1];
  if (!next) return false;
  if (next.text === blocks[i]!.text) return nextIsStampOrName(blocks, i + 1);
  return isDateline(next.text);
}

export function extractDraft(doc: SourceDoc, options: { today?: CalendarDay } = {}): ImportDraft {
  const allBlocks = splitBlocks(doc.text);
  const unaccented = isUnaccented(doc.text);
  // An official document's header, trích yếu, Nơi nhận and signatures are not the minutes (and the
  // signer's "GIÁM ĐỐC" over a name is no reporter's byline).
  const official = readOfficialFrame(allBlocks, doc.text);
  const { roles, captions, byline } = classifyLines(
    doc.text,
    allBlocks,
    unaccented,
    official?.frame ?? new Set(),
  );
  const textBlocks = allBlocks.filter((_, i) => roles[i] === 'text');

  const ownTitle = official?.title ?? findTitle(textBlocks);
  // A report without a title of its own is still stored, titled from its first sentence, for the
  // clerk to correct (batch import never refuses a report it can read).
  const title = ownTitle ?? firstSentenceTitle(textBlocks);
  const titleBlock = title
    ? textBlocks.find((b) => b.start <= title.span.start && title.span.end <= b.end && b.text === title.value)
    : undefined;
  const reportBlocks = textBlocks.filter((b) => b !== titleBlock && !isDateline(b.text));

  const cited = extractDocumentRefs(reportBlocks);
  const own = official?.ownRef;
  const documentRefs = own && !cited.some((r) => r.number === own.number) ? [own, ...cited] : cited;
  const people = withSigners(
    extractPeople(
      reportBlocks,
      captions.map((c) => ({ text: c.text, start: c.span.start })),
    ),
    official?.signers ?? [],
    reportBlocks,
  );
  const date = findDate(
    reportBlocks,
    documentRefs.map((d) => d.span),
    allBlocks,
    {
      byline: byline?.value ?? null,
      citedDates: documentRefs.flatMap((r) => (r.date ? [r.date] : [])),
      savedOn: doc.savedOn ?? null,
      today: options.today,
    },
  );
  const meetingDay = date?.value ? calendarDayOfIso(date.value) : null;
  const conclusions = extractConclusions(reportBlocks, meetingDay);

  const body = reportBlocks
    .filter((b) => !people.listBlocks.has(b.index))
    .map((b) => {
      const prefix = b === reportBlocks[0] ? SITE_PREFIX.exec(b.text) : null;
      const cut = prefix ? prefix[0].length : 0;
      return { text: b.text.slice(cut), span: { start: b.start + cut, end: b.end } };
    });

  const notes: Message[] = [];
  const unsure: UnsureField[] = [];
  if (!title) notes.push(msg('importNote.noTitle'));
  else if (!ownTitle) notes.push(msg('importNote.titleFromFirstSentence'));
  if (!ownTitle) unsure.push('title');
  if (!date) notes.push(msg('importNote.noDate'));
  else if (!date.value) notes.push(msg('importNote.noYear', { day: date.day, month: date.month }));
  else if (date.yearFrom !== 'written')
    notes.push(msg('importNote.yearInferred', { day: date.day, month: date.month, year: String(date.year) }));
  if (!date || date.yearFrom !== 'written') unsure.push('date');
  if (people.chairs.length === 0) {
    notes.push(msg('importNote.noChair'));
    unsure.push('chairs');
  } else if (people.chairFromOpening) {
    notes.push(msg('importNote.chairFromOpening', { name: people.chairs[0]!.name }));
    unsure.push('chairs');
  }

  return {
    sourceName: doc.name,
    encoding: doc.encoding,
    contentHash: contentHashOf(doc.text),
    sourceText: doc.text,
    title,
    kind: findKind(title, reportBlocks),
    date,
    location: findLocation(reportBlocks),
    chairs: people.chairs,
    attendees: people.attendees,
    captions,
    documentRefs,
    conclusions,
    issuer: official?.issuer ?? findIssuer(reportBlocks),
    byline,
    body,
    images: doc.images.map((i) => ({ index: i.index, mime: i.mime, byteSize: i.bytes.length, hash: i.hash })),
    notes,
    unsure,
  };
}

/** The draft in the command line's fixed shape (README.md, "Command line"): what `import --dry-run --json` prints. */
export function draftToCliJson(d: ImportDraft) {
  const person = (p: ImportDraft['chairs'][number]) => ({ name: p.name, rank: p.rank, titles: p.titles });
  return {
    title: d.title?.value ?? null,
    date: d.date?.value ?? null,
    /** The year of `date` was not written beside it (taken from the report's other dates, or today's). */
    dateYearInferred: d.date ? d.date.yearFrom !== 'written' : false,
    location: d.location?.value ?? null,
    chairs: d.chairs.map(person),
    attendees: d.attendees.map(person),
    captions: d.captions.map((c) => c.text),
    documentRefs: d.documentRefs.map((r) => ({ number: r.number, type: r.type, date: r.date })),
    /** What the meeting concluded or directed, one entry per conclusion (added to the fixed shape). */
    conclusions: d.conclusions.map((c) => c.text),
    /** The body that held the meeting or issued the document (added to the fixed shape). */
    issuer: d.issuer?.value ?? null,
    byline: d.byline?.value ?? null,
    body: d.body.map((p) => p.text).join('\n\n'),
  };
}
