import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive } from '../db/open';
import { exportArchive } from '../services/archive/exportArchive';
import { EVERYTHING } from '../services/archive/selection';
import { applyMerge, previewMerge } from '../services/archive/mergeApply';

/**
 * The demo archive `file` exported as an encrypted bag into a fresh temporary folder `work`, and an empty
 * archive there to merge it into. The caller removes `work`.
 */
export async function demoBagAndTarget(file: string, prefix: string) {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const passphrase = 'bench merge passphrase';
  const source = await openArchive({ file });
  const bag = await exportArchive(source, { dest: work, selection: EVERYTHING, passphrase }, { appVersion: 'bench', actor: 'bench', scryptWorkFactor: 10 });
  source.close();
  const target = await openArchive({ file: join(work, 'target', 'archive.sqlite') });
  return { work, passphrase, bag, target };
}

/**
 * Merging a whole demo archive's bag (`hoso merge` as a clerk runs it): into an empty archive (every
 * meeting new, photos copied), then the same bag again (every meeting identical: nothing written). The
 * bag is the exporter's, encrypted because demo archives hold classified records, so each step includes
 * decrypting and verifying it. Prints wall times and meetings per second, with the machine's load.
 */
export async function benchMerge(file: string): Promise<Record<string, unknown>> {
  const { work, passphrase, bag, target } = await demoBagAndTarget(file, 'hoso-bench-merge-');
  try {
    const time = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
      const t0 = performance.now();
      const r = await f();
      return [r, Math.round(performance.now() - t0)];
    };
    const [plan, previewNew] = await time(() => previewMerge(target, bag.path, passphrase));
    const [applied, applyNew] = await time(() => applyMerge(target, { path: bag.path, passphrase, token: plan.token, meetings: {}, people: {} }, { actor: 'bench' }));
    const [again, previewSame] = await time(() => previewMerge(target, bag.path, passphrase));
    const [, applySame] = await time(() => applyMerge(target, { path: bag.path, passphrase, token: again.token, meetings: {}, people: {} }, { actor: 'bench' }));
    target.close();
    const perSecond = (ms: number) => Math.round((bag.meetings / ms) * 1000);
    return {
      meetings: bag.meetings,
      photoFiles: applied.photoFilesCopied,
      bagBytes: bag.writtenBytes,
      ms: { previewNew, applyNew, previewIdentical: previewSame, applyIdentical: applySame },
      meetingsPerSecond: { applyNew: perSecond(applyNew), previewIdentical: perSecond(previewSame) },
      identical: again.counts.meetings.identical,
      machine: { cpus: cpus().length, loadavg: loadavg().map((l) => Math.round(l * 100) / 100) },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
