import { accessSync, constants, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { inspectArchiveFile, SCHEMA_VERSION, type Connection } from '../db/open';
import { schemaVersion } from '../db/migrate';
import { verifyAuditChain } from '../db/audit';
import { checkSearchIndexOfFile, foreignKeyCheck, integrityCheck, withReadOnlyConnection } from '../db/integrity';
import { finalizedMeetings, rowCounts } from '../db/archiveStats';
import { checkSeal } from '../db/seal';
import { verifyPhotoFileSync } from './photoFiles';
import { copyToScratch, looksLikeSqlite, type ScratchCopy, type ScratchOptions } from './scratchCopy';
import { dirname } from 'node:path';
import { errorAsMessage, isHosoError } from '../contract/errors';
import { msg, type Message } from '../contract/messages/message';

export interface CheckReport {
  ok: boolean;
  file: string;
  schemaVersion: number | null;
  counts: { meetings: number; people: number; photos: number; auditEntries: number } | null;
  /** One line per problem, each naming what is wrong (worded where it is shown: `hoso check` in Vietnamese). */
  problems: Message[];
  /** Facts that are not problems (e.g. an older schema that will be upgraded on open, a read-only folder). */
  notes: Message[];
  /** The folder (or the file) cannot be written: the check ran on a local copy, and saving there will not work. */
  readOnly: boolean;
}

/**
 * Why hoso could not write this archive, if it could not: its folder (a write-protected USB stick, a CD,
 * a share without rights; access() answers EROFS on a read-only mount even for root) or the file itself
 * (the Read-only attribute a file keeps when copied from a CD).
 */
function readOnlyNote(file: string): Message | null {
  try {
    accessSync(dirname(file), constants.W_OK);
  } catch {
    return msg('check.readOnlyFolder', { dir: dirname(file) });
  }
  try {
    accessSync(file, constants.W_OK);
  } catch {
    return msg('check.readOnlyFile');
  }
  return null;
}

/**
 * A full, read-only health check of an archive file: what opening does (header, owner, schema, quick
 * check), plus the complete integrity_check, foreign keys and the audit chain. Never writes to the file.
 *
 * An archive hoso cannot write (read-only media) is checked all the same, on a local copy: SQLite cannot
 * read a WAL-mode file whose folder refuses its -shm, and the search index's structure check needs a
 * writable connection. The copy goes to the system temp folder (the archive's own folder is the one that
 * cannot be written), is removed afterwards, and one left by a killed check goes with the next check. No
 * room for it is SCRATCH_NO_SPACE, thrown: the archive could not be checked at all (`hoso check` exit 2).
 */
export function checkArchiveFile(file: string, options: ScratchOptions = {}): CheckReport {
  const report: CheckReport = { ok: false, file, schemaVersion: null, counts: null, problems: [], notes: [], readOnly: false };
  if (!existsSync(file)) {
    report.problems.push(msg('check.notFound', { file }));
    return report;
  }
  const readOnly = readOnlyNote(file);
  let copy: ScratchCopy | null = null;
  if (readOnly) {
    report.readOnly = true;
    report.notes.push(readOnly);
    // A file that is not SQLite is refused by its header alone, read in place: nothing to copy.
    if (looksLikeSqlite(file)) copy = copyToScratch(file, { archiveFile: file, purpose: 'check', root: tmpdir() }, options);
  }
  try {
    checkFile(copy?.file ?? file, dirname(file), report);
  } finally {
    copy?.remove();
  }
  report.ok = report.problems.length === 0;
  return report;
}

/** The checks themselves, on `file` (the archive or its local copy); photo files are looked up in `archiveDir`. */
function checkFile(file: string, archiveDir: string, report: CheckReport): void {
  try {
    inspectArchiveFile(file);
  } catch (e) {
    report.problems.push(isHosoError(e) ? errorAsMessage(e) : msg('detail.text', { text: e instanceof Error ? e.message : String(e) }));
    return;
  }
  withReadOnlyConnection(file, undefined, (db) => checkConnection(db, file, archiveDir, report));
}

function checkConnection(db: Connection, file: string, archiveDir: string, report: CheckReport): void {
  try {
    report.schemaVersion = schemaVersion(db);
    if (report.schemaVersion < SCHEMA_VERSION) {
      report.notes.push(msg('check.olderSchema', { version: String(report.schemaVersion), latest: String(SCHEMA_VERSION) }));
    }
    for (const line of integrityCheck(db)) {
      if (line !== 'ok') report.problems.push(msg('check.integrity', { line }));
    }
    const fk = foreignKeyCheck(db);
    for (const row of fk.slice(0, 50)) {
      report.problems.push(msg('check.brokenLink', { table: row.table, row: String(row.rowid), parent: row.parent }));
    }
    if (fk.length > 50) report.problems.push(msg('check.moreBrokenLinks', { n: String(fk.length - 50) }));
    if (report.schemaVersion > 0) {
      const chain = verifyAuditChain({ sqlite: db });
      if (!chain.ok) {
        report.problems.push(msg('check.auditBroken', { seq: String(chain.firstBrokenSeq) }));
      }
      if (report.schemaVersion === SCHEMA_VERSION) {
        const index = checkSearchIndexOfFile(file);
        const n = index.missing.length + index.orphaned.length + index.stale.length;
        if (n > 0) {
          report.problems.push(
            msg('check.indexOutOfStep', {
              n: String(n),
              missing: String(index.missing.length),
              orphaned: String(index.orphaned.length),
              stale: String(index.stale.length),
            }),
          );
        }
        if (index.structureError) report.problems.push(msg('check.indexBroken', { error: index.structureError }));
        if (index.words.length || index.lengths.length) {
          report.problems.push(
            msg('check.indexWordsOutOfStep', { n: String(index.words.length), examples: index.words.slice(0, 5).join(', '), lengths: String(index.lengths.length) }),
          );
        }
      }
      if (report.schemaVersion === SCHEMA_VERSION) {
        // Every finalized record must still match its seal, photo files included.
        const sealed = finalizedMeetings(db);
        let broken = 0;
        for (const m of sealed) {
          const r = checkSeal({ sqlite: db }, m.id, { verifyPhotoFile: (hash) => verifyPhotoFileSync(archiveDir, hash).ok });
          if (r.ok) continue;
          if (++broken <= 50) report.problems.push(msg('check.sealBroken', { title: m.title, reason: r.message }));
        }
        if (broken > 50) report.problems.push(msg('check.moreSealsBroken', { n: String(broken - 50) }));
        report.notes.push(msg('check.sealsChecked', { n: sealed.length }));
      }
      report.counts = { ...rowCounts(db), auditEntries: chain.entries };
    }
  } catch (e) {
    report.problems.push(msg('check.unreadable', { error: e instanceof Error ? e.message : String(e) }));
  }
}
