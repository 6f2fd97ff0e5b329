/**
 * What the search page shows lives in the URL (`#/search?q=dai%20tuong&sort=date&year=2024&kind=…&
 * person=<id>&tag=…`), so a reload, Back/Forward and a link all bring the clerk to the same results.
 * Values that would be refused by the server's schema (a year out of range, a malformed person id) are
 * dropped here rather than turned into an error on a hand-edited URL.
 */
import type { ChannelInput } from '../../../../contract/contract';

export type SearchSort = 'relevance' | 'date';

export interface SearchState {
  q: string;
  sort: SearchSort;
  year: number | null;
  kind: string | null;
  personId: string | null;
  tag: string | null;
}

/** The narrowings a facet click sets; each is shown as a removable chip. */
export type Narrowing = 'year' | 'kind' | 'personId' | 'tag';
export const NARROWINGS: readonly Narrowing[] = ['year', 'kind', 'personId', 'tag'];

export const EMPTY_SEARCH: SearchState = {
  q: '',
  sort: 'relevance',
  year: null,
  kind: null,
  personId: null,
  tag: null,
};

/** The contract's limits (SearchQuery in contract/contract.ts). */
export const QUERY_MAX = 2000;
const LABEL_MAX = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(value: string | null, max: number): string | null {
  const v = value?.trim();
  return v && v.length <= max ? v : null;
}

/** The search state held by a location hash (`#/search?…`); anything missing is the default. */
export function readSearchState(hash: string): SearchState {
  const i = hash.indexOf('?');
  const params = new URLSearchParams(i === -1 ? '' : hash.slice(i + 1));
  const year = Number(params.get('year'));
  const person = params.get('person');
  return {
    q: (params.get('q') ?? '').slice(0, QUERY_MAX),
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
    year: Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : null,
    kind: text(params.get('kind'), LABEL_MAX),
    personId: person && UUID.test(person) ? person.toLowerCase() : null,
    tag: text(params.get('tag'), LABEL_MAX),
  };
}

// encodeURIComponent rather than URLSearchParams.toString(): spaces become %20, not "+", so the hash
// reads the same way a clerk would write it (`q=dai%20tuong`); both forms are read back alike.
const param = (name: string, value: string) => `${name}=${encodeURIComponent(value)}`;

/** The hash for a search state; defaults are left out so a plain search has a short, clean URL. */
export function searchHref(state: Partial<SearchState>): string {
  const s = { ...EMPTY_SEARCH, ...state };
  const parts: string[] = [];
  if (s.q.trim()) parts.push(param('q', s.q));
  if (s.sort !== 'relevance') parts.push(param('sort', s.sort));
  if (s.year !== null) parts.push(param('year', String(s.year)));
  if (s.kind !== null) parts.push(param('kind', s.kind));
  if (s.personId !== null) parts.push(param('person', s.personId));
  if (s.tag !== null) parts.push(param('tag', s.tag));
  return parts.length ? `#/search?${parts.join('&')}` : '#/search';
}

export function isNarrowed(state: SearchState): boolean {
  return NARROWINGS.some((n) => state[n] !== null);
}

/**
 * The state with one narrowing set to a facet's value (facet values are text: "2024", a kind, a person
 * id, a tag), or removed when `value` is null.
 */
export function narrow(state: SearchState, name: Narrowing, value: string | null): SearchState {
  if (name !== 'year') return { ...state, [name]: value };
  const year = value === null ? null : Number(value);
  return { ...state, year: year !== null && Number.isInteger(year) ? year : null };
}

export function clearNarrowing(state: SearchState): SearchState {
  return { ...state, year: null, kind: null, personId: null, tag: null };
}

/** Nothing to search for: the page shows how to search instead of asking the archive. */
export function isBlank(state: SearchState): boolean {
  return state.q.trim() === '';
}

/** The `search/query` input for one page of this state's results. */
export function toRequest(state: SearchState, offset: number, limit: number): ChannelInput<'search/query'> {
  return {
    query: state.q,
    sort: state.sort,
    offset,
    limit,
    year: state.year,
    kind: state.kind,
    personId: state.personId,
    tag: state.tag,
  };
}
