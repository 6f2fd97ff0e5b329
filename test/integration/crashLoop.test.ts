import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive } from '../../db/open';
import { generateDemo } from '../../services/demo';
import { meetingContentHash, meetingToJson } from '../../services/archive/meetingJson';
import { makeBag, fillRecord } from '../helpers/makeBag';
import { recordSession } from '../helpers/recordSession';
import { tempDir } from '../helpers/tempArchive';
import { crashRandom } from '../helpers/crashRandom';
import { CRASH_WORKLOADS, type CrashWorkload } from '../helpers/crashWorker';
import { runAndKill, verifyTrial } from '../helpers/crashTrial';
import { hosoSpawn } from '../helpers/runHoso';
import { backupNow, listBackups, STALE_PARTIAL_MS } from '../../services/backups';
import { checkBackup } from '../../services/backupRestore';

/**
 * The crash loop (issue 8 §5): a child process writes through the app's services (bulk record
 * writes, imports, merges, backups beside writes) and is killed with SIGKILL at a random moment, as a
 * power cut or Task Manager would. After every kill the archive must open with openArchive, pass
 * integrity_check and `hoso check`, and hold every transaction the child reported as committed, with
 * its content. 20 trials here; the nightly size is `npm run test:crash` (HOSO_CRASH_TRIALS=200).
 * Replay a failure with the seed it prints: HOSO_CRASH_SEED=<seed>.
 */
const TRIALS = Number(process.env.HOSO_CRASH_TRIALS ?? 20);
const SEED = Number(process.env.HOSO_CRASH_SEED ?? Date.now() % 1_000_000_000);
const PARALLEL = Math.max(1, Number(process.env.HOSO_CRASH_PARALLEL ?? 2));

/**
 * How long after `ready` the kill may come, per workload: long enough to land anywhere from the first
 * transaction to deep into the work (a merge's bags take about this long in all), short enough to keep
 * `npm test` quick.
 */
const KILL_WINDOW_MS: Record<CrashWorkload, [number, number]> = {
  writes: [0, 1500],
  import: [0, 2500],
  merge: [0, 1500],
  backup: [0, 2000],
};
const BAGS = 6;
const MEETINGS_PER_BAG = 10;

let t: { dir: string; cleanup: () => void };
let templateDir: string;
let cleanupTemplate: () => void;
const template = new Map<string, string>();
const bags: string[] = [];

beforeAll(async () => {
  t = tempDir('hoso-crash-');
  // The archive every trial starts from: records with every part, photos included, made as a clerk would.
  const s = await recordSession();
  templateDir = s.dir;
  cleanupTemplate = s.cleanup;
  for (const color of ['#2e7d32', '#1565c0'])
    await fillRecord(s, { color, title: `Hội nghị quân chính ${color}` });
  await fillRecord(s, { color: '#6a1b9a', title: 'Hội nghị tổng kết năm', finalize: true });
  for (const id of s.archive.sqlite.prepare('SELECT id FROM meetings').pluck().all() as string[]) {
    template.set(id, meetingContentHash(meetingToJson(s.archive, id)));
  }
  s.archive.close();

  // Bags from another PC for the merge workload: disjoint slices of a demo archive.
  const source = await openArchive({ file: join(t.dir, 'may-khac', 'archive.sqlite') });
  await generateDemo(source, { meetings: BAGS * MEETINGS_PER_BAG, seed: 8 });
  const ids = source.sqlite.prepare('SELECT id FROM meetings ORDER BY id').pluck().all() as string[];
  for (let b = 0; b < BAGS; b++) {
    bags.push(
      await makeBag(source, join(t.dir, 'usb', `goi-${b + 1}`), {
        meetingIds: ids.slice(b * MEETINGS_PER_BAG, (b + 1) * MEETINGS_PER_BAG),
      }),
    );
  }
  source.close();
}, 120_000);

afterAll(() => {
  cleanupTemplate?.();
  t?.cleanup();
});

/** A seeded order of the workloads: each block of four trials runs every workload once. */
function shuffledWorkloads(rnd: () => number): CrashWorkload[] {
  const block = [...CRASH_WORKLOADS];
  for (let i = block.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [block[i], block[j]] = [block[j]!, block[i]!];
  }
  return block;
}

describe('SIGKILL at random moments', () => {
  it(
    `${TRIALS} trials: the archive opens, checks clean and holds every reported transaction`,
    async () => {
      const figures = {
        seed: SEED,
        trials: 0,
        kills: Object.fromEntries(CRASH_WORKLOADS.map((w) => [w, 0])) as Record<CrashWorkload, number>,
        finishedBeforeKill: 0,
        killedMidWrite: 0,
        transactionsConfirmed: 0,
        committedButUnreported: 0,
        backupsConfirmed: 0,
        partialBackupsLeft: 0,
        recordsLost: 0,
      };
      const failures: string[] = [];
      // The plan is drawn from the seed before anything runs, so a replay runs the same trials.
      const plan: { trial: number; workload: CrashWorkload; seed: number; delay: number }[] = [];
      let block: CrashWorkload[] = [];
      for (let trial = 0; trial < TRIALS; trial++) {
        if (trial % CRASH_WORKLOADS.length === 0) block = shuffledWorkloads(crashRandom(SEED + trial));
        const seed = SEED * 1000 + trial;
        const workload = block[trial % CRASH_WORKLOADS.length]!;
        const [lo, hi] = KILL_WINDOW_MS[workload];
        plan.push({ trial, workload, seed, delay: Math.round(lo + crashRandom(seed)() * (hi - lo)) });
      }

      const runTrial = async ({ trial, workload, seed, delay }: (typeof plan)[number]) => {
        const dir = join(t.dir, `trial-${trial}`);
        mkdirSync(dir);
        cpSync(templateDir, dir, { recursive: true });
        const file = join(dir, 'archive.sqlite');
        const run = await runAndKill(workload, file, seed, delay, workload === 'merge' ? bags : []);
        const label = `trial ${trial} (${workload}, kill ${delay} ms after ready; replay: HOSO_CRASH_SEED=${SEED})`;
        if (!run.killed && !run.finishedFirst) {
          failures.push(
            `${label}: the child never got ready or stopped on its own before the kill: ${run.stderr.slice(0, 2000)}`,
          );
          return;
        }
        const verdict = await verifyTrial(file, run, template);
        figures.trials++;
        if (run.killed) figures.kills[workload]++;
        else figures.finishedBeforeKill++;
        if (run.killed && verdict.killedMidWrite) figures.killedMidWrite++;
        figures.transactionsConfirmed += verdict.confirmed;
        figures.committedButUnreported += verdict.unreported;
        figures.backupsConfirmed += verdict.backupsConfirmed;
        figures.partialBackupsLeft += verdict.partialBackups;
        figures.recordsLost += verdict.lost.length;
        for (const p of [...verdict.lost, ...verdict.problems]) failures.push(`${label}: ${p}`);
        rmSync(dir, { recursive: true, force: true });
      };
      // Two trials at a time: most of a trial is the child loading its modules, which the other overlaps.
      let next = 0;
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          while (next < plan.length) await runTrial(plan[next++]!);
        }),
      );
      // The figures the README quotes; printed in every run, not only the nightly one.
      console.log(`crash loop figures: ${JSON.stringify(figures)}`);
      expect(failures, `seed ${SEED}`).toEqual([]);
      expect(figures.recordsLost).toBe(0);
      expect(figures.trials).toBe(TRIALS);
      // Not a loop that kills idle processes: the children were writing when they died.
      expect(figures.transactionsConfirmed).toBeGreaterThan(0);
    },
    Math.max(120_000, TRIALS * 15_000),
  );
});

describe('a backup killed while it is written', () => {
  it('leaves only a .partial that is never listed as a backup, and the next backup removes it', async () => {
    const dir = join(t.dir, 'killed-backup');
    const file = join(dir, 'archive.sqlite');
    const archive = await openArchive({ file });
    await generateDemo(archive, { meetings: 400, seed: 11 });
    archive.close();
    const backups = join(dir, 'backups');
    const partials = () =>
      existsSync(backups) ? readdirSync(backups).filter((n) => n.endsWith('.partial')) : [];

    // Kill `hoso backup` the moment its temporary file appears (copying or checking it): a few tries,
    // since on a fast disk the window is short.
    for (let attempt = 0; attempt < 5 && partials().length === 0; attempt++) {
      const child = hosoSpawn(['backup', '--db', file]);
      const exited = new Promise((r) => child.on('exit', r));
      while (child.exitCode === null && partials().length === 0) await new Promise((r) => setTimeout(r, 2));
      child.kill('SIGKILL');
      await exited;
      for (const n of existsSync(backups) ? readdirSync(backups) : [])
        if (n.endsWith('.sqlite')) rmSync(join(backups, n));
    }
    expect(partials()).toHaveLength(1);

    const opened = await openArchive({ file });
    try {
      expect(listBackups(opened).rows).toEqual([]);
      // An hour on, nothing writes that file any more: the next backup clears it and is itself good.
      const hourAgo = new Date(Date.now() - STALE_PARTIAL_MS - 60_000);
      for (const n of readdirSync(backups)) utimesSync(join(backups, n), hourAgo, hourAgo);
      const next = await backupNow(opened);
      expect(partials()).toEqual([]);
      expect(readdirSync(backups)).toEqual([next.name]);
      expect(listBackups(opened).rows.map((r) => r.name)).toEqual([next.name]);
      expect(checkBackup(opened, next.path)).toMatchObject({ ok: true, meetings: 400 });
    } finally {
      opened.close();
    }
  }, 120_000);
});
