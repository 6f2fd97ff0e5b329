import type { Archive } from '../../db/open';
import { indexMeeting } from '../../db/search/indexer';
import { HosoError } from '../../contract/errors';
import { msg } from '../../contract/messages/message';
import type { MergeApplyInput, MergeChoice, MergePlan, MergeResult } from '../../contract/mergeContract';
import { personContentHash as personHash } from './meetingJson';
import { withBag, type MergeBag, type MergeSite } from './mergeBag';
import { planMerge, publicPlan, type Plan, type PlannedMeeting } from './mergePlan';
import { copyPhotoFiles, removeCopiedPhotos, type CopiedPhotos } from './mergePhotos';
import type { ProgressSink } from './jobs';
import { beginImmediate } from '../../db/mergeWrites';
import { writeGateOf } from '../writeGate';
import {
  audit,
  insertPerson,
  updatePersonFromBag,
  writeBoth,
  writeNew,
  writeTheirs,
  type Ctx,
} from './mergeRecords';

/**
 * Merging a verified bag into the archive (README.md, "Lưu trữ USB: nhập (merge) và sao lưu").
 *
 * - Photo files first: each copied into the content-addressed store under a temporary name, its SHA-256
 *   checked against the name the record gives it (mergePhotos.ts).
 * - Then ONE transaction, opened with BEGIN IMMEDIATE and awaited between meetings so that progress and
 *   Hủy are answered (db/mergeWrites.ts `beginImmediate` says why not better-sqlite3's `transaction()` or
 *   a worker). While it is open, services/writeGate.ts refuses every other write of this process
 *   (ARCHIVE_BUSY): they would land inside it. A cancel is looked at between meetings and just before
 *   COMMIT; it rolls everything back and removes the photo files this merge copied, so the archive is
 *   exactly as before. The plan is made again and must still be the one the clerk previewed (token),
 *   people, meetings and their parts are written by id exactly as the bag has them (mergeRecords.ts), the search index is
 *   brought up to date for every meeting written, and the audit log records each record merged
 *   (merge.new / merge.theirs / merge.both / merge.mine with the content hashes the plan needs next time)
 *   and the merge itself (entity 'archive', action 'merge'). An error anywhere rolls all of it back.
 * - Nothing is written for identical records, so merging the same bag twice changes nothing at all.
 */

/** A merge followed as a job: cancelled through `signal` (looked at between steps), told through `progress`. */
export interface MergeRun {
  signal?: AbortSignal;
  progress?: ProgressSink;
  /** The answer does not wait for the unpacked bag's removal (mergeBag.ts `withBag`). */
  disposeInBackground?: boolean;
}

export interface MergeOptions extends MergeRun {
  actor: string;
  now?: number;
  /** Called inside the transaction before each meeting is written: tests throw here to prove an interrupted merge changes nothing. */
  beforeMeeting?: (meetingId: string, index: number) => void;
}

/** The archive's folder (where an encrypted bag is decrypted) and its SQLite build. */
function siteOf(archive: Archive): MergeSite {
  return { archiveFile: archive.file, nativeBinding: archive.nativeBinding };
}

export async function previewMerge(
  archive: Archive,
  path: string,
  passphrase: string | null = null,
  run: MergeRun = {},
): Promise<MergePlan> {
  return publicPlan(await previewPlan(archive, path, passphrase, run, (plan) => plan));
}

/**
 * The preview's plan (with the bag's files), handed to `use` while the bag is open. A preview reads no
 * photo file: an encrypted bag's photos are checked in the stream, not written out (the apply unpacks
 * the bag again and copies them then).
 */
export async function previewPlan<T>(
  archive: Archive,
  path: string,
  passphrase: string | null,
  run: MergeRun,
  use: (plan: Plan) => T,
): Promise<T> {
  return withBag(path, { passphrase, photos: false, ...siteOf(archive), ...run }, (bag) =>
    use(planMerge(archive, bag, run.progress)),
  );
}

/** The choice for each meeting: the clerk's, else the default; refused when the record does not allow it. */
function meetingChoice(item: PlannedMeeting, chosen: MergeChoice | undefined): MergeChoice | null {
  if (item.class === 'identical') return null;
  const choice = chosen ?? item.defaultChoice;
  if (choice === null) return null;
  if (!item.choices.includes(choice)) {
    throw new HosoError('INVALID_INPUT', msg('merge.sealedChoice', { title: item.theirs.title, choice }));
  }
  return choice;
}

/**
 * Reads and verifies the bag, recomputes the plan, copies the photo files the choices need, then writes
 * everything in one transaction. `input.token` must be the preview's (MERGE_PREVIEW_STALE otherwise).
 */
export async function applyMerge(
  archive: Archive,
  input: Omit<MergeApplyInput, 'passphrase'> & { passphrase?: string | null },
  options: MergeOptions,
): Promise<MergeResult> {
  return withBag(input.path, { passphrase: input.passphrase, ...siteOf(archive), ...options }, async (bag) => {
    try {
      return await applyOpenBag(archive, bag, input, options);
    } catch (e) {
      throw rowConflict(e) ?? e;
    }
  });
}

/**
 * A bag row whose id this archive already holds under another record (a forged or damaged bag: the
 * plan matches records by meeting, not every row) fails a UNIQUE or PRIMARY KEY check inside the apply
 * transaction, which rolls back whole. Told as the bag's fault, not as an internal error.
 */
function rowConflict(e: unknown): HosoError | null {
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT_')) return null;
  const table = /failed: (\w+)\./.exec(String(message))?.[1] ?? '?';
  return new HosoError('MERGE_RECORD_INVALID', msg('merge.rowTaken', { table }), { cause: e });
}

/** Longest run of writes before the event loop gets a turn (progress, Hủy, other windows' reads). */
const SLICE_MS = 50;

async function applyOpenBag(
  archive: Archive,
  bag: MergeBag,
  input: Pick<MergeApplyInput, 'token' | 'meetings' | 'people'>,
  options: MergeOptions,
): Promise<MergeResult> {
  const { signal, progress } = options;
  const now = options.now ?? Date.now();
  const first = planMerge(archive, bag, progress);
  if (first.token !== input.token) throw new HosoError('MERGE_PREVIEW_STALE');
  signal?.throwIfAborted();
  const chosen = new Map(first.meetings.map((m) => [m.id, meetingChoice(m, input.meetings[m.id])]));
  // From here on this merge writes: nothing else of this process may (ARCHIVE_BUSY), until it ends.
  const release = writeGateOf(archive).hold();
  const copied: CopiedPhotos = { count: 0, paths: [] };
  let committed = false;
  try {
    await copyPhotoFiles(
      archive,
      bag,
      first.meetings
        .filter((m) => chosen.get(m.id) === 'theirs' || chosen.get(m.id) === 'both')
        .map((m) => m.source),
      { signal, progress, copied },
    );
    signal?.throwIfAborted();
    const result = await writeMerge(archive, bag, input, options, { now, chosen, photoFilesCopied: copied.count });
    committed = true;
    return result;
  } finally {
    if (!committed) removeCopiedPhotos(copied);
    release();
  }
}

/** The merge's one transaction: BEGIN IMMEDIATE … COMMIT, awaited between meetings, rolled back on any error or cancel. */
async function writeMerge(
  archive: Archive,
  bag: MergeBag,
  input: Pick<MergeApplyInput, 'token' | 'meetings' | 'people'>,
  options: MergeOptions,
  o: { now: number; chosen: Map<string, MergeChoice | null>; photoFilesCopied: number },
): Promise<MergeResult> {
  const { signal, progress } = options;
  const { now, chosen, photoFilesCopied } = o;
  const c: Ctx = { archive, bag, actor: options.actor, now, reason: `Nhập từ gói lưu trữ ${bag.name}` };
  const tx = beginImmediate(archive.sqlite);
  try {
    // The archive may have changed while the photos were copied (another process): plan again, same answer required.
    const plan: Plan = planMerge(archive, bag);
    if (plan.token !== input.token) throw new HosoError('MERGE_PREVIEW_STALE');
    const result: MergeResult = {
      bag: bag.name,
      meetings: { added: 0, replaced: 0, keptBoth: 0, keptMine: 0, identical: 0, unresolved: 0 },
      people: { added: 0, updated: 0, identical: 0, unresolved: 0 },
      photoFilesCopied,
      changed: false,
    };

    // People first: the records name them.
    for (const p of plan.people) {
      const theirs = plan.bagPeople.get(p.id)!;
      const choice = input.people[p.id] ?? p.defaultChoice;
      if (p.class === 'identical') result.people.identical++;
      else if (p.class === 'new') {
        insertPerson(archive, theirs);
        audit(c, 'person', p.id, 'merge.new', null, {
          ...theirs,
          contentHash: personHash(theirs),
          bag: bag.name,
        });
        result.people.added++;
      } else if (choice === 'theirs') {
        const before = p.mine;
        updatePersonFromBag(archive, theirs, now);
        audit(c, 'person', p.id, 'merge.theirs', before, {
          ...p.theirs,
          contentHash: personHash(theirs),
          bag: bag.name,
        });
        result.people.updated++;
      } else if (choice === 'mine') {
        if (p.class === 'conflict')
          audit(c, 'person', p.id, 'merge.mine', null, { theirHash: personHash(theirs), bag: bag.name });
      } else result.people.unresolved++;
    }

    const toWrite = plan.meetings.filter((m) => m.class !== 'identical' && (chosen.get(m.id) ?? null) !== null && chosen.get(m.id) !== 'mine');
    progress?.phase('merging', toWrite.reduce((n, m) => n + m.source.bytes, 0), toWrite.length);
    let sliceStart = performance.now();
    for (const [index, item] of plan.meetings.entries()) {
      if (performance.now() - sliceStart > SLICE_MS) {
        // A checkpoint: the transaction stays open while the event loop answers jobs/status and Hủy.
        await new Promise((r) => setImmediate(r));
        signal?.throwIfAborted();
        // Were the transaction ended meanwhile (SQLite rolls back by itself on some I/O errors), the rest
        // would be written outside it, a statement at a time: stop instead.
        if (!archive.sqlite.inTransaction) throw new Error('merge: the transaction ended while the merge was writing');
        sliceStart = performance.now();
      }
      const choice = chosen.get(item.id) ?? null;
      if (item.class === 'identical') {
        result.meetings.identical++;
        continue;
      }
      if (choice === null) {
        result.meetings.unresolved++;
        continue;
      }
      if (choice === 'mine') {
        result.meetings.keptMine++;
        // Remember the declined version once, so the next merge of it knows this side is the newer one.
        if (item.class === 'conflict')
          audit(
            c,
            'meeting',
            item.id,
            'merge.mine',
            null,
            { theirHash: item.theirs.contentHash, bag: bag.name, bagId: bag.id },
            c.reason,
          );
        continue;
      }
      options.beforeMeeting?.(item.id, index);
      // Read again from the bag (checked to be the bytes previewed): one record is held at a time.
      const json = bag.load(item.source);
      if (item.class === 'new') {
        writeNew(c, json, item.theirs.contentHash);
        indexMeeting(archive, item.id);
        result.meetings.added++;
      } else if (choice === 'theirs') {
        writeTheirs(c, item, json);
        indexMeeting(archive, item.id);
        result.meetings.replaced++;
      } else {
        indexMeeting(archive, writeBoth(c, item, json));
        result.meetings.keptBoth++;
      }
      progress?.bytes(item.source.bytes);
      progress?.file();
    }

    const m = result.meetings;
    const wrote = m.added + m.replaced + m.keptBoth + result.people.added + result.people.updated;
    const recorded =
      wrote > 0 || plan.meetings.some((i) => i.class === 'conflict' && chosen.get(i.id) === 'mine');
    if (recorded) {
      audit(c, 'archive', bag.id, 'merge', null, {
        bag: bag.name,
        path: bag.dir,
        info: bag.info,
        meetings: m,
        people: result.people,
        photoFilesCopied,
      });
    }
    result.changed = recorded;
    // The last moment a cancel is heard: after COMMIT the merge is in the archive.
    signal?.throwIfAborted();
    tx.commit();
    return result;
  } catch (e) {
    tx.rollback();
    throw e;
  }
}
