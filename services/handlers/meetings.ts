import { dirname } from 'node:path';
import type { ServiceContext } from '../context';
import type { CorrectionsOf, HandlersOf, Moved } from './types';
import type { Archive } from '../../db/open';
import type { WriteOptions } from '../../db/recordWrite';
import { MeetingFields } from '../../contract/contract';
import { HosoError } from '../../contract/errors';
import { issueMessages } from '../../contract/messages/zodIssues';
import { createMeeting, getMeeting, listMeetings, meetingFacets, updateMeeting } from '../../db/meetings';
import { listTrash, restoreMeeting, trashMeeting } from '../../db/trash';
import { meetingHistory, restoreMeetingVersion } from '../../db/history';
import { finalizeMeeting } from '../../db/finalize';
import { checkSeal, currentSeal } from '../../db/seal';
import { getMeetingRecord } from '../../db/meetingRecord';
import { getSettings } from '../../db/settings';
import { verifyPhotoFileSync } from '../photoFiles';
import { photoCorrections } from './photos';
import { recordCorrections } from './record';

/** The meeting's own changes as corrections; the parts' are in record.ts and photos.ts. */
function meetingCorrections(a: Archive): CorrectionsOf<'meetings'> {
  return {
    'meetings/update': (id, version, { fields }, w) => {
      // The correction's schema leaves the fields loose (one union for every kind): parsed here.
      const parsed = MeetingFields.safeParse(fields);
      if (!parsed.success) throw new HosoError('INVALID_INPUT', issueMessages(parsed.error.issues));
      return { meetingVersion: updateMeeting(a, id, version, parsed.data, w.actor, w.now, { correction: w.correction }).version };
    },
    'meetings/restore-version': (id, version, { auditId }, w) => ({ meetingVersion: restoreMeetingVersion(a, id, version, auditId, w).version }),
    'meetings/trash': (id, version, _change, w) => ({ meetingVersion: version + 1, ...trashMeeting(a, id, version, w) }),
  };
}

/** `meetings/*`: the list, a meeting's fields and whole record, trash, history, finalizing and corrections. */
export function meetingHandlers(ctx: ServiceContext): HandlersOf<'meetings'> {
  const a = ctx.archive;
  const corrections: CorrectionsOf<string> = { ...meetingCorrections(a), ...recordCorrections(a), ...photoCorrections(a) };
  const w = (): WriteOptions => ({ actor: ctx.actor() });
  return {
    'meetings/list': (q) => listMeetings(a, q),
    'meetings/facets': () => meetingFacets(a),
    'meetings/get': ({ id }) => getMeeting(a, id),
    'meetings/create': (fields) => createMeeting(a, fields, ctx.actor(), { source: 'Nhập tay' }),
    'meetings/update': ({ id, version, fields }) => updateMeeting(a, id, version, fields, ctx.actor()),
    'meetings/record': ({ id, attendanceOrder }) => getMeetingRecord(a, id, attendanceOrder),
    'meetings/trash': ({ id, version }) => trashMeeting(a, id, version, w()),
    'meetings/restore': ({ id }) => restoreMeeting(a, id, ctx.actor()),
    'meetings/trash-list': (page) => listTrash(a, page),
    'meetings/history': ({ id, offset, limit }) => {
      const page = meetingHistory(a, id, { offset, limit });
      // Written while Tên người dùng was empty: the actor is this PC's account, not a person's name
      // (the history words it as such). A clerk whose name is the account's keeps their name.
      const account = ctx.osAccount();
      const clerk = getSettings(a).clerkName;
      return {
        ...page,
        rows: page.rows.map((e) => ({ ...e, byAccount: e.actor === account && e.actor !== clerk })),
      };
    },
    'meetings/restore-version': ({ id, version, auditId }) => restoreMeetingVersion(a, id, version, auditId, w()),
    'meetings/finalize': ({ id, version }) => finalizeMeeting(a, id, version, ctx.actor()),
    // The photo files are checked by the photo store: each must still hash to the name the sealed row gives it.
    'meetings/seal-check': ({ id }) => checkSeal(a, id, { verifyPhotoFile: (hash) => verifyPhotoFileSync(dirname(a.file), hash).ok }),
    'meetings/correct': async ({ id, version, reason, change: { kind, ...change } }) => {
      // `change` matches `kind` (one discriminated union), which TypeScript cannot follow through the lookup.
      const apply = corrections[kind] as (meetingId: string, version: number, change: unknown, w: WriteOptions) => Moved | Promise<Moved>;
      const { meetingVersion } = await apply(id, version, change, { ...w(), correction: reason });
      return { meetingVersion, ...currentSeal(a, id) };
    },
  };
}
