import { seededRandom } from './seededRandom';

/** The crash loop's randomness, seeded so that a failing trial runs again exactly (HOSO_CRASH_SEED). */
export const crashRandom = seededRandom;

export function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}
