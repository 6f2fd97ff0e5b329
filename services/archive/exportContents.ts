import type { Connection } from '../../db/open';
import type { PhotoFact } from '../../db/exportSelection';
import { findPhotoFile } from '../photoFiles';
import type { BagWriter } from './bagWriter';
import type { MeetingLine } from './browsePages';
import type { MeetingFilesOptions } from './meetingFiles';
import { produceMeetingFiles } from './meetingFilesPool';

/** Everything a bag's payload is made from: the export's snapshot and the selection read from it. */
export interface BagContents {
  bag: BagWriter;
  /** The snapshot's connection in this thread, and its file (for the worker threads and the copy). */
  snapshot: Connection;
  snapFile: string;
  nativeBinding?: string;
  /** The archive's folder, where the photo store is. */
  archiveDir: string;
  photos: readonly PhotoFact[];
  meetingIds: readonly string[];
  options: MeetingFilesOptions;
  /** Worker threads and their script (meetingFilesPool.ts); defaults there. */
  workers?: number;
  workerScript?: string;
  /** The signal the bag writer was given: aborted by the clerk's cancel or by `sideBySide`. */
  writing: AbortSignal;
  /** Aborted by the first of the two copies to fail, which stops the other. */
  sideBySide: AbortController;
}

/**
 * Writes the payload: the large files (the snapshot, then the photos) are copied while the meeting files
 * are built and written: one is the disk's work, the other mostly the processor's, and they overlap. The
 * first to fail stops the other (a full stick met by the meeting files must not wait for 2 GB of photos
 * to be written first). Returns the index lines in `meetingIds` order and the photos without a file here.
 */
export async function writeBagContents(c: BagContents): Promise<{ lines: MeetingLine[]; missingPhotos: number }> {
  const { bag, writing } = c;
  const lineBatches: MeetingLine[][] = [];
  let missingPhotos = 0;
  const largeFiles = async () => {
    await bag.addFile('archive.sqlite', c.snapFile);
    for (const p of c.photos) {
      writing.throwIfAborted();
      const found = findPhotoFile(c.archiveDir, p.fileHash);
      if (!found) {
        missingPhotos++;
        continue;
      }
      await bag.addFile(`photos/${p.fileHash.slice(0, 2)}/${p.fileHash}.${found.ext}`, found.path);
    }
  };
  const meetingFiles = async () => {
    await produceMeetingFiles(
      { sqlite: c.snapshot, file: c.snapFile, nativeBinding: c.nativeBinding },
      c.meetingIds,
      { options: c.options, workers: c.workers, workerScript: c.workerScript, signal: writing },
      async (batch, index) => {
        let start = 0;
        for (let k = 0; k < batch.paths.length; k++) {
          writing.throwIfAborted();
          const end = batch.ends[k]!;
          await bag.queueBytes(batch.paths[k]!, batch.bytes.subarray(start, end));
          start = end;
        }
        lineBatches[index] = batch.lines;
      },
    );
    await bag.drain();
  };
  let firstFailure: { error: unknown } | null = null;
  const stopOthers = (e: unknown) => {
    firstFailure ??= { error: e };
    c.sideBySide.abort(e);
  };
  await Promise.all([largeFiles().catch(stopOthers), meetingFiles().catch(stopOthers)]);
  if (firstFailure) throw (firstFailure as { error: unknown }).error;
  return { lines: lineBatches.flat(), missingPhotos };
}
