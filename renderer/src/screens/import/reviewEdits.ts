/**
 * How the review's inputs change the ReviewState: each edit goes through `update` as a function of the
 * latest state, so two quick edits never overwrite each other.
 */
import type { Item, ReviewState } from './reviewState';

export type Update = (change: (s: ReviewState) => ReviewState) => void;

/** The single items of the draft the clerk may correct (and, but for the title, discard). */
export type SingleKey = 'title' | 'date' | 'location' | 'organizer' | 'byline';
/** The draft's lists: every entry kept or discarded on its own. */
export type ListKey = 'people' | 'captions' | 'documents' | 'conclusions';
export type EntryOf<K extends ListKey> = ReviewState[K][number];

/** Replaces item `i` of a list with `change(item)`. */
const at = <T>(list: T[], i: number, change: (it: T) => T) => list.map((x, j) => (j === i ? change(x) : x));

/** Changes one single item (its value, whether it is kept). */
export function editSingle(update: Update, key: SingleKey): (patch: Partial<Item<string>>) => void {
  return (patch) => update((s) => ({ ...s, [key]: { ...s[key], ...patch } }));
}

/** Changes entry `i` of one of the lists. */
export function editEntry<K extends ListKey>(
  update: Update,
  key: K,
): (i: number, change: (entry: EntryOf<K>) => EntryOf<K>) => void {
  return (i, change) =>
    update((s) => ({ ...s, [key]: at(s[key] as EntryOf<K>[], i, change) }));
}
