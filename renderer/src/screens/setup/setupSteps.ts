/**
 * The first-run setup's logic, apart from its screen: which settings each step asks for, the patch a
 * step stores (trimmed, like the settings form), when the setup opens by itself, and the signature block
 * as the reports print it (services/reports/conclusionNotice.ts: authority + agency, title, name).
 */
import type { Settings, SetupState } from '../../../../contract/contract';

export const SETUP_STEPS = ['agency', 'signer', 'storage'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export interface SetupDraft {
  issuingAgency: string;
  parentAgency: string;
  placeName: string;
  agencyCode: string;
  documentVariant: Settings['documentVariant'];
  signerAuthority: Settings['signerAuthority'];
  signerTitle: string;
  signerName: string;
  clerkName: string;
  backupDir: string;
}

const STEP_FIELDS = {
  agency: ['issuingAgency', 'parentAgency', 'placeName', 'agencyCode', 'documentVariant'],
  signer: ['signerAuthority', 'signerTitle', 'signerName', 'clerkName'],
  storage: ['backupDir'],
} as const satisfies Record<SetupStep, readonly (keyof SetupDraft)[]>;

export type SetupPatch = Partial<SetupDraft>;

export function setupDraftOf(s: Settings): SetupDraft {
  return {
    issuingAgency: s.issuingAgency,
    parentAgency: s.parentAgency,
    placeName: s.placeName,
    agencyCode: s.agencyCode,
    documentVariant: s.documentVariant,
    signerAuthority: s.signerAuthority,
    signerTitle: s.signerTitle,
    signerName: s.signerName,
    clerkName: s.clerkName,
    backupDir: s.backupDir ?? '',
  };
}

/** What one step stores: its fields only, text trimmed (spaces inside kept as typed). */
export function stepPatch(step: SetupStep, draft: SetupDraft): SetupPatch {
  const patch: Record<string, string> = {};
  for (const field of STEP_FIELDS[step]) patch[field] = draft[field].trim();
  return patch as SetupPatch;
}

/** Opens by itself only on a fresh archive: no meeting yet, and the setup neither done nor put off. */
export function opensByItself(setup: SetupState | undefined, meetings: number | undefined): boolean {
  return (setup ?? 'pending') === 'pending' && meetings === 0;
}

/** Stored when the setup closes: done once any step was saved, otherwise put off. */
export function closingState(savedAny: boolean, before: SetupState | undefined): SetupState {
  if (savedAny) return 'done';
  return before === 'done' ? 'done' : 'skipped';
}

/** The signer's lines as printed: "TM. <AGENCY>", the title, then the name (upper case as in print). */
export function signatureLines(draft: SetupDraft): { authority: string; title: string; name: string } {
  const agency = draft.issuingAgency.trim();
  const authority = draft.signerAuthority ? `${draft.signerAuthority} ${agency}`.trim() : '';
  return {
    authority: authority.toLocaleUpperCase('vi'),
    title: draft.signerTitle.trim().toLocaleUpperCase('vi'),
    name: draft.signerName.trim(),
  };
}
