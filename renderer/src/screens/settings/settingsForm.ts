/**
 * The settings form. Language is not part of the draft: it is switched and stored on its own (from the
 * header too), so saving the form can never undo a language change made meanwhile.
 */
import type { Settings } from '../../../../electron/shared/contract';

export type SettingsDraft = Omit<Settings, 'language'>;
export type SettingsFormErrors = Partial<Record<keyof SettingsDraft, 'kindsRequired'>>;

export const TEXT_FIELDS = [
  'parentAgency',
  'issuingAgency',
  'agencyCode',
  'placeName',
  'signerTitle',
  'signerName',
  'clerkName',
] as const satisfies readonly (keyof SettingsDraft)[];

export function draftOf(settings: Settings): SettingsDraft {
  const { language: _language, ...draft } = settings;
  return { ...draft, meetingKinds: [...draft.meetingKinds] };
}

/** Trimmed text, kinds without blanks or repeats (case-insensitive), in the clerk's order. */
export function normalizeDraft(draft: SettingsDraft): SettingsDraft {
  const out: SettingsDraft = { ...draft, meetingKinds: [] };
  for (const key of TEXT_FIELDS) out[key] = draft[key].trim();
  const seen = new Set<string>();
  for (const raw of draft.meetingKinds) {
    const kind = raw.replace(/\s+/g, ' ').trim();
    const folded = kind.normalize('NFC').toLocaleLowerCase('vi');
    if (kind && !seen.has(folded)) {
      seen.add(folded);
      out.meetingKinds.push(kind);
    }
  }
  return out;
}

export function validateSettings(draft: SettingsDraft): SettingsFormErrors {
  return normalizeDraft(draft).meetingKinds.length === 0 ? { meetingKinds: 'kindsRequired' } : {};
}

export function isSettingsDirty(draft: SettingsDraft, saved: SettingsDraft): boolean {
  return JSON.stringify(normalizeDraft(draft)) !== JSON.stringify(normalizeDraft(saved));
}
