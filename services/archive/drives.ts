import { execFile } from 'node:child_process';
import { promises as fsp, type StatsFs } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import type { Drive } from '../../contract/archiveContract';
import { bounded, CALL_TIMEOUT_MS } from './boundedCall';
import { findBags } from './findBags';

/**
 * The USB sticks plugged into this PC (`archive/drives`), so the clerk picks a stick instead of typing
 * a path: Windows drive letters of removable volumes, Linux's `/media/<user>/*`, `/run/media/<user>/*`
 * and `/media/*` mounts, macOS's `/Volumes/*` (not the system volume). For each: its label, free and total
 * space, and the hoso bags already on it (findBags). No native module and nothing off the machine.
 *
 * Bounded and never hanging: a stick that does not answer (a card reader without a card, a stick pulled
 * halfway) is given DRIVE_TIMEOUT_MS per call and then listed as unreadable; at most MAX_DRIVES drives are
 * looked at, and the bags are found with findBags' own caps (folders, names, bags). The Windows label comes
 * from a bounded PowerShell (`Get-Volume`) or `wmic` child process when there is one; without it, every
 * drive letter D:–Z: that answers is listed under its letter.
 *
 * `HOSO_DRIVE_ROOTS` (folders separated by the platform's path delimiter: `;` on Windows, `:` elsewhere)
 * replaces the search: each folder listed is taken as a stick. Tests and demonstrations use it.
 */

export const DRIVE_TIMEOUT_MS = CALL_TIMEOUT_MS;
export const MAX_DRIVES = 32;
/** The Windows volume list (PowerShell, wmic): a child process given this long, then killed. */
const LISTER_TIMEOUT_MS = 5_000;
const LISTER_MAX_OUTPUT = 256 * 1024;

/** The file-system calls the listing makes: injectable, so tests make a drive hang or refuse. */
export interface DriveFs {
  statfs(path: string): Promise<StatsFs>;
  readdir(path: string): Promise<string[]>;
  /** The device number of a path (a mount point's differs from its parent folder's). */
  dev(path: string): Promise<number>;
}

export const nodeDriveFs: DriveFs = {
  statfs: (path) => fsp.statfs(path),
  readdir: (path) => fsp.readdir(path),
  dev: async (path) => (await fsp.stat(path)).dev,
};

/** A place that may be a stick: where it is mounted and the name the clerk knows it by. */
export interface DriveRoot {
  root: string;
  label: string;
}

export interface DriveOptions {
  /** Defaults to the running platform. */
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** The OS account whose `/media/<user>` is looked into; defaults to the one running. */
  user?: string | null;
  fs?: DriveFs;
  timeoutMs?: number;
  /** Windows volumes (letter, removable, label); the default asks PowerShell, then wmic. */
  windowsVolumes?: () => Promise<WindowsVolume[] | null>;
}

export interface WindowsVolume {
  letter: string;
  removable: boolean;
  label: string;
}

function errnoOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

/** The folders of HOSO_DRIVE_ROOTS, or null when it is not set. */
export function overrideRoots(env: NodeJS.ProcessEnv): DriveRoot[] | null {
  const raw = env.HOSO_DRIVE_ROOTS;
  if (raw === undefined || raw.trim() === '') return null;
  return raw
    .split(delimiter)
    .map((p) => p.trim())
    .filter(Boolean)
    .slice(0, MAX_DRIVES)
    .map((root) => ({ root, label: basename(root) || root }));
}

function runLister(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { timeout: LISTER_TIMEOUT_MS, maxBuffer: LISTER_MAX_OUTPUT, windowsHide: true, encoding: 'utf8' },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
}

/** PowerShell's `Get-Volume` as JSON (one object or an array) → the volumes with a drive letter. */
export function parseGetVolume(json: string): WindowsVolume[] {
  const parsed: unknown = JSON.parse(json);
  const rows = (Array.isArray(parsed) ? parsed : [parsed]) as Array<Record<string, unknown>>;
  return rows.flatMap((r) => {
    const letter = typeof r.DriveLetter === 'string' ? r.DriveLetter : null;
    if (!letter || !/^[A-Za-z]$/.test(letter)) return [];
    // DriveType is a string ("Removable") or, through ConvertTo-Json on older PowerShell, its number (2).
    const removable = r.DriveType === 'Removable' || r.DriveType === 2;
    return [{ letter: letter.toUpperCase(), removable, label: typeof r.FileSystemLabel === 'string' ? r.FileSystemLabel : '' }];
  });
}

/** `wmic logicaldisk get DeviceID,DriveType,VolumeName /format:csv` → the volumes (DriveType 2 is removable). */
export function parseWmic(csv: string): WindowsVolume[] {
  const lines = csv.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const header = lines.shift()?.split(',') ?? [];
  const col = (name: string) => header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
  const [id, type, label] = [col('DeviceID'), col('DriveType'), col('VolumeName')];
  if (id < 0 || type < 0) return [];
  return lines.flatMap((line) => {
    const cells = line.split(',');
    const m = /^([A-Za-z]):$/.exec(cells[id] ?? '');
    return m ? [{ letter: m[1]!.toUpperCase(), removable: cells[type] === '2', label: label >= 0 ? (cells[label] ?? '') : '' }] : [];
  });
}

/** The volumes Windows knows, from PowerShell, else wmic; null when neither answers (failing soft). */
async function askWindowsVolumes(): Promise<WindowsVolume[] | null> {
  try {
    const out = await runLister('powershell.exe', [
      '-NoProfile',
      '-NonInteractive',
      '-Command',
      'Get-Volume | Where-Object DriveLetter | Select-Object DriveLetter,DriveType,FileSystemLabel | ConvertTo-Json -Compress',
    ]);
    return parseGetVolume(out);
  } catch {
    // No PowerShell (or no Get-Volume before Windows 8): wmic, on the Windows versions that still have it.
  }
  try {
    return parseWmic(await runLister('wmic', ['logicaldisk', 'get', 'DeviceID,DriveType,VolumeName', '/format:csv']));
  } catch {
    return null;
  }
}

const LETTERS = 'DEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** Windows: the removable volumes D:–Z: (or, when Windows cannot be asked, every letter but the system's). */
async function windowsRoots(env: NodeJS.ProcessEnv, volumes: () => Promise<WindowsVolume[] | null>): Promise<DriveRoot[]> {
  const known = await volumes();
  const system = (env.SystemDrive ?? 'C:').slice(0, 1).toUpperCase();
  if (known) {
    return known
      .filter((v) => v.removable && v.letter !== system && LETTERS.includes(v.letter))
      .sort((a, b) => a.letter.localeCompare(b.letter))
      .map((v) => ({ root: `${v.letter}:\\`, label: v.label ? `${v.label} (${v.letter}:)` : `${v.letter}:` }));
  }
  return LETTERS.filter((l) => l !== system).map((l) => ({ root: `${l}:\\`, label: `${l}:` }));
}

/** The folders in `dir` that are mount points (their device differs from `dir`'s): a leftover empty folder is not a stick. */
async function mountsIn(dir: string, fs: DriveFs, ms: number, skip: ReadonlySet<string> = new Set()): Promise<DriveRoot[]> {
  let names: string[];
  let parentDev: number;
  try {
    names = (await bounded(fs.readdir(dir), ms)).slice(0, 4 * MAX_DRIVES);
    parentDev = await bounded(fs.dev(dir), ms);
  } catch {
    return [];
  }
  const checked = await Promise.all(
    names
      .filter((n) => !n.startsWith('.') && !skip.has(n))
      .map(async (name) => {
        const root = join(dir, name);
        try {
          return (await bounded(fs.dev(root), ms)) !== parentDev ? [{ root, label: name }] : [];
        } catch {
          // A mount that does not answer is still a stick the clerk plugged in: listed, then found unreadable.
          return [{ root, label: name }];
        }
      }),
  );
  return checked.flat();
}

function userName(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}

/** The places that may be sticks on this platform, before any of them is read. */
async function candidateRoots(options: Required<Omit<DriveOptions, 'windowsVolumes'>> & Pick<DriveOptions, 'windowsVolumes'>): Promise<DriveRoot[]> {
  const { platform, env, fs, timeoutMs, user } = options;
  const override = overrideRoots(env);
  if (override) return override;
  if (platform === 'win32') return windowsRoots(env, options.windowsVolumes ?? askWindowsVolumes);
  if (platform === 'darwin') {
    // The system volume ("Macintosh HD") is a link to `/`: same device as the root, so it is left out.
    let rootDev: number | null = null;
    try {
      rootDev = await bounded(fs.dev('/'), timeoutMs);
    } catch {
      rootDev = null;
    }
    const volumes = await mountsIn('/Volumes', fs, timeoutMs);
    const outside = await Promise.all(
      volumes.map(async (v) => {
        try {
          return (await bounded(fs.dev(v.root), timeoutMs)) === rootDev ? [] : [v];
        } catch {
          return [v];
        }
      }),
    );
    return outside.flat();
  }
  const lists = await Promise.all([
    user ? mountsIn(join('/media', user), fs, timeoutMs) : Promise.resolve([]),
    user ? mountsIn(join('/run/media', user), fs, timeoutMs) : Promise.resolve([]),
    // `/media/usb`, `/media/cdrom` mounted by fstab or usbmount; the user's own folder was looked into above.
    mountsIn('/media', fs, timeoutMs, new Set(user ? [user] : [])),
  ]);
  const seen = new Set<string>();
  return lists.flat().filter((d) => !seen.has(d.root) && seen.add(d.root));
}

/** One stick as the picker shows it: space, the bags on it, or why it cannot be read. */
async function describeDrive(d: DriveRoot, fs: DriveFs, ms: number): Promise<Drive | null> {
  let space: StatsFs;
  try {
    space = await bounded(fs.statfs(d.root), ms);
  } catch (e) {
    // Windows letters with nothing behind them (no such drive, a card reader without a card) are not sticks.
    if (errnoOf(e) === 'ENOENT') return null;
    return { root: d.root, label: d.label, freeBytes: null, totalBytes: null, bags: [], unreadable: errnoOf(e) };
  }
  const drive: Drive = {
    root: d.root,
    label: d.label,
    freeBytes: space.bavail * space.bsize,
    totalBytes: space.blocks * space.bsize,
    bags: [],
    unreadable: null,
  };
  try {
    // The folder is read once with the drive's own calls (tests make it hang or refuse) before findBags
    // walks it, each of its calls bounded in time too.
    await bounded(fs.readdir(d.root), ms);
  } catch (e) {
    return { ...drive, unreadable: errnoOf(e) };
  }
  try {
    drive.bags = await findBags(d.root, { timeoutMs: ms });
  } catch (e) {
    return { ...drive, unreadable: errnoOf(e) };
  }
  return drive;
}

/** The sticks plugged in (or the folders of HOSO_DRIVE_ROOTS), each with its space and its bags. */
export async function listDrives(options: DriveOptions = {}): Promise<Drive[]> {
  const resolved = {
    platform: options.platform ?? process.platform,
    env: options.env ?? process.env,
    fs: options.fs ?? nodeDriveFs,
    timeoutMs: options.timeoutMs ?? DRIVE_TIMEOUT_MS,
    windowsVolumes: options.windowsVolumes,
    user: options.user === undefined ? userName() : options.user,
  };
  const roots = (await candidateRoots(resolved)).slice(0, MAX_DRIVES);
  const drives = await Promise.all(roots.map((d) => describeDrive(d, resolved.fs, resolved.timeoutMs)));
  return drives.filter((d): d is Drive => d !== null);
}

