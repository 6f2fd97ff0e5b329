import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportArchive } from '../../services/archive/exportArchive';
import { MEETING_JSON_BATCH } from '../../services/archive/meetingJson';
import { HosoError } from '../../contract/errors';
import { nodeDestFs, type DestFs } from '../../services/archive/destFs';
import { validateBag } from '../helpers/bagitValidator';
import { addRecord } from '../helpers/meetingRecord';
import { ENV, EVERYTHING, exportFixture, type ExportFixture } from './exportFixture';

/**
 * Large exports build their meeting files in worker threads (meetingFilesPool.ts). What they write must
 * be exactly what the single-threaded path writes, whatever order the batches come back in, and a
 * worker that fails or a cancel while they run must leave nothing on the stick.
 */
let f: ExportFixture;
const NOW = new Date('2026-11-20T08:30:00');

beforeEach(async () => {
  f = await exportFixture({ secret: false });
  for (let i = 0; i < 2 * MEETING_JSON_BATCH + 37; i++)
    addRecord(f.archive, {
      title: `Giao ban công tác quân sự, quốc phòng địa phương tuần ${i + 1}`,
      date: `202${i % 4}-0${(i % 9) + 1}-${String((i % 27) + 1).padStart(2, '0')}`,
      minutes: `Đồng chí Thượng tá Phạm Văn Đức, Chỉ huy trưởng, chủ trì giao ban tuần ${i + 1}; đánh giá kết quả huấn luyện dân quân tự vệ và tuyển quân năm ${2020 + (i % 4)}.`,
      attendees: [
        { name: `Phạm Văn Đức ${i % 7}`, rank: 'Thượng tá', titles: 'Chỉ huy trưởng', role: 'chu_tri' },
        { name: `Hoàng Thị Lan ${i % 3}`, rank: '', titles: 'Thư ký', role: 'thu_ky' },
      ],
    });
});
afterEach(() => f.cleanup());

/** Every payload line of the manifest but the snapshot's (which differs by the first export's audit entry). */
function payloadManifest(bag: string): string[] {
  return readFileSync(join(bag, 'manifest-sha256.txt'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.endsWith('data/archive.sqlite'));
}

describe('meeting files built in worker threads', () => {
  it('write the very same bag as the single-threaded path: same files, same bytes, same index', async () => {
    const one = await exportArchive(
      f.archive,
      { dest: f.usb, selection: EVERYTHING, passphrase: null },
      { ...ENV, now: NOW, meetingWorkers: 0 },
    );
    const two = await exportArchive(
      f.archive,
      { dest: f.usb, selection: EVERYTHING, passphrase: null },
      { ...ENV, now: NOW, meetingWorkers: 2 },
    );
    expect(two.meetings).toBe(one.meetings);
    const lines = payloadManifest(two.path);
    // JSON + page per meeting, the index pages, the style sheet.
    expect(lines.filter((l) => /data\/meetings\/..\//.test(l))).toHaveLength(two.meetings);
    expect(lines.filter((l) => /data\/pages\/..\//.test(l))).toHaveLength(two.meetings);
    expect(lines).toEqual(payloadManifest(one.path));
    expect(readFileSync(join(two.path, 'data', 'index.html'), 'utf8')).toBe(
      readFileSync(join(one.path, 'data', 'index.html'), 'utf8'),
    );
    expect(validateBag(two.path)).toEqual([]);
  });

  it('a worker that cannot start (its script missing from a packaging) leaves the export to one thread: same bag', async () => {
    const one = await exportArchive(
      f.archive,
      { dest: f.usb, selection: EVERYTHING, passphrase: null },
      { ...ENV, now: NOW, meetingWorkers: 0 },
    );
    const fallback = await exportArchive(
      f.archive,
      { dest: f.usb, selection: EVERYTHING, passphrase: null },
      { ...ENV, now: NOW, meetingWorkers: 2, meetingWorkerScript: join(f.usb, 'khong-co-tep-nay.js') },
    );
    expect(fallback.verified).toBe(true);
    expect(payloadManifest(fallback.path)).toEqual(payloadManifest(one.path));
  });

  it('a worker that finds the archive damaged stops the export with that message and leaves no bag', async () => {
    const e = await exportArchive(
      f.archive,
      { dest: f.usb, selection: EVERYTHING, passphrase: null },
      {
        ...ENV,
        meetingWorkers: 2,
        meetingWorkerScript: join(import.meta.dirname, '..', 'helpers', 'damagedMeetingWorker.mjs'),
      },
    ).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(HosoError);
    expect((e as HosoError).code).toBe('EXPORT_SOURCE_DAMAGED');
    expect(readdirSync(f.usb)).toEqual([]);
  });

  it('a stick that is full for the snapshot stops the meeting files at once (they run side by side)', async () => {
    for (const workers of [0, 2]) {
      let failedAt = -1;
      let created = 0;
      const full: DestFs = {
        ...nodeDestFs,
        create: async (path) => {
          created++;
          if (path.endsWith('archive.sqlite') && failedAt < 0) {
            failedAt = created;
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          }
          return nodeDestFs.create(path);
        },
      };
      const e = await exportArchive(
        f.archive,
        { dest: f.usb, selection: EVERYTHING, passphrase: null },
        { ...ENV, fs: full, meetingWorkers: workers },
      ).then(
        () => null,
        (err: unknown) => err,
      );
      expect((e as HosoError).code, `workers ${workers}`).toBe('EXPORT_DEST_FULL');
      expect(readdirSync(f.usb)).toEqual([]);
      // 874 meeting files were to come: only those already under way may follow the failure.
      expect(created - failedAt, `workers ${workers}`).toBeLessThan(80);
    }
  });

  it('a cancel while the workers run leaves nothing on the stick, and the next export succeeds', async () => {
    const controller = new AbortController();
    let files = 0;
    const e = await exportArchive(
      f.archive,
      { dest: f.usb, selection: EVERYTHING, passphrase: null },
      {
        ...ENV,
        meetingWorkers: 2,
        signal: controller.signal,
        progress: {
          phase: () => undefined,
          bytes: () => undefined,
          // Cancelled in the middle of the meeting files.
          file: () => {
            if (++files === MEETING_JSON_BATCH) controller.abort();
          },
        },
      },
    ).then(
      () => null,
      (err: unknown) => err,
    );
    expect((e as HosoError).code).toBe('EXPORT_CANCELLED');
    expect(readdirSync(f.usb)).toEqual([]);
    const r = await exportArchive(
      f.archive,
      { dest: f.usb, selection: EVERYTHING, passphrase: null },
      { ...ENV, meetingWorkers: 2 },
    );
    expect(validateBag(r.path)).toEqual([]);
  });
});
