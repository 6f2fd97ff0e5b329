import { describe, expect, it, vi } from 'vitest';
import { createCloseGuard, type BeforeUnloadLike } from '../../../renderer/src/screens/meetings/closeGuard';

function closeEvent(): BeforeUnloadLike & { prevented: boolean } {
  const e = {
    prevented: false,
    returnValue: undefined as unknown,
    preventDefault() {
      e.prevented = true;
    },
  };
  return e;
}

const flushPromises = () => new Promise((r) => setTimeout(r, 0));

describe('closing the desktop window with unsaved typing', () => {
  it('lets the window close at once when nothing is unsaved', () => {
    const save = vi.fn(async () => true);
    const close = vi.fn();
    const e = closeEvent();
    createCloseGuard({ pending: () => false, save, close })(e);
    expect(e.prevented).toBe(false);
    expect(save).not.toHaveBeenCalled();
  });

  it('holds the close, saves, then closes the window itself', async () => {
    let resolveSave!: (ok: boolean) => void;
    const save = vi.fn(() => new Promise<boolean>((r) => (resolveSave = r)));
    const close = vi.fn();
    const guard = createCloseGuard({ pending: () => true, save, close });
    const first = closeEvent();
    guard(first);
    expect(first.prevented).toBe(true);
    // Quitting again while the save runs does not start a second save, and is held too.
    const again = closeEvent();
    guard(again);
    expect(again.prevented).toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
    expect(close).not.toHaveBeenCalled();
    resolveSave(true);
    await flushPromises();
    expect(close).toHaveBeenCalledTimes(1);
    // The close that follows is let through.
    const last = closeEvent();
    guard(last);
    expect(last.prevented).toBe(false);
  });

  it('keeps the window open when the save fails, and lets the next close through', async () => {
    const close = vi.fn();
    const guard = createCloseGuard({ pending: () => true, save: async () => false, close });
    const first = closeEvent();
    guard(first);
    await flushPromises();
    expect(first.prevented).toBe(true);
    expect(close).not.toHaveBeenCalled();
    const second = closeEvent();
    guard(second);
    expect(second.prevented).toBe(false);
  });

  it('treats a save that throws like one that failed', async () => {
    const close = vi.fn();
    const guard = createCloseGuard({ pending: () => true, save: () => Promise.reject(new Error('EIO')), close });
    guard(closeEvent());
    await flushPromises();
    expect(close).not.toHaveBeenCalled();
    const next = closeEvent();
    guard(next);
    expect(next.prevented).toBe(false);
  });
});
