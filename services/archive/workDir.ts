import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { bootSecond, ownerGone } from '../processAlive';

/**
 * What a scratch folder is for. Each purpose has its own root beside the archive (`export-tmp/`,
 * `restore-tmp/`) and names its folders `hoso-<purpose>-<pid>-b<boot>-…`, so one purpose's clean-up never
 * touches another's folders.
 *   export   the snapshot, and the whole plain bag of an encrypted export;
 *   restore  the local copy of a backup that is checked and then restored from (services/scratchCopy.ts);
 *   check    the local copy of an archive on read-only media that `hoso check` examines;
 *   merge    an encrypted bag decrypted for a merge (secret records included).
 */
export type WorkPurpose = 'export' | 'restore' | 'check' | 'merge';
const PURPOSES: readonly WorkPurpose[] = ['export', 'restore', 'check', 'merge'];

/** `<purpose>-tmp/` beside the archive: the default root of a purpose's scratch folders. */
export function workRoot(archiveFile: string, purpose: WorkPurpose = 'export'): string {
  return join(dirname(archiveFile), `${purpose}-tmp`);
}

/**
 * Scratch space of an export: the snapshot, and the whole plain bag of an encrypted export. It lives in
 * the archive's own folder (`export-tmp/` beside archive.sqlite), not the system temp folder: the plain
 * text of secret records then never lands anywhere the archive itself is not, and it is on the same disk.
 * Each export's folder carries its process id, so one left by a killed export is removed by the next
 * export once that process is gone, while a concurrent export of another process is left alone.
 * Other purposes (a restore's copy of a backup) get the same rules under their own root.
 */
export async function createWorkDir(archiveFile: string, base?: string, purpose: WorkPurpose = 'export'): Promise<string> {
  const root = base ?? workRoot(archiveFile, purpose);
  await mkdir(root, { recursive: true });
  await removeAbandoned(root, purpose);
  return mkdtemp(join(root, `hoso-${purpose}-${process.pid}-b${bootSecond()}-`));
}

/**
 * The same as createWorkDir, for callers that must stay synchronous (checking a backup is a synchronous
 * service the health page calls). A folder of another user that cannot be removed is left alone.
 */
export function createWorkDirSync(archiveFile: string, purpose: WorkPurpose, base?: string): string {
  const root = base ?? workRoot(archiveFile, purpose);
  mkdirSync(root, { recursive: true });
  removeAbandonedSync(root, purpose);
  return mkdtempSync(join(root, `hoso-${purpose}-${process.pid}-b${bootSecond()}-`));
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}


/**
 * A scratch folder of this purpose left by a process that is gone (killed, power cut): named
 * `hoso-<purpose>-<pid>-b<boot second>-…` (older versions: without the boot), see ownerGone.
 */
function abandoned(name: string, purpose: WorkPurpose): boolean {
  const m = new RegExp(`^hoso-${purpose}-(\\d+)-(?:b(\\d+)-)?`).exec(name);
  const pid = Number(m?.[1]);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  return ownerGone(pid, m?.[2] ? Number(m[2]) : null);
}

async function removeAbandoned(root: string, purpose: WorkPurpose): Promise<void> {
  for (const name of await readdir(root).catch(() => [] as string[])) {
    if (abandoned(name, purpose)) await rm(join(root, name), { recursive: true, force: true });
  }
}

function removeAbandonedSync(root: string, purpose: WorkPurpose): void {
  for (const name of readdirSafe(root)) {
    if (!abandoned(name, purpose)) continue;
    try {
      rmSync(join(root, name), { recursive: true, force: true });
    } catch {
      // Not ours to remove (another user's, on a shared temp folder), or held open on Windows: next time.
    }
  }
}

/**
 * Removes what killed processes left beside the archive, every purpose at once: called when a session
 * opens, so a decrypted bag or a plain export of secret records does not wait for the next job of its
 * kind. Folders of processes still running (another hoso on this archive) are left alone. Never throws.
 */
export function sweepAbandonedWorkDirs(archiveFile: string): void {
  for (const purpose of PURPOSES) removeAbandonedSync(workRoot(archiveFile, purpose), purpose);
}
