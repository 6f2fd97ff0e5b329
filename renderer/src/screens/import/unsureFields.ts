/**
 * What the importer was unsure of (the draft's `unsure`), as the review shows it: one entry per field,
 * with the draft's own note when there is one (the same words the batch import and the CLI print), and
 * where on the review the clerk checks it. Pure data, no React, so it is unit-tested.
 */
import type { ImportDraft, UnsureField } from '../../../../contract/importContract';
import type { Message } from '../../../../contract/messages/message';

/**
 * Where the clerk checks a field: the id of an input or section of the review (see UnsureFrame). The
 * chairs and the attendees are one table (Thành phần), so both point at it.
 */
export const checkTargetOf = (field: UnsureField) =>
  `import-check-${field === 'chairs' || field === 'attendees' ? 'people' : field}`;

export interface UnsureEntry {
  field: UnsureField;
  /** The draft's note that says why ("năm 2025 được suy ra"); null: the review words it itself. */
  note: Message | null;
  /** The element to focus (the issuer's is the Cơ quan tổ chức field, the meeting's organizer). */
  target: string | null;
}

/** The notes that say why a field is unsure, most specific first. */
const NOTES_OF: Partial<Record<UnsureField, readonly string[]>> = {
  title: ['importNote.titleFromFirstSentence', 'importNote.noTitle'],
  date: ['importNote.noYear', 'importNote.yearInferred', 'importNote.noDate'],
  chairs: ['importNote.noChair'],
};

/** The review's order (top to bottom), so the list reads like the form it points into. */
const ORDER: readonly UnsureField[] = [
  'title',
  'date',
  'location',
  'issuer',
  'chairs',
  'attendees',
  'captions',
];

export function unsureEntriesOf(draft: ImportDraft): UnsureEntry[] {
  const fields = new Set(draft.unsure);
  return ORDER.filter((f) => fields.has(f)).map((field) => ({
    field,
    note: (NOTES_OF[field] ?? []).flatMap((key) => draft.notes.filter((n) => n.key === key))[0] ?? null,
    target: checkTargetOf(field),
  }));
}

/** The source's marks of the unsure fields that have one (title, date, place, organizer), outlined there too. */
export function unsureMarkIds(draft: ImportDraft): ReadonlySet<string> {
  return new Set(
    draft.unsure.flatMap((f) =>
      f === 'title' || f === 'date' || f === 'location' ? [f] : f === 'issuer' ? ['organizer'] : [],
    ),
  );
}
