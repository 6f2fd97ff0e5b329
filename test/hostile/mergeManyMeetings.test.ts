import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { tempDir } from '../helpers/tempArchive';
import { fillRecord, makeBag } from '../helpers/makeBag';
import type { MeetingJson } from '../../services/archive/meetingJson';
import { meetingFiles, rebag } from './hostileBags';

/**
 * Issue 19, defect 5 ("memory of a preview stays bounded"): every file of a bag within its caps, but many
 * of them. 40 sound meetings of 20 000 attendees each (a directory of 20 000 people shared by all, a
 * 430 MB of JSON) used to be held parsed all at once until the plan was made (2 GB at the peak). The preview reads, judges and plans one file at a time: its peak resident memory, measured in a
 * child process, stays under 512 MB, and the plan is complete (40 new meetings, 20 000 new people).
 */
let a: RecordSession;
let t: { dir: string; cleanup: () => void };
beforeAll(async () => {
  a = await recordSession();
  t = tempDir('hoso-merge-many-');
});
afterAll(() => {
  a.cleanup();
  t.cleanup();
});

const ROOT = resolve(import.meta.dirname, '..', '..');
const MEETINGS = 40;
const ATTENDEES = 20_000;
const uuid = (kind: number, n: number) =>
  `01934a${kind.toString(16).padStart(2, '0')}-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('the preview of a bag of 40 meetings × 20 000 attendees, each file within its caps', () => {
  it('is complete, its peak RSS under 512 MB', async () => {
    await fillRecord(a, { title: 'Hội nghị cán bộ toàn tỉnh' });
    const bag = await makeBag(a.archive, join(t.dir, 'goi'));
    const [first] = meetingFiles(bag);
    const json = JSON.parse(readFileSync(first!, 'utf8')) as MeetingJson;
    rmSync(first!);
    const person = json.people[0]!;
    const row = json.attendance[0]!;
    const people = Array.from({ length: ATTENDEES }, (_, i) => ({
      ...person,
      id: uuid(0x5f, i),
      fullName: `Nguyễn Văn Thử ${i}`,
    }));
    const { attendance: _a, people: _p, photos: _ph, conclusions: _c, documents: _d, ...rest } = json;
    for (let m = 0; m < MEETINGS; m++) {
      const id = uuid(0x5e, m);
      const head = JSON.stringify({
        ...rest,
        meeting: { ...json.meeting, id, title: `Hội nghị cán bộ toàn tỉnh lần ${m + 1}` },
        photos: [],
        conclusions: [],
        documents: [],
      });
      const file = join(dirname(first!), `${id}.json`);
      mkdirSync(dirname(file), { recursive: true });
      // Written as a stream: the generator never holds a whole file's rows as text.
      const out = createWriteStream(file);
      out.write(`${head.slice(0, -1)},"people":${JSON.stringify(people)},"attendance":[`);
      for (let i = 0; i < ATTENDEES; i++) {
        const r = {
          ...row,
          id: uuid(0x60 + (m % 64), m * ATTENDEES + i),
          personId: uuid(0x5f, i),
          fullName: `Nguyễn Văn Thử ${i}`,
          position: i,
        };
        if (!out.write(`${i ? ',' : ''}${JSON.stringify(r)}`)) await once(out, 'drain');
      }
      out.end(']}\n');
      await once(out, 'finish');
    }
    await rebag(bag);

    const db = join(t.dir, 'may-b', 'archive.sqlite');
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'test', 'hostile', 'previewRss.ts'), db, bag],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 150_000,
      },
    );
    expect(child.status, child.stderr).toBe(0);
    const r = JSON.parse(child.stdout) as {
      code: string | null;
      maxRssMb: number;
      meetings: Record<string, number> | null;
      people: Record<string, number> | null;
    };
    console.log(`preview of ${MEETINGS} × ${ATTENDEES} attendees: ${JSON.stringify(r)}`);
    expect(r.code).toBeNull();
    expect(r.meetings?.new).toBe(MEETINGS);
    expect(r.people?.new).toBe(ATTENDEES);
    expect(r.maxRssMb).toBeLessThan(512);
  }, 200_000);
});
