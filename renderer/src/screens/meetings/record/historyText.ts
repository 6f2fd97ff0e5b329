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
] as const;
export type HistoryVerb = (typeof HISTORY_VERBS)[number];

export function verbOf(action: string): HistoryVerb | null {
  const verb = action.includes('.') ? action.slice(action.indexOf('.') + 1) : action;
  return (HISTORY_VERBS as readonly string[]).includes(verb) ? (verb as HistoryVerb) : null;
}

/** A before/after value as one short line of text ('—' for nothing). */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const json = JSON.stringify(value);
  return json.length > 300 ? `${json.slice(0, 300)}…` : json;
}
