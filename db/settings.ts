import { settings as settingsTable } from './schema';
import type { Archive } from './open';
import { appendAudit } from './audit';
import { Settings } from '../contract/contract';
import { DEFAULT_ABBREVIATIONS } from './search/abbreviations';

export const DEFAULT_MEETING_KINDS = [
  'Hội nghị',
  'Cuộc họp',
  'Làm việc',
  'Giao ban',
  'Hội thảo',
  'Tọa đàm',
  'Sơ kết',
  'Tổng kết',
];

/** What a fresh archive starts with: empty agency fields for the clerk to fill, sensible lists. */
export const DEFAULT_SETTINGS: Settings = {
  parentAgency: '',
  issuingAgency: '',
  agencyCode: '',
  placeName: '',
  signerAuthority: '',
  signerTitle: '',
  signerName: '',
  documentVariant: 'state',
  meetingKinds: DEFAULT_MEETING_KINDS,
  language: 'vi',
  clerkName: '',
  abbreviations: DEFAULT_ABBREVIATIONS.map(([abbr, full]) => [abbr, full] as [string, string]),
  backupDir: '',
  backupKeep: 7,
  backupDaily: true,
  setup: 'pending',
};

/**
 * Settings are stored one key per row as JSON. A stored value that no longer parses (hand-edited, or from
 * an older build) falls back to its default instead of breaking the app.
 */
export function getSettings(archive: Archive): Settings {
  const rows = archive.db.select().from(settingsTable).all();
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (!(row.key in DEFAULT_SETTINGS)) continue;
    try {
      const value: unknown = JSON.parse(row.value);
      const field = Settings.shape[row.key as keyof Settings].safeParse(value);
      if (field.success) merged[row.key] = field.data;
    } catch {
      // keep the default for this key
    }
  }
  return Settings.parse(merged);
}

export function updateSettings(archive: Archive, patch: Partial<Settings>, actor: string, now: number = Date.now()): Settings {
  return archive.sqlite.transaction(() => {
    const before = getSettings(archive);
    const upsert = archive.sqlite.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || !(key in DEFAULT_SETTINGS)) continue;
      upsert.run(key, JSON.stringify(value), now);
    }
    const after = getSettings(archive);
    appendAudit(archive, { actor, action: 'update', entity: 'settings', entityId: 'settings', before, after }, now);
    return after;
  })();
}
