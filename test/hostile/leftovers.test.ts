import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { openArchive } from '../../db/open';
import { backupNow, removeDeadPartials, startAutomaticBackups, STALE_PARTIAL_MS } from '../../services/backups';
import { bootSecond } from '../../services/processAlive';
import { createDispatcher, fileErrorOf } from '../../services/dispatch';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { silentLogger } from '../../services/log';
import { tempArchive } from '../helpers/tempArchive';

/**
 * Issue 19, hostile inputs: what a killed process leaves behind, and messages a clerk can act on (a file
 * that is not there).
 */
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const ROOT = resolve(import.meta.dirname, '../..');
const WORKER = join(ROOT, 'test/helpers/crashWorker.ts');

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function leaveKilledBackup(dir: string, name: string, owner: { host: string; pid: number; boot?: number } | null, age = 0): string[] {
  mkdirSync(dir, { recursive: true });
  const files = ['', '-journal', '-wal', '-shm'].map((s) => `${name}.partial${s}`);
  for (const f of files) writeFileSync(join(dir, f), Buffer.alloc(4096, 1));
  if (owner) {
    files.push(`${name}.partial.owner`);
    writeFileSync(join(dir, `${name}.partial.owner`), JSON.stringify(owner));
  }
  if (age) for (const f of files) utimesSync(join(dir, f), new Date(Date.now() - age), new Date(Date.now() - age));
  return files;
}

describe('a backup killed mid-way', () => {
  it('leaves nothing once hoso starts again: a dead process partial goes at once, so does one from before a reboot whose pid was reused; a live one and an unknown recent one stay', async () => {
    const t = await tempArchive();
    cleanups.push(t.cleanup);
    const dir = join(t.dir, 'backups');
    const dead = leaveKilledBackup(dir, 'archive-20260101-080000.sqlite', { host: hostname(), pid: deadPid() });
    // Another hoso on the same archive, still writing its backup.
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    cleanups.push(() => live.kill('SIGKILL'));
    const kept = leaveKilledBackup(dir, 'archive-20260101-080001.sqlite', { host: hostname(), pid: live.pid!, boot: bootSecond() });
    // Killed by a power cut three days ago: its pid is now another program's (the live one's here).
    const beforeReboot = leaveKilledBackup(dir, 'archive-20260101-080004.sqlite', { host: hostname(), pid: live.pid!, boot: bootSecond() - 3 * 86_400 });
    // Written by another PC on a shared folder, or a version without owner files: only by age.
    const otherPc = leaveKilledBackup(dir, 'archive-20260101-080002.sqlite', { host: 'may-khac', pid: 1 });
    const oldUnknown = leaveKilledBackup(dir, 'archive-20260101-080003.sqlite', null, STALE_PARTIAL_MS + 60_000);

    const stop = startAutomaticBackups(t.archive, (e) => {
      throw e;
    });
    stop();
    const left = readdirSync(dir).sort();
    for (const f of [...dead, ...oldUnknown, ...beforeReboot]) expect(left).not.toContain(f);
    expect(left).toEqual([...kept, ...otherPc].sort());
    // The next backup keeps the live one's too, and leaves no owner file of its own.
    const made = await backupNow(t.archive);
    expect(readdirSync(dir).sort()).toEqual([...kept, ...otherPc, made.name].sort());
  });

  it('a backup process killed with SIGKILL: its partial copy is gone when automatic backups start', async () => {
    const t = await tempArchive();
    const file = t.archive.file;
    t.archive.close();
    const dir = join(t.dir, 'backups');
    mkdirSync(dir, { recursive: true });
    let leftBehind: string[] = [];
    for (let attempt = 0; attempt < 20 && leftBehind.length === 0; attempt++) {
      const child = spawn(process.execPath, ['--import', 'tsx', WORKER, 'backup', file, String(attempt)], { cwd: ROOT, stdio: 'ignore' });
      const watcher = watch(dir, (_event, name) => {
        if (name && /\.partial$/.test(name) && existsSync(join(dir, name))) child.kill('SIGKILL');
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
      await new Promise((r) => child.on('exit', r));
      clearTimeout(timer);
      watcher.close();
      leftBehind = readdirSync(dir).filter((n) => n.includes('.partial'));
    }
    expect(leftBehind.some((n) => n.endsWith('.partial'))).toBe(true);
    const owner = JSON.parse(readFileSync(join(dir, leftBehind.find((n) => n.endsWith('.owner'))!), 'utf8'));
    expect(owner.host).toBe(hostname());
    console.log(`killed backup left: ${leftBehind.join(', ')}`);

    const archive = await openArchive({ file });
    cleanups.unshift(() => archive.close());
    cleanups.push(t.cleanup);
    startAutomaticBackups(archive, () => undefined)();
    expect(readdirSync(dir).filter((n) => n.includes('.partial'))).toEqual([]);
  }, 55_000);

  it('the sweep never throws: a folder that is not there, or not readable', () => {
    expect(removeDeadPartials('/no/such/folder/hoso')).toEqual([]);
  });
});

describe('a file the clerk named that is not there', () => {
  it('is FILE_NOT_FOUND with the path, through the dispatcher, not INTERNAL', async () => {
    const t = await tempArchive();
    cleanups.push(t.cleanup);
    const handlers = createHandlers(createContext(t.archive, 'direct', 'test'));
    // The USB stick pulled out between the check and the copy: the handler meets ENOENT itself.
    const gone = join(t.dir, 'usb', 'archive-20260101-080000.sqlite');
    const dispatch = createDispatcher(
      {
        ...handlers,
        'backups/check': ({ file }: { file: string }) => readFileSync(file),
        'backups/restore': () => readFileSync(join(t.dir, 'hoso-own-file.tmp')),
      } as unknown as typeof handlers,
      silentLogger,
    );
    const named = await dispatch('backups/check', { file: gone });
    expect(named).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND', details: [{ key: 'detail.literal', params: { text: gone } }] } });
    expect(!named.ok && named.error.message).toMatch(/^Không tìm thấy tệp hoặc thư mục này/);
    // ENOENT on a file of hoso's own is a bug, still INTERNAL.
    const own = await dispatch('backups/restore', { file: gone });
    expect(own).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('inside a folder the clerk named, or through a file where a folder was expected (ENOTDIR)', () => {
    const folder = resolve('/media/usb/goi-2026');
    const enoent = Object.assign(new Error('ENOENT'), { code: 'ENOENT', path: join(folder, 'bagit.txt') });
    expect(fileErrorOf(enoent, [folder])).toMatchObject({ code: 'FILE_NOT_FOUND' });
    const enotdir = Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR', path: join(folder, 'x') });
    expect(fileErrorOf(new Error('wrapped', { cause: enotdir }), [folder])).toMatchObject({ code: 'FILE_NOT_FOUND' });
    expect(fileErrorOf(enoent, [resolve('/media/usb/goi')])).toBeNull();
    expect(fileErrorOf(enoent, [])).toBeNull();
  });
});
