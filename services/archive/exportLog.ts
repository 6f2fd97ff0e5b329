import type { Archive } from '../../db/open';
import { appendAudit } from '../../db/audit';
import type { SelectedMeeting, Selection } from './selection';

export interface ExportFacts {
  actor: string;
  /** The bag's name and where it was written. */
  name: string;
  path: string;
  encrypted: boolean;
  selected: readonly SelectedMeeting[];
  photos: number;
  selection: Selection;
  /** Meetings classified Mật or above in the bag. */
  secretIds: readonly string[];
}

/**
 * A verified export in the audit log, in one transaction: one entry for the archive, and one in the own
 * history of each record classified Mật or above (with the level it had when exported, which the Sổ
 * theo dõi in, xuất tài liệu mật shows: db/printAudit.ts).
 */
export function recordExport(archive: Archive, f: ExportFacts): void {
  archive.sqlite.transaction(() => {
    const at = Date.now();
    appendAudit(
      archive,
      {
        actor: f.actor,
        action: 'export',
        entity: 'archive',
        entityId: f.name,
        after: {
          path: f.path,
          encrypted: f.encrypted,
          meetings: f.selected.length,
          photos: f.photos,
          selection: f.selection,
          secretMeetings: f.secretIds,
        },
      },
      at,
    );
    const levelOf = new Map(f.selected.map((m) => [m.id, m.secrecy]));
    for (const id of f.secretIds)
      appendAudit(
        archive,
        {
          actor: f.actor,
          action: 'export',
          entity: 'meeting',
          entityId: id,
          after: { path: f.path, encrypted: f.encrypted, level: levelOf.get(id) },
        },
        at,
      );
  })();
}
