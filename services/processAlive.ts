import { uptime } from 'node:os';

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

/** When this PC last started, in whole seconds: written beside a pid so the pid can be judged later. */
export const bootSecond = (): number => Math.round(Date.now() / 1000 - uptime());

/**
 * Ten minutes: the boot time is computed from the clock, so a clock set right while hoso runs moves it;
 * a smaller change is taken as the same boot.
 */
const SAME_BOOT_SECONDS = 600;

/**
 * Whether the process that left something behind is gone. After a power cut the PC starts again and
 * process ids are handed out anew: the dead hoso's pid may now be another program's, and a pid alone
 * would keep a backup's gigabytes (or a decrypted bag) forever. So the owner writes the boot it ran in
 * (`boot`, from bootSecond) beside its pid; a leftover of an earlier boot has no running owner, whatever
 * its pid. Leftovers written without a boot (older versions) are judged by the pid alone.
 */
export function ownerGone(pid: number, boot: number | null, now: number = bootSecond()): boolean {
  if (boot !== null && Math.abs(now - boot) > SAME_BOOT_SECONDS) return true;
  return !processAlive(pid);
}
