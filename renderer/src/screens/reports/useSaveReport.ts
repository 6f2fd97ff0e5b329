import { useState } from 'react';
import type { ReportRequestInput } from '../../../../contract/reportContract';
import type { ErrorPayload } from '../../../../contract/errors';
import { toErrorPayload } from '../../api/client';
import { saveReportFile } from './download';

export type SaveFormat = 'pdf' | 'docx' | 'html';

export interface SaveReport {
  /** The format being made and saved, or null: one save at a time, its button shows the spinner. */
  busy: SaveFormat | null;
  /** Why the last save (or the panel's print, which reports here too) failed. */
  error: ErrorPayload | null;
  /** The name of the file the last save wrote. */
  done: string | null;
  save: (format: SaveFormat) => Promise<void>;
  setError: (error: ErrorPayload | null) => void;
  clearDone: () => void;
}

/**
 * Saving the document `request` describes as PDF, DOCX or HTML (through `saveReportFile`), with the
 * state a panel shows around it: which save is running, the failure, the saved file's name. A new save
 * clears what the previous one left, so the clerk never sees an old error beside a new file.
 */
export function useSaveReport(request: ReportRequestInput): SaveReport {
  const [busy, setBusy] = useState<SaveFormat | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function save(format: SaveFormat) {
    setBusy(format);
    setError(null);
    setDone(null);
    try {
      setDone(await saveReportFile(request, format));
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(null);
    }
  }

  return { busy, error, done, save, setError, clearDone: () => setDone(null) };
}
