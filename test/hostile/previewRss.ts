/**
 * Run in a child process by the merge memory tests (mergeMemory, mergeManyMeetings): previews the merge
 * of one bag into one archive and prints `{ code, message, maxRssMb, meetings, people }` (the error's
 * code and message or null; the process's peak resident memory; the plan's counts when there is one).
 */
import { openArchive } from '../../db/open';
import { previewMerge } from '../../services/archive/mergeApply';
import { HosoError } from '../../contract/errors';

const [db, bag] = process.argv.slice(2) as [string, string];
const archive = await openArchive({ file: db });
let code: string | null = null;
let message: string | null = null;
let counts: { meetings: Record<string, number>; people: Record<string, number> } | null = null;
try {
  counts = (await previewMerge(archive, bag)).counts;
} catch (e) {
  code = e instanceof HosoError ? e.code : String(e);
  message = e instanceof Error ? e.message.slice(0, 500) : null;
}
archive.close();
process.stdout.write(
  JSON.stringify({
    code,
    message,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    meetings: counts?.meetings ?? null,
    people: counts?.people ?? null,
  }),
);
