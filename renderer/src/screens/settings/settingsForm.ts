/**
 * The settings form. Language is not part of the draft: it is switched and stored on its own (from the
 * header too), so saving the form can never undo a language change made meanwhile.
 */
import type { Settings } from '../../../../contract/contract';

export type SettingsDraft = Omit<Settings, 'language'>;
export type SettingsFormErrors = Partial<Record<keyof SettingsDraft, 'kindsRequired' | 'abbreviationIncomplete'>>;

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
  return {
    ...draft,
    meetingKinds: [...draft.meetingKinds],
    abbreviations: draft.abbreviations.map(([a, f]) => [a, f] as [string, string]),
  };
}

/**
 * Abbreviation rows trimmed; rows left blank on both sides dropped; repeats of the same pair (ignoring
 * case) kept once. One abbreviation may have several full forms (TW: Trung ương; TƯ: Trung ương).
 */
function normalizeAbbreviations(rows: [string, string][]): [string, string][] {
  const out: [string, string][] = [];
  const seen = new Set<string>();
  for (const [rawShort, rawFull] of rows) {
    const short = rawShort.replace(/\s+/g, ' ').trim();
    const full = rawFull.replace(/\s+/g, ' ').trim();
    if (!short && !full) continue;
    const key = `${short.normalize('NFC').toLocaleLowerCase('vi')}\u0000${full.normalize('NFC').toLocaleLowerCase('vi')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([short, full]);
  }
  return out;
}

/** Trimmed text, kinds without blanks or repeats (case-insensitive), in the clerk's order. */
export function normalizeDraft(draft: SettingsDraft): SettingsDraft {
  const out: SettingsDraft = { ...draft, meetingKinds: [], abbreviations: normalizeAbbreviations(draft.abbreviations) };
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
  const normal = normalizeDraft(draft);
  const errors: SettingsFormErrors = {};
  if (normal.meetingKinds.length === 0) errors.meetingKinds = 'kindsRequired';
  if (normal.abbreviations.some(([short, full]) => !short || !full)) errors.abbreviations = 'abbreviationIncomplete';
  return errors;
}

export function isSettingsDirty(draft: SettingsDraft, saved: SettingsDraft): boolean {
  return JSON.stringify(normalizeDraft(draft)) !== JSON.stringify(normalizeDraft(saved));
}
