/**
 * A call on a removable drive given a time limit: a stick that does not answer (a card reader without a
 * card, a stick pulled halfway) must not hold the host. Used by the stick picker (drives.ts) and the bag
 * finder (findBags.ts), with the same limit per call.
 */
export const CALL_TIMEOUT_MS = 3_000;

export class TimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
}

/** `promise`, or a rejection after `ms`: a call on a stick that no longer answers is abandoned, not awaited. */
export function bounded<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
