import type { ErrorPayload } from '../../../contract/errors';
import { useActions } from './useAction';

export interface RowAction {
  /** The id of the row whose action is running (its button shows the spinner), or null. */
  pending: string | null;
  /** Why the last action failed, until the clerk closes it or starts another. */
  error: ErrorPayload | null;
  clearError: () => void;
  /** Runs `action` for row `id`; a failure is kept in `error`, never thrown. */
  run: (id: string, action: () => Promise<unknown>) => Promise<void>;
}

/**
 * One button a row of a list (Xong on a task, Khôi phục in the trash): which row is busy, and the
 * failure of the last press, shown once above the list.
 */
export function useRowAction(): RowAction {
  const { running, error, clearError, run } = useActions<string>();
  return {
    pending: running,
    error,
    clearError,
    run: async (id, action) => {
      await run(id, action);
    },
  };
}
