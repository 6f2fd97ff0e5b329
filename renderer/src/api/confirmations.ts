/**
 * Which finished calls answer with a short confirmation (a toast), in one table instead of in every
 * screen: every save, delete and restore passes through the client (client.ts reports each success),
 * so wiring it here reaches every screen alike. Absent on purpose:
 * - `meetings/create`, `meetings/update`: Thông tin shows "Đã lưu lúc …" in view (autosave status);
 * - `settings/update`: Cài đặt shows "Đã lưu" in its sticky save bar, a language switch shows itself,
 *   and the first-run setup says "Đã lưu thiết lập ban đầu" itself;
 * - `import/batch`: each file's outcome is listed in view;
 * - `people/restore`: Thùng rác says in view whom the entry is back as (and, for a merged one, whom its
 *   meetings stay with), which a toast could not hold;
 * - reads, previews, checks (the list, get and preview channels, `health/verify`, `search/rebuild`…): they
 *   show their result where they were asked for;
 * - `reports/printed`: a line in the print log, not something the clerk did on purpose.
 * Errors never come here: they stay in the inline ErrorAlert where they happened.
 */
import type { Channel, ChannelOutput } from '../../../contract/contract';
import type { ConfirmKey } from './confirmationMessages';

export const CONFIRMATIONS: Partial<Record<Channel, ConfirmKey>> = {
  'conclusions/add': 'conclusionAdded',
  'conclusions/update': 'conclusionSaved',
  'conclusions/remove': 'conclusionRemoved',
  'conclusions/reorder': 'orderSaved',
  'attendance/add': 'attendeeAdded',
  'attendance/add-many': 'attendeesAdded',
  'attendance/update': 'attendeeSaved',
  'attendance/remove': 'attendeeRemoved',
  'attendance/reorder': 'orderSaved',
  'documents/add': 'documentAdded',
  'documents/update': 'documentSaved',
  'documents/remove': 'documentRemoved',
  'documents/reorder': 'orderSaved',
  'tags/set': 'tagsSaved',
  'tasks/set-status': 'taskStatusSaved',
  'photos/add': 'photoAdded',
  'photos/attach': 'photoAttached',
  'photos/update': 'photoSaved',
  'photos/remove': 'photoRemoved',
  'photos/reorder': 'orderSaved',
  'photos/set-people': 'photoPeopleSaved',
  'meetings/trash': 'meetingTrashed',
  'meetings/restore': 'meetingRestored',
  'meetings/restore-version': 'versionRestored',
  'meetings/finalize': 'meetingFinalized',
  'meetings/correct': 'correctionSaved',
  'people/create': 'personAdded',
  'people/update': 'personSaved',
  'people/delete': 'personTrashed',
  'search/saved-create': 'searchSaved',
  'search/saved-delete': 'searchDeleted',
  'reports/notice-save': 'noticeSaved',
  'reports/notice-number': 'noticeNumbered',
  'lock/set': 'lockSet',
  'lock/remove': 'lockRemoved',
  'lock/configure': 'lockConfigured',
  'backups/create': 'backupMade',
  'backups/restore': 'backupRestored',
  'merge/apply': 'mergeApplied',
  'import/save': 'importSaved',
};

/**
 * The confirmation a successful reply answers with, or null. A long job (export) is confirmed when its
 * status is first seen done, not when it starts; `seenJobs` keeps that to once per job.
 */
export function confirmationOf(channel: Channel, data: unknown, seenJobs: Set<string>): ConfirmKey | null {
  if (channel === 'jobs/status') {
    const status = data as ChannelOutput<'jobs/status'>;
    if (status.kind !== 'export' || status.state !== 'done' || seenJobs.has(status.id)) return null;
    seenJobs.add(status.id);
    return 'exportDone';
  }
  return CONFIRMATIONS[channel] ?? null;
}
