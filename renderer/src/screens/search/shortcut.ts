/**
 * How the quick-search shortcut is written for this computer: Mantine's `mod+K` fires on Ctrl+K and on
 * ⌘K, but a Mac user reads ⌘ on their keyboard and everyone else reads Ctrl.
 */
export function isApplePlatform(userAgent: string): boolean {
  return /Mac|iPhone|iPad/.test(userAgent);
}

export function quickSearchShortcut(userAgent: string): string {
  return isApplePlatform(userAgent) ? '⌘K' : 'Ctrl+K';
}

/** The shortcut for the browser this runs in. */
export function currentShortcut(): string {
  return quickSearchShortcut(typeof navigator === 'undefined' ? '' : navigator.userAgent);
}
