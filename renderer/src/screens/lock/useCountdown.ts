import { useEffect, useState } from 'react';

/** A wait the service announced: `ms` from when it was received (`at` tells two equal waits apart). */
export interface Wait {
  ms: number;
  at: number;
}

/** Whole seconds left of `wait`, ticking down every quarter second to 0. */
export function useCountdown(wait: Wait): number {
  const [left, setLeft] = useState<{ wait: Wait; seconds: number } | null>(null);
  useEffect(() => {
    if (wait.ms <= 0) return;
    const until = Date.now() + wait.ms;
    const timer = setInterval(() => {
      const seconds = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setLeft({ wait, seconds });
      if (seconds === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [wait]);
  // Until the first tick, the whole wait.
  return left?.wait === wait ? left.seconds : Math.ceil(Math.max(0, wait.ms) / 1000);
}
