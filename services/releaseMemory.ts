import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection after a large input was read and let go (issue 19: peak memory bounded).
 *
 * V8 lets the heap grow to several times what is alive before it collects: reading a bag of many
 * meeting files of 10 MB each (every one parsed, judged, then dropped; about 60 MB alive at any time)
 * was seen to peak at 540 MB resident, where collecting after each large file keeps it near 300 MB.
 * Ordinary files (a meeting's JSON is tens of KB) never get here: only inputs of `LARGE` bytes or more.
 *
 * `gc` is only reachable with --expose-gc: the flag is set once, and the function taken from a fresh
 * context, where V8 installs it (the documented way to reach it without restarting the process). Where
 * that is refused, nothing is done and memory behaves as V8 decides.
 */
const LARGE = 4 * 1024 * 1024;

let collect: (() => void) | null | undefined;

function gcFunction(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    collect = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collect = null;
  }
  return collect;
}

/** Collects garbage now when the input just dropped was `bytes` long and large. */
export function releaseAfterLargeInput(bytes: number): void {
  if (bytes < LARGE) return;
  gcFunction()?.();
}
