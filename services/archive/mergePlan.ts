import { createHash } from 'node:crypto';
import type { Archive } from '../../db/open';
import { canonicalJson } from '../../db/seal';
import { keptBothEntries, mergeEntries } from '../../db/mergeHistory';
import { meetingState } from '../../db/meetings';
import { personRow } from '../../db/people';
import { HosoError } from '../../contract/errors';
import { msg } from '../../contract/messages/message';
import { foldVietnamese } from '../../contract/vietnamese/fold';
import type {
  MeetingMergeItem,
  MergeChoice,
  MergeClass,
  MergePlan,
  MergePreviewSummary,
  MergeRow,
  PersonMergeItem,
} from '../../contract/mergeContract';
import { meetingToJson, personContentHash, type MeetingJson, type MeetingJsonPerson } from './meetingJson';
import type { BagMeeting, MergeBag } from './mergeBag';
import { recordSide } from './mergeSide';
import type { ProgressSink } from './jobs';

/**
 * The preview of a merge: every meeting and person of the bag against this archive, by id.
 *
 * "Changed" needs a common ancestor to tell who changed what. The archive keeps none of the other PC's
 * history, so the merge remembers its own: every record it writes gets an audit entry (merge.*) holding
 * the content hash it wrote, and a declined version ("keep mine") is remembered the same way. Then:
 * - this copy still has the hash the last merge wrote → only the other side changed: take theirs;
 * - theirs is the hash last merged or declined → only this side changed: keep mine;
 * - anything else (both changed, or never merged before) → a conflict for the clerk.
 * A sealed or trashed copy here is always a conflict: it is never replaced without a choice.
 */

export interface PlannedMeeting extends MeetingMergeItem {
  /** The bag's file of the record: `MergeBag.load` reads it when the record is written. */
  source: BagMeeting;
}

export interface Plan extends MergePlan {
  meetings: PlannedMeeting[];
  /** The bag's people by id (MergeBag.people). */
  bagPeople: Map<string, MeetingJsonPerson>;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface MergeMemory {
  /** Hash the last merge wrote for the record. */
  lastWritten: string | null;
  /** Hashes of the other side's versions declined or already merged. */
  seen: Set<string>;
}

function mergeMemory(archive: Archive, entity: 'meeting' | 'person', id: string): MergeMemory {
  const rows = mergeEntries(archive, entity, id);
  const memory: MergeMemory = { lastWritten: null, seen: new Set() };
  for (const r of rows) {
    if (r.written) {
      memory.lastWritten = r.written;
      memory.seen.add(r.written);
    }
    if (r.theirs) memory.seen.add(r.theirs);
  }
  return memory;
}

/** Bag records already copied here under new ids ("keep both"), as `fromId → their content hashes`. */
function keptBothCopies(archive: Archive): Map<string, Set<string>> {
  const rows = keptBothEntries(archive);
  const copies = new Map<string, Set<string>>();
  for (const r of rows) copies.set(r.fromId, (copies.get(r.fromId) ?? new Set()).add(r.theirHash));
  return copies;
}

const MEETING_FIELDS = [
  'title',
  'kind',
  'meetingDate',
  'startTime',
  'endTime',
  'location',
  'organizer',
  'status',
  'secrecy',
  'minutesText',
  'source',
] as const;

/** What differs, by field of the meeting and by part, for the preview. */
function differences(mine: MeetingJson, theirs: MeetingJson): string[] {
  const out: string[] = MEETING_FIELDS.filter((f) => mine.meeting[f] !== theirs.meeting[f]);
  if ((mine.meeting.seal?.hash ?? null) !== (theirs.meeting.seal?.hash ?? null)) out.push('seal');
  const strip = (rows: object[]) =>
    canonicalJson(
      rows.map((r) =>
        Object.fromEntries(
          Object.entries(r).filter(([k]) => !['createdAt', 'updatedAt', 'fullName'].includes(k)),
        ),
      ),
    );
  for (const part of ['attendance', 'photos', 'conclusions', 'documents'] as const) {
    if (strip(mine[part]) !== strip(theirs[part])) out.push(part);
  }
  const tags = (j: MeetingJson) =>
    j.tags
      .map((t) => foldVietnamese(t.name))
      .sort()
      .join('\n');
  if (tags(mine) !== tags(theirs)) out.push('tags');
  return out;
}

function localMeeting(archive: Archive, id: string): { json: MeetingJson; trashed: boolean } | null {
  const state = meetingState(archive, id);
  if (!state) return null;
  const trashed = state === 'trashed';
  return { json: meetingToJson(archive, id, { trashed }), trashed };
}

function classifyMeeting(
  archive: Archive,
  bag: MergeBag,
  source: BagMeeting,
  keptBoth: Map<string, Set<string>>,
): PlannedMeeting {
  const id = source.id;
  const theirSide = source.side;
  const base = { id, source, theirs: theirSide, differences: [] as string[] };
  const local = localMeeting(archive, id);
  if (!local) {
    return {
      ...base,
      class: 'new',
      newer: null,
      reason: null,
      choices: ['theirs'],
      defaultChoice: 'theirs',
      mine: null,
    };
  }
  const mine = recordSide(local.json, local.trashed);
  // The same content, or a version already kept beside this record by an earlier "keep both".
  if (
    (mine.contentHash === theirSide.contentHash && !local.trashed) ||
    keptBoth.get(id)?.has(theirSide.contentHash)
  ) {
    return {
      ...base,
      mine,
      class: 'identical',
      newer: null,
      reason: null,
      choices: ['mine'],
      defaultChoice: 'mine',
    };
  }
  // Only a record that differs is read again from the bag, for what differs.
  const item = { ...base, mine, differences: differences(local.json, bag.load(source)) };
  // A sealed record is replaced only by a sealed one (a correction made there), and only by choice.
  const choices: MergeChoice[] =
    mine.status === 'finalized' && theirSide.status !== 'finalized'
      ? ['mine', 'both']
      : ['mine', 'theirs', 'both'];
  const conflict = (reason: NonNullable<MeetingMergeItem['reason']>): PlannedMeeting => ({
    ...item,
    class: 'conflict',
    newer: null,
    reason,
    choices,
    defaultChoice: null,
  });
  if (local.trashed) return conflict('mine-trashed');
  if (mine.status === 'finalized') return conflict('mine-sealed');
  const memory = mergeMemory(archive, 'meeting', id);
  if (memory.seen.has(theirSide.contentHash)) {
    return { ...item, class: 'changed', newer: 'mine', reason: null, choices, defaultChoice: 'mine' };
  }
  if (memory.lastWritten === mine.contentHash) {
    return { ...item, class: 'changed', newer: 'theirs', reason: null, choices, defaultChoice: 'theirs' };
  }
  return conflict(memory.lastWritten === null ? 'no-base' : 'both-changed');
}

const personSide = (p: MeetingJsonPerson) => ({
  fullName: p.fullName,
  rank: p.rank,
  title: p.title,
  unit: p.unit,
  updatedAt: p.updatedAt,
});

function classifyPerson(archive: Archive, theirs: MeetingJsonPerson): PersonMergeItem {
  const row = personRow(archive, theirs.id);
  const theirSide = personSide(theirs);
  if (!row)
    return {
      id: theirs.id,
      class: 'new',
      newer: null,
      defaultChoice: 'theirs',
      mine: null,
      theirs: theirSide,
    };
  const mineHash = personContentHash(row);
  const theirHash = personContentHash(theirs);
  const item = { id: theirs.id, mine: personSide(row), theirs: theirSide };
  if (mineHash === theirHash) return { ...item, class: 'identical', newer: null, defaultChoice: 'mine' };
  const memory = mergeMemory(archive, 'person', theirs.id);
  if (memory.seen.has(theirHash)) return { ...item, class: 'changed', newer: 'mine', defaultChoice: 'mine' };
  if (memory.lastWritten === mineHash)
    return { ...item, class: 'changed', newer: 'theirs', defaultChoice: 'theirs' };
  return { ...item, class: 'conflict', newer: null, defaultChoice: null };
}

function counts(items: { class: MergeClass }[]) {
  const c = { new: 0, identical: 0, changed: 0, conflict: 0 };
  for (const i of items) c[i.class]++;
  return c;
}

/** Classifies the bag's content against the archive (read-only; call inside the apply's transaction to recheck). */
export function planMerge(archive: Archive, bag: MergeBag, progress?: ProgressSink): Plan {
  const bagPeople = bag.people;
  for (const m of bag.meetings) checkReferences(archive, m, bagPeople);
  progress?.phase('comparing', 0, bag.meetings.length);
  const { meetings, people } = archive.sqlite.transaction(() => {
    const keptBoth = keptBothCopies(archive);
    return {
      meetings: bag.meetings.map((m) => {
        const item = classifyMeeting(archive, bag, m, keptBoth);
        progress?.file();
        return item;
      }),
      people: [...bagPeople.values()].map((p) => classifyPerson(archive, p)),
    };
  })();
  const token = sha256(
    canonicalJson({
      bag: bag.id,
      meetings: meetings.map((m) => [
        m.id,
        m.class,
        m.mine?.contentHash ?? null,
        m.mine?.version ?? null,
        m.theirs.contentHash,
      ]),
      people: people.map((p) => [p.id, p.class, p.mine ? canonicalJson(p.mine) : null]),
    }),
  );
  return {
    bag: { path: bag.dir, name: bag.name, id: bag.id, info: bag.info },
    meetings,
    people,
    bagPeople,
    counts: { meetings: counts(meetings), people: counts(people) },
    token,
  };
}

/** Every person a record names must come with it (or be here already): otherwise the bag is incomplete. */
function checkReferences(archive: Archive, m: BagMeeting, bagPeople: Map<string, MeetingJsonPerson>): void {
  for (const id of m.peopleElsewhere) {
    if (!bagPeople.has(id) && personRow(archive, id) === undefined) {
      throw new HosoError('MEETING_JSON_INVALID', msg('merge.personMissing', { file: m.file, id }));
    }
  }
}

/** Conflicts first (they wait for a choice), then changed, then new; by date within each: the list's order. */
const ROW_ORDER: Record<MergeClass, number> = { conflict: 0, changed: 1, new: 2, identical: 3 };

/**
 * The preview as the screen gets it: the summary (counts, token, the people to choose for) and the rows of
 * the meetings that need a look, in the list's order, each only with what the list draws. The rows stay
 * with the job; `merge/rows` sends them a page at a time.
 */
export function previewForList(plan: Plan): { summary: MergePreviewSummary; rows: MergeRow[] } {
  const rows: MergeRow[] = plan.meetings
    .filter((m) => m.class !== 'identical')
    .map((m) => ({
      id: m.id,
      class: m.class,
      newer: m.newer,
      reason: m.reason,
      choices: m.choices,
      defaultChoice: m.defaultChoice,
      differences: m.differences,
      date: m.theirs.meetingDate,
      title: m.theirs.title,
      mineTitle: m.mine && m.mine.title !== m.theirs.title ? m.mine.title : null,
    }))
    .sort((a, b) => ROW_ORDER[a.class] - ROW_ORDER[b.class] || (a.date ?? '').localeCompare(b.date ?? ''));
  return {
    summary: {
      bag: plan.bag,
      people: plan.people.filter((p) => p.class === 'changed' || p.class === 'conflict'),
      counts: plan.counts,
      token: plan.token,
      rows: rows.length,
    },
    rows,
  };
}

/** The public preview (without the bag's files and the people map). */
export function publicPlan(plan: Plan): MergePlan {
  return {
    bag: plan.bag,
    meetings: plan.meetings.map(({ source: _s, ...m }) => m),
    people: plan.people,
    counts: plan.counts,
    token: plan.token,
  };
}
