/**
 * The quick search's list: up to QUICK_LIMIT meetings, then "Xem tất cả kết quả" (the full search page)
 * as the last entry, all reachable with the arrow keys.
 */
import { hrefOf } from '../../router/route';
import { searchHref } from './searchState';

export const QUICK_LIMIT = 8;

export type QuickItem = { kind: 'meeting'; id: string; href: string } | { kind: 'all'; href: string };

export function quickItems(rows: readonly { id: string }[], typed: string): QuickItem[] {
  if (!typed.trim()) return [];
  return [
    ...rows
      .slice(0, QUICK_LIMIT)
      .map((r) => ({ kind: 'meeting' as const, id: r.id, href: hrefOf({ name: 'meeting', id: r.id }) })),
    { kind: 'all', href: searchHref({ q: typed.trim() }) },
  ];
}

/** The entry an arrow key moves to; the list wraps around, as it does in the browser's own menus. */
export function moveSelection(current: number, delta: 1 | -1, count: number): number {
  if (count <= 0) return 0;
  const from = Math.min(Math.max(current, 0), count - 1);
  return (from + delta + count) % count;
}
