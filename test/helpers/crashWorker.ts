/**
 * The child process of the crash loop (test/integration/crashLoop.test.ts), run as
 * `node --import tsx test/helpers/crashWorker.ts <workload> <archive> <seed> [extra…]` and killed with
 * SIGKILL by the parent at a random moment. It writes through the app's own services and tells the
 * parent, one stdout line at a time, what it has done:
 *
 *   ready                        setup done, the workload starts now
 *   begin <meetingId|new>        a write transaction on that meeting (or creating meetings) starts
 *   committed <meetingId> <hash> that transaction's commit call has RETURNED; <hash> is the meeting's
 *                                content hash (meetingContentHash) read back right after
 *   end                          the write begun last is over: between this and the next `begin`
 *                                nothing is being written (a kill there must find exactly what was reported)
 *   backup <path>                backupNow returned: this backup is verified and named
 *
 * A line is written only after the fact it states is true, so whatever the parent reads as committed
 * must be in the archive after the kill. Workloads:
 *   writes  meetings with attendees, conclusions, documents and photos through the contract (one
 *           transaction per call, as the record screen makes them), forever
 *   import  the import service (importMany) on the import fixtures, in batches, forever
 *   merge   merge/preview + merge/apply of each bag named after the seed, one after the other
 *   backup  the writes above while backupNow runs again and again beside them
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openArchive, type Archive } from '../../db/open';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher, directClient } from '../../services/dispatch';
import { silentLogger } from '../../services/log';
import { meetingContentHash, meetingToJson } from '../../services/archive/meetingJson';
import { importMany } from '../../services/import/index';
import { readFileSource } from '../../services/import/sources';
import { backupNow } from '../../services/backups';
import { jpeg } from './images';
import { crashRandom, pick } from './crashRandom';

export const CRASH_WORKLOADS = ['writes', 'import', 'merge', 'backup'] as const;
export type CrashWorkload = (typeof CRASH_WORKLOADS)[number];

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'import');

const say = (line: string) => process.stdout.write(`${line}\n`);

function contentHash(archive: Archive, id: string): string {
  return meetingContentHash(meetingToJson(archive, id));
}

const TITLES = [
  'Hội nghị giao ban công tác quân sự, quốc phòng',
  'Họp Đảng ủy Trung đoàn',
  'Hội nghị sơ kết công tác dân vận',
  'Làm việc với Ban Chỉ huy Quân sự huyện',
  'Hội nghị triển khai nhiệm vụ huấn luyện',
];
const PLACES = [
  'Hội trường Bộ Chỉ huy Quân sự tỉnh',
  'Phòng họp Ủy ban nhân dân huyện',
  'Nhà văn hóa xã Tân Phong',
  'Hội trường Sư đoàn',
];
const NAMES = [
  'Nguyễn Văn Thành',
  'Lê Thị Hồng Vân',
  'Trần Đức Lượng',
  'Phạm Quốc Hưng',
  'Đỗ Minh Tuấn',
  'Vũ Thị Thu Hà',
  'Hoàng Trọng Nghĩa',
];
const RANKS = ['Đại tá', 'Thượng tá', 'Trung tá', 'Thiếu tá', ''];
const CONCLUSIONS = [
  'Các cơ quan, đơn vị khẩn trương hoàn thành kế hoạch huấn luyện năm.',
  'Tăng cường phối hợp giữa lực lượng quân sự và công an xã trong bảo đảm an ninh trật tự.',
  'Văn phòng tổng hợp ý kiến, báo cáo Thường trực trước ngày 15 hằng tháng.',
  'Chuẩn bị chu đáo cho diễn tập khu vực phòng thủ cấp huyện.',
];

/** One meeting after another, each built by several contract calls; every call is its own transaction. */
async function writeLoop(archive: Archive, seed: number, stop: () => boolean = () => false): Promise<void> {
  const rnd = crashRandom(seed);
  const call = directClient(
    createDispatcher(createHandlers(createContext(archive, 'direct', '0.0.0-crash')), silentLogger),
  );
  const committed = (id: string) => {
    say(`committed ${id} ${contentHash(archive, id)}`);
    say('end');
  };
  let photoNo = 0;
  for (let n = 0; !stop(); n++) {
    say('begin new');
    const m = await call('meetings/create', {
      title: `${pick(rnd, TITLES)} (lần ${n + 1}, mã ${seed})`,
      kind: 'Hội nghị',
      meetingDate: `2025-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
      startTime: '08:00',
      endTime: null,
      location: pick(rnd, PLACES),
      minutesText:
        'Các đại biểu thảo luận, thống nhất nội dung trọng tâm và biện pháp thực hiện trong thời gian tới.',
    });
    committed(m.id);
    let v = m.version;
    const steps = 2 + Math.floor(rnd() * 4);
    for (let s = 0; s < steps && !stop(); s++) {
      say(`begin ${m.id}`);
      const what = rnd();
      if (what < 0.35) {
        const rows = Array.from({ length: 1 + Math.floor(rnd() * 6) }, (_, i) => ({
          fullName: `${pick(rnd, NAMES)} ${n}-${s}-${i}`,
          rank: pick(rnd, RANKS),
          titles: 'Chỉ huy trưởng',
        }));
        v = (await call('attendance/add-many', { meetingId: m.id, version: v, rows, role: 'dai_bieu' }))
          .meetingVersion;
      } else if (what < 0.65) {
        v = (
          await call('conclusions/add', {
            meetingId: m.id,
            version: v,
            fields: { text: pick(rnd, CONCLUSIONS) },
          })
        ).meetingVersion;
      } else if (what < 0.8) {
        v = (
          await call('documents/add', {
            meetingId: m.id,
            version: v,
            fields: { number: `${100 + n * 10 + s}-KH/ĐU`, docType: 'Kế hoạch' },
          })
        ).meetingVersion;
      } else {
        photoNo++;
        const color = `#${((seed * 7919 + photoNo * 104729) & 0xffffff).toString(16).padStart(6, '0')}`;
        const photo = await call('photos/add', {
          meetingId: m.id,
          version: v,
          fileName: `anh-${photoNo}.jpg`,
          dataBase64: (await jpeg({ color, width: 48 + (photoNo % 16), height: 32 })).toString('base64'),
          caption: `Quang cảnh hội nghị (ảnh ${photoNo}).`,
          credit: 'Ảnh: Minh Châu',
        });
        v = photo.meetingVersion;
      }
      committed(m.id);
    }
  }
}

/** The import service on every fixture, again and again (duplicates allowed, so each batch writes). */
async function importLoop(archive: Archive, seed: number): Promise<void> {
  const rnd = crashRandom(seed);
  const files = readdirSync(FIXTURES).filter((f) => /\.(txt|md|html)$/.test(f));
  for (;;) {
    const batch = files.filter(() => rnd() < 0.7);
    if (batch.length === 0) continue;
    say('begin new');
    await importMany(
      archive,
      batch.map((name) => ({ name, read: () => readFileSource(name, readFileSync(join(FIXTURES, name))) })),
      { actor: 'kiểm thử sập nguồn', allowDuplicate: true },
      // Called after the group holding the item has committed.
      (item) => {
        if (item.meetingId) say(`committed ${item.meetingId} ${contentHash(archive, item.meetingId)}`);
      },
    );
    say('end');
  }
}

/** Each bag merged through the contract (preview, then apply with the defaults). */
async function mergeBags(archive: Archive, bags: string[]): Promise<void> {
  const call = directClient(
    createDispatcher(createHandlers(createContext(archive, 'direct', '0.0.0-crash')), silentLogger),
  );
  for (const path of bags) {
    const plan = await call('merge/preview', { path });
    say('begin new');
    await call('merge/apply', { path, token: plan.token, meetings: {}, people: {} });
    for (const m of plan.meetings) say(`committed ${m.id} ${contentHash(archive, m.id)}`);
    say('end');
  }
  say('done');
}

/** Backups one after the other while the write loop goes on beside them. */
async function backupWhileWriting(archive: Archive, seed: number): Promise<void> {
  let stopped = false;
  const writing = writeLoop(archive, seed, () => stopped);
  try {
    for (;;) {
      const b = await backupNow(archive);
      say(`backup ${b.path}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    stopped = true;
    await writing;
  }
}

async function main(): Promise<void> {
  const [workload, file, seedText, ...extra] = process.argv.slice(2);
  if (!CRASH_WORKLOADS.includes(workload as CrashWorkload) || !file || !seedText) {
    throw new Error('usage: crashWorker <writes|import|merge|backup> <archive> <seed> [bag…]');
  }
  const seed = Number(seedText);
  const archive = await openArchive({ file });
  say('ready');
  if (workload === 'writes') await writeLoop(archive, seed);
  else if (workload === 'import') await importLoop(archive, seed);
  else if (workload === 'merge') {
    await mergeBags(archive, extra);
    // Stay until the parent's kill comes, as the other workloads do: the parent counts this trial as
    // finished before the kill rather than as a process that died by itself.
    await new Promise(() => setInterval(() => {}, 60_000));
  } else await backupWhileWriting(archive, seed);
  archive.close();
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
