import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Scratch space of an export: the snapshot, and the whole plain bag of an encrypted export. It lives in
 * the archive's own folder (`export-tmp/` beside archive.sqlite), not the system temp folder: the plain
 * text of secret records then never lands anywhere the archive itself is not, and it is on the same disk.
 * Each export's folder carries its process id, so one left by a killed export is removed by the next
 * export once that process is gone, while a concurrent export of another process is left alone.
 */
export async function createWorkDir(archiveFile: string, base?: string): Promise<string> {
  const root = base ?? join(dirname(archiveFile), 'export-tmp');
  await mkdir(root, { recursive: true });
  await removeAbandoned(root);
  return mkdtemp(join(root, `hoso-export-${process.pid}-`));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function removeAbandoned(root: string): Promise<void> {
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const pid = Number(/^hoso-export-(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid))
      await rm(join(root, name), { recursive: true, force: true });
  }
}
