import { existsSync, promises as fsp } from 'node:fs';
import { basename, join } from 'node:path';
import type { FoundBag } from '../../contract/mergeContract';
import { HosoError } from '../../contract/errors';
import { msg } from '../../contract/messages/message';
import { bounded, CALL_TIMEOUT_MS, TimeoutError } from './boundedCall';
import { AGE_MAGIC } from './encrypt';

/**
 * The bags on a stick (issue 17: "merge accepts the stick's root or the bag folder"). A clerk picks the
 * stick, not the folder inside it: the bags are looked for in the folder chosen and two levels below it
 * (`E:\`, `E:\HoSo\`, `E:\HoSo\2026\`), a bag being a folder holding `bagit.txt` or an encrypted
 * `.tar.age` file (its first bytes are age's). Bounded: folders of the system and hidden ones are
 * skipped, at most MAX_ENTRIES names are read per folder and MAX_FOLDERS folders in all, and the
 * search stops at MAX_BAGS bags.
 *
 * Never blocking, never hanging: every file-system call is asynchronous and given the same time limit as
 * the stick picker's (CALL_TIMEOUT_MS, boundedCall.ts); a folder or file that does not answer in time is
 * left out, and the whole search stops after WALK_BUDGET_MS with what it found. A stick whose root does
 * not answer is MERGE_BAG_INVALID (merge.notAnswering).
 * Newest first (Bagging-Date, else the file's date).
 */
const MAX_DEPTH = 2;
const MAX_ENTRIES = 2_000;
const MAX_BAGS = 50;
/** Folders looked into in all: the root of a disk (or of the file system) is searched, not walked. */
const MAX_FOLDERS = 400;
/** The whole search, however many calls answer just under their limit. */
const WALK_BUDGET_MS = 10_000;
/** bag-info.txt is a few hundred bytes; only its first bytes are read. */
const INFO_BYTES = 64 * 1024;
const SKIPPED = new Set(['system volume information', '$recycle.bin', 'recycler', 'node_modules', 'data']);

interface Entry {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
}

/** The calls the search makes: injectable, so tests make a stick slow, hang or refuse. */
export interface FindFs {
  stat(path: string): Promise<Entry & { mtimeMs: number }>;
  /** At most `max` entries of a folder (the rest are never read). */
  list(dir: string, max: number): Promise<Entry[]>;
  /** The first `bytes` bytes of a file (fewer when it is shorter). */
  head(file: string, bytes: number): Promise<Buffer>;
}

export const nodeFindFs: FindFs = {
  stat: async (path) => {
    const s = await fsp.stat(path);
    return { name: basename(path), isFile: () => s.isFile(), isDirectory: () => s.isDirectory(), mtimeMs: s.mtimeMs };
  },
  list: async (dir, max) => {
    const out: Entry[] = [];
    const d = await fsp.opendir(dir, { bufferSize: 64 });
    try {
      for (let e = await d.read(); e && out.length < max; e = await d.read()) out.push(e);
    } finally {
      await d.close();
    }
    return out;
  },
  head: async (file, bytes) => {
    const fh = await fsp.open(file, 'r');
    try {
      const buf = Buffer.alloc(bytes);
      const { bytesRead } = await fh.read(buf, 0, bytes, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  },
};

export interface FindOptions {
  fs?: FindFs;
  /** Each call's limit; defaults to CALL_TIMEOUT_MS. */
  timeoutMs?: number;
  /** The whole search's; defaults to WALK_BUDGET_MS. */
  budgetMs?: number;
}

/** True when `dir` is a bag folder (RFC 8493: its declaration file is there). For a path already chosen. */
export function isBagFolder(dir: string): boolean {
  return existsSync(join(dir, 'bagit.txt'));
}

/** bag-info.txt's `Label: value` lines (continuation lines ignored: only short fields are wanted). */
function parseBagInfo(text: string): Record<string, string> {
  return Object.fromEntries(
    text.split(/\r?\n/).flatMap((line) => {
      const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
      return m ? [[m[1]!, m[2]!.trim()]] : [];
    }),
  );
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The bags at `root` (itself, when it is one) and up to two folder levels below it, newest first; MERGE_BAG_INVALID when `root` is not there or does not answer. */
export async function findBags(root: string, options: FindOptions = {}): Promise<FoundBag[]> {
  const fs = options.fs ?? nodeFindFs;
  const ms = options.timeoutMs ?? CALL_TIMEOUT_MS;
  const deadline = Date.now() + (options.budgetMs ?? WALK_BUDGET_MS);
  /** One call, bounded; null when it failed or did not answer in time. */
  const ask = <T>(p: () => Promise<T>): Promise<T | null> =>
    Date.now() > deadline ? Promise.resolve(null) : bounded(p(), ms).catch(() => null);

  // A NUL byte or the like: Node refuses the path outright.
  if (root.includes('\u0000')) throw new HosoError('MERGE_BAG_INVALID', msg('merge.notFound', { path: root }));
  let stat;
  try {
    stat = await bounded(fs.stat(root), ms);
  } catch (e) {
    if (e instanceof TimeoutError) throw new HosoError('MERGE_BAG_INVALID', msg('merge.notAnswering', { path: root }));
    throw new HosoError('MERGE_BAG_INVALID', msg('merge.notFound', { path: root }));
  }

  const fileBag = async (file: string): Promise<FoundBag | null> => {
    if (!/\.age$/i.test(file)) return null;
    const head = await ask(() => fs.head(file, AGE_MAGIC.length));
    if (!head || head.toString('latin1') !== AGE_MAGIC) return null;
    const s = await ask(() => fs.stat(file));
    return s ? { path: file, name: basename(file), encrypted: true, date: day(s.mtimeMs), meetings: null } : null;
  };

  /** The folder's bag, null when it is not one (no bagit.txt that answers). */
  const folderBag = async (dir: string): Promise<FoundBag | null> => {
    const decl = await ask(() => fs.stat(join(dir, 'bagit.txt')));
    if (!decl?.isFile()) return null;
    const head = await ask(() => fs.head(join(dir, 'bag-info.txt'), INFO_BYTES));
    const info = head ? parseBagInfo(head.toString('utf8')) : {};
    const meetings = Number(info['Hoso-Meetings']);
    let date = info['Bagging-Date'] ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      const s = await ask(() => fs.stat(dir));
      date = day(s?.mtimeMs ?? Date.now());
    }
    return { path: dir, name: basename(dir), encrypted: false, date, meetings: Number.isInteger(meetings) ? meetings : null };
  };

  if (stat.isFile()) {
    const bag = await fileBag(root);
    return bag ? [bag] : [];
  }
  const found: FoundBag[] = [];
  let folders = 0;
  const visit = async (dir: string, depth: number): Promise<void> => {
    if (found.length >= MAX_BAGS || ++folders > MAX_FOLDERS || Date.now() > deadline) return;
    const bag = await folderBag(dir);
    if (bag) {
      found.push(bag);
      return; // a bag's own folders hold no other bag
    }
    // A folder the clerk cannot read (another user's, the system's) or that does not answer is not searched.
    const entries = (await ask(() => fs.list(dir, MAX_ENTRIES))) ?? [];
    for (const e of entries) {
      if (found.length >= MAX_BAGS) return;
      if (e.name.startsWith('.') || SKIPPED.has(e.name.toLowerCase())) continue;
      const path = join(dir, e.name);
      if (e.isFile()) {
        const fb = await fileBag(path);
        if (fb) found.push(fb);
      } else if (e.isDirectory() && depth < MAX_DEPTH) await visit(path, depth + 1);
    }
  };
  await visit(root, 0);
  return found.sort((a, b) => (a.date === b.date ? a.name.localeCompare(b.name) : a.date < b.date ? 1 : -1));
}
