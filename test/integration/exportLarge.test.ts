import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  statSync,
  writeSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { exportArchive, exportError, meetingFilesBytes } from '../../services/archive/exportArchive';
import { meetingPagePath } from '../../services/archive/browsePages';
import {
  MEETING_JSON_BATCH,
  meetingJsonPath,
  meetingsToJson,
  meetingToJson,
  parseMeetingJson,
} from '../../services/archive/meetingJson';
import { nodeDestFs, type DestFs } from '../../services/archive/destFs';
import { HosoError } from '../../contract/errors';
import { validateBag } from '../helpers/bagitValidator';
import { addRecord } from '../helpers/meetingRecord';
import { tempDir } from '../helpers/tempArchive';
import { bagMeetingFiles, ENV, EVERYTHING, exportFixture, type ExportFixture } from './exportFixture';

/**
 * What makes a large export fast must not change what it writes: meetings read in batches give the
 * same JSON as one by one, spread over folders a FAT32 stick can hold, and a real stick that fills up
 * while the meeting files are written is a clear refusal that leaves no bag.
 */
let f: ExportFixture;
beforeEach(async () => {
  f = await exportFixture({ secret: false });
});
afterEach(() => f.cleanup());

describe('meetings read in batches', () => {
  it('give exactly the JSON of each meeting read alone; trashed and unknown ids are left out', () => {
    const live = [f.ids.giaoBan, f.ids.tongKet, f.ids.escaped];
    const batch = meetingsToJson(
      f.archive,
      [f.ids.tongKet, 'khong-co-id-nay', f.ids.secret, f.ids.giaoBan, f.ids.escaped],
      { now: 1 },
    );
    expect(batch.map((j) => j.meeting.id)).toEqual([f.ids.tongKet, f.ids.giaoBan, f.ids.escaped]);
    for (const json of batch) expect(json).toEqual(meetingToJson(f.archive, json.meeting.id, { now: 1 }));
    // Each record names only its own people, in directory order, as when read alone.
    const giaoBan = batch.find((j) => j.meeting.id === f.ids.giaoBan)!;
    expect(giaoBan.people.map((p) => p.fullName).sort()).toEqual(['Nguyễn Văn Thành', 'Trần Thị Mai']);
    expect(batch.find((j) => j.meeting.id === f.ids.tongKet)!.people).toEqual([]);
    expect(live.every((id) => batch.some((j) => j.meeting.id === id))).toBe(true);

    const trashed = meetingsToJson(f.archive, [f.ids.secret, f.ids.giaoBan], { trashed: true, now: 1 });
    expect(trashed.map((j) => j.meeting.id)).toEqual([f.ids.secret]);
    expect(trashed[0]).toEqual(meetingToJson(f.archive, f.ids.secret, { trashed: true, now: 1 }));
  });

  it('an export of more meetings than one batch writes every meeting once, each file equal to the meeting read alone', async () => {
    for (let i = 0; i < MEETING_JSON_BATCH + 7; i++)
      addRecord(f.archive, {
        title: `Giao ban công tác dân quân tự vệ tuần ${i + 1}`,
        date: `2024-0${(i % 9) + 1}-1${i % 10}`,
        minutes: `Ban Chỉ huy Quân sự xã họp giao ban tuần ${i + 1}, đánh giá công tác huấn luyện.`,
        attendees: [
          { name: `Lê Văn Hùng ${i % 5}`, rank: 'Thiếu tá', titles: 'Chỉ huy trưởng', role: 'chu_tri' },
        ],
      });
    const r = await exportArchive(f.archive, { dest: f.usb, selection: EVERYTHING, passphrase: null }, ENV);
    expect(r.meetings).toBe(MEETING_JSON_BATCH + 7 + 3);
    const files = bagMeetingFiles(r.path);
    expect(files).toHaveLength(r.meetings);
    for (const name of files) {
      const json = parseMeetingJson(readFileSync(join(r.path, 'data', name), 'utf8'), name);
      expect(name).toBe(meetingJsonPath(json.meeting.id));
      expect(json).toEqual({
        ...meetingToJson(f.archive, json.meeting.id),
        exportedAt: json.exportedAt,
        generator: json.generator,
      });
      expect(statSync(join(r.path, 'data', meetingPagePath(json.meeting.id))).isFile()).toBe(true);
    }
    // Spread over folders (FAT32 holds about 13 000 such names in one folder): none holds them all.
    const folders = new Set(files.map((n) => n.split('/')[1]));
    expect(folders.size).toBeGreaterThan(50);
    expect(validateBag(r.path)).toEqual([]);
  });
});

describe('the size said before starting', () => {
  it('covers the meeting files actually written, without asking for much more room than they take', async () => {
    const minutes = (i: number) =>
      `Đồng chí Đại tá Trần Minh Quang, Chính ủy Bộ Chỉ huy Quân sự tỉnh, chủ trì hội nghị lần ${i}.\n\n` +
      'Hội nghị đánh giá kết quả thực hiện nhiệm vụ quân sự, quốc phòng địa phương; công tác tuyển chọn và gọi công dân nhập ngũ; huấn luyện dân quân tự vệ, dự bị động viên. '.repeat(
        1 + (i % 5),
      );
    for (let i = 0; i < 120; i++)
      addRecord(f.archive, {
        title: `Hội nghị Đảng ủy Quân sự tỉnh lần thứ ${i + 1}`,
        date: `2025-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 9) + 1}`,
        minutes: minutes(i),
        attendees: Array.from({ length: 1 + (i % 12) }, (_, k) => ({
          name: `Nguyễn Văn Thắng ${k}`,
          rank: k % 2 ? 'Thượng tá' : 'Trung tá',
          titles: 'Phó Chỉ huy trưởng, Tham mưu trưởng',
          role: k === 0 ? 'chu_tri' : 'tham_du',
        })),
        conclusions: Array.from({ length: i % 4 }, (_, k) => `Kết luận ${k + 1}: tiếp tục quán triệt, triển khai nghiêm các nghị quyết, chỉ thị.`),
      });
    const ids = (f.archive.sqlite.prepare('SELECT id FROM meetings WHERE deleted_at IS NULL').all() as { id: string }[]).map(
      (r) => r.id,
    );
    const said = meetingFilesBytes(f.archive, ids, ids.length);
    const r = await exportArchive(f.archive, { dest: f.usb, selection: EVERYTHING, passphrase: null }, ENV);
    const written = readFileSync(join(r.path, 'manifest-sha256.txt'), 'utf8')
      .split('\n')
      .filter((l) => / data\/(meetings|pages)\/..\//.test(l))
      .map((l) => statSync(join(r.path, l.slice(66))).size)
      .reduce((a, b) => a + b, 0);
    expect(written).toBeGreaterThan(0);
    expect(said).toBeGreaterThanOrEqual(written);
    expect(said).toBeLessThan(written * 1.5);
  });
});

describe('a real stick that fills up', () => {
  it('a stick that fills up during the meeting files (a real tmpfs) is refused clearly and leaves no bag', async () => {
    const usb = tempDir('hoso-tmpfs-');
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', usb.dir]).status === 0;
    try {
      expect(mounted, 'this test needs to mount a small tmpfs (run as root, as CI does)').toBe(true);
      // Room for the snapshot and a little more: the stick fills up while the meeting files are written.
      const snapshotBytes =
        (f.archive.sqlite.pragma('page_count', { simple: true }) as number) *
        (f.archive.sqlite.pragma('page_size', { simple: true }) as number);
      const keepFree = snapshotBytes + 48 * 1024;
      const fd = openSync(join(usb.dir, 'filler.bin'), 'w');
      const chunk = Buffer.alloc(64 * 1024, 0x55);
      try {
        while (statfsSync(usb.dir).bavail * statfsSync(usb.dir).bsize > keepFree + chunk.length)
          writeSync(fd, chunk);
      } finally {
        closeSync(fd);
      }
      // The stick claims plenty of room, so the export starts and meets the real full disk while writing.
      const liar: DestFs = {
        ...nodeDestFs,
        statfs: async (p) => ({ ...(await nodeDestFs.statfs(p)), bavail: 1 << 30, bsize: 4096 }),
      };
      const e = await exportArchive(
        f.archive,
        { dest: usb.dir, selection: EVERYTHING, passphrase: null },
        { ...ENV, fs: liar },
      ).then(
        () => null,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(HosoError);
      expect((e as HosoError).code).toBe('EXPORT_DEST_FULL');
      expect((e as HosoError).message).toMatch(/không đủ chỗ trống/);
      expect(readdirSync(usb.dir)).toEqual(['filler.bin']);
      rmSync(join(usb.dir, 'filler.bin'));
      // Space freed: the same export now succeeds and verifies (the 4 MB stick is under the 8 MB kept
      // free for safety, hence the same claim of room).
      const r = await exportArchive(
        f.archive,
        { dest: usb.dir, selection: EVERYTHING, passphrase: null },
        { ...ENV, fs: liar },
      );
      expect(r.verified).toBe(true);
      expect(validateBag(r.path)).toEqual([]);
    } finally {
      if (mounted) spawnSync('umount', ['-l', usb.dir]);
      usb.cleanup();
    }
  });
});

describe('a damaged archive', () => {
  it('is named as such (not as a problem of the stick) when SQLite finds damage while the meetings are read', () => {
    for (const code of ['SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_NOTADB']) {
      const e = exportError(Object.assign(new Error('database disk image is malformed'), { code }));
      expect(e).toBeInstanceOf(HosoError);
      expect((e as HosoError).code).toBe('EXPORT_SOURCE_DAMAGED');
      expect((e as HosoError).message).toMatch(/Kho hồ sơ trên máy có chỗ bị hỏng/);
    }
  });
});
