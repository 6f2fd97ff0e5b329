/**
 * The settings form. Language is not part of the draft: it is switched and stored on its own (from the
 * header too), so saving the form can never undo a language change made meanwhile. Nor is the
 * first-run setup's state: the setup stores it itself, and a form opened before must not put it back.
 */
import type { Settings } from '../../../../contract/contract';

export type SettingsDraft = Omit<Settings, 'language' | 'setup'>;
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

/** The contract's bounds on each text field (contract.ts Settings), kept by the inputs as the clerk types. */
export const MAX_LENGTH = {
  parentAgency: 300,
  issuingAgency: 300,
  agencyCode: 50,
  placeName: 100,
  signerTitle: 200,
  signerName: 200,
  clerkName: 200,
} as const satisfies Record<(typeof TEXT_FIELDS)[number], number>;

export function draftOf(settings: Settings): SettingsDraft {
  const { language: _language, setup: _setup, ...draft } = settings;
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
