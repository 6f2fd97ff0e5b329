/**
 * Pieces of messages the record side composes (docs/ARCHITECTURE.md, "Text for people"): a short list
 * of parts. Only keys and parameters here; the edges word them.
 */
import { msg, type Message } from './message';

const LIST_KEYS = ['seal.list.of2', 'seal.list.of3', 'seal.list.of4', 'seal.list.of5', 'seal.list.of6', 'seal.list.of7', 'seal.list.of8'] as const;
const SLOTS = 'abcdefgh';

/** Up to eight items as one flat message "a, b, c" (nested lists would run into translate's depth limit). */
export function commaList(items: readonly Message[]): Message | null {
  if (items.length === 0) return null;
  if (items.length === 1) return items[0]!;
  const key = LIST_KEYS[Math.min(items.length, 8) - 2]!;
  return msg(key, Object.fromEntries(items.slice(0, 8).map((item, i) => [SLOTS[i]!, item])));
}
