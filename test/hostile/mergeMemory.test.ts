import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { tempDir } from '../helpers/tempArchive';
import { fillRecord, makeBag } from '../helpers/makeBag';
import type { MeetingJson } from '../../services/archive/meetingJson';
import { meetingFiles, rebag } from './hostileBags';

/**
 * Issue 19: a bag of one meeting with 1 000 000 attendees (a 300 MB JSON file) made the preview use
 * 4 GB. The file's size is read before it is parsed and the bag refused with a clear message; the peak
 * memory of the preview, measured in a child process, stays far below 512 MB.
 */
let a: RecordSession;
let t: { dir: string; cleanup: () => void };
beforeAll(async () => {
  a = await recordSession();
  t = tempDir('hoso-merge-memory-');
});
afterAll(() => {
  a.cleanup();
  t.cleanup();
});

const ROOT = resolve(import.meta.dirname, '..', '..');

describe('the preview of a bag of 1 000 000 attendees', () => {
  it('is refused with MERGE_RECORD_INVALID, its peak RSS under 512 MB', async () => {
    await fillRecord(a, { title: 'Đại hội có một triệu đại biểu' });
    const bag = await makeBag(a.archive, join(t.dir, 'goi'));
    const [file] = meetingFiles(bag);
    const json = JSON.parse(readFileSync(file!, 'utf8')) as MeetingJson;
    const row = json.attendance[0]!;
    // Written as a stream: the generator itself never holds the 300 MB.
    const { attendance: _rows, ...rest } = json;
    const head = JSON.stringify(rest);
    const out = createWriteStream(file!);
    out.write(`${head.slice(0, -1)},"attendance":[`);
    for (let i = 0; i < 1_000_000; i++) {
      const r = { ...row, id: `01934a5e-0000-7000-8000-${String(i).padStart(12, '0')}`, personId: `01934a5f-0000-7000-8000-${String(i).padStart(12, '0')}`, position: i };
      if (!out.write(`${i ? ',' : ''}${JSON.stringify(r)}`)) await once(out, 'drain');
    }
    out.end(']}\n');
    await once(out, 'finish');
    await rebag(bag);

    const db = join(t.dir, 'may-b', 'archive.sqlite');
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'hostile', 'previewRss.ts'), db, bag], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 80_000,
    });
    expect(child.status, child.stderr).toBe(0);
    const r = JSON.parse(child.stdout) as { code: string | null; maxRssMb: number };
    console.log(`preview of the 1 000 000-attendee bag: ${JSON.stringify(r)}`);
    expect(r.code).toBe('MERGE_RECORD_INVALID');
    expect(r.maxRssMb).toBeLessThan(512);
  }, 88_000);
});
