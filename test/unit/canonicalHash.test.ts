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

  it('writes exactly the text of its first version (plain loops since; seals and content hashes depend on it)', () => {
    // The first version, kept here as the reference.
    const reference = (value: unknown): string => {
      const pieces: string[] = [];
      const write = (v: unknown): void => {
        if (Array.isArray(v)) {
          pieces.push('[');
          v.forEach((x, i) => {
            if (i > 0) pieces.push(',');
            write(x);
          });
          pieces.push(']');
          return;
        }
        if (v !== null && typeof v === 'object') {
          const entries = Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
          pieces.push('{');
          entries.forEach(([k, x], i) => {
            pieces.push(`${i > 0 ? ',' : ''}${JSON.stringify(k)}:`);
            write(x);
          });
          pieces.push('}');
          return;
        }
        const text = JSON.stringify(v) as string | undefined;
        if (text !== undefined) pieces.push(text);
      };
      write(value);
      return pieces.join('');
    };
    // eslint-disable-next-line no-sparse-arrays -- holes at the start, middle and end
    const holes = [, 1, , 3, ,];
    const values: unknown[] = [
      null,
      true,
      0,
      -1.5e-7,
      'chuỗi "trích" \\ \n \u0001 😀',
      [],
      {},
      holes,
      [undefined, null, 2, undefined],
      { b: undefined, a: undefined },
      { Z: 1, a: 2, _: 3, 'Đ': 4, 'é': 5, '10': 6, '9': 7, '': 8, 'a b': [{ y: null, x: { q: [1, { p: 'ỹ' }] } }] },
      { d: new Date(0), n: NaN, i: Infinity, f: () => 1 },
      { meeting: { id: '0193', title: 'Hội nghị', seal: null }, attendance: [{ id: 'x', position: 1, createdAt: 5 }] },
    ];
    for (const v of values) expect(canonicalJson(v)).toBe(reference(v));
    expect(canonicalJson(holes)).toBe('[,1,3]');
  });
});
