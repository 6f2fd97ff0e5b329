import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson, canonicalSha256 } from '../../db/seal';

describe('canonicalSha256 (content hashes of records too large to write out whole)', () => {
  it('is the SHA-256 of canonicalJson, keys sorted, for Vietnamese text, nesting, holes and long rows', () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => ({
      z: i,
      a: `Đồng chí Nguyễn Văn Thử ${i} — “Thường trực”`,
      m: [null, true, 1.5],
    }));
    // eslint-disable-next-line no-sparse-arrays -- a hole, as a stray comma in a bag's JSON never makes but an array may hold
    const value = { b: { y: 'ỹ', x: [1, , 3] }, a: rows, u: undefined, emoji: '😀' };
    const text = canonicalJson(value);
    expect(text.startsWith('{"a":[{"a":"Đồng chí Nguyễn Văn Thử 0')).toBe(true);
    expect(canonicalSha256(value)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(canonicalJson({ b: 1, a: [2, undefined] })).toBe('{"a":[2,],"b":1}');
  });
});
