/**
 * Vietnamese alphabetical order (a ă â b c d đ e ê …, tones as tie-breakers), as README *What it is* says. The server
 * already sorts the big lists; this is for the short lists the renderer arranges itself.
 */
const collator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

/** A sorted copy; the input is left alone because it is usually React state. */
export function sortVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareVi(key(a), key(b)));
}
