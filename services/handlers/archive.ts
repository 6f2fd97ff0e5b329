import { resolve } from 'node:path';
import type { ServiceContext } from '../context';
import type { HandlersOf } from './types';
import { passphraseWarning } from '../../contract/archiveContract';
import { HosoError, toErrorPayload } from '../../contract/errors';
import { JobRegistry, type ProgressSink } from '../archive/jobs';
import { estimateExport, exportArchive, hasRoomFor, inspectDestination } from '../archive/exportArchive';
import { verifyArchivePath } from '../archive/verifyArchive';
import { resolveQuery } from '../archive/selection';
import { applyMerge, previewMerge, previewPlan } from '../archive/mergeApply';
import { previewForList } from '../archive/mergePlan';
import { WRITE_GATE, writeGateOf, type WriteGate } from '../writeGate';
import { findBags } from '../archive/findBags';
import { listDrives } from '../archive/drives';
import { backupNow, checkBackupDir, listBackups } from '../backups';
import { checkBackup, restoreBackup } from '../backupRestore';
import { healthStatus, verifyArchive } from '../health';
import { checkArchiveMove, moveArchive } from '../archiveMove';

/**
 * The job's own progress (what `jobs/status` answers), also told to a host that follows it as it
 * happens: the CLI prints each phase the moment it starts instead of polling for it.
 */
function told(ctx: ServiceContext, channel: 'archive/export' | 'archive/verify', sink: ProgressSink): ProgressSink {
  const host = ctx.onProgress;
  if (!host) return sink;
  return {
    phase: (phase, bytesTotal, filesTotal) => {
      sink.phase(phase, bytesTotal, filesTotal);
      host({ channel, phase, bytesTotal });
    },
    bytes: (n) => {
      sink.bytes(n);
      host({ channel, bytes: n });
    },
    file: () => sink.file(),
  };
}

/** A merge job's end when the clerk pressed Hủy: MERGE_CANCELLED, whatever broke off where. */
async function cancellable<T>(signal: AbortSignal, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (signal.aborted) throw new HosoError('MERGE_CANCELLED', undefined, { cause: e });
    throw e;
  }
}

/**
 * The archive as a whole: USB bags out (`archive/*`, run as `jobs/*`) and back in (`merge/*`), backups
 * (`backups/*`) and its health (`health/*`, Cài đặt → Tình trạng kho). The daily automatic backup is
 * started by the long-running hosts through services/session.ts.
 */
export function archiveHandlers(
  ctx: ServiceContext,
  jobs: JobRegistry = new JobRegistry(),
): HandlersOf<'archive' | 'jobs' | 'merge' | 'backups' | 'health'> & { [WRITE_GATE]: WriteGate } {
  const a = ctx.archive;
  return {
    // The dispatcher refuses writes while a merge holds this gate (services/writeGate.ts).
    [WRITE_GATE]: writeGateOf(a),
    'archive/estimate': async ({ selection, dest }) => {
      const e = estimateExport(a, resolveQuery(a, selection));
      const counts = { meetings: e.meetings, photos: e.photos, bytes: e.bytes, secretMeetings: e.secretMeetings };
      if (dest === null) return { ...counts, destination: null, destinationProblem: null };
      const d = await inspectDestination(dest);
      if ('problem' in d) return { ...counts, destination: null, destinationProblem: toErrorPayload(d.problem) };
      return {
        ...counts,
        destination: { freeBytes: d.freeBytes, fat32: Number.isFinite(d.maxFileBytes), enoughSpace: hasRoomFor(e.bytes, d.freeBytes) },
        destinationProblem: null,
      };
    },
    'archive/export': ({ selection: wanted, dest, passphrase }) => {
      // The search runs now, so the export holds what the clerk saw, even if records change meanwhile.
      const selection = resolveQuery(a, wanted);
      const jobId = jobs.start('export', async (signal, progress) => ({
        exportResult: await exportArchive(
          a,
          { dest, selection, passphrase },
          { appVersion: ctx.appVersion, actor: ctx.actor(), signal, progress: told(ctx, 'archive/export', progress) },
        ),
      }));
      return { jobId };
    },
    'archive/verify': ({ path, passphrase }) => {
      const jobId = jobs.start('verify', async (signal, progress) => ({
        verifyResult: await verifyArchivePath(path, passphrase, { signal, progress: told(ctx, 'archive/verify', progress) }),
      }));
      return { jobId };
    },
    'archive/drives': () => listDrives(),
    'archive/passphrase-check': ({ passphrase }) => ({ warning: passphraseWarning(passphrase) }),
    'jobs/status': ({ jobId }) => jobs.status(jobId),
    'jobs/cancel': ({ jobId }) => {
      if (!jobId) throw new HosoError('JOB_NOT_FOUND');
      return { cancelled: jobs.cancel(jobId) };
    },
    'merge/find-bags': ({ path }) => findBags(resolve(path)),
    'merge/preview': ({ path, passphrase }) => previewMerge(a, resolve(path), passphrase),
    'merge/apply': (input) => applyMerge(a, { ...input, path: resolve(input.path) }, { actor: ctx.actor() }),
    // The screen's way: the same preview and apply as jobs, with progress and Hủy (jobs/status, jobs/cancel).
    'merge/preview-start': ({ path, passphrase }) => ({
      jobId: jobs.start('merge-preview', (signal, progress) =>
        cancellable(signal, () =>
          previewPlan(a, resolve(path), passphrase, { signal, progress, disposeInBackground: true }, (plan) => {
            const { summary, rows } = previewForList(plan);
            return { mergePreview: summary, mergeRows: rows };
          }),
        ),
      ),
    }),
    'merge/apply-start': (input) => ({
      jobId: jobs.start('merge-apply', (signal, progress) =>
        cancellable(signal, async () => ({
          mergeResult: await applyMerge(a, { ...input, path: resolve(input.path) }, { actor: ctx.actor(), signal, progress, disposeInBackground: true }),
        })),
      ),
    }),
    'merge/rows': ({ jobId, shown, offset, limit }) => {
      const all = jobs.mergeRows(jobId);
      const counts = { all: all.length, conflict: 0, changed: 0, new: 0 };
      for (const r of all) if (r.class !== 'identical') counts[r.class]++;
      const rows = shown === 'all' ? all : all.filter((r) => r.class === shown);
      return { total: rows.length, counts, rows: rows.slice(offset, offset + limit) };
    },
    'backups/list': () => listBackups(a),
    'backups/create': async () => {
      const { path: _path, ...made } = await backupNow(a);
      return made;
    },
    'backups/check': ({ file }) => checkBackup(a, file),
    'backups/check-dir': ({ dir }) => checkBackupDir(a.file, dir),
    'backups/restore': ({ file }) => restoreBackup(a, file, ctx.actor()),
    'archive/move-check': ({ dir }) => checkArchiveMove(a.file, dir),
    'archive/move': async ({ dir }) => {
      if (!ctx.archiveLocation) throw new HosoError('ARCHIVE_MOVE_UNAVAILABLE');
      ctx.move.moving = true;
      try {
        const moved = await moveArchive(a, dir, ctx.archiveLocation);
        ctx.move.movedTo = moved.file;
        return moved;
      } finally {
        ctx.move.moving = false;
      }
    },
    'health/status': () => healthStatus(a),
    'health/verify': ({ full }) => verifyArchive(a, full),
  };
}
