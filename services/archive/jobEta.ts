/**
 * Time left in a job's phase, as the progress view shows it ("còn khoảng 3 phút"). A clerk reads it to
 * decide whether to wait, so it must never say nonsense: nothing until enough is known (some seconds and
 * some bytes into the phase), never negative or infinite, and it moves smoothly: each new reading counts
 * down from the last one and is nudged toward the measured rate, by at most a fifth a second, instead of
 * jumping with every burst of a stick's write cache. Both are per second of wall time, so they do not
 * depend on how often the screen asks.
 */

/** Seconds into a phase, and share of its bytes, before any time left is said. */
export const ETA_MIN_SECONDS = 3;
export const ETA_MIN_FRACTION = 0.02;
/** Beyond this the estimate says nothing useful: none is shown. */
export const ETA_MAX_SECONDS = 48 * 3600;
/** Seconds over which the countdown follows the measured rate (an exponential average's time constant). */
const FOLLOW_SECONDS = 5;
/** Largest change from the countdown per second between readings (a fraction of it), however often polled. */
const MAX_CHANGE_PER_SECOND = 0.2;

export interface EtaReading {
  /** Seconds left as last said, and when (ms). */
  seconds: number;
  at: number;
}

export interface PhaseProgress {
  now: number;
  phaseStarted: number;
  bytesDone: number;
  bytesTotal: number;
}

/** The next reading of the time left, or null while there is not enough to go on. */
export function nextEta(previous: EtaReading | null, p: PhaseProgress): EtaReading | null {
  const elapsed = (p.now - p.phaseStarted) / 1000;
  if (!(p.bytesTotal > 0) || !(p.bytesDone > 0) || !(elapsed >= ETA_MIN_SECONDS)) return null;
  const left = Math.max(0, p.bytesTotal - p.bytesDone);
  if (left === 0) return { seconds: 0, at: p.now };
  if (p.bytesDone / p.bytesTotal < ETA_MIN_FRACTION) return null;
  const measured = left / (p.bytesDone / elapsed);
  if (!Number.isFinite(measured) || measured > ETA_MAX_SECONDS) return null;
  if (!previous) return { seconds: measured, at: p.now };
  const dt = Math.max(0, (p.now - previous.at) / 1000);
  const countdown = Math.max(0, previous.seconds - dt);
  const weight = 1 - Math.exp(-dt / FOLLOW_SECONDS);
  const blended = countdown * (1 - weight) + measured * weight;
  const step = Math.max(dt, countdown * MAX_CHANGE_PER_SECOND * dt);
  const seconds = Math.min(countdown + step, Math.max(countdown - step, blended));
  return { seconds: Math.max(0, seconds), at: p.now };
}
