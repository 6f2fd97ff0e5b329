import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive, type Archive } from '../../db/open';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher, directClient } from '../../services/dispatch';
import { silentLogger } from '../../services/log';
import { checkArchiveFile } from '../../services/check';
import { meetingContentHash, meetingToJson } from '../../services/archive/meetingJson';
import { searchMeetings } from '../../db/search/search';
import { SearchQuery, type MeetingFieldsInput } from '../../contract/contract';
import { HosoError } from '../../contract/errors';
import { fillRecord } from '../helpers/makeBag';
import { jpeg } from '../helpers/images';
import { tempDir } from '../helpers/tempArchive';
import { pageLimitDisk, tmpfsDisk, type SmallDisk } from '../helpers/crashDisks';
import { viAll } from '../helpers/words';

/**
 * The disk under the archive fills up in the middle of a save (issue 8 §5). Through the contract, as
 * the screens save: the write is refused with DISK_FULL and a Vietnamese message, its transaction is
 * rolled back (nothing of it is stored, the meeting's version is unchanged), everything stored before
 * is intact and still found by search, and once space is freed the same save succeeds and the archive
 * checks clean. Run on every real kind of full disk this machine offers (crashDisks.ts): a small
 * tmpfs when mounting is allowed, and always SQLite's page limit, which fails the same way.
 */
const t = tempDir('hoso-disk-full-');
const disks: SmallDisk[] = [pageLimitDisk(join(t.dir, 'page-limit'))];
const tmpfs = tmpfsDisk(join(t.dir, 'tmpfs'), 24);
if (tmpfs) disks.push(tmpfs);
console.log(`disk-full tests run on: ${disks.map((d) => d.name).join('; ')}`);

afterAll(() => {
  for (const d of disks) d.cleanup();
  t.cleanup();
});

/** Long minutes, every sentence different, so the write needs many new pages (table and search index). */
function longMinutes(chars: number): string {
  const parts: string[] = [];
  for (let i = 0, n = 0; n < chars; i++) {
    const s = `Đoạn ${i}: đồng chí Chỉ huy trưởng yêu cầu đơn vị số ${i * 7 + 3} rà soát kế hoạch huấn luyện, bảo đảm an toàn tuyệt đối trong diễn tập khu vực phòng thủ năm ${2000 + (i % 30)}.`;
    parts.push(s);
    n += s.length + 1;
  }
  return parts.join('\n');
}

async function session(file: string) {
  const archive = await openArchive({ file });
  const dispatch = createDispatcher(
    createHandlers(createContext(archive, 'direct', '0.0.0-test')),
    silentLogger,
  );
  const call = directClient(dispatch);
  const meeting = async (fields: Partial<MeetingFieldsInput> = {}) => {
    const m = await call('meetings/create', {
      title: 'Hội nghị giao ban công tác quân sự, quốc phòng',
      kind: 'Hội nghị',
      meetingDate: '2026-03-12',
      startTime: '08:00',
      endTime: null,
      location: 'Hội trường Bộ Chỉ huy Quân sự tỉnh',
      ...fields,
    });
    return { id: m.id, version: m.version };
  };
  return { archive, dispatch, call, meeting };
}

const hashes = (archive: Archive) =>
  new Map(
    (archive.sqlite.prepare('SELECT id FROM meetings').pluck().all() as string[]).map((id) => [
      id,
      meetingContentHash(meetingToJson(archive, id)),
    ]),
  );
const count = (archive: Archive, table: string) =>
  archive.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const found = (archive: Archive, q: string) =>
  searchMeetings(archive, SearchQuery.parse({ query: q, limit: 50 })).rows.map((r) => r.id);

describe.each(disks)('the archive’s disk runs out of space: $name', (disk) => {
  it('refuses the save with DISK_FULL, keeps everything stored before, and works again once space is freed', async () => {
    const file = join(disk.dir, 'archive.sqlite');
    const s = await session(file);
    const kept = await fillRecord(s, { title: 'Hội nghị quân chính đầu năm', color: '#1b5e20' });
    await fillRecord(s, { title: 'Họp Đảng ủy Trung đoàn', color: '#0d47a1', finalize: true });
    const before = hashes(s.archive);
    const audit = count(s.archive, 'audit_log');

    disk.fill(s.archive);

    // A new meeting with long minutes: the transaction needs many pages and cannot get them.
    const refused = await s.dispatch('meetings/create', {
      title: 'Hội nghị tổng kết công tác dân vận',
      kind: 'Hội nghị',
      meetingDate: '2026-03-20',
      startTime: null,
      endTime: null,
      minutesText: longMinutes(600_000),
    });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('DISK_FULL');
    expect(refused.error.message).toMatch(/hết chỗ trống/);
    expect(refused.error.message).toMatch(/dữ liệu đã lưu trước đó vẫn nguyên vẹn/);

    // Adding people to an existing record: refused the same way, and the record is as it was.
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      fullName: `Nguyễn Văn Thành ${i}`,
      rank: 'Thiếu tá',
      titles: `Trợ lý tác chiến, đơn vị ${i} ${'x'.repeat(400)}`,
    }));
    const many = await s.dispatch('attendance/add-many', {
      meetingId: kept.id,
      version: kept.version,
      rows,
      role: 'dai_bieu',
    });
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.error.code).toBe('DISK_FULL');

    // A photo: on a full disk its file cannot be stored either (ENOSPC), or its row cannot.
    const picture = (await jpeg({ color: '#e65100', width: 640, height: 480 })).toString('base64');
    const photoRefused = await s.dispatch('photos/add', {
      meetingId: kept.id,
      version: kept.version,
      fileName: 'quang-canh.jpg',
      dataBase64: picture,
      caption: 'Quang cảnh hội nghị.',
    });
    expect(photoRefused.ok).toBe(false);
    if (!photoRefused.ok) expect(photoRefused.error.code).toBe('DISK_FULL');

    // Nothing of the refused writes is stored; what was there is untouched and still found.
    expect(hashes(s.archive)).toEqual(before);
    expect(count(s.archive, 'audit_log')).toBe(audit);
    expect(s.archive.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(found(s.archive, 'quan chinh dau nam')).toEqual([kept.id]);
    expect(found(s.archive, 'tong ket dan van')).toEqual([]);
    // Reading goes on while the disk is full: the clerk can still open records.
    expect((await s.call('meetings/get', { id: kept.id })).title).toBe('Hội nghị quân chính đầu năm');

    disk.free(s.archive);

    // The same saves now go through, on the same open archive.
    const saved = await s.meeting({
      title: 'Hội nghị tổng kết công tác dân vận',
      minutesText: longMinutes(600_000),
    });
    const added = await s.call('attendance/add-many', {
      meetingId: kept.id,
      version: kept.version,
      rows,
      role: 'dai_bieu',
    });
    expect(added.added).toBe(1000);
    const photo = await s.call('photos/add', {
      meetingId: saved.id,
      version: saved.version,
      fileName: 'quang-canh.jpg',
      dataBase64: picture,
      caption: 'Quang cảnh hội nghị.',
    });
    expect(photo.photo.caption).toBe('Quang cảnh hội nghị.');
    expect(found(s.archive, 'tong ket dan van')).toEqual([saved.id]);
    s.archive.close();

    const report = checkArchiveFile(file);
    expect(report.problems).toEqual([]);
    const reopened = await openArchive({ file });
    try {
      expect(count(reopened, 'meetings')).toBe(before.size + 1);
      expect(count(reopened, 'attendance')).toBeGreaterThanOrEqual(1002);
    } finally {
      reopened.close();
    }
  }, 120_000);
});

/**
 * Opening on a full disk: WAL mode must create its -shm file first, which fails (SQLITE_IOERR_SHMSIZE).
 * That used to come out as "the archive is damaged, restore a backup". Only a real full file system
 * shows it (SQLite's page limit does not touch the -shm), so this runs where the tmpfs could be mounted.
 */
const fullDisks = tmpfs ? [tmpfs] : [];
for (const disk of fullDisks)
  describe(`opening an archive on a disk that is already full: ${disk.name}`, () => {
    it('says the disk is full and the archive is not damaged; once space is freed it opens', async () => {
      const file = join(disk.dir, 'kho-day.sqlite');
      const s = await session(file);
      const kept = await fillRecord(s, { title: 'Hội nghị sơ kết sáu tháng', color: '#4a148c' });
      s.archive.close(); // the last connection removes -wal and -shm
      const bytes = readFileSync(file);
      disk.fill(s.archive);

      const refused = await openArchive({ file }).then(
        (a) => {
          a.close();
          return null;
        },
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(HosoError);
      expect((refused as HosoError).code).toBe('ARCHIVE_DISK_FULL');
      expect((refused as HosoError).message).toMatch(/hết chỗ trống/);
      expect((refused as HosoError).message).not.toMatch(/khôi phục từ bản sao lưu/);
      expect(viAll(checkArchiveFile(file).problems).join(' ')).toMatch(/hết chỗ trống/);
      expect(readFileSync(file).equals(bytes)).toBe(true);

      disk.free(s.archive);
      const reopened = await openArchive({ file });
      try {
        expect(
          (
            await directClient(
              createDispatcher(createHandlers(createContext(reopened, 'direct', '0.0.0-test')), silentLogger),
            )('meetings/get', { id: kept.id })
          ).title,
        ).toBe('Hội nghị sơ kết sáu tháng');
      } finally {
        reopened.close();
      }
    }, 60_000);
  });
