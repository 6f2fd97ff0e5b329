import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOSO_APPLICATION_ID, SCHEMA_VERSION, openArchive } from '../../db/open';
import { MIGRATIONS } from '../../db/migrations/bundle.generated';
import { createMeeting } from '../../db/meetings';
import { tempDir } from '../helpers/tempArchive';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
function folder() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

const meetingFields = {
  title: 'Hội nghị sơ kết công tác quân sự, quốc phòng địa phương',
  kind: 'Hội nghị',
  meetingDate: '2026-01-05',
  startTime: '08:00',
  endTime: '11:30',
  location: 'Hội trường Tỉnh ủy',
  organizer: 'Ban Thường vụ Tỉnh ủy',
  minutesText: 'Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị.',
};

/** An archive at today's schema (v1 below) holding one meeting, closed: what a migration test starts from. */
async function archiveWithOneMeeting() {
  const dir = folder();
  const file = join(dir, 'archive.sqlite');
  const a = await openArchive({ file, migrations: MIGRATIONS });
  createMeeting(a, meetingFields, 'thư ký');
  a.close();
  return { dir, file };
}

describe('openArchive', () => {
  it('creates a new archive with every safety pragma of README, *Where the data lives*', async () => {
    const file = join(folder(), 'nested', 'archive.sqlite');
    const archive = await openArchive({ file });
    try {
      expect(archive.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(archive.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(archive.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(archive.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(archive.sqlite.pragma('application_id', { simple: true })).toBe(HOSO_APPLICATION_ID);
      expect(archive.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(archive.migrationBackup).toBeNull();
    } finally {
      archive.close();
    }
  });

  it('reopens an existing archive with its data', async () => {
    const file = join(folder(), 'archive.sqlite');
    const a = await openArchive({ file });
    const created = createMeeting(a, meetingFields, 'thư ký');
    a.close();
    const b = await openArchive({ file });
    expect(b.sqlite.prepare('SELECT title FROM meetings WHERE id = ?').get(created.id)).toEqual({ title: meetingFields.title });
    b.close();
  });

  it('refuses a file that is not SQLite and leaves it byte for byte untouched', async () => {
    const dir = folder();
    const file = join(dir, 'archive.sqlite');
    writeFileSync(file, randomBytes(8192));
    const before = sha(file);
    await expect(openArchive({ file })).rejects.toMatchObject({ code: 'ARCHIVE_NOT_SQLITE' });
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['archive.sqlite']);
  });

  it('refuses a damaged SQLite file, explains in Vietnamese, and never replaces it', async () => {
    const dir = folder();
    const file = join(dir, 'archive.sqlite');
    const a = await openArchive({ file });
    for (let i = 0; i < 200; i++) createMeeting(a, { ...meetingFields, title: `Cuộc họp số ${i}` }, 'thư ký');
    a.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    a.close();
    // Scribble over the middle of the file, past the header, where table pages live.
    const bytes = readFileSync(file);
    randomBytes(bytes.length - 8192).copy(bytes, 4096);
    writeFileSync(file, bytes);
    const before = sha(file);
    const error = await openArchive({ file }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ARCHIVE_CORRUPT' });
    expect((error as Error).message).toMatch(/bị hỏng.*sao lưu/);
    expect(sha(file)).toBe(before);
  });

  it('refuses an archive written by a newer hoso, without touching it', async () => {
    const file = join(folder(), 'archive.sqlite');
    (await openArchive({ file })).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = sha(file);
    await expect(openArchive({ file })).rejects.toMatchObject({ code: 'ARCHIVE_TOO_NEW' });
    expect(sha(file)).toBe(before);
  });

  it("refuses another program's database", async () => {
    const file = join(folder(), 'other.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    raw.close();
    await expect(openArchive({ file })).rejects.toMatchObject({ code: 'ARCHIVE_NOT_HOSO' });
  });

  it('backs up the archive before migrating it, and the backup holds the old data', async () => {
    const { file } = await archiveWithOneMeeting();
    const v1 = MIGRATIONS;
    const v2 = [...v1, { tag: '9999_test', when: 1, sql: 'ALTER TABLE meetings ADD COLUMN extra text;' }];
    const b = await openArchive({ file, migrations: v2 });
    try {
      expect(b.sqlite.pragma('user_version', { simple: true })).toBe(v1.length + 1);
      expect(b.migrationBackup).not.toBeNull();
      const backup = new Database(b.migrationBackup!, { readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(v1.length);
      expect(backup.prepare('SELECT count(*) AS n FROM meetings').get()).toEqual({ n: 1 });
      backup.close();
    } finally {
      b.close();
    }
  });

  it('leaves the archive at its old version, data intact, when a migration fails', async () => {
    const { dir, file } = await archiveWithOneMeeting();
    const v1 = MIGRATIONS;
    const broken = [...v1, { tag: '9999_broken', when: 1, sql: 'ALTER TABLE meetings ADD COLUMN ok text;--> statement-breakpoint\nTHIS IS NOT SQL;' }];
    await expect(openArchive({ file, migrations: broken })).rejects.toMatchObject({ code: 'MIGRATION_FAILED' });
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(v1.length);
    expect(raw.prepare('SELECT count(*) AS n FROM meetings').get()).toEqual({ n: 1 });
    const columns = (raw.pragma('table_info(meetings)') as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('ok');
    raw.close();
    expect(existsSync(join(dir, 'backups'))).toBe(true);
  });

  it('says clearly when the archive folder cannot be written', async () => {
    if (process.getuid?.() === 0) {
      // root ignores directory permissions; a path under a regular file is unwritable for everyone.
      const dir = folder();
      writeFileSync(join(dir, 'plainfile'), 'x');
      await expect(openArchive({ file: join(dir, 'plainfile', 'archive.sqlite') })).rejects.toMatchObject({
        code: 'ARCHIVE_UNWRITABLE',
      });
      return;
    }
    await expect(openArchive({ file: '/proc/hoso/archive.sqlite' })).rejects.toMatchObject({ code: 'ARCHIVE_UNWRITABLE' });
  });
});

describe('upgrading an archive from before the search index', () => {
  it('builds the index during the upgrade so old meetings are found at once', async () => {
    const dir = folder();
    const file = join(dir, 'archive.sqlite');
    const v0 = MIGRATIONS.slice(0, 1);
    const a = await openArchive({ file, migrations: v0 });
    const now = Date.now();
    a.sqlite
      .prepare(
        "INSERT INTO meetings (id, title, title_sort, kind, meeting_date, created_at, updated_at) VALUES ('01900000-0000-7000-8000-000000000001', 'Hội nghị tổng kết công tác dân vận', 'x', 'Hội nghị', '2023-01-10', ?, ?)",
      )
      .run(now, now);
    a.close();
    const b = await openArchive({ file });
    try {
      expect(b.migrationBackup).not.toBeNull();
      const { searchMeetings } = await import('../../db/search/search');
      const r = searchMeetings(b, { query: 'dan van', sort: 'relevance', offset: 0, limit: 5, year: null, kind: null, personId: null, tag: null });
      expect(r.rows.map((x) => x.title)).toEqual(['Hội nghị tổng kết công tác dân vận']);
    } finally {
      b.close();
    }
  });
});
