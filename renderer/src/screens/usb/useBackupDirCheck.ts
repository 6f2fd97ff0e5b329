import { Settings } from '../../../../contract/contract';
import { errorPayload } from '../../../../contract/errors';
import { call } from '../../api/client';
import { useErrorText } from '../../api/useErrorText';

/**
 * The check of a backup folder before it is saved, the same in the first-run setup and in Lưu trữ USB →
 * Sao lưu: the contract's own (a full path) first, then the archive's (`backups/check-dir`: writable, not a
 * file, not the archive's own folder, room for one backup). Resolves to the clerk's words for why the
 * folder cannot be used, or null; a failed call rejects (the caller's action shows it).
 */
export function useBackupDirCheck(): (dir: string) => Promise<string | null> {
  const errorText = useErrorText();
  return async (dir) => {
    if (!Settings.shape.backupDir.safeParse(dir).success)
      return errorText(errorPayload('BACKUP_DIR_RELATIVE'));
    const check = await call('backups/check-dir', { dir });
    return check.problem ? errorText(check.problem) : null;
  };
}
