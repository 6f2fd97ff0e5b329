import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive } from '../../db/open';
import { generateDemo } from '../../services/demo';
import { checkArchiveFile } from '../../services/check';
import { tempDir } from '../helpers/tempArchive';
import { readOnlyFile, readOnlyFolder, type ReadOnlyFolder } from '../helpers/crashReadOnly';

/**
 * An archive in a folder the clerk cannot write (a write-protected USB stick, a shared folder without
 * rights). Opening it needs the folder (WAL keeps -wal/-shm files beside the archive, backups go there),
 * so hoso refuses with ARCHIVE_UNWRITABLE: a message that says where, that the file was left as it
 * was and what to do (copy the folder somewhere writable). Before this, SQLite's
 * SQLITE_READONLY_DIRECTORY came out as "the archive is damaged, restore a backup": the wrong advice,
 * which could make a clerk restore an old backup over a sound archive. Nothing is ever written there:
 * the file keeps its bytes and no file appears beside it.
 */
let t: { dir: string; cleanup: () => void };
let ro: ReadOnlyFolder;
let src: string;
let digest: string;
let listing: string[];

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const walk = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

beforeAll(async () => {
  t = tempDir('hoso-read-only-');
  src = join(t.dir, 'kho');
  const archive = await openArchive({ file: join(src, 'archive.sqlite') });
  await generateDemo(archive, { meetings: 6, seed: 3 });
  archive.close();
  ro = readOnlyFolder(src, t.dir);
  console.log(`read-only folder made by: ${ro.how}`);
  digest = sha(join(ro.dir, 'archive.sqlite'));
  listing = walk(ro.dir);
}, 60_000);

afterAll(() => {
  ro?.cleanup();
  t?.cleanup();
});

const UNWRITABLE = /Không thể ghi vào thư mục chứa kho hồ sơ/;

describe(`an archive in a read-only folder`, () => {
  it('is refused with a clear message naming the folder, never as a damaged archive', () => {
    const r = ro.cli(['search', 'hội nghị', '--db', join(ro.dir, 'archive.sqlite')]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(UNWRITABLE);
    expect(r.stderr).toContain(ro.dir);
    expect(r.stderr).toMatch(/Tệp kho được giữ nguyên/);
    expect(r.stderr).not.toMatch(/bị hỏng/);

    const json = ro.cli(['search', 'hội nghị', '--json', '--db', join(ro.dir, 'archive.sqlite')]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'ARCHIVE_UNWRITABLE' } });
  }, 60_000);

  it('`hoso check` checks it all the same (on a local copy) and says the folder is read-only, not that the archive is damaged', () => {
    const r = ro.cli(['check', '--db', join(ro.dir, 'archive.sqlite')]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/Thư mục chứa kho chỉ đọc/);
    expect(r.stdout).toMatch(/Kết quả: TỐT/);
    expect(r.stdout).not.toMatch(/bị hỏng/);
  }, 60_000);

  it('a new archive cannot be started there either, and no file is left behind', () => {
    const r = ro.cli(['demo', '--meetings', '2', '--db', join(ro.dir, 'kho moi.sqlite')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(UNWRITABLE);
    expect(existsSync(join(ro.dir, 'kho moi.sqlite'))).toBe(false);
  }, 60_000);

  it('nothing was written: same bytes, no -wal/-shm/backups beside it; writable again, it opens and checks clean', async () => {
    expect(sha(join(ro.dir, 'archive.sqlite'))).toBe(digest);
    expect(walk(ro.dir)).toEqual(listing);
    ro.cleanup();
    const archive = await openArchive({ file: join(src, 'archive.sqlite') });
    expect(archive.sqlite.prepare('SELECT count(*) FROM meetings').pluck().get()).toBe(6);
    archive.close();
    expect(checkArchiveFile(join(src, 'archive.sqlite')).problems).toEqual([]);
  }, 60_000);
});

describe('an archive file marked read-only in a writable folder', () => {
  it('says so and how to clear the attribute (copying the folder again would not help); the file is untouched', async () => {
    const dir = join(t.dir, 'tep-chi-doc');
    const file = join(dir, 'archive.sqlite');
    const archive = await openArchive({ file });
    await generateDemo(archive, { meetings: 2, seed: 4 });
    archive.close();
    const before = sha(file);
    const ro = readOnlyFile(dir, file);
    try {
      const r = ro.cli(['search', 'hội nghị', '--db', file]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/chế độ chỉ đọc \(thuộc tính Read-only\)/);
      expect(r.stderr).not.toMatch(/khôi phục từ bản sao lưu/);
      expect(sha(file)).toBe(before);
    } finally {
      ro.cleanup();
    }
  }, 60_000);
});
