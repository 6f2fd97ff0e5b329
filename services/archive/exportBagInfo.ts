import { SCHEMA_VERSION } from '../../db/open';
import type { Settings } from '../../contract/contract';
import type { Selection } from './selection';

/** What bag-info.txt says about an export, beyond what BagWriter counts itself (Payload-Oxum, dates). */
export interface BagDescription {
  settings: Settings;
  actor: string;
  appVersion: string;
  meetings: number;
  photos: number;
  from: string | null;
  to: string | null;
  selection: Selection;
  /** The snapshot is the whole archive, not cut down to the selection. */
  everything: boolean;
}

/** bag-info.txt's fields: BagIt's own, then hoso's (how the bag was chosen, its snapshot and JSON format). */
export function bagInfoFields(d: BagDescription): [string, string | number][] {
  const { settings } = d;
  return [
    [
      'Source-Organization',
      [settings.parentAgency, settings.issuingAgency].filter(Boolean).join(' — ') || 'Hồ sơ Hội nghị',
    ],
    ['Contact-Name', d.actor],
    [
      'External-Description',
      `Hồ sơ Hội nghị: ${d.meetings} cuộc họp${d.from || d.to ? `, từ ${d.from ?? '…'} đến ${d.to ?? '…'}` : ''}`,
    ],
    ['Bag-Software-Agent', `hoso ${d.appVersion}`],
    ['Hoso-Meetings', d.meetings],
    ['Hoso-Photos', d.photos],
    ['Hoso-Date-From', d.from ?? ''],
    ['Hoso-Date-To', d.to ?? ''],
    ['Hoso-Selection', describeSelection(d.selection)],
    ['Hoso-Snapshot', d.everything ? 'complete archive' : 'partial: only the selected meetings; audit chain shortened'],
    ['Hoso-Schema-Version', SCHEMA_VERSION],
    ['Hoso-Meeting-Json', 'data/meetings/<last 2 hex digits of id>/<id>.json, format hoso-meeting version 1'],
  ];
}

function describeSelection(s: Selection): string {
  const parts: string[] = [];
  if (s.from || s.to) parts.push(`date ${s.from ?? '…'} to ${s.to ?? '…'}`);
  if (s.tag) parts.push(`tag "${s.tag}"`);
  if (s.ids) parts.push(`${s.ids.length} chosen meetings`);
  return parts.length ? parts.join(', ') : 'all meetings';
}
