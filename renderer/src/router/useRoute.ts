import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './route';

/**
 * A screen holding work not yet saved (the quick attendance grid) asks before the app goes to another
 * page, as it asks before its dialog closes. Given `proceed` (goes on to the page asked for), it answers
 * true when it holds the navigation (and calls `proceed` once the clerk agrees), false to let it pass.
 */
export type LeaveGuard = (proceed: () => void) => boolean;

const listeners = new Set<() => void>();
let guard: LeaveGuard | null = null;
/** The hash of the page on screen: the URL's, except while a guard holds a navigation away from it. */
let shown: string | null = null;

const current = (): string => (shown ??= window.location.hash);

function show(hash: string): void {
  shown = hash;
  for (const l of listeners) l();
}

// One listener for the whole app (every useRoute shares it), so a held navigation asks once.
function onHashChange(): void {
  const to = window.location.hash;
  const from = current();
  if (to === from) return; // the address put back, or the page already shown
  const held = guard?.(() => {
    show(to);
    if (window.location.hash !== to) window.location.hash = to;
  });
  if (held) {
    // Back, Forward or a typed address: the page stays, and so does its address, until the clerk decides.
    history.replaceState(history.state, '', from || `${window.location.pathname}${window.location.search}`);
    return;
  }
  show(to);
}

function subscribe(onChange: () => void): () => void {
  if (listeners.size === 0) {
    shown = window.location.hash; // what changed while nothing listened is taken as it is
    window.addEventListener('hashchange', onHashChange);
  }
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) window.removeEventListener('hashchange', onHashChange);
  };
}

/** Holds navigation while `g` says so; returns what removes it (one guard at a time: the latest). */
export function setLeaveGuard(g: LeaveGuard): () => void {
  guard = g;
  return () => {
    if (guard === g) guard = null;
  };
}

// The snapshot is the raw hash string (stable between renders); it is parsed after, so every render of
// the same URL yields an equal route without caching objects.
const getHash = () => current();

export function useRoute(): Route {
  return parseRoute(useHash());
}

/** The raw location hash, for screens that keep their own state in its query part (`#/search?q=…`). */
export function useHash(): string {
  return useSyncExternalStore(subscribe, getHash);
}

/** Goes to a route; `replace` swaps the current history entry (Back then skips the page left). */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  const hash = `#${href.replace(/^#/, '')}`;
  if (options.replace) window.location.replace(hash);
  else window.location.hash = hash;
}
