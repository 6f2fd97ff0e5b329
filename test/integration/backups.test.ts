import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { automaticBackupIfDue, backupNow, listBackups, STALE_PARTIAL_MS } from '../../services/backups';
import { restoreBackup } from '../../services/backupRestore';
import { verifyAuditChain } from '../../db/audit';
import { errorOf } from '../helpers/errors';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { oldMeeting } from '../helpers/oldArchive';
import { openArchive } from '../../db/open';
import { createMeeting } from '../../db/meetings';
import { updateSettings } from '../../db/settings';
import { MIGRATIONS } from '../../db/migrations/bundle.generated';
import { MeetingFields } from '../../contract/contract';
import { tempDir } from '../helpers/tempArchive';
import { vi } from '../helpers/words';

let s: RecordSession;
let second: { dir: string; cleanup: () => void };
beforeEach(async () => {
  s = await recordSession();
  second = tempDir('hoso-second-disk-');
});
afterEach(() => {
  s.cleanup();
  second.cleanup();
});

const titles = () => s.archive.sqlite.prepare('SELECT title FROM meetings WHERE deleted_at IS NULL ORDER BY title').pluck().all() as string[];
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const day = (n: number) => new Date(2026, 0, 10 + n, 8, 30, 0);

describe('backups', () => {
  it('daily automatic backups go to the chosen folder, are verified, and only the last N automatic ones are kept', async () => {
    await s.meeting({ title: 'Hội nghị giao ban quý I' });
    await s.call('settings/update', { backupDir: second.dir, backupKeep: 2 });

    const first = await automaticBackupIfDue(s.archive, day(0));
    expect(first).toMatchObject({ kind: 'auto', name: 'archive-auto-20260110-083000.sqlite' });
    expect(first!.file.startsWith(second.dir)).toBe(true);
    // Not due again the same day.
    expect(await automaticBackupIfDue(s.archive, new Date(day(0).getTime() + 5 * 3600_000))).toBeNull();
    const manual = await s.call('backups/create', {});
    expect(manual.kind).toBe('manual');
    for (const n of [1, 2, 3]) expect(await automaticBackupIfDue(s.archive, day(n))).not.toBeNull();

    const list = await s.call('backups/list', {});
    expect(list).toMatchObject({ dir: second.dir, keep: 2, daily: true });
    // The two newest automatic ones, and the clerk's own backup (never rotated away); nothing else left behind.
    expect(list.rows.filter((r) => r.kind === 'auto').map((r) => r.name)).toEqual(['archive-auto-20260113-083000.sqlite', 'archive-auto-20260112-083000.sqlite']);
    expect(list.rows.map((r) => r.name)).toContain(manual.name);
    expect(readdirSync(second.dir).sort()).toEqual(list.rows.map((r) => r.name).sort());
    // Each opens as an archive with the meeting in it.
    for (const r of list.rows) {
      const copy = new Database(r.file, { readonly: true });
      expect(copy.prepare('SELECT title FROM meetings').pluck().all()).toEqual(['Hội nghị giao ban quý I']);
      copy.close();
    }

    await s.call('settings/update', { backupDaily: false });
    expect(await automaticBackupIfDue(s.archive, day(30))).toBeNull();
  });

  it('two archives in one folder sharing one backup folder keep two sets: listed, rotated and restored apart', async () => {
    await s.meeting({ title: 'Hội nghị của kho thứ nhất' });
    await s.call('settings/update', { backupDir: second.dir, backupKeep: 1 });
    // The second archive beside the first (same folder), its backups in the same folder.
    const other = await openArchive({ file: join(dirname(s.archive.file), 'kho-2024.sqlite') });
    try {
      createMeeting(other, MeetingFields.parse({ title: 'Hội nghị của kho thứ hai', kind: 'Hội nghị', meetingDate: '2024-01-01', startTime: null, endTime: null }), 'văn thư');
      updateSettings(other, { backupDir: second.dir, backupKeep: 1 }, 'văn thư');
      for (const n of [0, 1]) {
        await automaticBackupIfDue(s.archive, day(n));
        await automaticBackupIfDue(other, day(n));
      }
      const mine = await s.call('backups/list', {});
      // Each keeps its own newest automatic backup: rotating one never removed the other's.
      expect(mine.rows.map((r) => r.name)).toEqual(['archive-auto-20260111-083000.sqlite']);
      expect(readdirSync(second.dir).sort()).toEqual(['archive-auto-20260111-083000.sqlite', 'kho-2024-auto-20260111-083000.sqlite']);
      const theirs = listBackups(other);
      expect(theirs.rows.map((r) => [r.name, r.kind])).toEqual([['kho-2024-auto-20260111-083000.sqlite', 'auto']]);
      const copy = new Database(theirs.rows[0]!.file, { readonly: true });
      expect(copy.prepare('SELECT title FROM meetings').pluck().all()).toEqual(['Hội nghị của kho thứ hai']);
      copy.close();
      // A file the clerk put there that is nobody's backup is listed for both, as "other".
      copyFileSync(theirs.rows[0]!.file, join(second.dir, 'ban-sao-cu.sqlite'));
      expect((await s.call('backups/list', {})).rows.map((r) => r.kind).sort()).toEqual(['auto', 'other']);
    } finally {
      other.close();
    }
  });

  it('restore checks the backup, keeps the current archive as a backup first, then brings the old content back', async () => {
    await s.meeting({ title: 'Hội nghị trước khi sao lưu' });
    const backup = await backupNow(s.archive);
    await s.meeting({ title: 'Hội nghị ghi sau khi sao lưu' });
    expect(titles()).toHaveLength(2);

    expect(await s.call('backups/check', { file: backup.file })).toMatchObject({ ok: true, meetings: 1 });
    const restored = await s.call('backups/restore', { file: backup.file });
    expect(restored).toMatchObject({ restoredFrom: backup.file, meetings: 1 });
    expect(titles()).toEqual(['Hội nghị trước khi sao lưu']);
    // Search and writes work on the restored archive at once (same connection).
    expect(s.found('truoc khi sao luu')).toHaveLength(1);
    expect(s.found('sau khi sao luu')).toHaveLength(0);
    expect(s.indexOk()).toBe(true);
    await s.meeting({ title: 'Hội nghị sau khôi phục' });
    expect(verifyAuditChain(s.archive).ok).toBe(true);
    expect(s.archive.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'restore'").pluck().get()).toBe(1);

    // What was there before the restore is kept: the safety backup holds the later meeting.
    expect(restored.safetyBackup).toMatch(/archive-before-restore-\d{8}-\d{6}(-\d+)?\.sqlite$/);
    const safety = new Database(restored.safetyBackup, { readonly: true });
    expect(safety.prepare('SELECT title FROM meetings ORDER BY title').pluck().all()).toEqual(['Hội nghị ghi sau khi sao lưu', 'Hội nghị trước khi sao lưu']);
    safety.close();
  });

  it('a backup from an older version is upgraded as it is restored', async () => {
    await s.call('settings/update', { backupDir: second.dir });
    const oldFile = join(second.dir, 'archive-20240101-080000.sqlite');
    const old = await openArchive({ file: oldFile, migrations: MIGRATIONS.slice(0, MIGRATIONS.length - 1) });
    oldMeeting(old.sqlite, { id: '0190a000-0000-7000-8000-0000000000cc', title: 'Hội nghị ghi bằng phiên bản cũ', kind: 'Hội nghị', meetingDate: '2024-01-01' });
    old.close();
    await s.meeting({ title: 'Hội nghị hiện tại' });

    expect(await s.call('backups/check', { file: oldFile })).toMatchObject({ ok: true, meetings: 1, schemaVersion: MIGRATIONS.length - 1 });
    await s.call('backups/restore', { file: oldFile });
    expect(titles()).toEqual(['Hội nghị ghi bằng phiên bản cũ']);
    expect(s.archive.sqlite.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect((await s.call('meetings/list', { sort: 'date', dir: 'desc', offset: 0, limit: 10, year: null, kind: null })).total).toBe(1);
    expect(s.found('phien ban cu')).toHaveLength(1);
    // Nothing but the old backup and the safety copy in the folder; nothing left beside the archive.
    expect(readdirSync(second.dir).filter((n) => !n.startsWith('archive-before-restore-'))).toEqual(['archive-20240101-080000.sqlite']);
    expect(readdirSync(s.dir).filter((n) => n.startsWith('.restore') || n === 'restore-tmp')).toEqual([]);
    // The backup itself is left as it was (still the old schema), so it can be restored again.
    const still = new Database(oldFile, { readonly: true });
    expect(still.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length - 1);
    still.close();
  });

  it('a damaged or foreign file is refused with a clear message and the current archive is untouched', async () => {
    await s.meeting({ title: 'Hội nghị đang dùng' });
    const good = await backupNow(s.archive, second.dir);

    const damaged = join(second.dir, 'archive-20260101-000000.sqlite');
    const bytes = readFileSync(good.file);
    // Keep the header, ruin the pages.
    writeFileSync(damaged, Buffer.concat([bytes.subarray(0, 100), randomBytes(bytes.length - 100)]));
    const foreign = join(second.dir, 'khac.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    other.close();
    const notSqlite = join(second.dir, 'ghi-chu.sqlite');
    writeFileSync(notSqlite, 'Đây không phải là cơ sở dữ liệu');

    const archiveBefore = sha(s.archive.file);
    for (const [file, pattern] of [
      [damaged, /hỏng/],
      [foreign, /phần mềm khác/],
      [notSqlite, /không phải là kho hồ sơ/],
      [s.archive.file, /chính kho hồ sơ đang dùng/],
    ] as const) {
      const check = await s.call('backups/check', { file });
      expect([file, check.ok]).toEqual([file, false]);
      expect(vi(check.message)).toMatch(pattern);
      expect(await errorOf(restoreBackup(s.archive, file, 'x'))).toMatch(/^RESTORE_REFUSED Bản sao lưu này không dùng để khôi phục được/);
    }
    expect(titles()).toEqual(['Hội nghị đang dùng']);
    expect(sha(s.archive.file)).toBe(archiveBefore);
    // No safety backup was made for a refused restore, and the good one still restores.
    expect(readdirSync(second.dir).filter((n) => n.includes('before-restore'))).toEqual([]);
    copyFileSync(good.file, join(second.dir, 'ban-chep.sqlite'));
    expect((await s.call('backups/check', { file: join(second.dir, 'ban-chep.sqlite') })).ok).toBe(true);
  });
});

describe('a relative backup folder', () => {
  it('is refused with a clear message, and no folder appears where the program runs', async () => {
    await s.meeting({ title: 'Hội nghị giao ban tháng' });
    // A settings row from before the folder was checked, or a Windows path on Linux (it passes the
    // contract's pattern, yet is a relative name here): written below the contract, as such a row exists.
    const relative = process.platform === 'win32' ? 'Sao luu' : 'D:\\Sao luu';
    updateSettings(s.archive, { backupDir: relative }, 'thư ký');
    const before = readdirSync(process.cwd());
    for (const channel of ['backups/create', 'backups/list'] as const) {
      const reply = await s.dispatch(channel, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'BACKUP_DIR_RELATIVE' } });
      expect(!reply.ok && reply.error.message).toMatch(/^Thư mục sao lưu phải là đường dẫn đầy đủ.*\(.*Sao luu\)$/);
    }
    expect(await errorOf(automaticBackupIfDue(s.archive, day(0)))).toMatch(/^BACKUP_DIR_RELATIVE /);
    expect(readdirSync(process.cwd())).toEqual(before);
  });
});

describe('what a killed backup left behind', () => {
  it('is removed by the next backup once stale: the partial copy, its rollback journal and its WAL files', async () => {
    await s.call('settings/update', { backupDir: second.dir });
    mkdirSync(second.dir, { recursive: true });
    const left = ['', '-journal', '-wal', '-shm'].map((suffix) => `archive-20260101-080000.sqlite.partial${suffix}`);
    const hourAgo = new Date(Date.now() - STALE_PARTIAL_MS - 60_000);
    for (const name of left) {
      writeFileSync(join(second.dir, name), randomBytes(4096));
      utimesSync(join(second.dir, name), hourAgo, hourAgo);
    }
    const next = await backupNow(s.archive);
    expect(readdirSync(second.dir)).toEqual([next.name]);
  });
});
