/**
 * Run as a child process by the hostile-input tests (`node --import tsx readSourceChild.ts FILE`):
 * reads FILE as an import source, then prints one JSON line: the error code (or the encoding read),
 * the seconds it took and the process's peak resident memory. A process of its own, so the peak is the
 * import's and nothing else's.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isHosoError } from '../../contract/errors';
import { readFileSource } from '../../services/import/sources';

const file = process.argv[2]!;
const bytes = readFileSync(file);
const started = performance.now();
let outcome: string;
try {
  outcome = `ok:${(await readFileSource(basename(file), bytes)).encoding}`;
} catch (e) {
  if (!isHosoError(e)) throw e;
  outcome = e.code;
}
const seconds = (performance.now() - started) / 1000;
// resourceUsage().maxRSS is in kilobytes.
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ outcome, seconds, peakRssMb })}\n`);
