import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './route';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

// The snapshot is the raw hash string (stable between renders); it is parsed after, so every render of
// the same URL yields an equal route without caching objects.
const getHash = () => window.location.hash;

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
