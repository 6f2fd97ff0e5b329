// `hoso demo`'s orchestration: builds the directory and the meeting factory from a seed, then writes
// people, tags and meetings batch by batch through prepared statements (one transaction per batch).
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Archive } from '../../db/open';
import { nameSortKey, viSortKey } from '../../contract/vietnamese/collation';
import { foldVietnamese } from '../../contract/vietnamese/fold';
import { appendAudit } from '../../db/audit';
import { minutesTextToHtml } from '../../db/richText';
import { indexMeeting } from '../../db/search/indexer';
import { finalizeMeeting } from '../../db/finalize';
import { createRng } from './random';
import { writeDemoImages } from './images';
import { dayOf, instant } from './calendar';
import { newId } from './ids';
import { createDirectory } from './directory';
import { type MeetingDraft, createMeetingFactory } from './meetingFactory';
import { PROVINCES, TAGS } from './vocabulary';

export interface DemoOptions {
  /** How many meetings to create. */
  meetings: number;
  /** Same seed, same archive (titles, people, dates, texts); ids and file timestamps still differ. */
  seed?: number;
  /** Meetings per transaction (default 500): each committed batch is complete on its own. */
  batchSize?: number;
  /** Called after each committed batch. */
  onProgress?: (done: number, total: number) => void;
  /** The clock: "today" (meetings are spread over the years before it) and audit timestamps. */
  now?: () => number;
  /** Name written in the audit log (default "hoso demo"). */
  actor?: string;
  /** How many years back the meetings go (default 8). */
  years?: number;
}

export interface DemoSummary {
  seed: number;
  meetings: number;
  /** People added to the directory. */
  people: number;
  attendance: number;
  conclusions: number;
  /** Conclusions that are tasks. */
  tasks: number;
  photos: number;
  /** Links between photos and the people a caption names. */
  photoPeople: number;
  documentRefs: number;
  /** Tags created (an archive that already had them keeps its own). */
  tags: number;
  meetingTags: number;
  /** Distinct picture files the photo rows share. */
  photoFiles: number;
  batches: number;
  ms: number;
}

// --- Writing ------------------------------------------------------------------------------------------

/** Page cache during a run, in KiB (SQLite's default is 2 MiB). */
const DEMO_CACHE_KIB = 256 * 1024;
/** WAL pages between automatic checkpoints during a run (default 1000, i.e. about one batch). */
const DEMO_CHECKPOINT_PAGES = 16_384;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Fills an archive with a realistic synthetic history: a directory of people, meetings over the last
 * years with attendance, minutes, conclusions and tasks, photos, document references and tags.
 *
 * Writes go straight through prepared statements on the raw connection (drizzle's per-row overhead would
 * dominate at 100 000 meetings), one transaction per batch. A batch holds whole meetings with all their
 * rows plus its audit entry, so a run killed half-way leaves a valid, smaller archive. Picture files are
 * stored before the first batch, so no photo row ever points at a missing file.
 */
export async function generateDemo(archive: Archive, opts: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const total = opts.meetings;
  if (!Number.isInteger(total) || total < 0)
    throw new RangeError('demo: meetings must be a whole number ≥ 0');
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 500));
  const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
  const clock = opts.now ?? Date.now;
  const actor = opts.actor ?? 'hoso demo';
  const nowMs = clock();
  const todayDay = dayOf(nowMs);
  const startDay = todayDay - Math.round((opts.years ?? 8) * 365.25);

  const summary: DemoSummary = {
    seed,
    meetings: 0,
    people: 0,
    attendance: 0,
    conclusions: 0,
    tasks: 0,
    photos: 0,
    photoPeople: 0,
    documentRefs: 0,
    tags: 0,
    meetingTags: 0,
    photoFiles: 0,
    batches: 0,
    ms: 0,
  };
  if (total === 0) {
    summary.ms = Math.round(performance.now() - started);
    return summary;
  }

  const rng = createRng(seed);
  const province = rng.pick(PROVINCES);
  // Enough people that faces recur across meetings the way they do in one province's offices.
  const peopleCount = Math.min(5000, Math.max(60, Math.ceil(total / 20)));
  const dir = createDirectory(rng, province, peopleCount, startDay, todayDay);
  const images = writeDemoImages(dirname(archive.file));
  summary.photoFiles = new Set(images.map((i) => i.hash)).size;
  const nextMeeting = createMeetingFactory(rng, province, dir, images, startDay, todayDay, nowMs);

  const db = archive.sqlite;
  // A bigger page cache for the run keeps the secondary indexes (by person, by title…) in memory while they
  // take inserts; the connection's own setting comes back afterwards.
  // Checkpointing less often copies each hot page to the file once per many batches rather than once per
  // batch. Neither setting touches durability: synchronous=FULL still syncs every commit.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma(`cache_size = ${DEMO_CACHE_KIB > Math.abs(cacheSize) ? -DEMO_CACHE_KIB : cacheSize}`);
  db.pragma(`wal_autocheckpoint = ${Math.max(autoCheckpoint, DEMO_CHECKPOINT_PAGES)}`);
  try {
    const insertPerson = db.prepare(
      `INSERT INTO people (id, full_name, name_sort, name_folded, rank, title, unit, notes, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '', 1, ?, ?)`,
    );
    const insertTag = db.prepare(
      'INSERT INTO tags (id, name, name_folded, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(name_folded) DO NOTHING',
    );
    const tagIdOf = db.prepare('SELECT id FROM tags WHERE name_folded = ?').pluck();
    const insertMeeting = db.prepare(
      `INSERT INTO meetings (id, title, title_sort, kind, meeting_date, start_time, end_time, location, organizer, status,
       secrecy, minutes_html, minutes_text, source, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    );
    const insertAttendance = db.prepare(
      `INSERT INTO attendance (id, meeting_id, person_id, role, rank, titles, unit, status, absence_reason, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertConclusion = db.prepare(
      `INSERT INTO conclusions (id, meeting_id, position, text, is_task, assignee_person_id, assignee_unit, deadline, task_status,
       done_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertPhoto = db.prepare(
      `INSERT INTO photos (id, meeting_id, file_hash, mime, byte_size, width, height, caption, credit, taken_at, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertPhotoPerson = db.prepare('INSERT INTO photo_people (photo_id, person_id) VALUES (?, ?)');
    const insertDocument = db.prepare(
      `INSERT INTO document_refs (id, meeting_id, number, doc_type, issued_on, issuer, summary, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertMeetingTag = db.prepare('INSERT INTO meeting_tags (meeting_id, tag_id) VALUES (?, ?)');

    const tagIds = new Map<string, string>();
    const writeDirectory = () => {
      for (const p of dir.all) {
        insertPerson.run(
          p.id,
          p.fullName,
          nameSortKey(p.fullName),
          foldVietnamese(p.fullName),
          p.rank,
          p.titles,
          p.unit,
          p.createdAt,
          p.createdAt,
        );
      }
      const tagTime = instant(startDay, 8 * 60);
      for (const name of TAGS) {
        const folded = foldVietnamese(name);
        summary.tags += insertTag.run(newId(), name, folded, tagTime).changes;
        tagIds.set(name, tagIdOf.get(folded) as string);
      }
      summary.people = dir.all.length;
    };

    const writeMeeting = (m: MeetingDraft) => {
      insertMeeting.run(
        m.id,
        m.title,
        viSortKey(m.title),
        m.kind,
        m.meetingDate,
        m.startTime,
        m.endTime,
        m.location,
        m.organizer,
        // Written as a draft: finalized ones are then sealed below by the app's own finalize step.
        'draft',
        m.secrecy,
        minutesTextToHtml(m.minutesText),
        m.minutesText,
        m.source,
        m.createdAt,
        m.updatedAt,
      );
      m.attendance.forEach((a, i) => {
        insertAttendance.run(
          a.id,
          m.id,
          a.person.id,
          a.role,
          a.rank,
          a.titles,
          a.unit,
          a.status,
          a.absenceReason,
          i,
          m.createdAt,
          m.createdAt,
        );
      });
      m.conclusions.forEach((c, i) => {
        insertConclusion.run(
          c.id,
          m.id,
          i,
          c.text,
          c.isTask ? 1 : 0,
          c.assigneePersonId,
          c.assigneeUnit,
          c.deadline,
          c.taskStatus,
          c.doneAt,
          m.createdAt,
          c.doneAt ?? m.createdAt,
        );
        if (c.isTask) summary.tasks++;
      });
      m.photos.forEach((p, i) => {
        insertPhoto.run(
          p.id,
          m.id,
          p.image.hash,
          p.image.mime,
          p.image.byteSize,
          p.image.width,
          p.image.height,
          p.caption,
          p.credit,
          p.takenAt,
          i,
          m.createdAt,
          m.createdAt,
        );
        for (const personId of p.people) insertPhotoPerson.run(p.id, personId);
        summary.photoPeople += p.people.length;
      });
      m.documentRefs.forEach((d, i) => {
        insertDocument.run(
          d.id,
          m.id,
          d.number,
          d.docType,
          d.issuedOn,
          d.issuer,
          d.summary,
          i,
          m.createdAt,
          m.createdAt,
        );
      });
      for (const tag of m.tags) insertMeetingTag.run(m.id, tagIds.get(tag)!);
      // The search index is kept by app code, inside the write's transaction (DESIGN.md §4): a demo meeting
      // is findable, and `hoso check` finds the index in step, from the moment its batch commits.
      indexMeeting(archive, m.id);
      // A finalized demo record carries a real seal and its audit entry, so `hoso check` and the seal
      // check treat it exactly like one a clerk finalized.
      if (m.status === 'finalized') finalizeMeeting(archive, m.id, 1, actor, m.updatedAt);
      summary.meetings++;
      summary.attendance += m.attendance.length;
      summary.conclusions += m.conclusions.length;
      summary.photos += m.photos.length;
      summary.documentRefs += m.documentRefs.length;
      summary.meetingTags += m.tags.length;
    };

    const writeBatch = db.transaction((batch: MeetingDraft[], withDirectory: boolean) => {
      if (withDirectory) writeDirectory();
      for (const m of batch) writeMeeting(m);
      appendAudit(
        archive,
        {
          actor,
          action: 'demo',
          entity: 'archive',
          entityId: 'demo',
          after: { meetings: batch.length, people: withDirectory ? dir.all.length : 0 },
        },
        clock(),
      );
    });

    for (let done = 0; done < total;) {
      const n = Math.min(batchSize, total - done);
      const batch: MeetingDraft[] = [];
      for (let i = 0; i < n; i++) batch.push(nextMeeting());
      // Counters are bumped inside the transaction; if it throws they would overcount, so keep a copy.
      const before = { ...summary };
      try {
        writeBatch(batch, done === 0);
      } catch (e) {
        Object.assign(summary, before);
        throw e;
      }
      done += n;
      summary.batches++;
      opts.onProgress?.(done, total);
      // Let the CLI print progress and notice Ctrl+C between batches.
      await yieldToEventLoop();
    }
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
    // Fold the (now larger) WAL back into the file, so the archive is whole on disk when we return — a
    // clerk may copy archive.sqlite next. Best effort: a reader holding the WAL just means a later checkpoint.
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // the next automatic checkpoint will do it
    }
  }
  summary.ms = Math.round(performance.now() - started);
  return summary;
}
