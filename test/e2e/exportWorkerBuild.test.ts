import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportArchive } from '../../services/archive/exportArchive';
import { MEETING_JSON_BATCH } from '../../services/archive/meetingJson';
import { validateBag } from '../helpers/bagitValidator';
import { addRecord } from '../helpers/meetingRecord';
import { ENV, EVERYTHING, exportFixture, type ExportFixture } from '../integration/exportFixture';

// The built main bundle, as the desktop app runs it (`npm run test:e2e` builds it first).
const MAIN = process.env.HOSO_OUT
  ? resolve(process.env.HOSO_OUT, 'main')
  : resolve(import.meta.dirname, '..', '..', 'out', 'main');

/**
 * The desktop app's large exports start their worker threads from the built bundle
 * (out/main/meetingFilesWorker.js, an entry of electron.vite.config.ts), not from the TypeScript the
 * other tests run. That file must exist beside index.js and build the same bag.
 */
describe('the built export worker', () => {
  let f: ExportFixture;
  beforeAll(async () => {
    f = await exportFixture({ secret: false });
    for (let i = 0; i < MEETING_JSON_BATCH + 11; i++)
      addRecord(f.archive, {
        title: `Hội nghị giao ban Đảng ủy Quân sự tỉnh tháng ${(i % 12) + 1}`,
        date: `2025-${String((i % 12) + 1).padStart(2, '0')}-15`,
        minutes: `Đại tá Nguyễn Quốc Hưng, Bí thư Đảng ủy, Chỉ huy trưởng, chủ trì hội nghị lần ${i + 1}.`,
        attendees: [{ name: 'Nguyễn Quốc Hưng', rank: 'Đại tá', titles: 'Chỉ huy trưởng', role: 'chu_tri' }],
      });
  });
  afterAll(() => f.cleanup());

  it('sits beside the bundle and writes the same meeting files as the single-threaded path', async () => {
    const script = join(MAIN, 'meetingFilesWorker.js');
    expect(existsSync(script), `${script} (run electron-vite build)`).toBe(true);
    const now = new Date('2026-11-21T09:00:00');
    const built = await exportArchive(
      f.archive,
      { dest: f.usb, selection: EVERYTHING, passphrase: null },
      { ...ENV, now, meetingWorkers: 2, meetingWorkerScript: script },
    );
    const inThread = await exportArchive(
      f.archive,
      { dest: f.usb, selection: EVERYTHING, passphrase: null },
      { ...ENV, now, meetingWorkers: 0 },
    );
    expect(validateBag(built.path)).toEqual([]);
    const manifest = (bag: string) =>
      readFileSync(join(bag, 'manifest-sha256.txt'), 'utf8')
        .split('\n')
        .filter((l) => /data\/(meetings|pages)\//.test(l));
    expect(manifest(built.path)).toHaveLength(2 * built.meetings);
    expect(manifest(built.path)).toEqual(manifest(inThread.path));
  });
});
