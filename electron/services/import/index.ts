/**
 * The import service: sources → drafts → saved meetings. Used by the contract's handlers
 * (importHandlers.ts), the CLI (`hoso import`) and the tests.
 */
import type { Archive } from '../../../db/open';
import { getSettings } from '../../../db/settings';
import { HosoError, isHosoError } from '../../shared/errors';
import type { ImportBatchItem, ImportPreview, ImportSource } from '../../shared/importContract';
import { IMPORT_FILE_MAX_BYTES } from '../../shared/importContract';
import { extractDraft } from './extract';
import { findDuplicate, matchPerson, reviewedFromDraft, saveImport } from './save';
import { readFileSource, readPastedSource, type SourceDoc } from './sources';

export { extractDraft, draftToCliJson } from './extract';
export { readFileSource, readPastedSource } from './sources';
export { saveImport, findDuplicate, matchPerson, reviewedFromDraft } from './save';

/** A source from the contract (pasted text or base64 bytes) → the document to extract from. */
export async function readSource(source: ImportSource): Promise<SourceDoc> {
  if (source.kind === 'text') return readPastedSource(source.name ?? 'Văn bản dán vào', source.text);
  // base64 is 4/3 of the bytes: refuse before decoding something huge.
  if (source.dataBase64.length > (IMPORT_FILE_MAX_BYTES * 4) / 3 + 4) throw new HosoError('IMPORT_TOO_LARGE', `(${source.name})`);
  return readFileSource(source.name, Buffer.from(source.dataBase64, 'base64'));
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

/**
 * Imports one document as extracted (batch and CLI): saved as a draft meeting when it has a title;
 * "needs review" when its date, year or chair was not found (saved all the same, the clerk completes it);
 * failed with the reason when it cannot be read or has no title; duplicates skipped.
 */
export async function importOne(
  archive: Archive,
  name: string,
  read: () => Promise<SourceDoc>,
  o: { actor: string; allowDuplicate?: boolean },
): Promise<ImportBatchItem> {
  try {
    const doc = await read();
    const draft = extractDraft(doc);
    if (!draft.title) return { name, status: 'failed', meetingId: null, title: null, message: 'Không tìm thấy tên cuộc họp; hãy nhập tệp này trên màn hình Nhập hồ sơ để điền tên.' };
    const reviewed = reviewedFromDraft(archive, draft, getSettings(archive).meetingKinds);
    const saved = await saveImport(archive, doc, draft.contentHash, reviewed, o);
    if (saved.status === 'duplicate') {
      const d = saved.duplicate!;
      const why = d.reason === 'same_content' ? 'cùng nội dung với' : 'trùng tên và ngày với';
      return { name, status: 'duplicate', meetingId: d.id, title: reviewed.title, message: `Bỏ qua: ${why} hồ sơ “${d.title}” đã có.` };
    }
    const review = draft.notes.filter((n) => !n.startsWith('Chưa tìm thấy tên'));
    return {
      name,
      status: review.length ? 'needs_review' : 'imported',
      meetingId: saved.meetingId,
      title: reviewed.title,
      message: [...review, ...saved.notes].join(' ') || 'Đã nhập.',
    };
  } catch (e) {
    if (!isHosoError(e)) throw e;
    return { name, status: 'failed', meetingId: null, title: null, message: e.message };
  }
}
