import { existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path, { basename, dirname, join, relative } from 'node:path';
import type { Archive } from '../db/open';
import { inspectArchiveFile } from '../db/open';
import { backupTo } from '../db/backup';
import { errorPayload, HosoError, type ErrorCode } from '../contract/errors';
import { literal, msg, type Message } from '../contract/messages/message';
import type { ArchiveMoveCheck, ArchiveMoveResult } from '../contract/archiveContract';
import { nearestExisting, writable } from './backups';
import { photosDir } from './photoFiles';
import { freeBytesOf, neededFor } from './scratchCopy';
import { sizeInMb } from './messageParts';
import { writeArchiveLocation } from './archiveLocation';

/**
 * Moving the archive to another folder from the app (Cài đặt → Nơi lưu kho). It is a copy, never a move:
 * the archive is copied with SQLite's online backup API and checked (integrity_check, then opened as a
 * hoso archive of a schema this build knows), its photos/ folder copied beside it and each file's size
 * compared, all inside a staging folder in the destination; only then are they renamed into place and
 * the new place recorded in location.json for the next start. A failure anywhere (a full disk, a stick
 * pulled out) removes what was written and leaves the archive in use as it was. The old copy is never
 * deleted: the clerk is told where it stays.
 */

export interface MoveOptions {
  /** Free bytes at a folder (statfs); replaced in tests. */
  freeBytes?: (dir: string) => number;
  /** Copies one photo file; replaced in tests to fail half-way (a stick pulled out). */
  copyOne?: (from: string, to: string) => Promise<void>;
}

interface Problem {
  code: ErrorCode;
  details: Message[];
}

/** Every file under `root`, as paths relative to it, with sizes. */
function filesUnder(root: string): { rel: string; bytes: number }[] {
  if (!existsSync(root)) return [];
  const out: { rel: string; bytes: number }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push({ rel: relative(root, full), bytes: statSync(full).size });
    }
  };
  walk(root);
  return out;
}

function archiveBytes(file: string): number {
  const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
  return size(file) + size(`${file}-wal`);
}

/** A folder's identity for comparison: its real path when it exists, case-folded on Windows. */
function folderKey(dir: string): string {
  let p = path.normalize(dir).replace(/[\\/]+$/, '');
  try {
    p = realpathSync(p);
  } catch {
    // Not there yet: compared as written.
  }
  return path.sep === '\\' ? p.toLowerCase() : p;
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function judge(archiveFile: string, dir: string, bytes: number, free: number | null): Problem | null {
  const at = [literal(dir)];
  if (!path.isAbsolute(dir)) return { code: 'ARCHIVE_MOVE_RELATIVE', details: at };
  const here = folderKey(dirname(archiveFile));
  const there = folderKey(dir);
  // The same folder, or one inside the archive's photos (the copy would copy itself).
  if (there === here || isInside(there, folderKey(photosDir(dirname(archiveFile)))))
    return { code: 'ARCHIVE_MOVE_SAME_PLACE', details: at };
  if (existsSync(dir) && !statSync(dir).isDirectory())
    return { code: 'ARCHIVE_MOVE_UNWRITABLE', details: at };
  const target = join(dir, basename(archiveFile));
  if ([target, `${target}-wal`, join(dir, 'photos')].some((p) => existsSync(p)))
    return { code: 'ARCHIVE_MOVE_TARGET_EXISTS', details: [literal(target)] };
  if (!writable(nearestExisting(dir))) return { code: 'ARCHIVE_MOVE_UNWRITABLE', details: at };
  const needed = neededFor(bytes);
  if (free !== null && free < needed)
    return {
      code: 'ARCHIVE_MOVE_NO_SPACE',
      details: [msg('scratch.noSpace', { needed: sizeInMb(needed), free: sizeInMb(free), dir })],
    };
  return null;
}

function freeAt(dir: string, freeBytes: (dir: string) => number): number | null {
  try {
    return freeBytes(nearestExisting(dir));
  } catch {
    return null;
  }
}

/** Whether the archive can go to `dir`, judged before anything is written (nothing is created). */
export function checkArchiveMove(
  archiveFile: string,
  dirInput: string,
  options: MoveOptions = {},
): ArchiveMoveCheck {
  const dir = path.isAbsolute(dirInput) ? path.normalize(dirInput) : dirInput;
  const bytes =
    archiveBytes(archiveFile) + filesUnder(photosDir(dirname(archiveFile))).reduce((n, f) => n + f.bytes, 0);
  const free = path.isAbsolute(dir) ? freeAt(dir, options.freeBytes ?? freeBytesOf) : null;
  const problem = judge(archiveFile, dir, bytes, free);
  return {
    target: join(dir, basename(archiveFile)),
    bytes,
    free,
    problem: problem && errorPayload(problem.code, problem.details),
  };
}

/**
 * Copies the archive (and its photos) to `dirInput`, checks the copy, and records it in `configFile` for
 * the next start. Answers the new file and the old one, which stays where it was.
 */
export async function moveArchive(
  archive: Archive,
  dirInput: string,
  where: { configFile: string; overridden: boolean },
  options: MoveOptions = {},
): Promise<ArchiveMoveResult> {
  const check = checkArchiveMove(archive.file, dirInput, options);
  if (check.problem) throw new HosoError(check.problem.code, check.problem.details ?? []);
  const dir = dirname(check.target);
  const target = check.target;
  const photosFrom = photosDir(dirname(archive.file));
  const photosTo = join(dir, 'photos');
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new HosoError('ARCHIVE_MOVE_UNWRITABLE', literal(dir), { cause: e });
  }
  const staging = join(dir, `.hoso-move-${process.pid}-${Date.now()}`);
  const placed: string[] = [];
  try {
    mkdirSync(staging);
    const stagedDb = join(staging, basename(target));
    // The backup API's snapshot, integrity_check'ed by backupTo; then opened as an archive this build knows.
    await backupTo(archive.sqlite, stagedDb, archive.nativeBinding);
    inspectArchiveFile(stagedDb, archive.nativeBinding);
    const photos = filesUnder(photosFrom);
    const copyOne = options.copyOne ?? ((from: string, to: string) => copyFile(from, to));
    for (const f of photos) {
      const to = join(staging, 'photos', f.rel);
      await mkdir(dirname(to), { recursive: true });
      await copyOne(join(photosFrom, f.rel), to);
      if (statSync(to).size !== f.bytes) throw new HosoError('ARCHIVE_MOVE_FAILED', literal(to));
    }
    // Into place: the photos first, the archive file last (the file is what the next start opens).
    if (photos.length > 0) {
      renameSync(join(staging, 'photos'), photosTo);
      placed.push(photosTo);
    }
    renameSync(stagedDb, target);
    placed.push(target);
    writeArchiveLocation(where.configFile, target);
    return {
      file: target,
      oldFile: archive.file,
      photos: photos.filter((f) => !f.rel.startsWith(`thumbs${path.sep}`)).length,
      overridden: where.overridden,
    };
  } catch (e) {
    // Nothing half-written stays: what was placed goes, and the staging folder with what it held.
    for (const p of placed) rmSync(p, { recursive: true, force: true });
    if (e instanceof HosoError && e.code !== 'BACKUP_FAILED') throw e;
    throw new HosoError('ARCHIVE_MOVE_FAILED', literal(dir), { cause: e });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
