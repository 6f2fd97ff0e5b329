import type { Archive } from './open';
import { writeRecord } from './recordWrite';
import { writeSeal } from './seal';
import type { SealInfo } from '../contract/recordContract';

/**
 * Finalizing (khóa hồ sơ): the draft becomes a sealed record. The seal and each part's hash go into the
 * audit entry 'finalize', so a later check can tell what changed. From then on changes are corrections
 * (db/recordWrite.ts), each re-sealing the record.
 */
export function finalizeMeeting(archive: Archive, id: string, version: number, actor: string, now: number = Date.now()): SealInfo {
  return writeRecord(archive, id, version, { actor, now }, (tx) => {
    archive.sqlite.prepare("UPDATE meetings SET status = 'finalized' WHERE id = ?").run(id);
    const seal = writeSeal(archive, id, tx.now);
    tx.audit({ action: 'finalize', before: { status: 'draft' }, after: { status: 'finalized', ...seal } });
    return { meetingVersion: tx.version, sealHash: seal.sealHash, sealedAt: seal.sealedAt };
  });
}
