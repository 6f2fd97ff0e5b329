import type { Archive } from './open';
import { foldVietnamese } from '../contract/vietnamese/fold';
import { parseAttendanceText } from '../contract/attendanceParse';
import { meetingRow } from './recordWrite';
import { HosoError } from '../contract/errors';
import { msg } from '../contract/messages/message';
import { ATTENDANCE_BATCH_MAX, type PastePreview, type PastePreviewRow } from '../contract/recordContract';

/**
 * The preview of a pasted attendance list: parsed rows, each matched against the directory by folded
 * full name. Nothing is written; the clerk confirms the matches and `attendance/add-many` stores them.
 *
 * Matching never merges different names: "Nguyễn Văn An" and "Nguyễn Văn Ân" fold alike but are two
 * names, so they come back as a *possible* match for the clerk to decide; so does the same name with
 * another rank (most often the same person, promoted since) and a name several people share.
 */

type Candidate = PastePreviewRow['candidates'][number];

const plain = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

function classify(
  entry: { fullName: string; rank: string },
  candidates: Candidate[],
): Pick<PastePreviewRow, 'match' | 'personId' | 'reasons'> {
  if (candidates.length === 0) return { match: 'new', personId: null, reasons: [] };
  const reasons: PastePreviewRow['reasons'] = [];
  if (candidates.length > 1) reasons.push('several_people');
  if (candidates.every((c) => plain(c.fullName) !== plain(entry.fullName))) reasons.push('marks_differ');
  if (entry.rank && candidates.every((c) => plain(c.rank) !== plain(entry.rank))) reasons.push('rank_differs');
  if (reasons.length === 0) return { match: 'same', personId: candidates[0]!.id, reasons };
  return { match: 'possible', personId: null, reasons };
}

/** The directory lookup by folded full name (prepared once, reused for every row of a list). */
export function directoryByName(archive: Pick<Archive, 'sqlite'>) {
  return archive.sqlite.prepare(
    'SELECT id, full_name AS fullName, rank, title, unit FROM people WHERE name_folded = ? AND deleted_at IS NULL ORDER BY name_sort, id LIMIT 20',
  );
}

/**
 * One name (with the rank written beside it) against the directory: the candidates and whether it is
 * surely one of them. Shared by the paste preview and the import of reports (services/import).
 */
export function matchDirectory(
  byName: ReturnType<typeof directoryByName>,
  entry: { fullName: string; rank: string },
): Pick<PastePreviewRow, 'match' | 'personId' | 'reasons' | 'candidates'> {
  const candidates = byName.all(foldVietnamese(entry.fullName)) as Candidate[];
  return { ...classify(entry, candidates), candidates };
}

export function previewPaste(archive: Archive, meetingId: string | null, text: string): PastePreview {
  const parsed = parseAttendanceText(text, { maxEntries: ATTENDANCE_BATCH_MAX });
  if (parsed.truncated || parsed.entries.length > ATTENDANCE_BATCH_MAX) throw new HosoError('ATTENDANCE_TOO_MANY');
  const attending = new Set<string>();
  if (meetingId) {
    meetingRow(archive, meetingId);
    for (const id of archive.sqlite.prepare('SELECT person_id FROM attendance WHERE meeting_id = ?').pluck().all(meetingId) as string[]) attending.add(id);
  }
  const byName = directoryByName(archive);
  const problems = [...parsed.problems];
  const firstLine = new Map<string, number>();
  const rows: PastePreviewRow[] = [];
  for (const e of parsed.entries) {
    const folded = foldVietnamese(e.fullName);
    const seen = firstLine.get(folded);
    if (seen !== undefined) {
      problems.push({ line: e.line, source: e.source, message: msg('attendancePaste.sameAsLine', { line: String(seen) }) });
      continue;
    }
    firstLine.set(folded, e.line);
    const matched = matchDirectory(byName, e);
    rows.push({
      ...e,
      ...matched,
      inMeeting: matched.candidates.some((c) => attending.has(c.id)),
    });
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems };
}
