import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FoundBag } from '../../contract/mergeContract';
import { isAgeFile } from './encrypt';
import { HosoError } from '../../contract/errors';
import { msg } from '../../contract/messages/message';

/**
 * The bags on a stick (issue 17: "merge accepts the stick's root or the bag folder"). A clerk picks the
 * stick, not the folder inside it: the bags are looked for in the folder chosen and two levels below it
 * (`E:\`, `E:\HoSo\`, `E:\HoSo\2026\`), a bag being a folder holding `bagit.txt` or an encrypted
 * `.tar.age` file (its first bytes are age's). Bounded: folders of the system and hidden ones are
 * skipped, at most MAX_ENTRIES names are read per folder and MAX_FOLDERS folders in all, and the
 * search stops at MAX_BAGS bags.
 * Newest first (Bagging-Date, else the file's date).
 */
const MAX_DEPTH = 2;
const MAX_ENTRIES = 2_000;
const MAX_BAGS = 50;
/** Folders looked into in all: the root of a disk (or of the file system) is searched, not walked. */
const MAX_FOLDERS = 400;
/** bag-info.txt is a few hundred bytes; only its first bytes are read. */
const INFO_BYTES = 64 * 1024;
const SKIPPED = new Set(['system volume information', '$recycle.bin', 'recycler', 'node_modules', 'data']);

/** True when `dir` is a bag folder (RFC 8493: its declaration file is there). */
export function isBagFolder(dir: string): boolean {
  return existsSync(join(dir, 'bagit.txt'));
}

function readHead(file: string, bytes: number): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** bag-info.txt's `Label: value` lines (continuation lines ignored: only short fields are wanted). */
function bagInfo(dir: string): Record<string, string> {
  try {
    const text = readHead(join(dir, 'bag-info.txt'), INFO_BYTES);
    return Object.fromEntries(
      text.split(/\r?\n/).flatMap((line) => {
        const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
        return m ? [[m[1]!, m[2]!.trim()]] : [];
      }),
    );
  } catch {
    return {};
  }
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function folderBag(dir: string): FoundBag {
  const info = bagInfo(dir);
  const meetings = Number(info['Hoso-Meetings']);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(info['Bagging-Date'] ?? '')
    ? info['Bagging-Date']!
    : day(statSync(dir).mtimeMs);
  return {
    path: dir,
    name: basename(dir),
    encrypted: false,
    date,
    meetings: Number.isInteger(meetings) ? meetings : null,
  };
}

async function fileBag(file: string): Promise<FoundBag | null> {
  if (!/\.age$/i.test(file) || !(await isAgeFile(file).catch(() => false))) return null;
  return {
    path: file,
    name: basename(file),
    encrypted: true,
    date: day(statSync(file).mtimeMs),
    meetings: null,
  };
}

/** The bags at `root` (itself, when it is one) and up to two folder levels below it, newest first; MERGE_BAG_INVALID when `root` is not there. */
export async function findBags(root: string): Promise<FoundBag[]> {
  const found: FoundBag[] = [];
  // existsSync also answers false for a path Node refuses outright (a NUL byte in it).
  const stat = existsSync(root) ? statSync(root) : null;
  if (!stat) throw new HosoError('MERGE_BAG_INVALID', msg('merge.notFound', { path: root }));
  if (stat.isFile()) {
    const bag = await fileBag(root);
    return bag ? [bag] : [];
  }
  let folders = 0;
  const visit = async (dir: string, depth: number): Promise<void> => {
    if (found.length >= MAX_BAGS || ++folders > MAX_FOLDERS) return;
    if (isBagFolder(dir)) {
      found.push(folderBag(dir));
      return; // a bag's own folders hold no other bag
    }
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).slice(0, MAX_ENTRIES);
    } catch {
      return; // a folder the clerk cannot read (another user's, the system's) is not searched
    }
    for (const e of entries) {
      if (found.length >= MAX_BAGS) return;
      if (e.name.startsWith('.') || SKIPPED.has(e.name.toLowerCase())) continue;
      const path = join(dir, e.name);
      if (e.isFile()) {
        const bag = await fileBag(path);
        if (bag) found.push(bag);
      } else if (e.isDirectory() && depth < MAX_DEPTH) await visit(path, depth + 1);
    }
  };
  await visit(root, 0);
  return found.sort((a, b) => (a.date === b.date ? a.name.localeCompare(b.name) : a.date < b.date ? 1 : -1));
}
