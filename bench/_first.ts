import { openArchive } from '../db/open';
import { searchMeetings } from '../db/search/search';
import { forgetSearchCache } from '../db/search/searchCache';
import { QUERY_MIX } from './search';
import { docFacetsReady } from '../db/search/docFacets';
const archive = await openArchive({ file: process.argv[2]! });
await docFacetsReady(archive.sqlite);
const base = { sort: 'relevance' as const, offset: 0, limit: 20, year: null, kind: null, personId: null, tag: null };
for (const q of QUERY_MIX) searchMeetings(archive, { ...base, query: q });
const rows: [string, number[]][] = [];
const all: number[] = [];
for (const q of QUERY_MIX) {
  const t: number[] = [];
  for (let i = 0; i < 7; i++) {
    forgetSearchCache(archive.sqlite);
    const s = performance.now();
    searchMeetings(archive, { ...base, query: q });
    t.push(Math.round((performance.now() - s) * 10) / 10);
  }
  t.sort((a, b) => a - b);
  all.push(...t);
  rows.push([q, t]);
}
for (const [q, t] of rows.sort((a, b) => b[1][3]! - a[1][3]!)) console.log(t[3], t[6], q);
all.sort((a, b) => a - b);
console.log('p50', all[Math.floor(all.length * 0.5)], 'p95', all[Math.floor(all.length * 0.95)]);
