import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Archive } from '../../db/open';
import { MEETING_JSON_BATCH } from './meetingJson';
import { meetingFilesOf, type MeetingFilesBatch, type MeetingFilesOptions } from './meetingFiles';
import type { MeetingFilesRequest, MeetingFilesWorkerData } from './meetingFilesWorker';

/**
 * Makes the meeting files of an export (JSON + page per meeting) batch by batch and hands each batch to
 * `consume`, which writes it. Reading the records and building their text is most of an export's CPU
 * (about 70 s of 100 000 meetings here), so large exports build them in worker threads, each with its
 * own read-only connection to the snapshot, while this thread writes, hashes and copies the photos.
 * Small exports (and a machine with one core) build them here: starting a worker costs more than it saves.
 */
export interface MeetingFilesSource {
  /** The snapshot's connection in this thread. */
  sqlite: Archive['sqlite'];
  /** Its file, which workers open read-only. */
  file: string;
  nativeBinding?: string;
}

export interface MeetingFilesRun {
  options: MeetingFilesOptions;
  /** Worker threads; 0 builds everything in this thread. Default: workersFor(ids.length). */
  workers?: number;
  /** The worker's script; default the built one beside this module, or the TypeScript source. */
  workerScript?: string;
  signal?: AbortSignal;
}

/** Below this many meetings, workers are not worth their start-up. */
export const WORKER_MIN_MEETINGS = 2000;

export function workersFor(meetings: number): number {
  if (meetings < WORKER_MIN_MEETINGS) return 0;
  return Math.min(2, Math.max(availableParallelism() - 1, 1));
}

/**
 * Calls `consume(batch, index)` for every batch of MEETING_JSON_BATCH ids (index = its place in `ids`
 * order; batches may arrive out of order). Each worker has two batches asked of it, so it builds the next
 * while the last is written; a worker is asked for more only once `consume` has taken its batch, which
 * bounds the memory held. The first failure (a worker's error, `consume`'s, a cancel) stops everything.
 */
export async function produceMeetingFiles(
  source: MeetingFilesSource,
  ids: readonly string[],
  run: MeetingFilesRun,
  consume: (batch: MeetingFilesBatch, index: number) => Promise<void>,
): Promise<void> {
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += MEETING_JSON_BATCH) batches.push(ids.slice(i, i + MEETING_JSON_BATCH));
  const workers = Math.min(run.workers ?? workersFor(ids.length), batches.length);
  const pool =
    workers > 0
      ? await startPool(workers, run.workerScript, {
          snapshot: source.file,
          nativeBinding: source.nativeBinding,
          options: run.options,
        })
      : null;
  if (!pool) {
    for (let i = 0; i < batches.length; i++) {
      run.signal?.throwIfAborted();
      await consume(meetingFilesOf(source, batches[i]!, run.options), i);
    }
    return;
  }
  // Batches being written: after a failure, these end before this returns, so nothing is still being
  // written into a bag the caller is about to remove.
  const writing = new Set<Promise<void>>();
  let onAbort: (() => void) | undefined;
  try {
    run.signal?.throwIfAborted();
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let pending = 0;
      let settled = false;
      const fail = (e: unknown) => {
        if (settled) return;
        settled = true;
        reject(e);
      };
      onAbort = () => fail(run.signal!.reason);
      run.signal?.addEventListener('abort', onAbort, { once: true });
      const ask = (w: Worker) => {
        if (settled) return;
        if (next >= batches.length) {
          if (pending === 0) {
            settled = true;
            resolve();
          }
          return;
        }
        const seq = next++;
        pending++;
        w.postMessage({ seq, ids: batches[seq]! } satisfies MeetingFilesRequest);
      };
      for (const w of pool) {
        w.on('message', (msg: WorkerReply) => {
          if (settled || 'ready' in msg) return;
          if ('error' in msg) return fail(workerError(msg.error));
          const done: Promise<void> = consume(msg.batch, msg.seq)
            .then(() => {
              pending--;
              ask(w);
            }, fail)
            .finally(() => writing.delete(done));
          writing.add(done);
        });
        w.on('error', fail);
        w.on('exit', (code) => fail(new Error(`meeting files worker stopped (exit ${code})`)));
        ask(w);
        ask(w);
      }
    });
  } finally {
    if (onAbort) run.signal?.removeEventListener('abort', onAbort);
    await Promise.all(pool.map(stopWorker));
    await Promise.allSettled([...writing]);
  }
}

type WorkerReply =
  | { ready: true }
  | { seq: number; batch: MeetingFilesBatch }
  | { seq: number; error: { message: string; code?: string; name: string } };

/**
 * Asks a worker to close its connection and exit (after the batch it may be building); one that does
 * not within a few seconds is terminated.
 */
async function stopWorker(w: Worker): Promise<void> {
  if (stopped.has(w)) return;
  const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
  w.postMessage({ close: true } satisfies MeetingFilesRequest);
  const timer = setTimeout(() => void w.terminate(), 5000);
  await exited;
  clearTimeout(timer);
}

/** The worker's error with its code kept (SQLITE_CORRUPT becomes EXPORT_SOURCE_DAMAGED upstream). */
function workerError(e: { message: string; code?: string; name: string }): Error {
  const err = new Error(e.message) as NodeJS.ErrnoException;
  err.name = e.name;
  if (e.code) err.code = e.code;
  return err;
}

/**
 * Workers that have opened the snapshot, or null when one could not start (its script missing or not
 * loadable in this packaging): the export then builds everything in its own thread, slower but the same
 * files, and says why in the log. Deciding before the first batch is sent keeps one path per export.
 */
async function startPool(
  count: number,
  script: string | undefined,
  data: MeetingFilesWorkerData,
): Promise<Worker[] | null> {
  const pool: Worker[] = [];
  try {
    for (let i = 0; i < count; i++) pool.push(startWorker(script, data));
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const exited = (code: number) => reject(new Error(`exit ${code}`));
            const ready = () => {
              w.off('error', reject);
              w.off('exit', exited);
              resolve();
            };
            w.once('message', ready);
            w.once('error', reject);
            w.once('exit', exited);
          }),
      ),
    );
    return pool;
  } catch (e) {
    console.warn(
      `[hoso] EXPORT_WORKERS_UNAVAILABLE ${(e as Error).message}: meeting files built in one thread`,
    );
    await Promise.all(pool.map((w) => w.terminate()));
    return null;
  }
}

const WORKER_FILE = 'meetingFilesWorker';
/**
 * A batch's rows and texts (a few MB) live until the batch is handed over; with V8's default young
 * generation they outlive a scavenge or two, get promoted and are collected again by the slower old
 * generation's collector. A 64 MB semi-space (192 MB young generation) measured about 15 % less CPU for
 * the same files (20 000 meetings, alternated runs).
 */
const YOUNG_GENERATION = { maxYoungGenerationSizeMb: 192 };
/** Workers that have exited (a crash, or stopped): asking them to stop would wait for nothing. */
const stopped = new WeakSet<Worker>();

/**
 * The worker's script. Built (electron-vite emits `meetingFilesWorker.js` as an entry of the main
 * bundle, beside index.js or one folder up from a chunk) or, when this module runs from its TypeScript
 * source (tsx, vitest), the `.ts` file loaded through tsx in the worker.
 */
function startWorker(script: string | undefined, data: MeetingFilesWorkerData): Worker {
  const w = spawnWorker(script, data);
  w.once('exit', () => stopped.add(w));
  return w;
}

function spawnWorker(script: string | undefined, data: MeetingFilesWorkerData): Worker {
  if (script) return new Worker(script, { workerData: data, resourceLimits: YOUNG_GENERATION });
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const url = pathToFileURL(join(dirname(here), `${WORKER_FILE}.ts`)).href;
    const boot = `import('tsx/esm/api').then((api) => api.tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}))`;
    return new Worker(boot, { eval: true, workerData: data, resourceLimits: YOUNG_GENERATION });
  }
  const built = [
    join(dirname(here), `${WORKER_FILE}.js`),
    join(dirname(here), '..', `${WORKER_FILE}.js`),
  ].find((p) => existsSync(p));
  if (!built) throw new Error(`${WORKER_FILE}.js is missing beside ${here}`);
  // Electron loads a worker's script from inside app.asar (supported since Electron 18).
  return new Worker(built, { workerData: data, resourceLimits: YOUNG_GENERATION });
}
