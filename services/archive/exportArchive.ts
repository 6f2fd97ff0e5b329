import { lstat, readdir, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Archive } from '../../db/open';
import { SCHEMA_VERSION } from '../../db/open';
import { appendAudit } from '../../db/audit';
import { getSettings } from '../../db/settings';
import { HosoError } from '../../contract/errors';
import type { BagProblem, ExportEstimate, ExportResult } from '../../contract/archiveContract';
import { findPhotoFile } from '../photoFiles';
import { BagWriter, FileTooLargeError } from './bagWriter';
import { verifyBagDir } from './bagVerify';
import { indexPages, INDEX_MAX_ROWS, STYLE_CSS, type MeetingLine } from './browsePages';
import { maxFileBytesFor, nodeDestFs, type DestFs } from './destFs';
import { encryptBag, verifyEncryptedBag } from './encrypt';
import { ProblemsError, type ProgressSink } from './jobs';
import { produceMeetingFiles } from './meetingFilesPool';
import { safeFileName } from './safeNames';
import { createWorkDir } from './workDir';
import { dateRange, isEverything, SECRET_LEVELS, selectMeetings, type Selection } from './selection';
import { checkSnapshot, pruneSnapshot, takeSnapshot } from './snapshot';

/**
 * Export to a USB stick (DESIGN.md §6): a BagIt bag of the selected meetings, written under a temporary
 * name on the stick, fsynced, read back and verified against its manifests, and only then renamed to
 * its final name. Whatever stops it (cancel, full stick, pulled stick, a mismatch on read-back) leaves
 * no bag under a final name, removes what it can of the partial one, and says so in Vietnamese.
 *
 * Encrypted exports build the plain bag in a local temporary folder (the plain text never touches the
 * stick), then stream it as tar → age onto the stick as `<name>.tar.age.partial`, decrypt that file back
 * from the stick to verify it, and rename it to `<name>.tar.age`.
 */

export interface ExportRequest {
  dest: string;
  selection: Selection;
  passphrase: string | null;
}

export interface ExportEnv {
  appVersion: string;
  actor: string;
  fs?: DestFs;
  signal?: AbortSignal;
  progress?: ProgressSink;
  /** Largest file the destination takes; default from its file system (FAT32: 4 GiB − 1). */
  maxFileBytes?: number;
  /** age scrypt work factor (log2); age's default 18 unless a test needs speed. */
  scryptWorkFactor?: number;
  /** Local scratch space for the snapshot (and the plain bag of an encrypted export); see workDir.ts. */
  workDir?: string;
  now?: Date;
  /** better_sqlite3.node for a second connection (the snapshot) under Electron; Node's own when absent. */
  nativeBinding?: string;
  /** Worker threads building the meeting files; default by the export's size (meetingFilesPool.ts). */
  meetingWorkers?: number;
  /** The built worker script, when not beside the running bundle (tests of the build). */
  meetingWorkerScript?: string;
  /** Test hook: runs after everything is written and synced, before the read-back verification. */
  afterWrite?: (path: string) => void | Promise<void>;
}

const NO_PROGRESS: ProgressSink = { phase: () => undefined, bytes: () => undefined, file: () => undefined };
/** Room kept free beyond the estimate (file system overhead, rounding to clusters on FAT32). */
const SPACE_MARGIN = 1.02;
const SPACE_SLACK = 8 * 1024 * 1024;

/** Is `freeBytes` enough for an export estimated at `bytes`? */
export function hasRoomFor(bytes: number, freeBytes: number): boolean {
  return freeBytes >= bytes * SPACE_MARGIN + SPACE_SLACK;
}

interface PhotoFact {
  fileHash: string;
  mime: string;
  byteSize: number;
}

/**
 * The meetings of a selection inside SQL: every live meeting, or the ids given (`@ids`, a JSON array).
 * Everything is the common case and the largest; parsing 100 000 ids into a temporary index for each
 * query costs a second or more, where the live meetings' index is already there.
 */
type SelectedIds = readonly string[] | 'all-live';
function inSelection(ids: SelectedIds): { sql: string; params: { ids?: string } } {
  return ids === 'all-live'
    ? { sql: 'IN (SELECT id FROM meetings WHERE deleted_at IS NULL)', params: {} }
    : { sql: 'IN (SELECT value FROM json_each(@ids))', params: { ids: JSON.stringify(ids) } };
}

function selectedPhotos(archive: Pick<Archive, 'sqlite'>, ids: SelectedIds): PhotoFact[] {
  const sel = inSelection(ids);
  return archive.sqlite
    .prepare(
      `SELECT file_hash AS fileHash, max(mime) AS mime, max(byte_size) AS byteSize FROM photos
       WHERE meeting_id ${sel.sql} GROUP BY file_hash ORDER BY file_hash`,
    )
    .all(sel.params) as PhotoFact[];
}

/**
 * Bytes of the meeting files (JSON + page) of `ids`, from what they hold. The minutes are written three
 * times (HTML and text in the JSON, text in the page); each attendee, conclusion, photo and document is a
 * JSON object of a dozen indented fields (and a person entry, a table row). The sizes per row are what
 * the demo archive's files measure, rounded up: at 100 000 meetings this says 3.1 GB for 2.7 GB written,
 * on the side of refusing a stick that is just too small rather than filling it. octet_length reads the
 * minutes' size from the record header; length() would read every minutes text (6 s at 100 000).
 */
export function meetingFilesBytes(archive: Pick<Archive, 'sqlite'>, ids: SelectedIds, meetings: number): number {
  const sel = inSelection(ids);
  const n = archive.sqlite
    .prepare(
      `SELECT (SELECT coalesce(sum(octet_length(minutes_html) + octet_length(minutes_text)), 0) FROM meetings WHERE id ${sel.sql}) AS text,
              (SELECT count(*) FROM attendance WHERE meeting_id ${sel.sql}) AS attendance,
              (SELECT count(*) FROM conclusions WHERE meeting_id ${sel.sql}) AS conclusions,
              (SELECT count(*) FROM photos WHERE meeting_id ${sel.sql}) AS photos,
              (SELECT count(*) FROM document_refs WHERE meeting_id ${sel.sql}) AS documents`,
    )
    .get(sel.params) as Record<'text' | 'attendance' | 'conclusions' | 'photos' | 'documents', number>;
  return (
    3 * n.text +
    meetings * 3072 +
    n.attendance * 1024 +
    n.conclusions * 560 +
    n.photos * 1024 +
    n.documents * 512
  );
}

/** Size before starting: the snapshot (in proportion to the meetings kept), photos, JSON and pages. */
export function estimateExport(
  archive: Archive,
  selection: Selection,
): Omit<ExportEstimate, 'destination' | 'destinationProblem'> & { largestFile: number } {
  const meetings = selectMeetings(archive, selection);
  const ids: SelectedIds = isEverything(selection) ? 'all-live' : meetings.map((m) => m.id);
  const photos = selectedPhotos(archive, ids);
  const pageSize = archive.sqlite.pragma('page_size', { simple: true }) as number;
  const pageCount = archive.sqlite.pragma('page_count', { simple: true }) as number;
  const dbBytes = pageSize * pageCount;
  const total = (archive.sqlite.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;
  const snapshotBytes =
    isEverything(selection) || total === 0
      ? dbBytes
      : Math.ceil((dbBytes * meetings.length) / total) + 1024 * 1024;
  const recordBytes = meetingFilesBytes(archive, ids, meetings.length);
  const photoBytes = photos.reduce((s, p) => s + p.byteSize, 0);
  const secret = isEverything(selection)
    ? (
        archive.sqlite
          .prepare("SELECT count(*) AS n FROM meetings WHERE secrecy IN ('mat','toi_mat','tuyet_mat')")
          .get() as { n: number }
      ).n
    : meetings.filter((m) => SECRET_LEVELS.has(m.secrecy)).length;
  return {
    meetings: meetings.length,
    photos: photos.length,
    bytes: snapshotBytes + recordBytes + photoBytes + 64 * 1024,
    secretMeetings: secret,
    largestFile: Math.max(snapshotBytes, ...photos.map((p) => p.byteSize)),
  };
}

/** Free space and file system of a destination folder, or why it cannot be used. */
export async function inspectDestination(
  dest: string,
  fs: DestFs = nodeDestFs,
): Promise<{ freeBytes: number; maxFileBytes: number } | { problem: HosoError }> {
  // A relative path would be relative to wherever the app happens to run: never what the clerk meant.
  if (!isAbsolute(dest))
    return {
      problem: new HosoError(
        'EXPORT_DEST_INVALID',
        `(${dest}: hãy nhập đường dẫn đầy đủ, ví dụ E:\\ hoặc /media/usb)`,
      ),
    };
  try {
    const st = await stat(dest);
    if (!st.isDirectory())
      return { problem: new HosoError('EXPORT_DEST_INVALID', `(${dest} không phải là thư mục)`) };
    const s = await fs.statfs(dest);
    return { freeBytes: s.bavail * s.bsize, maxFileBytes: maxFileBytesFor(s) };
  } catch (e) {
    return {
      problem: new HosoError(
        'EXPORT_DEST_INVALID',
        `(${dest}: ${(e as NodeJS.ErrnoException).code ?? 'lỗi'})`,
      ),
    };
  }
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

function viBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toLocaleString('vi-VN', { maximumFractionDigits: 2 })} GB`;
  return `${(n / 1024 ** 2).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

/** Maps what the stick did to the clerk's message; the original error stays as the cause for the log. */
export function exportError(e: unknown, signal?: AbortSignal): unknown {
  if (e instanceof HosoError) return e;
  if (signal?.aborted || (e instanceof Error && e.name === 'AbortError'))
    return new HosoError('EXPORT_CANCELLED', undefined, { cause: e });
  if (e instanceof FileTooLargeError)
    return new HosoError('EXPORT_FILE_TOO_LARGE', `(${e.path}: ${viBytes(e.size)})`, { cause: e });
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'))
    return new HosoError('EXPORT_SOURCE_DAMAGED', `(${code})`, { cause: e });
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new HosoError('EXPORT_DEST_FULL', undefined, { cause: e });
    case 'EFBIG':
      return new HosoError('EXPORT_FILE_TOO_LARGE', undefined, { cause: e });
    case 'EIO':
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
    case 'ESTALE':
    case 'ENOTCONN':
      return new HosoError('EXPORT_DEST_GONE', `(${code})`, { cause: e });
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return new HosoError('EXPORT_DEST_INVALID', `(${code})`, { cause: e });
    default:
      return e;
  }
}

async function freeName(fs: DestFs, dest: string, base: string, encrypted: boolean): Promise<string> {
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}-${i}`;
    const final = join(dest, encrypted ? `${name}.tar.age` : name);
    if (!(await fs.exists(final)) && !(await fs.exists(`${final}.partial`))) return name;
  }
}

/** Runs an export to the end (or to a clear HosoError). */
export async function exportArchive(
  archive: Archive,
  req: ExportRequest,
  env: ExportEnv,
): Promise<ExportResult> {
  const fs = env.fs ?? nodeDestFs;
  const progress = env.progress ?? NO_PROGRESS;
  const signal = env.signal;
  const started = Date.now();
  const now = env.now ?? new Date();
  const encrypted = req.passphrase !== null;
  if (encrypted && req.passphrase === '') throw new HosoError('PASSPHRASE_REQUIRED');

  // 1. Refuse early, before a byte is written: nothing selected, a secret record unencrypted, no room.
  const estimate = estimateExport(archive, req.selection);
  if (estimate.meetings === 0) throw new HosoError('EXPORT_EMPTY');
  if (estimate.secretMeetings > 0 && !encrypted)
    throw new HosoError('EXPORT_NEEDS_ENCRYPTION', `(${estimate.secretMeetings} hồ sơ mật)`);
  const destInfo = await inspectDestination(req.dest, fs);
  if ('problem' in destInfo) throw destInfo.problem;
  const maxFileBytes = env.maxFileBytes ?? destInfo.maxFileBytes;
  if (!hasRoomFor(estimate.bytes, destInfo.freeBytes))
    throw new HosoError(
      'EXPORT_DEST_FULL',
      `(cần khoảng ${viBytes(estimate.bytes)}, còn trống ${viBytes(destInfo.freeBytes)})`,
    );
  const tooLarge = encrypted ? estimate.bytes : estimate.largestFile;
  if (tooLarge > maxFileBytes) throw new HosoError('EXPORT_FILE_TOO_LARGE', `(${viBytes(tooLarge)})`);

  const settings = getSettings(archive);
  const name = await freeName(
    fs,
    req.dest,
    safeFileName(`hoso-${settings.agencyCode || 'luu-tru'}-${stamp(now)}`),
    encrypted,
  );
  const work = await createWorkDir(archive.file, env.workDir);
  const finalPath = join(req.dest, encrypted ? `${name}.tar.age` : name);
  const partialPath = `${finalPath}.partial`;
  let snap: Database.Database | null = null;
  let partialCreated = false;
  let writer: BagWriter | null = null;
  try {
    // 2. The snapshot, and the selection read from it, so the bag describes one moment.
    progress.phase('preparing', estimate.bytes, 0);
    const snapFile = join(work, 'archive.sqlite');
    snap = await takeSnapshot(archive, snapFile, env.nativeBinding ?? archive.nativeBinding);
    signal?.throwIfAborted();
    const selected = selectMeetings({ sqlite: snap }, req.selection);
    if (selected.length === 0) throw new HosoError('EXPORT_EMPTY');
    const everything = isEverything(req.selection);
    const secretIds = everything
      ? (
          snap.prepare("SELECT id FROM meetings WHERE secrecy IN ('mat','toi_mat','tuyet_mat')").all() as {
            id: string;
          }[]
        ).map((r) => r.id)
      : selected.filter((m) => SECRET_LEVELS.has(m.secrecy)).map((m) => m.id);
    if (secretIds.length > 0 && !encrypted)
      throw new HosoError('EXPORT_NEEDS_ENCRYPTION', `(${secretIds.length} hồ sơ mật)`);
    // A partial copy is rewritten (deletes, index rebuild, VACUUM) and checked as a whole. A complete
    // copy is the archive page for page; every record row in it is read below to write the meeting
    // files, so a damaged table stops the export (EXPORT_SOURCE_DAMAGED) — what the full
    // integrity_check would add is the indexes', which cost more than the rest of a large export
    // (80 s for 1.7 GB) and are rebuilt from the rows anyway. The archive itself is checked as a whole
    // by every automatic backup and by the health page.
    if (!everything) {
      pruneSnapshot(
        snap,
        selected.map((m) => m.id),
      );
      checkSnapshot(snap);
    }
    signal?.throwIfAborted();

    // 3. The bag: on the stick under `<name>.partial`, or locally when it is to be encrypted.
    const bagRoot = encrypted ? join(work, name) : partialPath;
    const bagFs = encrypted ? nodeDestFs : fs;
    if (!encrypted) partialCreated = true;
    await bagFs.mkdir(bagRoot);
    const photos = selectedPhotos(
      { sqlite: snap },
      everything ? 'all-live' : selected.map((m) => m.id),
    );
    const filesTotal = 2 + selected.length * 2 + photos.length + (selected.length > INDEX_MAX_ROWS ? 20 : 0);
    progress.phase('writing', estimate.bytes, filesTotal);
    // The two copies below run side by side: the first to fail stops the other (a full stick met by the
    // meeting files must not wait for 2 GB of photos to be written first).
    const sideBySide = new AbortController();
    const writing = signal ? AbortSignal.any([signal, sideBySide.signal]) : sideBySide.signal;
    writer = new BagWriter(
      bagRoot,
      bagFs,
      { bytes: progress.bytes, file: progress.file },
      writing,
      encrypted ? Number.POSITIVE_INFINITY : maxFileBytes,
    );
    const lineBatches: MeetingLine[][] = [];
    const warnings: string[] = [];
    let missingPhotos = 0;
    const archiveDir = dirname(archive.file);
    const bag = writer;
    const snapshot = snap;
    // The large files (the snapshot, then the photos) are copied while the meeting files are built and
    // written: one is the disk's work, the other mostly the processor's, and they overlap.
    const largeFiles = async () => {
      await bag.addFile('archive.sqlite', snapFile);
      for (const p of photos) {
        writing.throwIfAborted();
        const found = findPhotoFile(archiveDir, p.fileHash);
        if (!found) {
          missingPhotos++;
          continue;
        }
        await bag.addFile(`photos/${p.fileHash.slice(0, 2)}/${p.fileHash}.${found.ext}`, found.path);
      }
    };
    const meetingFiles = async () => {
      await produceMeetingFiles(
        { sqlite: snapshot, file: snapFile, nativeBinding: env.nativeBinding ?? archive.nativeBinding },
        selected.map((m) => m.id),
        {
          options: {
            now: now.getTime(),
            generator: `hoso ${env.appVersion}`,
            byYearPages: selected.length > INDEX_MAX_ROWS,
          },
          workers: env.meetingWorkers,
          workerScript: env.meetingWorkerScript,
          signal: writing,
        },
        async (batch, index) => {
          let start = 0;
          for (let k = 0; k < batch.paths.length; k++) {
            writing.throwIfAborted();
            const end = batch.ends[k]!;
            await bag.queueBytes(batch.paths[k]!, batch.bytes.subarray(start, end));
            start = end;
          }
          lineBatches[index] = batch.lines;
        },
      );
      await bag.drain();
    };
    let firstFailure: { error: unknown } | null = null;
    const stopOthers = (e: unknown) => {
      firstFailure ??= { error: e };
      sideBySide.abort(e);
    };
    await Promise.all([largeFiles().catch(stopOthers), meetingFiles().catch(stopOthers)]);
    if (firstFailure) throw (firstFailure as { error: unknown }).error;
    const lines = lineBatches.flat();
    snap.close();
    snap = null;
    await rm(snapFile, { force: true });
    if (missingPhotos > 0)
      warnings.push(
        `${missingPhotos} ảnh không có tệp trong kho trên máy này (đã mất hoặc chưa được chép vào), nên không có trong bản lưu trữ.`,
      );
    const range = dateRange(selected);
    const header = {
      agency: settings.issuingAgency || settings.parentAgency,
      exportedAt: now,
      from: req.selection.from ?? range.first,
      to: req.selection.to ?? range.last,
      softwareVersion: `hoso ${env.appVersion}`,
    };
    for (const p of indexPages(header, lines)) await writer.addBytes(p.path, p.html);
    await writer.addBytes('style.css', STYLE_CSS);
    const payload = await writer.finish([
      [
        'Source-Organization',
        [settings.parentAgency, settings.issuingAgency].filter(Boolean).join(' — ') || 'Hồ sơ Hội nghị',
      ],
      ['Contact-Name', env.actor],
      [
        'External-Description',
        `Hồ sơ Hội nghị: ${selected.length} cuộc họp${header.from || header.to ? `, từ ${header.from ?? '…'} đến ${header.to ?? '…'}` : ''}`,
      ],
      ['Bag-Software-Agent', `hoso ${env.appVersion}`],
      ['Hoso-Meetings', selected.length],
      ['Hoso-Photos', photos.length - missingPhotos],
      ['Hoso-Date-From', header.from ?? ''],
      ['Hoso-Date-To', header.to ?? ''],
      ['Hoso-Selection', describeSelection(req.selection)],
      [
        'Hoso-Snapshot',
        everything ? 'complete archive' : 'partial: only the selected meetings; audit chain shortened',
      ],
      ['Hoso-Schema-Version', SCHEMA_VERSION],
      [
        'Hoso-Meeting-Json',
        'data/meetings/<last 2 hex digits of id>/<id>.json, format hoso-meeting version 1',
      ],
    ]);

    let writtenBytes = payload.bytes;
    let verdict;
    if (encrypted) {
      // 4e. tar → age straight onto the stick, then decrypted back from the stick and checked.
      const bagBytes = await folderBytes(bagRoot);
      progress.phase('encrypting', bagBytes, 1);
      partialCreated = true;
      const out = await fs.create(partialPath);
      let closed = false;
      try {
        await encryptBag(bagRoot, name, req.passphrase!, out, {
          signal,
          scryptWorkFactor: env.scryptWorkFactor,
          onBytes: progress.bytes,
        });
        await out.sync();
        closed = true;
        await out.close();
      } finally {
        if (!closed) await out.close().catch(() => undefined);
      }
      await fs.syncDir(req.dest);
      progress.file();
      writtenBytes = (await stat(partialPath)).size;
      await env.afterWrite?.(partialPath);
      progress.phase('verifying', writtenBytes, 1);
      verdict = await verifyEncryptedBag(partialPath, req.passphrase!, { signal, onBytes: progress.bytes });
    } else {
      await env.afterWrite?.(partialPath);
      // 4. Everything read back from the stick and checked against the manifests just written.
      progress.phase('verifying', payload.bytes, payload.files);
      verdict = await verifyBagDir(partialPath, { signal, onBytes: progress.bytes });
    }
    if (!verdict.ok)
      throw new ProblemsError('EXPORT_VERIFY_FAILED', verdict.problems, problemSummary(verdict.problems));

    // 5. Only a verified bag gets its final name.
    progress.phase('finishing', 0, 0);
    signal?.throwIfAborted();
    await fs.rename(partialPath, finalPath);
    partialCreated = false;
    await fs.syncDir(req.dest);

    archive.sqlite.transaction(() => {
      const at = Date.now();
      appendAudit(
        archive,
        {
          actor: env.actor,
          action: 'export',
          entity: 'archive',
          entityId: name,
          after: {
            path: finalPath,
            encrypted,
            meetings: selected.length,
            photos: photos.length - missingPhotos,
            selection: req.selection,
            secretMeetings: secretIds,
          },
        },
        at,
      );
      // Records classified Mật or above carry the export in their own history (and, with the level they
      // had when exported, in the Sổ theo dõi in, xuất tài liệu mật: db/printAudit.ts).
      const levelOf = new Map(selected.map((m) => [m.id, m.secrecy]));
      for (const id of secretIds)
        appendAudit(
          archive,
          {
            actor: env.actor,
            action: 'export',
            entity: 'meeting',
            entityId: id,
            after: { path: finalPath, encrypted, level: levelOf.get(id) },
          },
          at,
        );
    })();

    return {
      path: finalPath,
      name: encrypted ? `${name}.tar.age` : name,
      encrypted,
      meetings: selected.length,
      photos: photos.length - missingPhotos,
      payloadBytes: payload.bytes,
      payloadFiles: payload.files,
      writtenBytes,
      verified: true,
      warnings,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } catch (e) {
    snap?.close();
    // Writes still under way must end before their folder is removed, or they would recreate files in it.
    await writer?.drain().catch(() => undefined);
    if (partialCreated) await fs.remove(partialPath).catch(() => undefined);
    throw exportError(e, signal);
  } finally {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function folderBytes(root: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(root, { recursive: true })) {
    const st = await lstat(join(root, entry));
    if (st.isFile()) total += st.size;
  }
  return total;
}

function problemSummary(problems: readonly BagProblem[]): string {
  const shown = problems.slice(0, 5).map((p) => p.message);
  return `(${shown.join('; ')}${problems.length > shown.length ? `; và ${problems.length - shown.length} lỗi khác` : ''})`;
}

function describeSelection(s: Selection): string {
  const parts: string[] = [];
  if (s.from || s.to) parts.push(`date ${s.from ?? '…'} to ${s.to ?? '…'}`);
  if (s.tag) parts.push(`tag "${s.tag}"`);
  if (s.ids) parts.push(`${s.ids.length} chosen meetings`);
  return parts.length ? parts.join(', ') : 'all meetings';
}
