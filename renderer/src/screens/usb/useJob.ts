import { useCallback, useEffect, useState } from 'react';
import type { JobStatus } from '../../../../contract/archiveContract';
import type { ErrorPayload } from '../../../../contract/errors';
import { api, toErrorPayload } from '../../api/client';

const POLL_MS = 250;

/**
 * Follows a long job (export, verify) by polling `jobs/status` until it ends. `error` is a failure to
 * reach the job itself (connection lost); the job's own failure is in `status.error`. Answers are kept
 * with the job they belong to, so a new job never shows the previous one's status.
 */
export function useJob(jobId: string | null): { status: JobStatus | null; error: ErrorPayload | null; cancel: () => void } {
  const [seen, setSeen] = useState<{ jobId: string; status: JobStatus | null; error: ErrorPayload | null } | null>(null);

  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const reply = await api.invoke('jobs/status', { jobId });
      if (stopped) return;
      if (!reply.ok) {
        setSeen({ jobId, status: null, error: reply.error });
        return;
      }
      setSeen({ jobId, status: reply.data, error: null });
      if (reply.data.state === 'running') timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId]);

  const cancel = useCallback(() => {
    if (jobId) void api.invoke('jobs/cancel', { jobId });
  }, [jobId]);

  const current = seen && seen.jobId === jobId ? seen : null;
  return { status: current?.status ?? null, error: current?.error ?? null, cancel };
}

export interface StartedJob {
  /** The job started last, or null. */
  jobId: string | null;
  status: JobStatus | null;
  /** The job could not be reached (see useJob). */
  error: ErrorPayload | null;
  cancel: () => void;
  /** The job could not be started (a wrong path, a refused passphrase…). */
  startError: ErrorPayload | null;
  clearStartError: () => void;
  /**
   * Starts a job with `request` and follows it; `hidePrevious` hides the last job's outcome while the
   * new one is asked for.
   */
  start: (request: () => Promise<{ jobId: string }>, options?: { hidePrevious?: boolean }) => Promise<void>;
  /** Forgets the last job (its outcome is no longer shown). */
  reset: () => void;
}

/** A long job the clerk starts from a panel (export, verify): starting it, then following it with useJob. */
export function useStartedJob(): StartedJob {
  const [jobId, setJobId] = useState<string | null>(null);
  const [startError, setStartError] = useState<ErrorPayload | null>(null);
  const job = useJob(jobId);

  async function start(request: () => Promise<{ jobId: string }>, { hidePrevious = false } = {}) {
    setStartError(null);
    if (hidePrevious) setJobId(null);
    try {
      setJobId((await request()).jobId);
    } catch (e) {
      setStartError(toErrorPayload(e));
    }
  }

  const reset = () => {
    setJobId(null);
    setStartError(null);
  };
  return { jobId, ...job, startError, clearStartError: () => setStartError(null), start, reset };
}
