import type { Secrecy } from '../../contract/contract';

/**
 * Độ mật on printed documents: which levels are marked, how the mark reads, and the level of a document
 * that gathers several meetings. Pure functions; html.ts and docx.ts draw the mark from layout.ts.
 */

export type SecretLevel = Exclude<Secrecy, 'thuong'>;

/** Lowest to highest. */
const ORDER: readonly Secrecy[] = ['thuong', 'mat', 'toi_mat', 'tuyet_mat'];

/** The words of the mark (Thông tư 24/2020/TT-BCA): upper case, as stamped. */
export const MARK_TEXT: Record<SecretLevel, string> = {
  mat: 'MẬT',
  toi_mat: 'TỐI MẬT',
  tuyet_mat: 'TUYỆT MẬT',
};

/** The level as a clerk reads it in a list ("Tối mật"). */
export const LEVEL_NAME: Record<Secrecy, string> = {
  thuong: 'Thường',
  mat: 'Mật',
  toi_mat: 'Tối mật',
  tuyet_mat: 'Tuyệt mật',
};

export function isSecret(level: Secrecy): level is SecretLevel {
  return level !== 'thuong';
}

/**
 * The level a document carries when it gathers several records: the highest among them (a document is
 * classified at the level of the most secret thing it contains: Luật Bảo vệ bí mật nhà nước 2018, Điều 10).
 */
export function highestLevel(levels: Iterable<Secrecy>): Secrecy {
  let top: Secrecy = 'thuong';
  for (const l of levels) if (ORDER.indexOf(l) > ORDER.indexOf(top)) top = l;
  return top;
}

/** A meeting a document contains, when it is Mật or above: what the audit of prints records. */
export interface SecretSource {
  id: string;
  title: string;
  level: SecretLevel;
}

/** What a document says about secrecy: the level it is marked with, and the secret meetings in it. */
export interface Classification {
  level: SecretLevel;
  meetings: SecretSource[];
}

/** null when nothing in the document is Mật or above (no mark, nothing to audit). */
export function classify(
  meetings: readonly { id: string; title: string; secrecy: Secrecy }[],
): Classification | null {
  const secret = meetings.filter((m): m is { id: string; title: string; secrecy: SecretLevel } =>
    isSecret(m.secrecy),
  );
  if (!secret.length) return null;
  return {
    level: highestLevel(secret.map((m) => m.secrecy)) as SecretLevel,
    meetings: secret.map((m) => ({ id: m.id, title: m.title, level: m.secrecy })),
  };
}
