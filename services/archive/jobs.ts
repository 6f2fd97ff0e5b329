import { randomUUID } from 'node:crypto';
import type {
  BagProblem,
  ExportResult,
  JobPhase,
  JobProgress,
  JobStatus,
  VerifyResult,
} from '../../contract/archiveContract';
import type { MergePreviewSummary, MergeResult, MergeRow } from '../../contract/mergeContract';
import { HosoError, toErrorPayload, type ErrorCode, type ErrorDetail } from '../../contract/errors';
import { nextEta, type EtaReading } from './jobEta';

/**
 * Long jobs (an export, a verification, a merge's preview and apply) that the UI follows by polling `jobs/status` and may cancel with
 * `jobs/cancel`. A job runs in this process; its status is kept for a while after it ends so the screen
 * can show the result even if it polls late. Time left comes from the average rate since the phase began,
 * smoothed and held back until enough is known (jobEta.ts).
 */

export interface ProgressSink {
  phase(phase: JobPhase, bytesTotal: number, filesTotal: number): void;
  bytes(n: number): void;
  file(): void;
}

export interface JobOutcome {
  exportResult?: ExportResult;
  verifyResult?: VerifyResult;
  mergePreview?: MergePreviewSummary;
  /** A merge preview's rows: kept with the job, sent a page at a time (`merge/rows`), never in `jobs/status`. */
  mergeRows?: MergeRow[];
  mergeResult?: MergeResult;
}

/** The codes a job ends with when the clerk cancelled it (its state is then 'cancelled', not 'failed'). */
const CANCELLED: ReadonlySet<ErrorCode> = new Set(['EXPORT_CANCELLED', 'MERGE_CANCELLED']);

/** A failure carrying file-by-file problems (a read-back mismatch). */
export class ProblemsError extends HosoError {
  readonly problems: BagProblem[];
  constructor(code: ConstructorParameters<typeof HosoError>[0], problems: BagProblem[], detail?: ErrorDetail) {
    super(code, detail);
    this.problems = problems;
  }
}

interface Job {
  status: JobStatus;
  controller: AbortController;
  phaseStarted: number;
  /** The time left as last told (null until there is enough to go on); reset with each phase. */
  eta: EtaReading | null;
  promise: Promise<void>;
  mergeRows: MergeRow[] | null;
}

const KEEP_FINISHED = 50;

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  start(
    kind: JobStatus['kind'],
    run: (signal: AbortSignal, progress: ProgressSink) => Promise<JobOutcome>,
  ): string {
    const id = randomUUID();
    const controller = new AbortController();
    const progress: JobProgress = {
      phase: 'preparing',
      bytesDone: 0,
      bytesTotal: 0,
      filesDone: 0,
      filesTotal: 0,
      secondsLeft: null,
    };
    const job: Job = {
      status: {
        id,
        kind,
        state: 'running',
        progress,
        startedAt: Date.now(),
        finishedAt: null,
        exportResult: null,
        verifyResult: null,
        mergePreview: null,
        mergeResult: null,
        error: null,
      },
      controller,
      phaseStarted: Date.now(),
      eta: null,
      promise: Promise.resolve(),
      mergeRows: null,
    };
    const sink: ProgressSink = {
      phase: (phase, bytesTotal, filesTotal) => {
        job.status.progress = {
          phase,
          bytesDone: 0,
          bytesTotal,
          filesDone: 0,
          filesTotal,
          secondsLeft: null,
        };
        job.phaseStarted = Date.now();
        job.eta = null;
      },
      bytes: (n) => {
        job.status.progress.bytesDone += n;
      },
      file: () => {
        job.status.progress.filesDone += 1;
      },
    };
    this.jobs.set(id, job);
    this.prune();
    job.promise = run(controller.signal, sink).then(
      (outcome) => {
        job.status.state = 'done';
        job.status.exportResult = outcome.exportResult ?? null;
        job.status.verifyResult = outcome.verifyResult ?? null;
        job.status.mergePreview = outcome.mergePreview ?? null;
        job.status.mergeResult = outcome.mergeResult ?? null;
        job.mergeRows = outcome.mergeRows ?? null;
        job.status.progress = { ...job.status.progress, phase: 'done', secondsLeft: 0 };
        job.status.finishedAt = Date.now();
      },
      (e: unknown) => {
        const cancelled = e instanceof HosoError && CANCELLED.has(e.code);
        job.status.state = cancelled ? 'cancelled' : 'failed';
        job.status.error = { ...toErrorPayload(e), problems: e instanceof ProblemsError ? e.problems : [] };
        job.status.finishedAt = Date.now();
      },
    );
    return id;
  }

  status(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new HosoError('JOB_NOT_FOUND');
    const p = job.status.progress;
    if (job.status.state === 'running') {
      job.eta = nextEta(job.eta, { now: Date.now(), phaseStarted: job.phaseStarted, bytesDone: p.bytesDone, bytesTotal: p.bytesTotal });
      p.secondsLeft = job.eta === null ? null : Math.round(job.eta.seconds);
    }
    return structuredClone(job.status);
  }

  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job) throw new HosoError('JOB_NOT_FOUND');
    if (job.status.state !== 'running') return false;
    job.controller.abort();
    return true;
  }

  /** A finished merge preview's rows (JOB_NOT_FOUND for any other job, or one still running). */
  mergeRows(id: string): MergeRow[] {
    const rows = this.jobs.get(id)?.mergeRows;
    if (!rows) throw new HosoError('JOB_NOT_FOUND');
    return rows;
  }

  /** Resolves when the job has ended (tests, the CLI). */
  async settled(id: string): Promise<JobStatus> {
    const job = this.jobs.get(id);
    if (!job) throw new HosoError('JOB_NOT_FOUND');
    await job.promise;
    return this.status(id);
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(j.status.id);
  }
}
