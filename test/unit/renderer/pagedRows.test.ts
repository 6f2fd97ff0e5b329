import { describe, expect, it } from 'vitest';
import { emptyPages, pageOf, pagesToLoad, rowAt, withPage } from '../../../renderer/src/api/pagedRows';

const rows = (page: number, size: number) => Array.from({ length: size }, (_, i) => page * size + i);

describe('paged rows', () => {
  it('asks only for the first page until the total is known', () => {
    const s = emptyPages<number>('q', 100);
    expect(pagesToLoad(s, new Set(), 0, 5000)).toEqual([0]);
    expect(pagesToLoad(s, new Set([0]), 0, 5000)).toEqual([]);
  });

  it('asks for the pages covering the visible rows, skipping loaded and pending ones', () => {
    let s = emptyPages<number>('q', 100);
    s = withPage(s, 0, rows(0, 100), 100_000);
    expect(pagesToLoad(s, new Set(), 0, 40)).toEqual([]);
    expect(pagesToLoad(s, new Set(), 50_010, 50_040)).toEqual([500]);
    expect(pagesToLoad(s, new Set(), 50_090, 50_230)).toEqual([500, 501, 502]);
    expect(pagesToLoad(s, new Set([501]), 50_090, 50_230)).toEqual([500, 502]);
  });

  it('never asks past the end of the list', () => {
    let s = emptyPages<number>('q', 100);
    s = withPage(s, 0, rows(0, 100), 250);
    expect(pagesToLoad(s, new Set(), 150, 10_000)).toEqual([1, 2]);
  });

  it('asks nothing for an empty list', () => {
    const s = withPage(emptyPages<number>('q', 100), 0, [], 0);
    expect(pagesToLoad(s, new Set(), 0, 0)).toEqual([]);
  });

  it('finds a row inside its page', () => {
    let s = emptyPages<number>('q', 100);
    s = withPage(s, 3, rows(3, 100), 1000);
    expect(rowAt(s, 342)).toBe(342);
    expect(rowAt(s, 42)).toBeUndefined();
    expect(pageOf(342, 100)).toBe(3);
  });

  it('keeps the total of the latest answer', () => {
    let s = withPage(emptyPages<number>('q', 10), 0, rows(0, 10), 50);
    s = withPage(s, 1, rows(1, 10), 51);
    expect(s.total).toBe(51);
  });

  it('does not change the state it was given', () => {
    const s = emptyPages<number>('q', 10);
    withPage(s, 0, rows(0, 10), 10);
    expect(s.pages.size).toBe(0);
    expect(s.total).toBeNull();
  });

  it('drops the pages farthest from where the clerk is once over the limit', () => {
    let s = emptyPages<number>('q', 10);
    for (let p = 0; p < 5; p++) s = withPage(s, p, rows(p, 10), 1000, 3);
    expect([...s.pages.keys()].sort((a, b) => a - b)).toEqual([2, 3, 4]);
    s = withPage(s, 0, rows(0, 10), 1000, 3);
    expect([...s.pages.keys()].sort((a, b) => a - b)).toEqual([0, 2, 3]);
  });
});
