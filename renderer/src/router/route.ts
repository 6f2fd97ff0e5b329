/**
 * The app's routes live in the URL hash (`#/meetings/…`): it needs no server support, works the same
 * under Electron's app:// protocol and the web host, and a reload keeps the clerk on the same screen.
 */

/**
 * The navbar's entries. USB has two, as clerks think of it: Xuất ra USB (`#/usb`, with Kiểm tra) and Nhập
 * từ USB (`#/usb/merge`, with Sao lưu); each section is also a route name.
 */
export type Section = 'meetings' | 'import' | 'tasks' | 'search' | 'people' | 'reports' | 'usb' | 'usbMerge' | 'settings' | 'trash';

export type Route =
  | { name: 'meetings' }
  | { name: 'meetingNew' }
  | { name: 'meeting'; id: string }
  | { name: 'people' }
  | { name: 'person'; id: string }
  | { name: 'settings' }
  | { name: 'search' }
  | { name: 'reports' }
  | { name: 'usb' }
  | { name: 'usbMerge' }
  | { name: 'tasks' }
  | { name: 'trash' }
  | { name: 'import' }
  | { name: 'notFound'; path: string };

export const SECTIONS: readonly Section[] = ['meetings', 'import', 'tasks', 'search', 'people', 'reports', 'usb', 'usbMerge', 'settings', 'trash'];

const SIMPLE: Record<string, Route> = {
  meetings: { name: 'meetings' },
  people: { name: 'people' },
  settings: { name: 'settings' },
  search: { name: 'search' },
  reports: { name: 'reports' },
  usb: { name: 'usb' },
  tasks: { name: 'tasks' },
  trash: { name: 'trash' },
  import: { name: 'import' },
};

/**
 * The page a hash names, without its query (`#/search?q=…` and `#/search?q=…&page=2` are one page): a
 * change of it is a new page, opened at its top; a change of the query alone keeps the scroll.
 */
export function pageOf(hash: string): string {
  return hash.replace(/^#/, '').split('?')[0]!.replace(/\/+$/, '') || '/';
}

/** The route for a location hash; an empty hash is the home screen (the meetings list). */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'meetings' };
  const [head, second, ...rest] = parts as [string, ...string[]];
  if (rest.length === 0) {
    if (second === undefined && head in SIMPLE) return SIMPLE[head]!;
    if (head === 'meetings' && second === 'new') return { name: 'meetingNew' };
    // `#/usb/merge` is the Nhập từ USB page; `#/usb/export` and `#/usb/import` name the two pages as the navbar does.
    if (head === 'usb' && (second === 'merge' || second === 'import')) return { name: 'usbMerge' };
    if (head === 'usb' && second === 'export') return { name: 'usb' };
    if ((head === 'meetings' || head === 'people') && second !== undefined) {
      try {
        const id = decodeURIComponent(second);
        return head === 'meetings' ? { name: 'meeting', id } : { name: 'person', id };
      } catch {
        // A mangled %-escape is not a meeting id; fall through to "not found".
      }
    }
  }
  return { name: 'notFound', path };
}

export function hrefOf(route: Exclude<Route, { name: 'notFound' }>): string {
  switch (route.name) {
    case 'meetingNew':
      return '#/meetings/new';
    case 'meeting':
      return `#/meetings/${encodeURIComponent(route.id)}`;
    case 'person':
      return `#/people/${encodeURIComponent(route.id)}`;
    case 'usbMerge':
      return '#/usb/merge';
    default:
      return `#/${route.name}`;
  }
}

/** Which navbar entry a route belongs to (a meeting form is part of "Hội nghị"). */
export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'meetingNew':
    case 'meeting':
      return 'meetings';
    case 'person':
      return 'people';
    case 'notFound':
      return null;
    default:
      return route.name;
  }
}
