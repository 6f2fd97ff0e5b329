import { lstat, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Archive, Connection } from '../../db/open';
import { backupStamp } from '../../db/backup';
import { getSettings } from '../../db/settings';
import { secretMeetingIds, selectedPhotoFiles } from '../../db/exportSelection';
import { checkSnapshot, pruneSnapshot, takeSnapshot } from '../../db/snapshot';
import { HosoError } from '../../contract/errors';
import { msg, type Message } from '../../contract/messages/message';
import type { ExportResult } from '../../contract/archiveContract';
import { BagWriter } from './bagWriter';
import { verifyBagDir } from './bagVerify';
import { bagTopPage, indexPages, INDEX_MAX_ROWS, STYLE_CSS } from './browsePages';
import { nodeDestFs, type DestFs } from './destFs';
import { encryptBag, verifyEncryptedBag } from './encrypt';
import { bagInfoFields } from './exportBagInfo';
import { writeBagContents } from './exportContents';
import { exportError, freeName, inspectDestination } from './exportDestination';
import { problemDetails, sizeOf } from '../messageParts';
import { estimateExport, hasRoomFor } from './exportEstimate';
import { recordExport } from './exportLog';
import { ProblemsError, type ProgressSink } from './jobs';
import { safeFileName } from './safeNames';
import { createWorkDir } from './workDir';
import { dateRange, isEverything, SECRET_LEVELS, selectMeetings, type Selection } from './selection';

// The estimate and the destination checks are asked for on their own too (the export dialog).
export { estimateExport, hasRoomFor, meetingFilesBytes } from './exportEstimate';
export { exportError, inspectDestination } from './exportDestination';

/**
 * Export to a USB stick (README.md, "Lưu trữ USB: xuất và kiểm tra"): a BagIt bag of the selected
 * meetings, written under a temporary name on the stick, fsynced, read back and verified against its manifests, and only then renamed to
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
    throw new HosoError('EXPORT_NEEDS_ENCRYPTION', msg('export.secretMeetings', { n: estimate.secretMeetings }));
  const destInfo = await inspectDestination(req.dest, fs);
  if ('problem' in destInfo) throw destInfo.problem;
  const maxFileBytes = env.maxFileBytes ?? destInfo.maxFileBytes;
  if (!hasRoomFor(estimate.bytes, destInfo.freeBytes))
    throw new HosoError(
      'EXPORT_DEST_FULL',
      msg('export.needsSpace', { needed: sizeOf(estimate.bytes), free: sizeOf(destInfo.freeBytes) }),
    );
  const tooLarge = encrypted ? estimate.bytes : estimate.largestFile;
  if (tooLarge > maxFileBytes)
    throw new HosoError('EXPORT_FILE_TOO_LARGE', msg('export.fileSize', { size: sizeOf(tooLarge) }));

  const settings = getSettings(archive);
  const name = await freeName(
    fs,
    req.dest,
    safeFileName(`hoso-${settings.agencyCode || 'luu-tru'}-${backupStamp(now)}`),
    encrypted,
  );
  const work = await createWorkDir(archive.file, env.workDir);
  const finalPath = join(req.dest, encrypted ? `${name}.tar.age` : name);
  const partialPath = `${finalPath}.partial`;
  let snap: Connection | null = null;
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
      ? secretMeetingIds(snap)
      : selected.filter((m) => SECRET_LEVELS.has(m.secrecy)).map((m) => m.id);
    if (secretIds.length > 0 && !encrypted)
      throw new HosoError('EXPORT_NEEDS_ENCRYPTION', msg('export.secretMeetings', { n: secretIds.length }));
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
    const photos = selectedPhotoFiles(snap, everything ? 'all-live' : selected.map((m) => m.id));
    const filesTotal = 2 + selected.length * 2 + photos.length + (selected.length > INDEX_MAX_ROWS ? 20 : 0);
    progress.phase('writing', estimate.bytes, filesTotal);
    // The payload's two copies run side by side; the first to fail stops the other (exportContents.ts).
    const sideBySide = new AbortController();
    const writing = signal ? AbortSignal.any([signal, sideBySide.signal]) : sideBySide.signal;
    writer = new BagWriter(
      bagRoot,
      bagFs,
      { bytes: progress.bytes, file: progress.file },
      writing,
      encrypted ? Number.POSITIVE_INFINITY : maxFileBytes,
    );
    const warnings: Message[] = [];
    const { lines, missingPhotos } = await writeBagContents({
      bag: writer,
      snapshot: snap,
      snapFile,
      nativeBinding: env.nativeBinding ?? archive.nativeBinding,
      archiveDir: dirname(archive.file),
      photos,
      meetingIds: selected.map((m) => m.id),
      options: {
        now: now.getTime(),
        generator: `hoso ${env.appVersion}`,
        byYearPages: selected.length > INDEX_MAX_ROWS,
      },
      workers: env.meetingWorkers,
      workerScript: env.meetingWorkerScript,
      writing,
      sideBySide,
    });
    snap.close();
    snap = null;
    await rm(snapFile, { force: true });
    if (missingPhotos > 0)
      warnings.push(msg('export.missingPhotos', { n: missingPhotos }));
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
    const payload = await writer.finish(
      bagInfoFields({
        settings,
        actor: env.actor,
        appVersion: env.appVersion,
        meetings: selected.length,
        photos: photos.length - missingPhotos,
        from: header.from,
        to: header.to,
        selection: req.selection,
        everything,
      }),
      [['index.html', bagTopPage(header, selected.length)]],
    );

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
      throw new ProblemsError(
        'EXPORT_VERIFY_FAILED',
        verdict.problems,
        problemDetails(verdict.problems.map((p) => p.message)),
      );

    // 5. Only a verified bag gets its final name.
    progress.phase('finishing', 0, 0);
    signal?.throwIfAborted();
    await fs.rename(partialPath, finalPath);
    partialCreated = false;
    await fs.syncDir(req.dest);

    recordExport(archive, {
      actor: env.actor,
      name,
      path: finalPath,
      encrypted,
      selected,
      photos: photos.length - missingPhotos,
      selection: req.selection,
      secretIds,
    });

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

