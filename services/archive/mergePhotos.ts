import { existsSync, readFileSync, statSync } from 'node:fs';
import { PHOTO_MAX_BYTES } from '../../contract/photoContract';
import { sizeOf } from '../messageParts';
import { dirname } from 'node:path';
import type { Archive } from '../../db/open';
import { HosoError } from '../../contract/errors';
import { msg } from '../../contract/messages/message';
import { extForMime, photoPath, sha256Hex, verifyPhotoFileSync, writeFileAtomic } from '../photoFiles';
import type { BagMeeting, MergeBag } from './mergeBag';

/**
 * Copies the photo files the chosen records need into the store, each checked against its hash, before
 * the merge's transaction. Files are not clerk data until a row names them, so a merge interrupted
 * after this step leaves only spare copies (reported by `orphanPhotoFiles`), never a half-merged archive.
 * A file already there is not written again. Returns how many files were copied.
 */
export function copyPhotoFiles(archive: Archive, bag: MergeBag, records: readonly BagMeeting[]): number {
  const archiveDir = dirname(archive.file);
  let copied = 0;
  const done = new Set<string>();
  for (const record of records) {
    for (const p of record.photoFiles) {
      if (done.has(p.fileHash)) continue;
      done.add(p.fileHash);
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
      writeFileAtomic(photoPath(archiveDir, p.fileHash, ext), bytes);
      if (!verifyPhotoFileSync(archiveDir, p.fileHash).ok)
        throw new HosoError('MERGE_BAG_INVALID', msg('merge.photoUnchecked', { hash: p.fileHash }));
      copied++;
    }
  }
  return copied;
}
