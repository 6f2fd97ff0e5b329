/**
 * Run in a child process by mergeMemory.test.ts: previews the merge of one bag into one archive and
 * prints `{ code, maxRssMb }` (the error's code or null; the process's peak resident memory).
 */
import { openArchive } from '../../db/open';
import { previewMerge } from '../../services/archive/mergeApply';
import { HosoError } from '../../contract/errors';

const [db, bag] = process.argv.slice(2) as [string, string];
const archive = await openArchive({ file: db });
let code: string | null = null;
try {
  await previewMerge(archive, bag);
} catch (e) {
  code = e instanceof HosoError ? e.code : String(e);
}
archive.close();
process.stdout.write(JSON.stringify({ code, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
