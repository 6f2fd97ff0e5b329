import { useCallback, useState } from 'react';
import type { ErrorPayload } from '../../../contract/errors';
import { toErrorPayload } from './client';

export interface Actions<Name extends string> {
  /** Which work is running (its button shows the spinner, the others wait), or null. */
  running: Name | null;
  /** Which work failed last, to title its failure, or null. */
  failed: Name | null;
  /** Why it failed, until the clerk closes it or starts another. */
  error: ErrorPayload | null;
  setError: (error: ErrorPayload | null) => void;
  clearError: () => void;
  /** Runs `work` as `name`; a failure is kept in `error`, never thrown. Resolves true when it succeeded. */
  run: (name: Name, work: () => Promise<unknown>) => Promise<boolean>;
}

/**
 * Buttons whose work calls the archive (Sao lưu ngay, Kiểm tra, a row's Xong…): which one is running,
 * and the failure of the last, shown where it happened. The same try/catch/finally every panel wrote.
 */
export function useActions<Name extends string>(): Actions<Name> {
  const [running, setRunning] = useState<Name | null>(null);
  const [failure, setFailure] = useState<{ name: Name | null; error: ErrorPayload } | null>(null);
  const run = useCallback(async (name: Name, work: () => Promise<unknown>) => {
    setRunning(name);
    setFailure(null);
    try {
      await work();
      return true;
    } catch (e) {
      setFailure({ name, error: toErrorPayload(e) });
      return false;
    } finally {
      setRunning(null);
    }
  }, []);
  const setError = useCallback(
    (error: ErrorPayload | null) => setFailure(error && { name: null, error }),
    [],
  );
  const clearError = useCallback(() => setFailure(null), []);
  return { running, failed: failure?.name ?? null, error: failure?.error ?? null, setError, clearError, run };
}

export interface Action {
  /** The work is running (its button shows the spinner). */
  busy: boolean;
  /** Why the last run failed, until the clerk closes it or starts another. */
  error: ErrorPayload | null;
  setError: (error: ErrorPayload | null) => void;
  clearError: () => void;
  /** Runs `work`; a failure is kept in `error`, never thrown. Resolves true when it succeeded. */
  run: (work: () => Promise<unknown>) => Promise<boolean>;
}

/** One button's work (Lưu in a dialog, Khôi phục, Khóa ngay…): useActions with a single name. */
export function useAction(): Action {
  const { running, error, setError, clearError, run: runNamed } = useActions<'work'>();
  const run = useCallback((work: () => Promise<unknown>) => runNamed('work', work), [runNamed]);
  return { busy: running !== null, error, setError, clearError, run };
}
