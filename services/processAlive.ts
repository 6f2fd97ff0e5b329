/**
 * Whether a process still runs: how leftovers of a killed hoso (a scratch folder, a backup's .partial)
 * are told from those of one still working. `kill(pid, 0)` sends nothing; EPERM means it exists but
 * belongs to another user.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
