/**
 * Closing the desktop window (or quitting) with typing not yet saved. In Electron a save over IPC cannot
 * finish inside `beforeunload`, so the first close is held back: the save runs, and the window closes
 * itself when it succeeds. If the save fails (a conflict, a full disk) the window stays open with the
 * reason on screen; closing again then closes, because the clerk has seen it and decided.
 * (The web host has no IPC: it sends the last values by sendBeacon instead.)
 */
export interface CloseGuardOptions {
  /** Unsaved, valid changes that a save would write. */
  pending(): boolean;
  /** Saves; resolves true when nothing is left unsaved. */
  save(): Promise<boolean>;
  /** Closes the window for real (window.close in Electron). */
  close(): void;
}

export type BeforeUnloadLike = Pick<BeforeUnloadEvent, 'preventDefault'> & { returnValue: unknown };

export function createCloseGuard(options: CloseGuardOptions): (event: BeforeUnloadLike) => void {
  let state: 'idle' | 'saving' | 'released' = 'idle';
  return (event) => {
    if (state === 'released' || !options.pending()) return;
    // Both spellings: Chromium (and Electron) honour preventDefault, older code paths returnValue.
    event.preventDefault();
    event.returnValue = '';
    if (state === 'saving') return;
    state = 'saving';
    void options.save().then(
      (saved) => {
        state = 'released';
        if (saved) options.close();
      },
      () => {
        state = 'released';
      },
    );
  };
}
