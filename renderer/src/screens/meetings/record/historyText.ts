import { formatDateTime, formatIsoDate } from '../../../format/date';

/** Known verbs of audit actions ("conclusions.add" → add); anything else is shown as stored. */
export const HISTORY_VERBS = [
  'create',
  'update',
  'delete',
  'trash',
  'restore',
  'restore-version',
  'finalize',
  'correct',
  'add',
  'add-many',
  'remove',
  'reorder',
  'set',
  'task-status',
  'set-people',
  'reorder-photos',
  'merge-new',
  'merge-theirs',
  'merge-both',
  'merge-mine',
  'export',
] as const;
export type HistoryVerb = (typeof HISTORY_VERBS)[number];

/** Fields with a name in the clerk's language (history.field.*); others are shown as stored. */
export const HISTORY_FIELDS = [
  'title',
  'kind',
  'meetingDate',
  'startTime',
  'endTime',
  'location',
  'organizer',
  'minutesText',
  'source',
  'status',
  'secrecy',
  'sealHash',
  'sealedAt',
  'text',
  'isTask',
  'assigneeName',
  'assigneeUnit',
  'deadline',
  'taskStatus',
  'number',
  'docType',
  'issuedOn',
  'issuer',
  'summary',
  'fullName',
  'role',
  'rank',
  'titles',
  'unit',
  'absenceReason',
  'caption',
  'credit',
  'bag',
  'path',
  'encrypted',
] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** Internal bookkeeping the clerk has no use for (the seal's per-part hashes, ids, positions). */
// (A merge also keeps content hashes and the bag's id, for the next merge of the same bag.)
const HIDDEN_FIELDS = new Set([
  'parts',
  'id',
  'meetingId',
  'personId',
  'assigneePersonId',
  'position',
  'createdAt',
  'updatedAt',
  'version',
  'contentHash',
  'theirHash',
  'bagId',
  'fromId',
]);

export function verbOf(action: string): HistoryVerb | null {
  // "merge.theirs" is a merge from a USB bag (services/archive/mergeApply.ts), not a part's verb.
  const verb = action.startsWith('merge.') ? `merge-${action.slice(6)}` : action.includes('.') ? action.slice(action.indexOf('.') + 1) : action;
  return (HISTORY_VERBS as readonly string[]).includes(verb) ? (verb as HistoryVerb) : null;
}

export function knownField(field: string): HistoryField | null {
  return (HISTORY_FIELDS as readonly string[]).includes(field) ? (field as HistoryField) : null;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/** The changes worth showing: not internal, and not "nothing → nothing". */
export function visibleChanges<C extends { field: string; before: unknown; after: unknown }>(changes: C[]): C[] {
  return changes.filter((c) => !HIDDEN_FIELDS.has(c.field) && !(isEmpty(c.before) && isEmpty(c.after)));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP_FIELDS = new Set(['sealedAt', 'doneAt', 'deletedAt']);

/**
 * A before/after value as one short line of text ('—' for nothing): dates as dd/mm/yyyy, yes/no,
 * coded values through `label` (status, task status), lists as their items.
 */
export function valueText(field: string, value: unknown, label: (field: string, value: string) => string | null, yesNo: (v: boolean) => string): string {
  if (isEmpty(value)) return '—';
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'number') return TIMESTAMP_FIELDS.has(field) ? formatDateTime(value) : String(value);
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) return formatIsoDate(value);
    return label(field, value) ?? value;
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.length ? value.join('; ') : '—';
  const json = JSON.stringify(value);
  return json.length > 300 ? `${json.slice(0, 300)}…` : json;
}
