import { dirname, join } from 'node:path';
import type { Archive } from '../../db/open';
import { backupStamp, backupTo } from '../../db/backup';

/** The backups folder: beside the archive unless the clerk chose another (e.g. a second disk). */
export function defaultBackupDir(archiveFile: string): string {
  return join(dirname(archiveFile), 'backups');
}

/** A verified snapshot named by date and time: backups/archive-20261122-063626.sqlite. */
export async function backupNow(archive: Archive, dir: string = defaultBackupDir(archive.file)) {
  return backupTo(archive.sqlite, join(dir, `archive-${backupStamp()}.sqlite`));
}
