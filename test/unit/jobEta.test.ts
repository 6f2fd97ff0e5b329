import { describe, expect, it } from 'vitest';
import { ETA_MAX_SECONDS, ETA_MIN_SECONDS, nextEta, type EtaReading } from '../../services/archive/jobEta';

/**
 * The time left that the export's progress shows: nothing until enough is known, never negative or
 * infinite, and no wild jumps when a stick writes in bursts (a write cache fills fast, then stalls).
 */
const MB = 1024 * 1024;

/** Polls every 250 ms over a write of `total` bytes whose speed (bytes/s) at time t is `rate(t)`. */
function run(total: number, rate: (t: number) => number, seconds: number) {
  const readings: Array<{ t: number; eta: EtaReading | null }> = [];
  let done = 0;
  let eta: EtaReading | null = null;
  for (let t = 0.25; t <= seconds; t += 0.25) {
    done = Math.min(total, done + rate(t) * 0.25);
    eta = nextEta(eta, { now: t * 1000, phaseStarted: 0, bytesDone: done, bytesTotal: total });
    readings.push({ t, eta });
  }
  return readings;
}

describe('time left', () => {
  it('says nothing in the first seconds, then about the truth at a steady rate', () => {
    const readings = run(600 * MB, () => 2 * MB, 60);
    expect(readings.filter((r) => r.t < ETA_MIN_SECONDS).every((r) => r.eta === null)).toBe(true);
    const at30 = readings.find((r) => r.t === 30)!.eta!.seconds;
    expect(at30).toBeGreaterThan(265);
    expect(at30).toBeLessThan(275); // 540 MB left at 2 MB/s
  });

  it('a stick writing in bursts (fast into its cache, then stalled) moves the estimate smoothly, never below zero', () => {
    // 20 MB/s for 2 s, then 0 for 2 s, and so on: 10 MB/s on average.
    const readings = run(1200 * MB, (t) => (Math.floor(t / 2) % 2 === 0 ? 20 * MB : 0), 100).filter((r) => r.eta);
    for (let i = 1; i < readings.length; i++) {
      const prev = readings[i - 1]!.eta!.seconds;
      const next = readings[i]!.eta!.seconds;
      expect(next).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(next)).toBe(true);
      // Within a fifth a second of the previous value (0.25 s apart), or a quarter second.
      expect(Math.abs(next - prev)).toBeLessThanOrEqual(Math.max(0.25, prev * 0.2 * 0.25) + 0.25 + 1e-9);
    }
    const at60 = readings.find((r) => r.t === 60)!.eta!.seconds;
    expect(at60).toBeGreaterThan(45);
    expect(at60).toBeLessThan(75); // 600 MB left at 10 MB/s on average
  });

  it('a stall so long that the estimate would exceed two days shows none; done shows zero', () => {
    expect(nextEta(null, { now: 10_000, phaseStarted: 0, bytesDone: 1, bytesTotal: 4 * 1024 * MB })).toBeNull();
    expect(nextEta(null, { now: 100_000, phaseStarted: 0, bytesDone: 21 * MB, bytesTotal: 1000 * MB })!.seconds).toBeLessThan(ETA_MAX_SECONDS);
    expect(nextEta(null, { now: 10_000, phaseStarted: 0, bytesDone: 0, bytesTotal: 1000 })).toBeNull();
    expect(nextEta(null, { now: 10_000, phaseStarted: 0, bytesDone: 1000, bytesTotal: 1000 })).toEqual({ seconds: 0, at: 10_000 });
    // Nothing known about the size: nothing said.
    expect(nextEta(null, { now: 10_000, phaseStarted: 0, bytesDone: 500, bytesTotal: 0 })).toBeNull();
  });
});
