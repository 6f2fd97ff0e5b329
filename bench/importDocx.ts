/**
 * Batch import of Word reports: `npm run --silent bench -- import [--files 1000]`.
 * Writes N distinct .docx files (heading, body with chair, a picture and its caption, a document
 * reference, a byline) to a temp folder, then imports them the way `hoso import <folder>` does — read,
 * extract, store the picture, save the meeting with its parts in one transaction, duplicate check — into
 * a fresh archive, and prints the time taken. The bar: 1 000 files in under 60 s.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../db/open';
import { importMany, readFileSource } from '../services/import';
import { reportDocx } from '../test/fixtures/import/reportDocx';
import { png } from '../test/helpers/images';

export interface ImportBench {
  files: number;
  writeSeconds: number;
  importSeconds: number;
  msPerFile: number;
  statuses: Record<string, number>;
  photos: number;
}

export async function benchImportDocx(n: number): Promise<ImportBench> {
  const dir = mkdtempSync(join(tmpdir(), 'hoso-bench-import-'));
  try {
    const t0 = performance.now();
    const files: string[] = [];
    for (let i = 0; i < n; i++) {
      const color = `#${((i * 2654435761) % 0xffffff).toString(16).padStart(6, '0')}`;
      const bytes = await reportDocx({
        title: `Hội nghị giao ban công tác quân sự, quốc phòng số ${i + 1}`,
        picture: await png(color, 320, 240),
        caption: `Quang cảnh hội nghị số ${i + 1}.`,
      });
      const file = join(dir, `bao-cao-${String(i + 1).padStart(4, '0')}.docx`);
      writeFileSync(file, bytes);
      files.push(file);
    }
    const made = performance.now() - t0;
    const archive = await openArchive({ file: join(dir, 'archive.sqlite') });
    const counts: Record<string, number> = {};
    const t1 = performance.now();
    const sources = files.map((file) => {
      const name = file.slice(dir.length + 1);
      return { name, read: async () => readFileSource(name, readFileSync(file)) };
    });
    for (const item of await importMany(archive, sources, { actor: 'bench' }))
      counts[item.status] = (counts[item.status] ?? 0) + 1;
    const took = performance.now() - t1;
    const photos = (archive.sqlite.prepare('SELECT count(*) AS n FROM photos').get() as { n: number }).n;
    archive.close();
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      files: n,
      writeSeconds: round(made / 1000),
      importSeconds: round(took / 1000),
      msPerFile: round(took / n),
      statuses: counts,
      photos,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
