/**
 * Benchmarks that print figures (never timed assertions in tests). Usage:
 *   npm run --silent bench -- search [--meetings 100000] [--db PATH] [--runs 15]
 *   npm run --silent bench -- photos [--runs 5]
 *   npm run --silent bench -- pdf [--meetings 200] [--runs 10]   (the web host's PDFs: first after start,
 *     then median/p95 of the next ones, against the same document as HTML, and the first of a session
 *     whose Chromium was left to warm up; targets < 3 s and < 1 s)
 *   npm run --silent bench -- merge [--meetings 2000]
 *   npm run --silent bench -- merge-ui [--meetings 2000]   (the same bag merged through the web host and
 *     the built renderer in Chromium: preview and apply as the clerk waits for them)
 *   npm run --silent bench -- import [--files 1000]
 *   npm run --silent bench -- import-corpus DIR [--runs 5]   (read + extract each report in DIR, as
 *     `hoso import --dry-run` does; per-file ms, total, and a 20 000-character report: bar < 200 ms)
 *   npm run --silent bench -- export [--meetings 2000] [--photo-mb 200] [--runs 2] [--no-encrypted] [--workers N]
 * The archive is built once with `hoso demo` (seed 1) under bench/.data/ and reused.
 */
import { parseArgs } from 'node:util';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchSearch } from './search';
import { benchOpenMeeting } from './openMeeting';
import { benchPhotos } from './photos';
import { benchReports } from './reports';
import { benchPdf } from './pdf';
import { benchMerge } from './merge';
import { benchMergeUi } from './mergeUi';
import { benchExport } from './export';
import { benchImportDocx } from './importDocx';
import { benchImportCorpus } from './importCorpus';
import { runCli } from '../cli/run';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    meetings: { type: 'string' },
    db: { type: 'string' },
    runs: { type: 'string' },
    samples: { type: 'string' },
    'photo-mb': { type: 'string' },
    files: { type: 'string' },
    'no-encrypted': { type: 'boolean' },
    workers: { type: 'string' },
  },
});

export async function ensureDemoArchive(meetings: number, explicit?: string): Promise<string> {
  const file = resolve(explicit ?? join(import.meta.dirname, '.data', `demo-${meetings}.sqlite`));
  if (existsSync(file)) return file;
  mkdirSync(join(file, '..'), { recursive: true });
  console.error(`Tạo kho mẫu ${meetings} cuộc họp bằng hoso demo: ${file}`);
  const code = await runCli(['demo', '--meetings', String(meetings), '--db', file], {
    out: (l) => console.error(l),
    err: (l) => console.error(l),
    untilStopped: () => Promise.resolve(),
  });
  if (code !== 0) throw new Error(`hoso demo failed with exit ${code}`);
  return file;
}

async function main(): Promise<void> {
  const [which] = positionals;
  const meetings = Number(values.meetings ?? 100_000);
  const runs = Number(values.runs ?? 15);
  if (which === 'open-meeting') {
    const file = await ensureDemoArchive(meetings, values.db);
    console.log(JSON.stringify(await benchOpenMeeting(file, Number(values.samples ?? 200)), null, 2));
    return;
  }
  if (which === 'search') {
    const file = await ensureDemoArchive(meetings, values.db);
    console.log(JSON.stringify(await benchSearch(file, runs), null, 2));
    return;
  }
  if (which === 'reports') {
    const file = await ensureDemoArchive(Number(values.meetings ?? 500), values.db);
    console.log(JSON.stringify(await benchReports(file, Number(values.runs ?? 3)), null, 2));
    return;
  }
  if (which === 'pdf') {
    const file = await ensureDemoArchive(Number(values.meetings ?? 200), values.db);
    console.log(JSON.stringify(await benchPdf(file, Number(values.runs ?? 10)), null, 2));
    return;
  }
  if (which === 'merge') {
    const file = await ensureDemoArchive(Number(values.meetings ?? 2000), values.db);
    console.log(JSON.stringify(await benchMerge(file), null, 2));
    return;
  }
  if (which === 'merge-ui') {
    const file = await ensureDemoArchive(Number(values.meetings ?? 2000), values.db);
    console.log(JSON.stringify(await benchMergeUi(file), null, 2));
    return;
  }
  if (which === 'export') {
    const m = Number(values.meetings ?? 2000);
    const file = await ensureDemoArchive(m, values.db);
    console.log(
      JSON.stringify(
        await benchExport(
          file,
          m,
          Number(values['photo-mb'] ?? 200),
          Number(values.runs ?? 2),
          !values['no-encrypted'],
          values.workers === undefined ? undefined : Number(values.workers),
        ),
        null,
        2,
      ),
    );
    return;
  }
  if (which === 'import') {
    console.log(JSON.stringify(await benchImportDocx(Number(values.files ?? 1000)), null, 2));
    return;
  }
  if (which === 'import-corpus') {
    const dir = positionals[1];
    if (dir) {
      console.log(JSON.stringify(await benchImportCorpus(dir, Number(values.runs ?? 5)), null, 2));
      return;
    }
  }
  if (which === 'photos') {
    console.log(JSON.stringify(await benchPhotos(Number(values.runs ?? 5)), null, 2));
    return;
  }
  console.error(
    'Cách dùng: npm run --silent bench -- search [--meetings N] [--db PATH] [--runs N] | open-meeting [--meetings N] [--samples N] | photos [--runs N] | reports [--meetings 500] [--runs N] | pdf [--meetings 200] [--runs N] | export [--meetings 2000] [--photo-mb 200] [--runs 2] [--no-encrypted] [--workers N] | merge [--meetings 2000] | merge-ui [--meetings 2000] | import [--files 1000] | import-corpus DIR [--runs 5]',
  );
  process.exitCode = 2;
}

await main();
