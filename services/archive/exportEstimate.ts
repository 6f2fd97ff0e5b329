import type { Archive } from '../../db/open';
import {
  countSecretMeetings,
  databaseBytes,
  meetingRowCount,
  selectedPhotoFiles,
  selectionContents,
  type SelectedIds,
} from '../../db/exportSelection';
import type { ExportEstimate } from '../../contract/archiveContract';
import { isEverything, SECRET_LEVELS, selectMeetings, type Selection } from './selection';

/** Room kept free beyond the estimate (file system overhead, rounding to clusters on FAT32). */
const SPACE_MARGIN = 1.02;
const SPACE_SLACK = 8 * 1024 * 1024;

/** Is `freeBytes` enough for an export estimated at `bytes`? */
export function hasRoomFor(bytes: number, freeBytes: number): boolean {
  return freeBytes >= bytes * SPACE_MARGIN + SPACE_SLACK;
}

/**
 * Bytes of the meeting files (JSON + page) of `ids`, from what they hold. The minutes are written three
 * times (HTML and text in the JSON, text in the page); each attendee, conclusion, photo and document is a
 * JSON object of a dozen indented fields (and a person entry, a table row). The sizes per row are what
 * the demo archive's files measure, rounded up: at 100 000 meetings this says 3.1 GB for 2.7 GB written,
 * on the side of refusing a stick that is just too small rather than filling it.
 */
export function meetingFilesBytes(archive: Pick<Archive, 'sqlite'>, ids: SelectedIds, meetings: number): number {
  const n = selectionContents(archive.sqlite, ids);
  return (
    3 * n.text +
    meetings * 3072 +
    n.attendance * 1024 +
    n.conclusions * 560 +
    n.photos * 1024 +
    n.documents * 512
  );
}

/** Size before starting: the snapshot (in proportion to the meetings kept), photos, JSON and pages. */
export function estimateExport(
  archive: Archive,
  selection: Selection,
): Omit<ExportEstimate, 'destination' | 'destinationProblem'> & { largestFile: number } {
  const meetings = selectMeetings(archive, selection);
  const ids: SelectedIds = isEverything(selection) ? 'all-live' : meetings.map((m) => m.id);
  const photos = selectedPhotoFiles(archive.sqlite, ids);
  const dbBytes = databaseBytes(archive.sqlite);
  const total = meetingRowCount(archive.sqlite);
  const snapshotBytes =
    isEverything(selection) || total === 0
      ? dbBytes
      : Math.ceil((dbBytes * meetings.length) / total) + 1024 * 1024;
  const recordBytes = meetingFilesBytes(archive, ids, meetings.length);
  const photoBytes = photos.reduce((s, p) => s + p.byteSize, 0);
  const secret = isEverything(selection)
    ? countSecretMeetings(archive.sqlite)
    : meetings.filter((m) => SECRET_LEVELS.has(m.secrecy)).length;
  return {
    meetings: meetings.length,
    photos: photos.length,
    bytes: snapshotBytes + recordBytes + photoBytes + 64 * 1024,
    secretMeetings: secret,
    largestFile: Math.max(snapshotBytes, ...photos.map((p) => p.byteSize)),
  };
}
