import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupNow } from '../../services/backups';
import { checkBackup, restoreBackup } from '../../services/backupRestore';
import { openArchive } from '../../db/open';
import { createMeeting } from '../../db/meetings';
import { generateDemo } from '../../services/demo';
import { MeetingFields } from '../../contract/contract';
import { errorOf } from '../helpers/errors';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { tempDir } from '../helpers/tempArchive';
import { readOnlyFolder, type ReadOnlyFolder } from '../helpers/crashReadOnly';
import { tmpfsDisk } from '../helpers/crashDisks';
import { vi } from '../helpers/words';

/**
 * Backups kept where hoso cannot write: a write-protected USB stick, a CD burnt for the agency archive,
 * a second disk without rights. A backup is a WAL-mode SQLite file, and SQLite cannot even read one
 * there (a read-only connection still creates the -shm index beside it), so Kiểm tra and Khôi phục used
 * to fail on such media. Now both work on a local copy in `restore-tmp/` beside the archive: the backup
 * is checked, restored from exactly the checked copy, and nothing is written on the media or left in
 * scratch. `hoso check` of an archive in a read-only folder checks it on a copy too and says the folder
 * is read-only.
 *
 * The folders are made read-only by a read-only bind mount (root, as in CI) or chmod (not root): the
 * checks run in this process, so the folder must refuse this process's writes (crashReadOnly.ts's third
 * way, running the CLI as nobody, only serves the command-line part).
 */
let t: { dir: string; cleanup: () => void };
let s: RecordSession;
let backups: ReadOnlyFolder;
let good: string;
let damaged: string;
let withWal: string;
let listing: string[];
let digests: Record<string, string>;

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const walk = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
const titles = () => s.archive.sqlite.prepare('SELECT title FROM meetings WHERE deleted_at IS NULL ORDER BY title').pluck().all() as string[];
const scratchLeft = () => (existsSync(join(s.dir, 'restore-tmp')) ? walk(join(s.dir, 'restore-tmp')) : []);

/** A folder that refuses this process's own writes, or a clear failure saying why this machine cannot make one. */
function readOnlyHere(src: string, work: string): ReadOnlyFolder {
  const ro = readOnlyFolder(src, work);
  let writable = true;
  try {
    writeFileSync(join(ro.dir, '.probe'), 'x');
  } catch {
    writable = false;
  }
  if (writable) throw new Error(`the folder made read-only by "${ro.how}" is still writable by this process: these tests need a read-only bind mount (root) or a non-root user`);
  return ro;
}

beforeAll(async () => {
  t = tempDir('hoso-ro-backup-');
  s = await recordSession();
  const src = join(t.dir, 'usb');
  mkdirSync(src);
  await s.meeting({ title: 'Hội nghị tổng kết công tác tuyển quân năm 2025' });
  await s.meeting({ title: 'Hội nghị triển khai nhiệm vụ diễn tập khu vực phòng thủ' });
  good = (await backupNow(s.archive, src, { now: new Date(2026, 0, 5, 8, 0, 0) })).name;

  // Header kept, pages ruined: still looks like SQLite from outside.
  damaged = 'archive-20260106-080000.sqlite';
  const bytes = readFileSync(join(src, good));
  writeFileSync(join(src, damaged), Buffer.concat([bytes.subarray(0, 100), randomBytes(bytes.length - 100)]));

  // Picked by mistake: not SQLite at all.
  writeFileSync(join(src, 'video-hoi-nghi.mp4'), randomBytes(2 * 1024 * 1024));

  // A backup folder copied while the app was running: the last meeting is only in the -wal.
  withWal = 'archive-20260107-080000.sqlite';
  const liveDir = join(t.dir, 'dang-chay');
  const live = await openArchive({ file: join(liveDir, 'archive.sqlite') });
  live.sqlite.pragma('wal_autocheckpoint = 0');
  createMeeting(live, MeetingFields.parse({ title: 'Hội nghị chỉ có trong tệp -wal', kind: 'Hội nghị', meetingDate: '2026-01-07', startTime: null, endTime: null }), 'thư ký');
  copyFileSync(live.file, join(src, withWal));
  copyFileSync(`${live.file}-wal`, join(src, `${withWal}-wal`));
  live.close();

  backups = readOnlyHere(src, t.dir);
  console.log(`read-only backup folder made by: ${backups.how}`);
  listing = walk(backups.dir);
  digests = Object.fromEntries(listing.map((n) => [n, sha(join(backups.dir, n))]));
  // Written after the backup: a restore must take it away again (and keep it in the safety backup).
  await s.meeting({ title: 'Hội nghị ghi sau khi sao lưu' });
  await s.call('settings/update', { backupDir: join(t.dir, 'o-thu-hai') });
}, 60_000);

afterAll(() => {
  backups?.cleanup();
  s?.cleanup();
  t?.cleanup();
});

describe('a backup on read-only media', () => {
  it('is a WAL-mode file that SQLite alone cannot even read there (the case these tests are about)', () => {
    const file = join(backups.dir, good);
    expect(readFileSync(file).subarray(18, 20)).toEqual(Buffer.from([2, 2])); // WAL in the header
    let refused: unknown = null;
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        db.prepare('SELECT count(*) FROM meetings').get();
      } finally {
        db.close();
      }
    } catch (e) {
      refused = e;
    }
    expect(String(refused)).toMatch(/unable to open|readonly|read-only/i);
  });

  it('Kiểm tra: healthy, with its meetings counted; nothing written on the media, nothing left in scratch', async () => {
    const check = await s.call('backups/check', { file: join(backups.dir, good) });
    expect(check).toMatchObject({ ok: true, meetings: 2 });
    expect(vi(check.message)).toMatch(/Bản sao lưu tốt: 2 cuộc họp/);
    expect(walk(backups.dir)).toEqual(listing);
    expect(scratchLeft()).toEqual([]);
  });

  it('a WAL-mode backup whose committed meetings are still in its -wal is checked with them', () => {
    expect(readFileSync(join(backups.dir, `${withWal}-wal`)).length).toBeGreaterThan(0);
    expect(checkBackup(s.archive, join(backups.dir, withWal))).toMatchObject({ ok: true, meetings: 1 });
    expect(walk(backups.dir)).toEqual(listing);
  });

  it('a damaged backup there is refused with the reason, restore replaces nothing and makes no safety backup', async () => {
    const check = await s.call('backups/check', { file: join(backups.dir, damaged) });
    expect(check.ok).toBe(false);
    expect(vi(check.message)).toMatch(/hỏng/);
    const before = titles();
    expect(await errorOf(restoreBackup(s.archive, join(backups.dir, damaged), 'thư ký'))).toMatch(/^RESTORE_REFUSED Bản sao lưu này không dùng để khôi phục được.*hỏng/);
    expect(titles()).toEqual(before);
    expect(existsSync(join(t.dir, 'o-thu-hai')) ? readdirSync(join(t.dir, 'o-thu-hai')) : []).toEqual([]);
    expect(scratchLeft()).toEqual([]);
  });

  it('a file that is not SQLite is refused by its header, without being copied first', () => {
    // No room at all: a copy would be refused for space; the header answers before any copy.
    const check = checkBackup(s.archive, join(backups.dir, 'video-hoi-nghi.mp4'), { freeBytes: () => 0 });
    expect(check).toMatchObject({ ok: false });
    expect(vi(check.message)).toMatch(/không phải là kho hồ sơ hợp lệ.*\(video-hoi-nghi\.mp4\)/);
    expect(scratchLeft()).toEqual([]);
  });

  it('Khôi phục: the archive gets the backup’s content, the previous archive is kept as a backup, the media are untouched', async () => {
    expect(titles()).toHaveLength(3);
    const restored = await s.call('backups/restore', { file: join(backups.dir, good) });
    expect(restored).toMatchObject({ restoredFrom: join(backups.dir, good), meetings: 2 });
    expect(new Set(titles())).toEqual(new Set(['Hội nghị tổng kết công tác tuyển quân năm 2025', 'Hội nghị triển khai nhiệm vụ diễn tập khu vực phòng thủ']));
    expect(s.found('dien tap khu vuc')).toHaveLength(1);
    expect(s.found('sau khi sao luu')).toHaveLength(0);
    expect(s.indexOk()).toBe(true);

    expect(restored.safetyBackup.startsWith(join(t.dir, 'o-thu-hai'))).toBe(true);
    const safety = new Database(restored.safetyBackup, { readonly: true });
    expect(safety.prepare('SELECT count(*) FROM meetings').pluck().get()).toBe(3);
    expect(safety.prepare("SELECT count(*) FROM meetings WHERE title = 'Hội nghị ghi sau khi sao lưu'").pluck().get()).toBe(1);
    safety.close();

    expect(walk(backups.dir)).toEqual(listing);
    for (const [name, digest] of Object.entries(digests)) expect([name, sha(join(backups.dir, name))]).toEqual([name, digest]);
    expect(scratchLeft()).toEqual([]);
    expect(existsSync(join(s.dir, 'restore-tmp'))).toBe(false);
  });

  it('a copy left in scratch by a killed check or restore is removed by the next one', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!; // a process id that has just ended
    const left = join(s.dir, 'restore-tmp', `hoso-restore-${dead}-x1y2z3`);
    mkdirSync(left, { recursive: true });
    writeFileSync(join(left, good), readFileSync(join(backups.dir, good)));
    expect(checkBackup(s.archive, join(backups.dir, good)).ok).toBe(true);
    expect(existsSync(join(s.dir, 'restore-tmp'))).toBe(false);
  });

  it('a new backup into that folder is refused as read-only (not as a full disk); nothing is written there', async () => {
    expect(await errorOf(backupNow(s.archive, backups.dir))).toMatch(/^BACKUP_DIR_UNWRITABLE Không ghi được vào thư mục sao lưu \(chỉ đọc/);
    expect(await errorOf(backupNow(s.archive, join(backups.dir, 'nam-2026')))).toMatch(/^BACKUP_DIR_UNWRITABLE /);
    expect(walk(backups.dir)).toEqual(listing);
  });

  it('no room for the local copy: a clear message, no safety backup, nothing replaced', async () => {
    const before = titles();
    const safetyBefore = readdirSync(join(t.dir, 'o-thu-hai'));
    const small = { freeBytes: () => 3 * 1024 * 1024 };
    const check = checkBackup(s.archive, join(backups.dir, good), small);
    expect(check.ok).toBe(false);
    expect(vi(check.message)).toMatch(/^Không đủ chỗ trống trên ổ đĩa để chép tạm .*cần khoảng [\d,]+ MB, còn 3 MB trống/);
    expect(await errorOf(restoreBackup(s.archive, join(backups.dir, good), 'thư ký', small))).toMatch(/^SCRATCH_NO_SPACE Không đủ chỗ trống/);
    expect(titles()).toEqual(before);
    expect(readdirSync(join(t.dir, 'o-thu-hai'))).toEqual(safetyBefore);
    expect(scratchLeft()).toEqual([]);

    // And on a really full disk: a tmpfs holding the archive, where the machine lets the test mount one
    // (root in CI); without mount rights the injected free space above is the test of this rule.
    const disk = tmpfsDisk(join(t.dir, 'dia-day'), 16);
    console.log(disk ? `full disk: ${disk.name}` : 'full disk: no tmpfs here, injected free space only');
    if (!disk) return;
    const archive = await openArchive({ file: join(disk.dir, 'archive.sqlite') });
    try {
      await generateDemo(archive, { meetings: 2, seed: 5 });
      disk.fill(archive);
      const check = checkBackup(archive, join(backups.dir, good));
      expect(check).toMatchObject({ ok: false });
      expect(vi(check.message)).toMatch(/^Không đủ chỗ trống trên ổ đĩa để chép tạm/);
      expect(await errorOf(restoreBackup(archive, join(backups.dir, good), 'thư ký'))).toMatch(/^SCRATCH_NO_SPACE /);
      expect(archive.sqlite.prepare('SELECT count(*) FROM meetings').pluck().get()).toBe(2);
      expect(existsSync(join(disk.dir, 'restore-tmp'))).toBe(false);
      disk.free(archive);
      expect(checkBackup(archive, join(backups.dir, good))).toMatchObject({ ok: true, meetings: 2 });
    } finally {
      archive.close();
      disk.cleanup();
    }
  }, 60_000);

  it('Tình trạng kho and the backup list read that folder: the newest backup there is checked healthy', async () => {
    await s.call('settings/update', { backupDir: backups.dir });
    try {
      const list = await s.call('backups/list', {});
      expect(list.rows.map((r) => r.name)).toEqual([withWal, damaged, good]);
      const health = await s.call('health/status', {});
      expect(health.lastBackup).toMatchObject({ name: withWal, ok: true });
      expect(walk(backups.dir)).toEqual(listing);
    } finally {
      await s.call('settings/update', { backupDir: join(t.dir, 'o-thu-hai') });
    }
  });
});

describe('`hoso check` of an archive in a read-only folder', () => {
  let kho: ReadOnlyFolder;
  let ownTemp: string[];
  const checkTemps = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`hoso-check-`));

  beforeAll(async () => {
    const src = join(t.dir, 'kho-cd');
    const archive = await openArchive({ file: join(src, 'archive.sqlite') });
    await generateDemo(archive, { meetings: 5, seed: 11 });
    archive.close();
    // A second archive there, damaged: the check must still tell damage from a read-only folder.
    const bytes = readFileSync(join(src, 'archive.sqlite'));
    writeFileSync(join(src, 'hong.sqlite'), Buffer.concat([bytes.subarray(0, 100), randomBytes(bytes.length - 100)]));
    kho = readOnlyFolder(src, join(t.dir, 'mnt'));
    ownTemp = checkTemps();
  }, 60_000);
  afterAll(() => kho?.cleanup());

  it('reports the health, says the folder is read-only, exits 0; nothing written there or left in temp', () => {
    const before = walk(kho.dir);
    const r = kho.cli(['check', '--db', join(kho.dir, 'archive.sqlite')]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toMatch(/Thư mục chứa kho chỉ đọc/);
    expect(r.stdout).toContain(kho.dir);
    expect(r.stdout).toMatch(/5 cuộc họp/);
    expect(r.stdout).toMatch(/Kết quả: TỐT/);
    expect(r.stdout).not.toMatch(/Không thể ghi vào thư mục/);

    const json = kho.cli(['check', '--json', '--db', join(kho.dir, 'archive.sqlite')]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, readOnly: true, problems: [], counts: { meetings: 5 } });

    expect(walk(kho.dir)).toEqual(before);
    expect(checkTemps()).toEqual(ownTemp);
  }, 60_000);

  it('a damaged archive there is reported as damaged (exit 1), with the read-only note', () => {
    const r = kho.cli(['check', '--db', join(kho.dir, 'hong.sqlite')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Thư mục chứa kho chỉ đọc/);
    expect(r.stdout).toMatch(/LỖI: .*bị hỏng/);
    expect(checkTemps()).toEqual(ownTemp);
  }, 60_000);
});
