import { describe, expect, it } from 'vitest';
import { appendPostings, COLUMNS, lastDocidOf, TermPostings, TermWriter, type Occurrences } from '../../db/search/postings';
import { seededRandom } from '../helpers/seededRandom';

/** The ranked index's postings format: blocks written, appended by a merge, and read back as written. */

const WEIGHTS = [10, 6, 1, 3, 4, 3, 5, 4];

function randomDocs(random: () => number, from: number, count: number): { docid: number; length: number; occ: Occurrences }[] {
  const out: { docid: number; length: number; occ: Occurrences }[] = [];
  let docid = from;
  for (let i = 0; i < count; i++) {
    docid += 1 + Math.floor(random() * 300);
    let mask = 0;
    const positions: number[][] = [];
    for (let c = 0; c < COLUMNS; c++) {
      const ps: number[] = [];
      if (random() < 0.3 || (c === COLUMNS - 1 && mask === 0)) {
        let p = 0;
        for (let k = 1 + Math.floor(random() * 20); k > 0; k--) ps.push((p += 1 + Math.floor(random() * 1000)));
        mask |= 1 << c;
      }
      positions.push(ps);
    }
    out.push({ docid, length: 50 + Math.floor(random() * 5000), occ: { mask, positions } });
  }
  return out;
}

describe('postings', () => {
  it('read back every document, tf and position, also after blocks were appended mid-block', () => {
    const random = seededRandom(3);
    const first = randomDocs(random, 0, 130);
    const second = randomDocs(random, first[first.length - 1]!.docid, 170);
    const a = new TermWriter(WEIGHTS);
    for (const d of first) a.add(d.docid, d.length, d.occ);
    const old = a.finish();
    expect(lastDocidOf(old.docs)).toEqual({ documents: 130, lastDocid: first[129]!.docid });
    const b = new TermWriter(WEIGHTS, first[129]!.docid);
    for (const d of second) b.add(d.docid, d.length, d.occ);
    const merged = appendPostings(old, b.finish());
    const all = [...first, ...second];
    const p = new TermPostings(merged.docs, merged.positions, WEIGHTS);
    expect(p.n).toBe(300);
    expect(Array.from(p.docids)).toEqual(all.map((d) => d.docid));
    all.forEach((d, i) => {
      expect(p.mask[i]).toBe(d.occ.mask);
      let wtf = 0;
      for (let c = 0; c < COLUMNS; c++) {
        expect(Array.from(p.positionsOf(i, c))).toEqual(d.occ.positions[c]);
        wtf += WEIGHTS[c]! * d.occ.positions[c]!.length;
      }
      expect(p.wtf[i]).toBe(wtf);
    });
    // Blocks 128 + 2 from the first write, 128 + 42 appended: each bound holds its own documents.
    expect(Array.from(p.blockStart)).toEqual([0, 128, 130, 258, 300]);
    for (let b = 0; b < p.blockStart.length - 1; b++) {
      const docs = all.slice(p.blockStart[b], p.blockStart[b + 1]);
      expect(p.blockMaxWtf[b]).toBe(Math.max(...docs.map((_, k) => p.wtf[p.blockStart[b]! + k]!)));
      expect(p.blockMinLength[b]).toBe(Math.min(...docs.map((d) => d.length)));
    }
  });
});
