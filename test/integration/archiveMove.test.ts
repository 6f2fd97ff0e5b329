import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSession, type Session } from '../../services/session';
import { moveArchive, checkArchiveMove } from '../../services/archiveMove';
import { readArchiveLocation, locationFileIn } from '../../services/archiveLocation';
import { resolveArchivePath } from '../../services/paths';
import { listStoredPhotoFiles } from '../../services/photoFiles';
import { jpeg } from '../helpers/images';
import { tempDir } from '../helpers/tempArchive';
import { tmpfsDisk } from '../helpers/crashDisks';
import { silentLogger } from '../../services/log';

/**
 * Moving the archive from the app (Cài đặt → Nơi lưu kho): a checked copy (backup API, integrity_check,
 * photos beside it), the new place recorded in location.json for the next start, the old copy kept, and
 * nothing half-written when the destination fails (a full disk, a stick pulled out).
 */

let t: { dir: string; cleanup: () => void };
let s: Session;
let dataDir: string;
const configFile = () => locationFileIn(dataDir);

beforeEach(async () => {
  t = tempDir('hoso-move-');
  dataDir = join(t.dir, 'appdata', 'hoso');
  mkdirSync(dataDir, { recursive: true });
  s = await openSession(join(t.dir, 'o-c', 'archive.sqlite'), 'direct', {
    host: { archiveLocation: { configFile: configFile(), overridden: false } },
    log: silentLogger,
  });
  const m = await s.call('meetings/create', {
    title: 'Hội nghị tổng kết công tác năm 2025',
    kind: 'Hội nghị',
    meetingDate: '2025-12-20',
    startTime: null,
    endTime: null,
  });
  await s.call('photos/add', {
    meetingId: m.id,
    version: m.version,
    fileName: 'toan-canh.jpg',
    dataBase64: (await jpeg({ color: '#aa3322' })).toString('base64'),
    caption: 'Toàn cảnh hội nghị',
  });
});
afterEach(() => {
  s.close();
  t.cleanup();
});

/** Every file and folder under `dir`, for "nothing was left there". */
const listing = (dir: string) =>
  existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : [];

describe('archive/move', () => {
  it('copies the archive and its photos, checks the copy, records it for the next start, keeps the old one and takes no more changes here', async () => {
    const dest = join(t.dir, 'o-d', 'Hồ sơ');
    const check = await s.call('archive/move-check', { dir: dest });
    expect(check).toMatchObject({ target: join(dest, 'archive.sqlite'), problem: null });
    expect(check.bytes).toBeGreaterThan(0);
    expect(existsSync(dest)).toBe(false);

    const moved = await s.call('archive/move', { dir: dest });
    expect(moved).toEqual({
      file: join(dest, 'archive.sqlite'),
      oldFile: s.file,
      photos: 1,
      overridden: false,
    });
    // The copy: integrity ok, the meeting in it, the photo files byte for byte; no staging folder left.
    const copy = new Database(moved.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(
      (copy.prepare('SELECT title FROM meetings').all() as { title: string }[]).map((r) => r.title),
    ).toEqual(['Hội nghị tổng kết công tác năm 2025']);
    copy.close();
    const photosThere = listStoredPhotoFiles(dest);
    expect(photosThere).toHaveLength(1);
    expect(readFileSync(photosThere[0]!.path)).toEqual(readFileSync(listStoredPhotoFiles(s.dir)[0]!.path));
    expect(readdirSync(dest).filter((n) => n.startsWith('.hoso-move'))).toEqual([]);
    // Recorded where the next start reads it; HOSO_DB and --db still win.
    expect(readArchiveLocation(configFile())).toBe(moved.file);
    const env = { XDG_CONFIG_HOME: join(t.dir, 'appdata'), APPDATA: join(t.dir, 'appdata') };
    expect(resolveArchivePath(null, env)).toBe(moved.file);
    expect(resolveArchivePath(null, { ...env, HOSO_DB: s.file })).toBe(s.file);
    // The old copy stays; this run refuses every change (it would stay behind in the old copy).
    expect(existsSync(s.file)).toBe(true);
    expect((await s.call('app/info', {})).movedTo).toBe(moved.file);
    const refused = await s.dispatch('meetings/create', {
      title: 'Giao ban',
      kind: 'Giao ban',
      startTime: null,
      endTime: null,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ARCHIVE_MOVED' } });
    expect(!refused.ok && refused.error.message).toMatch(
      /^Kho hồ sơ đã được chép sang nơi mới\. Hãy đóng rồi mở lại chương trình/,
    );

    // The next start opens the new place.
    const next = await openSession(resolveArchivePath(null, env), 'direct');
    try {
      expect((await next.call('meetings/list', {})).total).toBe(1);
    } finally {
      next.close();
    }
  });

  it('while it copies, a change from another window is refused (it would stay behind in the old copy)', async () => {
    const moving = s.dispatch('archive/move', { dir: join(t.dir, 'o-d', 'HoSo') });
    const meanwhile = await s.dispatch('meetings/create', {
      title: 'Giao ban',
      kind: 'Giao ban',
      startTime: null,
      endTime: null,
    });
    expect(meanwhile).toMatchObject({ ok: false, error: { code: 'ARCHIVE_MOVING' } });
    expect(!meanwhile.ok && meanwhile.error.message).toMatch(/^Đang chuyển kho hồ sơ sang nơi mới/);
    expect(await moving).toMatchObject({ ok: true });
    const copy = new Database(join(t.dir, 'o-d', 'HoSo', 'archive.sqlite'), { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n).toBe(1);
    copy.close();
  });

  it('refuses, before writing anything: the same folder, a folder holding an archive, a relative path, no room', async () => {
    const same = await s.call('archive/move-check', { dir: s.dir });
    expect(same.problem?.code).toBe('ARCHIVE_MOVE_SAME_PLACE');
    const taken = join(t.dir, 'co-kho');
    mkdirSync(taken);
    writeFileSync(join(taken, 'archive.sqlite'), 'một kho khác');
    expect((await s.call('archive/move-check', { dir: taken })).problem?.code).toBe(
      'ARCHIVE_MOVE_TARGET_EXISTS',
    );
    const r = await s.dispatch('archive/move', { dir: taken });
    expect(r).toMatchObject({ ok: false, error: { code: 'ARCHIVE_MOVE_TARGET_EXISTS' } });
    expect(readFileSync(join(taken, 'archive.sqlite'), 'utf8')).toBe('một kho khác');
    expect((await s.call('archive/move-check', { dir: 'HoSo' })).problem?.code).toBe('ARCHIVE_MOVE_RELATIVE');
    const full = checkArchiveMove(s.file, join(t.dir, 'usb'), { freeBytes: () => 1024 });
    expect(full.problem?.code).toBe('ARCHIVE_MOVE_NO_SPACE');
    expect(full.problem?.message).toContain('còn 0 MB trống');
    expect(existsSync(configFile())).toBe(false);
    // Refusals leave this run working.
    expect((await s.call('meetings/list', {})).total).toBe(1);
  });

  it('a stick pulled out half-way: nothing half-written stays, nothing recorded, the archive still in use', async () => {
    const dest = join(t.dir, 'usb', 'HoSo');
    const pulled = Object.assign(new Error('EIO: i/o error, copyfile'), { code: 'EIO' });
    await expect(
      moveArchive(
        s.archive,
        dest,
        { configFile: configFile(), overridden: false },
        { copyOne: () => Promise.reject(pulled) },
      ),
    ).rejects.toMatchObject({ code: 'ARCHIVE_MOVE_FAILED' });
    expect(listing(dest)).toEqual([]);
    expect(existsSync(configFile())).toBe(false);
    expect((await s.call('meetings/list', {})).total).toBe(1);
  });

  it('a destination disk that fills up during the copy (a real small disk when this machine can mount one)', async () => {
    const disk = tmpfsDisk(join(t.dir, 'nho'), 1);
    // Without mount rights the same failure is made by the copy itself: ENOSPC on the second file.
    let n = 0;
    const enospc = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const options = disk
      ? { freeBytes: () => 2 ** 40 }
      : { copyOne: () => (++n > 1 ? Promise.reject(enospc) : Promise.resolve()) };
    try {
      // The archive outgrows the small disk (checked free space is lied about, as a disk filling meanwhile would).
      const big = 'Biên bản hội nghị. '.repeat(50_000);
      const m = await s.call('meetings/create', {
        title: 'Hội nghị có biên bản dài',
        kind: 'Hội nghị',
        meetingDate: '2025-12-21',
        startTime: null,
        endTime: null,
        minutesText: big,
      });
      expect(m.id).toBeTruthy();
      if (disk)
        expect(
          statSync(s.file).size + (existsSync(`${s.file}-wal`) ? statSync(`${s.file}-wal`).size : 0),
        ).toBeGreaterThan(1024 * 1024);
      const dest = join(disk?.dir ?? join(t.dir, 'nho'), 'HoSo');
      const r = moveArchive(s.archive, dest, { configFile: configFile(), overridden: false }, options);
      await expect(r).rejects.toMatchObject({ code: 'ARCHIVE_MOVE_FAILED' });
      expect(listing(dest)).toEqual([]);
      expect(existsSync(configFile())).toBe(false);
      expect((await s.call('meetings/list', {})).total).toBe(2);
    } finally {
      disk?.cleanup();
    }
  });

  it('without a place to record it (a one-off command), the move is refused and nothing is copied', async () => {
    const plain = await openSession(join(t.dir, 'khac', 'archive.sqlite'), 'direct', { log: silentLogger });
    try {
      const dest = join(t.dir, 'dich');
      expect(await plain.dispatch('archive/move', { dir: dest })).toMatchObject({
        ok: false,
        error: { code: 'ARCHIVE_MOVE_UNAVAILABLE' },
      });
      expect(existsSync(dest)).toBe(false);
    } finally {
      plain.close();
    }
  });
});

describe('the recorded place at the next start', () => {
  it('names a file not there (the stick not plugged in): ARCHIVE_LOCATION_MISSING, never a fresh archive', () => {
    writeFileSync(configFile(), JSON.stringify({ archiveFile: join(t.dir, 'usb-rut', 'archive.sqlite') }));
    const env = { XDG_CONFIG_HOME: join(t.dir, 'appdata'), APPDATA: join(t.dir, 'appdata') };
    expect(() => resolveArchivePath(null, env)).toThrow(/Không tìm thấy kho hồ sơ ở nơi đã chuyển tới/);
    writeFileSync(configFile(), '{ hỏng');
    expect(() => resolveArchivePath(null, env)).toThrow(
      expect.objectContaining({ code: 'ARCHIVE_LOCATION_MISSING' }),
    );
    // A file far larger than hoso ever writes there is refused unread, though the file it names is there.
    const present = join(t.dir, 'present.sqlite');
    writeFileSync(present, '');
    writeFileSync(configFile(), JSON.stringify({ archiveFile: present, pad: 'x'.repeat(1 << 20) }));
    expect(() => resolveArchivePath(null, env)).toThrow(
      expect.objectContaining({ code: 'ARCHIVE_LOCATION_MISSING' }),
    );
    expect(existsSync(join(t.dir, 'usb-rut'))).toBe(false);
  });
});
