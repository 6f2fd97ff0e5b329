/**
 * A history entry (an audit entry of a record, db/history.ts) in the clerk's words: one sentence saying
 * what was done to what ("Thêm khách mời Nguyễn Văn A (vắng có lý do: đi công tác)"), and each change's
 * field and values by their labels (roles, attendance and task statuses, secrecy, yes/no, dd/mm/yyyy).
 * Bookkeeping (file hashes, types and sizes, ids, positions, timestamps of rows, seals' part hashes) is
 * never shown. Pure: messages only (historyLog.* in the catalogs), worded by whichever edge shows them.
 */
import type { HistoryEntry } from './recordContract';
import { msg, type Message } from './messages/message';
import { commaList } from './messages/recordParts';
import type { MessageKey } from './messages/keys';
import { isMessageKey } from './messages/translate';

type Change = HistoryEntry['changes'][number];
type Entry = Pick<HistoryEntry, 'action' | 'part' | 'changes' | 'subject'>;

export interface HistoryChangeLine {
  field: Message;
  before: Message;
  after: Message;
}

/** Fields kept for the archive's own use, not for the clerk. */
const HIDDEN = new Set([
  'id',
  'meetingId',
  'personId',
  'assigneePersonId',
  'position',
  'createdAt',
  'updatedAt',
  'version',
  'minutesHtml',
  'parts',
  'sealHash',
  'sealedAt',
  'deletedAt',
  'fileHash',
  'mime',
  'byteSize',
  'width',
  'height',
  'contentHash',
  'theirHash',
  'bagId',
  'fromId',
  'copiedFrom',
  'bag',
  'path',
  'trashed',
]);
const TIMESTAMPS = new Set(['takenAt', 'doneAt']);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TEXT_MAX = 300;
const SUBJECT_MAX = 80;

const pad2 = (n: number) => String(n).padStart(2, '0');
/** A moment as dd/mm/yyyy HH:mm on this PC's clock. */
export function historyAt(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);
const text = (s: string): Message => msg('historyLog.value.text', { text: s });
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A coded value by its label (`historyLog.role.khach_moi`), or the value itself if it is not one. */
function label(group: string, value: string): Message {
  const key = `historyLog.${group}.${value}`;
  return isMessageKey(key) ? msg(key as MessageKey) : text(value);
}

function fieldLabel(e: Entry, field: string): Message | null {
  if (field === '') {
    if (e.action === 'tags.set') return msg('historyLog.field.tags');
    if (e.action === 'attendance.add-many') return msg('historyLog.field.attendees');
    if (e.action.endsWith('reorder') || e.action === 'reorder-photos') return msg('historyLog.field.order');
    return null;
  }
  const key = `historyLog.field.${field}`;
  return isMessageKey(key) ? msg(key as MessageKey) : null;
}

function value(e: Entry, field: string, v: unknown): Message {
  if (isEmpty(v)) return msg('historyLog.value.none');
  if (typeof v === 'boolean') return msg(v ? 'historyLog.value.yes' : 'historyLog.value.no');
  if (typeof v === 'number') return text(TIMESTAMPS.has(field) ? historyAt(v) : String(v));
  if (typeof v === 'string') {
    const date = ISO_DATE.exec(v);
    if (date) return text(`${date[3]}/${date[2]}/${date[1]}`);
    if (field === 'role') return label('role', v);
    if (field === 'status') return label(e.part === 'attendance' ? 'attendanceStatus' : 'meetingStatus', v);
    if (field === 'taskStatus') return label('taskStatus', v);
    if (field === 'secrecy' || field === 'level') return label('secrecy', v);
    return text(clip(v, TEXT_MAX));
  }
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
    if (field === 'differences') {
      const parts = v.map((d) => (isMessageKey(`historyLog.field.${d}`) ? msg(`historyLog.field.${d}` as MessageKey) : label('part', d)));
      return commaList(parts) ?? msg('historyLog.value.none');
    }
    return text(clip(v.join('; '), TEXT_MAX));
  }
  return text(clip(JSON.stringify(v), TEXT_MAX));
}

/** The changes the clerk reads, field by field: no bookkeeping, nothing that was and stays empty. */
export function historyChangeLines(e: Entry): HistoryChangeLine[] {
  const lines: HistoryChangeLine[] = [];
  for (const c of e.changes) {
    if (HIDDEN.has(c.field) || (isEmpty(c.before) && isEmpty(c.after))) continue;
    const field = fieldLabel(e, c.field);
    if (!field) continue;
    lines.push({ field, before: value(e, c.field, c.before), after: value(e, c.field, c.after) });
  }
  return lines;
}

const ROW_VERBS = {
  add: 'historyLog.sentence.add',
  update: 'historyLog.sentence.update1',
  remove: 'historyLog.sentence.remove',
} as const satisfies Record<string, MessageKey>;

/** The entry in one sentence: what was done, to what. */
export function historySentence(e: Entry): Message {
  const changes = new Map<string, Change>(e.changes.map((c) => [c.field, c]));
  const after = (f: string) => changes.get(f)?.after;
  const before = (f: string) => changes.get(f)?.before;
  const subject = clip(e.subject, SUBJECT_MAX);
  const s = (key: MessageKey, params?: Record<string, string | number | Message>) => msg(key, params);

  if (e.part === 'photos') {
    const what = subject ? s('historyLog.what.photo', { caption: subject }) : s('historyLog.what.somePhoto');
    switch (e.action) {
      case 'create':
        return changes.has('fileHash') ? s('historyLog.sentence.add', { what }) : s('historyLog.sentence.photoCard', { what });
      case 'update':
        return isEmpty(before('fileHash')) && !isEmpty(after('fileHash'))
          ? s('historyLog.sentence.photoAttach', { what })
          : s('historyLog.sentence.update1', { what });
      case 'delete':
        return s('historyLog.sentence.remove', { what });
      case 'set-people':
        return s('historyLog.sentence.photoPeople', { what });
      case 'reorder-photos':
        return s('historyLog.sentence.reorderPhotos');
    }
  }
  const conclusion = () => {
    const task = after('isTask') === true || (after('isTask') === undefined && before('isTask') === true);
    if (task) return subject ? s('historyLog.what.task', { text: subject }) : s('historyLog.what.someTask');
    return subject ? s('historyLog.what.conclusion', { text: subject }) : s('historyLog.what.someConclusion');
  };
  const document = () => (subject ? s('historyLog.what.document', { number: subject }) : s('historyLog.what.someDocument'));
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

  // A conclusion's or a document's row added, edited or removed.
  const [prefix, verb] = e.action.split('.');
  const rowVerb = verb === 'add' || verb === 'update' || verb === 'remove' ? ROW_VERBS[verb] : null;
  if (rowVerb && prefix === 'conclusions') return s(rowVerb, { what: conclusion() });
  if (rowVerb && prefix === 'documents') return s(rowVerb, { what: document() });

  switch (e.action) {
    case 'create':
      return s('historyLog.sentence.create', { title: subject || str(after('title')) });
    case 'update': {
      const fields = commaList(historyChangeLines(e).map((l) => l.field));
      return fields ? s('historyLog.sentence.update', { fields }) : s('historyLog.sentence.updateNothing');
    }
    case 'restore-version':
      return s('historyLog.sentence.restoreVersion');
    case 'trash':
      return s('historyLog.sentence.trash');
    case 'restore':
      return s('historyLog.sentence.restore');
    case 'finalize':
      return s('historyLog.sentence.finalize');
    case 'correct':
      return s('historyLog.sentence.correct');
    case 'attendance.add': {
      const role = str(after('role')) || 'dai_bieu';
      const added = s('historyLog.sentence.add', { what: s('historyLog.what.attendee', { role: label('roleWord', role), name: subject }) });
      const status = str(after('status'));
      if (!status || status === 'co_mat') return added;
      const reason = str(after('absenceReason'));
      const params = { sentence: added, status: label('statusWord', status) };
      return reason ? s('historyLog.sentence.withReason', { ...params, reason }) : s('historyLog.sentence.withStatus', params);
    }
    case 'attendance.add-many':
      // The names follow as the change's value.
      return s('historyLog.sentence.attendeesAdd', { n: list(after('')).length });
    case 'attendance.update':
      return s('historyLog.sentence.update1', { what: s('historyLog.what.attendance', { name: subject }) });
    case 'attendance.remove':
      return s('historyLog.sentence.attendeeRemove', { role: label('roleWord', str(before('role')) || 'dai_bieu'), name: subject });
    case 'attendance.reorder':
      return s('historyLog.sentence.reorderAttendance');
    case 'conclusions.reorder':
      return s('historyLog.sentence.reorderConclusions');
    case 'conclusions.task-status':
      return s('historyLog.sentence.taskStatus', {
        what: subject ? s('historyLog.what.task', { text: subject }) : s('historyLog.what.someTask'),
        status: label('taskStatus', str(after('taskStatus'))),
      });
    case 'documents.reorder':
      return s('historyLog.sentence.reorderDocuments');
    case 'tags.set': {
      const tags = list(after(''));
      return tags.length ? s('historyLog.sentence.tags', { tags: tags.join('; ') }) : s('historyLog.sentence.tagsNone');
    }
    case 'merge.new':
      return s('historyLog.sentence.mergeNew', { bag: str(after('bag')) });
    case 'merge.theirs':
      return s('historyLog.sentence.mergeTheirs', { bag: str(after('bag')) });
    case 'merge.both':
      return s('historyLog.sentence.mergeBoth', { bag: str(after('bag')) });
    case 'merge.mine':
      return s('historyLog.sentence.mergeMine', { bag: str(after('bag')) });
    case 'people.merge': {
      const kept = str(after('kept'));
      const sentence = s('historyLog.sentence.personMerge', { duplicate: str(before('duplicate')), kept });
      // Both entries were on the list: the duplicate's row was dropped, its role and status said here.
      const dropped = before('droppedRow');
      if (dropped === null || typeof dropped !== 'object') return sentence;
      const row = dropped as Record<string, unknown>;
      return s('historyLog.sentence.personMergeBoth', {
        sentence,
        kept,
        role: label('roleWord', str(row.role) || 'dai_bieu'),
        status: label('statusWord', str(row.status) || 'co_mat'),
      });
    }
    case 'export':
      return s('historyLog.sentence.export', { path: str(after('path')) });
    default:
      return s('historyLog.sentence.other', { action: e.action });
  }
}
