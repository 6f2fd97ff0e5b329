/**
 * A meeting just created on `#/meetings/new` is handed to the screen at `#/meetings/<id>`, which then
 * shows it (and "Đã lưu lúc …") at once instead of flashing a loader and fetching what it already has.
 * Only the newest meeting is kept, and only until that screen has mounted.
 */
import type { Meeting } from '../../../../contract/contract';

let handoff: Meeting | null = null;

export function handOver(meeting: Meeting): void {
  handoff = meeting;
}

export function peekHandoff(id: string | null): Meeting | null {
  return id !== null && handoff?.id === id ? handoff : null;
}

export function clearHandoff(id: string): void {
  if (handoff?.id === id) handoff = null;
}
