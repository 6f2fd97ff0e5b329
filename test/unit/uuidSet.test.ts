import { describe, expect, it } from 'vitest';
import { UuidSet } from '../../services/archive/uuidSet';

const uuid = (n: number) => `01934a5e-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

describe('UuidSet (the row ids a merge keeps while it reads a bag)', () => {
  it('finds every id added and only those, across many growths of its table', () => {
    const set = new UuidSet(4);
    for (let i = 0; i < 50_000; i++) expect(set.add(uuid(i * 7))).toBe(true);
    expect(set.size).toBe(50_000);
    for (let i = 0; i < 50_000; i++) {
      expect(set.has(uuid(i * 7))).toBe(true);
      expect(set.has(uuid(i * 7 + 1))).toBe(false);
    }
    expect(set.add(uuid(7))).toBe(false);
    expect(set.size).toBe(50_000);
  });

  it('keeps other strings as they are: an upper-case id is another id (SQLite compares text exactly)', () => {
    const set = new UuidSet();
    const lower = '0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
    expect(set.add(lower)).toBe(true);
    expect(set.add(lower.toUpperCase())).toBe(true);
    expect(set.add('không-phải-mã')).toBe(true);
    expect(set.add('không-phải-mã')).toBe(false);
    expect(set.has('0193a1b2c3d47e5f8a6b7c8d9e0f1a2b')).toBe(false);
    expect(set.size).toBe(3);
  });
});
