/**
 * The import service: sources → drafts → saved meetings. Used by the contract's handlers
 * (importHandlers.ts), the CLI (`hoso import`) and the tests.
 */
import type { Archive } from '../../db/open';
import { getSettings } from '../../db/settings';
import { errorMessages, HosoError, isHosoError } from '../../contract/errors';
import { literal, msg } from '../../contract/messages/message';
import type {
  ImportBatchItem,
  ImportDraft,
  ImportPreview,
  ImportSaveResult,
  ImportSource,
  ReviewedDraft,
} from '../../contract/importContract';
import { IMPORT_FILE_MAX_BYTES } from '../../contract/importContract';
import { extractDraft as extractFromText } from './extract';
import {
  commitImport,
  findDuplicate,
  matchPerson,
  prepareImport,
  reviewedFromDraft,
  type PreparedImport,
} from './save';
import { readFileSource, readPastedSource, type SourceDoc } from './sources';

export { draftToCliJson } from './extract';
export { readFileSource, readPastedSource } from './sources';
export { saveImport, findDuplicate, matchPerson, reviewedFromDraft } from './save';

/** The draft of a document, with what the reading of its file noted first (a bad byte replaced). */
export function extractDraft(doc: SourceDoc): ImportDraft {
  const draft = extractFromText(doc);
  return doc.notes?.length ? { ...draft, notes: [...doc.notes, ...draft.notes] } : draft;
}

/** A source from the contract (pasted text or base64 bytes) → the document to extract from. */
export async function readSource(source: ImportSource): Promise<SourceDoc> {
  if (source.kind === 'text') return readPastedSource(source.name ?? 'Văn bản dán vào', source.text);
  // base64 is 4/3 of the bytes: refuse before decoding something huge.
  if (source.dataBase64.length > (IMPORT_FILE_MAX_BYTES * 4) / 3 + 4)
    throw new HosoError('IMPORT_TOO_LARGE', literal(source.name));
  return readFileSource(source.name, Buffer.from(source.dataBase64, 'base64'), source.modifiedOn);
}

export async function previewImport(archive: Archive, source: ImportSource): Promise<ImportPreview> {
  const draft = extractDraft(await readSource(source));
  return {
    draft,
    chairMatches: draft.chairs.map((p) => matchPerson(archive, p.name, p.rank)),
    attendeeMatches: draft.attendees.map((p) => matchPerson(archive, p.name, p.rank)),
    duplicate: findDuplicate(archive, draft.contentHash, draft.title?.value ?? '', draft.date?.value ?? null),
  };
}

interface Prepared {
  doc: SourceDoc;
  draft: ImportDraft;
  reviewed: ReviewedDraft;
  prepared: PreparedImport | ImportSaveResult;
}

type ImportOptions = { actor: string; allowDuplicate?: boolean };

/** Read, extract, check for a duplicate, store the pictures: everything but the transaction. */
async function prepareOne(
  archive: Archive,
  read: () => Promise<SourceDoc>,
  kinds: readonly string[],
  o: ImportOptions,
): Promise<Prepared | { failed: ImportBatchItem['messages'] }> {
  try {
    const doc = await read();
    const draft = extractDraft(doc);
    if (!draft.title)
      return { failed: [msg('importNote.failedNoTitle')] };
    const reviewed = reviewedFromDraft(archive, draft, kinds);
    return {
      doc,
      draft,
      reviewed,
      prepared: await prepareImport(archive, doc, draft.contentHash, reviewed, o),
    };
  } catch (e) {
    if (!isHosoError(e)) throw e;
    return { failed: errorMessages(e) };
  }
}

function commitOne(archive: Archive, name: string, p: Prepared, o: ImportOptions): ImportBatchItem {
  const saved =
    'status' in p.prepared
      ? p.prepared
      : commitImport(archive, p.doc, p.draft.contentHash, p.reviewed, p.prepared, o);
  if (saved.status === 'duplicate') {
    const d = saved.duplicate!;
    return {
      name,
      status: 'duplicate',
      meetingId: d.id,
      title: p.reviewed.title,
      messages: [
        msg(d.reason === 'same_content' ? 'importNote.duplicateContent' : 'importNote.duplicateTitleDate', { title: d.title }),
      ],
    };
  }
  const review = p.draft.notes.filter((n) => n.key !== 'importNote.noTitle');
  return {
    name,
    status: review.length ? 'needs_review' : 'imported',
    meetingId: saved.meetingId,
    title: p.reviewed.title,
    messages: review.length + saved.notes.length ? [...review, ...saved.notes] : [msg('importNote.imported')],
  };
}

/**
 * Imports documents as extracted (batch screen, CLI): each saved as a draft meeting when it has a
 * title; "needs review" when its date, year or chair was not found (saved all the same, the clerk
 * completes it); failed with the reason when it cannot be read or has no title; duplicates skipped.
 *
 * Reading a .docx and storing its pictures (sharp works on other threads) overlap for a few files
 * ahead, while the transactions run in the files' order, so the results do not depend on timing: a
 * file that duplicates an earlier one of the same batch is still found. Up to GROUP meetings commit
 * together (each in its own savepoint: a refused one rolls back alone), which spares a disk sync per
 * meeting; a meeting is never half-written either way.
 */
export async function importMany(
  archive: Archive,
  sources: readonly { name: string; read: () => Promise<SourceDoc> }[],
  o: ImportOptions,
  onItem: (item: ImportBatchItem, done: number) => void = () => {},
): Promise<ImportBatchItem[]> {
  const AHEAD = 4;
  const GROUP = 20;
  const kinds = getSettings(archive).meetingKinds;
  const pending: Promise<Prepared | { failed: ImportBatchItem['messages'] }>[] = [];
  const start = (i: number) => {
    if (i < sources.length) pending[i] = prepareOne(archive, sources[i]!.read, kinds, o);
  };
  for (let i = 0; i < AHEAD; i++) start(i);
  const items: ImportBatchItem[] = [];
  for (let from = 0; from < sources.length; from += GROUP) {
    const group: { name: string; p: Prepared | { failed: ImportBatchItem['messages'] } }[] = [];
    for (let i = from; i < Math.min(from + GROUP, sources.length); i++) {
      group.push({ name: sources[i]!.name, p: await pending[i]! });
      start(i + AHEAD);
    }
    const done = archive.sqlite.transaction(() =>
      group.map(({ name, p }): ImportBatchItem => {
        if ('failed' in p) return { name, status: 'failed', meetingId: null, title: null, messages: p.failed };
        try {
          return commitOne(archive, name, p, o);
        } catch (e) {
          if (!isHosoError(e)) throw e;
          return { name, status: 'failed', meetingId: null, title: null, messages: errorMessages(e) };
        }
      }),
    )();
    for (const item of done) {
      items.push(item);
      onItem(item, items.length);
    }
  }
  return items;
}
