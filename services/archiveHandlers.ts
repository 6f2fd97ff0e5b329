import type { ServiceContext } from './context';
import type { Handler } from './handlers';
import { passphraseWarning, type archiveChannels } from '../contract/archiveContract';
import { HosoError } from '../contract/errors';
import { JobRegistry } from './archive/jobs';
import { estimateExport, exportArchive, hasRoomFor, inspectDestination } from './archive/exportArchive';
import { verifyArchivePath } from './archive/verifyArchive';
import { resolveQuery } from './archive/selection';

type ArchiveChannel = keyof typeof archiveChannels;

/** Handlers of the USB archive (archive/*) and long-job (jobs/*) channels. */
export function createArchiveHandlers(ctx: ServiceContext, jobs: JobRegistry = new JobRegistry()): { [C in ArchiveChannel]: Handler<C> } {
  const a = ctx.archive;
  return {
    'archive/estimate': async ({ selection, dest }) => {
      const e = estimateExport(a, resolveQuery(a, selection));
      if (dest === null) return { meetings: e.meetings, photos: e.photos, bytes: e.bytes, secretMeetings: e.secretMeetings, destination: null, destinationProblem: null };
      const d = await inspectDestination(dest);
      if ('problem' in d)
        return { meetings: e.meetings, photos: e.photos, bytes: e.bytes, secretMeetings: e.secretMeetings, destination: null, destinationProblem: d.problem.message };
      return {
        meetings: e.meetings,
        photos: e.photos,
        bytes: e.bytes,
        secretMeetings: e.secretMeetings,
        destination: { freeBytes: d.freeBytes, fat32: Number.isFinite(d.maxFileBytes), enoughSpace: hasRoomFor(e.bytes, d.freeBytes) },
        destinationProblem: null,
      };
    },
    'archive/export': ({ selection: wanted, dest, passphrase }) => {
      // The search runs now, so the export holds what the clerk saw, even if records change meanwhile.
      const selection = resolveQuery(a, wanted);
      const jobId = jobs.start('export', async (signal, progress) => ({
        exportResult: await exportArchive(a, { dest, selection, passphrase }, { appVersion: ctx.appVersion, actor: ctx.actor(), signal, progress }),
      }));
      return { jobId };
    },
    'archive/verify': ({ path, passphrase }) => {
      const jobId = jobs.start('verify', async (signal, progress) => ({ verifyResult: await verifyArchivePath(path, passphrase, { signal, progress }) }));
      return { jobId };
    },
    'archive/passphrase-check': ({ passphrase }) => ({ warning: passphraseWarning(passphrase) }),
    'jobs/status': ({ jobId }) => jobs.status(jobId),
    'jobs/cancel': ({ jobId }) => {
      if (!jobId) throw new HosoError('JOB_NOT_FOUND');
      return { cancelled: jobs.cancel(jobId) };
    },
  };
}
