/**
 * Reading and extracting a folder of real reports: `npm run --silent bench -- import-corpus DIR [--runs 5]`.
 * Every .txt/.md/.html/.docx/.pdf directly in DIR goes through what `hoso import --dry-run` does (the
 * same service calls: readFileSource, then extractDraft), nothing saved. Printed per file: its time in
 * ms (the median of `runs` passes after one warm-up pass, so the first file does not carry the JIT's
 * start), and the total. Then a 20 000-character report, made in memory from the corpus texts one after
 * another (never written anywhere), read as a paste: the bar is under 200 ms for it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isHosoError } from '../contract/errors';
import { extractDraft, readFileSource, readPastedSource } from '../services/import';

/** The bar for one 20 000-character report. */
const REPORT_CHARS = 20_000;
const REPORT_BAR_MS = 200;
const CORPUS_FILES = /\.(?:txt|md|markdown|html?|docx|pdf)$/i;

export interface CorpusFileTime {
  name: string;
  /** Characters of the decoded text; null when the file could not be read. */
  chars: number | null;
  ms: number;
  /** The error code when reading failed (a scanned PDF, a broken .docx…). */
  failed?: string;
}

export interface ImportCorpusBench {
  dir: string;
  runs: number;
  files: CorpusFileTime[];
  totalMs: number;
  report20k: { chars: number; runs: number; medianMs: number; maxMs: number; barMs: number; underBar: boolean };
}

const round = (x: number) => Math.round(x * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One file as `hoso import --dry-run` takes it: read (decode, unpack), then extract the draft. */
async function readAndExtract(name: string, bytes: Buffer): Promise<{ chars: number; text: string }> {
  const doc = await readFileSource(name, bytes);
  extractDraft(doc);
  return { chars: doc.text.length, text: doc.text };
}

export async function benchImportCorpus(dirArg: string, runs: number): Promise<ImportCorpusBench> {
  const dir = resolve(dirArg);
  const names = (await readdir(dir)).filter((n) => CORPUS_FILES.test(n)).sort();
  const bytes = await Promise.all(names.map((n) => readFile(join(dir, n))));
  const texts: string[] = [];
  const files: CorpusFileTime[] = [];
  for (const [i, name] of names.entries()) {
    const times: number[] = [];
    let chars: number | null = null;
    let failed: string | undefined;
    // Pass 0 warms up and is not counted.
    for (let pass = 0; pass <= runs; pass++) {
      const t0 = performance.now();
      try {
        const r = await readAndExtract(name, bytes[i]!);
        chars = r.chars;
        if (pass === 0) texts.push(r.text);
      } catch (e) {
        if (!isHosoError(e)) throw e;
        failed = e.code;
      }
      if (pass > 0) times.push(performance.now() - t0);
    }
    files.push({ name, chars, ms: round(median(times)), ...(failed ? { failed } : {}) });
  }

  // The corpus texts one after another until 20 000 characters: a long report of the same kind of prose.
  let long = '';
  while (texts.length > 0 && long.length < REPORT_CHARS) for (const t of texts) long += `${t}\n\n`;
  long = long.slice(0, REPORT_CHARS);
  const reportTimes: number[] = [];
  for (let pass = 0; pass <= Math.max(runs, 5); pass++) {
    const t0 = performance.now();
    extractDraft(readPastedSource('bench-20000.txt', long));
    if (pass > 0) reportTimes.push(performance.now() - t0);
  }
  const medianMs = round(median(reportTimes));
  return {
    dir,
    runs,
    files,
    totalMs: round(files.reduce((sum, f) => sum + f.ms, 0)),
    report20k: {
      chars: long.length,
      runs: reportTimes.length,
      medianMs,
      maxMs: round(Math.max(...reportTimes)),
      barMs: REPORT_BAR_MS,
      underBar: medianMs < REPORT_BAR_MS,
    },
  };
}
