import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { PHOTO_MAX_BYTES } from '../../contract/photoContract';
import { sizeOf } from '../messageParts';
import { dirname } from 'node:path';
import type { Archive } from '../../db/open';
import { HosoError } from '../../contract/errors';
import { msg } from '../../contract/messages/message';
import { extForMime, photoPath, sha256Hex, verifyPhotoFileSync, writeFileAtomic } from '../photoFiles';
import type { BagMeeting, MergeBag } from './mergeBag';
import type { ProgressSink } from './jobs';

/** Longest run of synchronous work before the event loop gets a turn (progress, Hủy, other windows' reads). */
const SLICE_MS = 20;

/** The photo files a merge copied into the store (absent before it): removed again when it is cancelled. */
export interface CopiedPhotos {
  count: number;
  paths: string[];
}

/** Removes the files a cancelled or failed merge copied: no row names them, the store is as before. */
export function removeCopiedPhotos(copied: CopiedPhotos): void {
  for (const path of copied.paths) rmSync(path, { force: true });
}

/**
 * Copies the photo files the chosen records need into the store, each checked against its hash, before
 * the merge's transaction. Files are not clerk data until a row names them: a merge that fails or is
 * cancelled removes the ones it copied (removeCopiedPhotos), and one killed after this step leaves only
 * spare copies (reported by `orphanPhotoFiles`), never a half-merged archive.
 * A file already there is not written again. Returns the files copied (`run.copied` fills as it goes, so a
 * cancel or a failure in the middle can remove them: removeCopiedPhotos).
 */
export async function copyPhotoFiles(
  archive: Archive,
  bag: MergeBag,
  records: readonly BagMeeting[],
  run: { signal?: AbortSignal; progress?: ProgressSink; copied?: CopiedPhotos } = {},
): Promise<CopiedPhotos> {
  const archiveDir = dirname(archive.file);
  const copied: CopiedPhotos = run.copied ?? { count: 0, paths: [] };
  const done = new Set<string>();
  const wanted = records.flatMap((r) => r.photoFiles).filter((p) => !done.has(p.fileHash) && done.add(p.fileHash));
  run.progress?.phase('copying', 0, wanted.length);
  let sliceStart = performance.now();
  for (const p of wanted) {
    run.progress?.file();
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((r) => setImmediate(r));
      run.signal?.throwIfAborted();
      sliceStart = performance.now();
    }
    if (verifyPhotoFileSync(archiveDir, p.fileHash).ok) continue;
    const source = bag.photoFile(p.file);
    if (!existsSync(source))
      throw new HosoError('MERGE_BAG_INVALID', msg('merge.photoMissing', { file: p.file }));
    // The same cap as a photo a clerk adds, checked before the file is read into memory.
    const size = statSync(source).size;
    if (size > PHOTO_MAX_BYTES)
      throw new HosoError(
        'MERGE_BAG_INVALID',
        msg('merge.photoTooLarge', { file: p.file, size: sizeOf(size) }),
      );
    const bytes = readFileSync(source);
    if (sha256Hex(bytes) !== p.fileHash)
      throw new HosoError('MERGE_BAG_INVALID', msg('merge.photoMismatch', { file: p.file }));
    const ext = extForMime(p.mime);
    if (!ext) throw new HosoError('MERGE_BAG_INVALID', msg('merge.photoType', { mime: p.mime }));
    const target = photoPath(archiveDir, p.fileHash, ext);
    writeFileAtomic(target, bytes);
    copied.paths.push(target);
    if (!verifyPhotoFileSync(archiveDir, p.fileHash).ok)
      throw new HosoError('MERGE_BAG_INVALID', msg('merge.photoUnchecked', { hash: p.fileHash }));
    copied.count++;
  }
  return copied;
}
