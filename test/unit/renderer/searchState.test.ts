import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../renderer/src/router/route';
import {
  clearNarrowing,
  EMPTY_SEARCH,
  isBlank,
  isNarrowed,
  narrow,
  readSearchState,
  searchHref,
  toRequest,
  type SearchState,
} from '../../../renderer/src/screens/search/searchState';
import { moveSelection, quickItems } from '../../../renderer/src/screens/search/quickSearch';
import { quickSearchShortcut } from '../../../renderer/src/screens/search/shortcut';
import { vi } from '../../../renderer/src/i18n/vi';
import { en } from '../../../renderer/src/i18n/en';

const PERSON = '01945a3c-7d2e-7c4f-9a1b-2c3d4e5f6a7b';

describe('search state in the URL', () => {
  it('writes a plain query the way a clerk would (%20, not +) and leaves defaults out', () => {
    expect(searchHref({ q: 'dai tuong' })).toBe('#/search?q=dai%20tuong');
    expect(searchHref({})).toBe('#/search');
    expect(searchHref({ q: '   ' })).toBe('#/search');
  });

  it('round-trips every part, Vietnamese text and operators included', () => {
    const state: SearchState = {
      q: 'nguoi:"Phan Văn Giang" -tổng kết & KT-XH tu:01/2024 #1',
      sort: 'date',
      year: 2024,
      kind: 'Giao ban',
      personId: PERSON,
      tag: 'Quốc phòng',
    };
    const href = searchHref(state);
    expect(href).toMatch(/^#\/search\?q=.*&sort=date&year=2024&kind=Giao%20ban&person=.*&tag=Qu/);
    expect(readSearchState(href)).toEqual(state);
    // The router still sees the search page under the query string.
    expect(parseRoute(href)).toEqual({ name: 'search' });
  });

  it('reads "+" as a space too (a link written by hand or by URLSearchParams)', () => {
    expect(readSearchState('#/search?q=dai+tuong').q).toBe('dai tuong');
  });

  it('drops values the archive would refuse instead of failing the search', () => {
    expect(readSearchState('#/search?q=x&year=99&sort=oldest&person=nobody&kind=' + 'k'.repeat(101))).toEqual(
      {
        ...EMPTY_SEARCH,
        q: 'x',
      },
    );
    expect(readSearchState('#/search?year=2024.5').year).toBeNull();
    // A mangled %-escape in a hand-edited URL is read leniently, never thrown.
    expect(() => readSearchState('#/search?q=%E0%A4%A')).not.toThrow();
    expect(readSearchState('#/search').q).toBe('');
    expect(readSearchState('#/search?q=' + 'a'.repeat(2500)).q).toHaveLength(2000);
  });

  it('narrows by a facet value and removes it again', () => {
    const s = { ...EMPTY_SEARCH, q: 'dai tuong' };
    expect(narrow(s, 'year', '2024').year).toBe(2024);
    expect(narrow(s, 'year', 'abc').year).toBeNull();
    expect(narrow(s, 'kind', 'Hội nghị').kind).toBe('Hội nghị');
    const narrowed = narrow(narrow(s, 'personId', PERSON), 'tag', 'Giao ban');
    expect(isNarrowed(narrowed)).toBe(true);
    expect(narrow(narrowed, 'tag', null).tag).toBeNull();
    expect(clearNarrowing(narrowed)).toEqual(s);
    expect(isNarrowed(s)).toBe(false);
  });

  it('asks the archive for one page of exactly what the URL says', () => {
    const s = { ...EMPTY_SEARCH, q: 'KT-XH', sort: 'date' as const, year: 2025 };
    expect(toRequest(s, 40, 20)).toEqual({
      query: 'KT-XH',
      sort: 'date',
      offset: 40,
      limit: 20,
      year: 2025,
      kind: null,
      personId: null,
      tag: null,
    });
    expect(isBlank({ ...EMPTY_SEARCH, q: ' \t' })).toBe(true);
    expect(isBlank(s)).toBe(false);
  });
});

describe('quick search list', () => {
  it('lists up to 8 meetings, then "see all" for the typed query', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ id: `id-${i}` }));
    const items = quickItems(rows, ' dai tuong ');
    expect(items).toHaveLength(9);
    expect(items[0]).toEqual({ kind: 'meeting', id: 'id-0', href: '#/meetings/id-0' });
    expect(items[8]).toEqual({ kind: 'all', href: '#/search?q=dai%20tuong' });
    expect(quickItems([], 'x')).toEqual([{ kind: 'all', href: '#/search?q=x' }]);
    expect(quickItems(rows, '  ')).toEqual([]);
  });

  it('moves with the arrow keys and wraps around at both ends', () => {
    expect(moveSelection(0, 1, 3)).toBe(1);
    expect(moveSelection(2, 1, 3)).toBe(0);
    expect(moveSelection(0, -1, 3)).toBe(2);
    // A selection left over from a longer list is brought back inside the new one first.
    expect(moveSelection(7, 1, 3)).toBe(0);
    expect(moveSelection(0, 1, 0)).toBe(0);
  });

  it('writes the shortcut the way the keyboard in front of the clerk does', () => {
    expect(quickSearchShortcut('Mozilla/5.0 (Windows NT 10.0; Win64; x64)')).toBe('Ctrl+K');
    expect(quickSearchShortcut('Mozilla/5.0 (X11; Linux x86_64)')).toBe('Ctrl+K');
    expect(quickSearchShortcut('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)')).toBe('⌘K');
  });
});

describe('search wording', () => {
  it('names where a snippet came from, in Vietnamese with its diacritics and in English', () => {
    expect(vi.search.field).toEqual({
      title: 'Tên cuộc họp',
      conclusions: 'Kết luận',
      minutes: 'Nội dung',
      captions: 'Chú thích ảnh',
      people: 'Thành phần',
      place: 'Địa điểm',
      docs: 'Văn bản',
      tags: 'Thẻ',
    });
    expect(Object.keys(en.search.field)).toEqual(Object.keys(vi.search.field));
    expect(vi.search.sort).toMatchObject({ relevance: 'Liên quan', date: 'Mới nhất' });
    expect(vi.search.more).toBe('Xem thêm');
    expect(vi.search.saved.save).toBe('Lưu tìm kiếm');
    expect(vi.quickSearch.seeAll).toBe('Xem tất cả kết quả');
    expect(vi.search.facets.sampled.replace('{{n}}', '2.000')).toBe('Đếm trên 2.000 kết quả phù hợp nhất');
  });
});
