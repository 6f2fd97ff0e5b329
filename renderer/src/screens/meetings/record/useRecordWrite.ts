import { useCallback, useState } from 'react';
import type { ErrorPayload } from '../../../../../contract/errors';
import { toErrorPayload } from '../../../api/client';

export interface RecordWrite {
  busy: boolean;
  error: ErrorPayload | null;
  clearError: () => void;
  /**
   * Runs one part write with the meeting's current version; on success reports the answered
   * `meetingVersion` to the host and returns the reply, on failure keeps the error (null returned).
   */
  run: <T extends { meetingVersion: number }>(write: (version: number) => Promise<T>) => Promise<T | null>;
}

export function useRecordWrite(version: number, onVersion: (v: number) => void): RecordWrite {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const run = useCallback(
    async <T extends { meetingVersion: number }>(
      write: (version: number) => Promise<T>,
    ): Promise<T | null> => {
      setBusy(true);
      setError(null);
      try {
        const reply = await write(version);
        onVersion(reply.meetingVersion);
        return reply;
      } catch (e) {
        setError(toErrorPayload(e));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [version, onVersion],
  );
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, clearError, run };
}
