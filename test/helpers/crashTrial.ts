import { spawn } from 'node:child_process';
import { existsSync, readdirSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openArchive } from '../../db/open';
import { checkArchiveFile } from '../../services/check';
import { backupNow, listBackups, STALE_PARTIAL_MS } from '../../services/backups';
import { checkBackup } from '../../services/backupRestore';
import { meetingContentHash, meetingToJson } from '../../services/archive/meetingJson';
import type { CrashWorkload } from './crashWorker';

const ROOT = resolve(import.meta.dirname, '..', '..');
const WORKER = resolve(import.meta.dirname, 'crashWorker.ts');

export interface ChildRun {
  lines: string[];
  /** The child had started its workload and was still at it when SIGKILL came (not finished, not failed). */
  killed: boolean;
  /** The child had printed `done` (all its work finished) before the kill. */
  finishedFirst: boolean;
  stderr: string;
}

/**
 * Starts the worker on `file` and SIGKILLs it `killAfterMs` after it says `ready` (its setup, tsx and
 * module loading, is not what is being tested). Returns what it printed.
 */
export function runAndKill(
  workload: CrashWorkload,
  file: string,
  seed: number,
  killAfterMs: number,
  extra: string[] = [],
): Promise<ChildRun> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', WORKER, workload, file, String(seed), ...extra],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const lines: string[] = [];
    let partial = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (line === 'ready') timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      clearTimeout(watchdog);
      // A line cut by the kill was never complete: the parent ignores it, as a clerk's screen would.
      done({
        lines,
        killed: signal === 'SIGKILL' && lines.includes('ready') && !lines.includes('done'),
        finishedFirst: lines.includes('done'),
        stderr,
      });
    });
  });
}

export interface TrialVerdict {
  /** Transactions the child reported as committed. */
  confirmed: number;
  /** Reported meetings missing or not as reported: must stay 0. */
  lost: string[];
  /** The kill came while a write was under way (after a `begin`, before its `end`). */
  killedMidWrite: boolean;
  /** Meetings written by the transaction in flight at the kill (committed, not yet reported). */
  unreported: number;
  backupsConfirmed: number;
  /** `.partial` files a killed backup left behind (never listed as backups). */
  partialBackups: number;
  /** Everything else that is wrong, one line each. */
  problems: string[];
}

/**
 * After a kill: the archive opens with the app's own open, integrity_check is ok, `hoso check` is ok
 * (foreign keys, audit chain, search index against the content, seals), every meeting the child
 * reported as committed is there with the reported content, the template's meetings are untouched,
 * and the backup folder lists only verified backups.
 */
export async function verifyTrial(
  file: string,
  run: ChildRun,
  template: Map<string, string>,
): Promise<TrialVerdict> {
  const verdict: TrialVerdict = {
    confirmed: 0,
    killedMidWrite: false,
    lost: [],
    unreported: 0,
    backupsConfirmed: 0,
    partialBackups: 0,
    problems: [],
  };
  const reported = new Map<string, string>();
  const backups: string[] = [];
  let inFlight: string | null = null;
  for (const line of run.lines) {
    const [word, a, b] = line.split(' ');
    if (word === 'begin') inFlight = a!;
    else if (word === 'end') inFlight = null;
    else if (word === 'committed') {
      reported.set(a!, b!);
      verdict.confirmed++;
    } else if (word === 'backup') backups.push(a!);
  }
  verdict.backupsConfirmed = backups.length;
  verdict.killedMidWrite = inFlight !== null;

  let archive;
  try {
    archive = await openArchive({ file });
  } catch (e) {
    verdict.problems.push(`openArchive: ${(e as Error).message}`);
    return verdict;
  }
  try {
    const integrity = archive.sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') verdict.problems.push(`integrity_check: ${String(integrity)}`);
    const hashOf = (id: string) => meetingContentHash(meetingToJson(archive, id));
    const live = new Set(
      archive.sqlite.prepare('SELECT id FROM meetings WHERE deleted_at IS NULL').pluck().all() as string[],
    );
    for (const [id, hash] of reported) {
      if (!live.has(id)) verdict.lost.push(`${id}: missing`);
      // The meeting the kill interrupted may hold that transaction too (committed, not reported).
      else if (id !== inFlight && hashOf(id) !== hash)
        verdict.lost.push(`${id}: content differs from what was committed`);
    }
    for (const [id, hash] of template) {
      if (!live.has(id)) verdict.problems.push(`template meeting ${id} missing`);
      else if (hashOf(id) !== hash) verdict.problems.push(`template meeting ${id} changed`);
    }
    for (const id of live) {
      if (template.has(id) || reported.has(id)) continue;
      if (inFlight === 'new') verdict.unreported++;
      else verdict.problems.push(`meeting ${id} exists but no transaction creating it was under way`);
    }

    const listed = listBackups(archive);
    for (const row of listed.rows) {
      if (row.name.endsWith('.partial')) verdict.problems.push(`a partial backup is listed: ${row.name}`);
      const check = checkBackup(archive, row.file);
      if (!check.ok) verdict.problems.push(`listed backup ${row.name} does not check: ${check.message}`);
    }
    const names = new Set(listed.rows.map((r) => r.file));
    for (const b of backups) if (!names.has(b)) verdict.problems.push(`reported backup ${b} is not listed`);
    const leftovers = () =>
      existsSync(listed.dir) ? readdirSync(listed.dir).filter((n) => /\.partial(-wal|-shm)?$/.test(n)) : [];
    verdict.partialBackups = leftovers().filter((n) => n.endsWith('.partial')).length;
    if (leftovers().length > 0) {
      // An hour later (a killed backup's file is no longer written to), the next backup removes it.
      const hourAgo = new Date(Date.now() - STALE_PARTIAL_MS - 60_000);
      for (const n of leftovers()) utimesSync(join(listed.dir, n), hourAgo, hourAgo);
      const next = await backupNow(archive);
      if (leftovers().length > 0)
        verdict.problems.push(`the next backup left the killed one's files: ${leftovers().join(', ')}`);
      if (!checkBackup(archive, next.path).ok)
        verdict.problems.push(`the backup after the kill does not check: ${next.name}`);
    }
  } finally {
    archive.close();
  }
  const report = checkArchiveFile(file);
  if (!report.ok) verdict.problems.push(...report.problems.map((p) => `hoso check: ${p}`));
  return verdict;
}
