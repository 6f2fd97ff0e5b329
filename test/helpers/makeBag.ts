import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Archive } from '../../db/open';
import { meetingToJson, serializeMeetingJson, type MeetingJson } from '../../services/archive/meetingJson';
import { findPhotoFile } from '../../services/photoFiles';
import type { MeetingFieldsInput } from '../../contract/contract';
import { jpeg } from './images';
import type { RecordSession } from './recordSession';

/**
 * Test bags for the merge, written here from an archive with meetingToJson, independently of the
 * exporter (BagIt 1.0, RFC 8493: bagit.txt, bag-info.txt, manifest-sha256.txt over data/,
 * tagmanifest-sha256.txt over the tag files). No index.html: the merge never reads it.
 */
export async function makeBag(
  archive: Archive,
  bagDir: string,
  options: {
    meetingIds?: string[];
    /** Rewrites each meeting's JSON before it is written (a bag "from another hoso version"). */
    edit?: (json: MeetingJson) => unknown;
    /** The bytes of data/archive.sqlite instead of a real snapshot. */
    snapshot?: Buffer;
  } = {},
): Promise<string> {
  const data = join(bagDir, 'data');
  mkdirSync(join(data, 'meetings'), { recursive: true });
  const ids =
    options.meetingIds ??
    (archive.sqlite.prepare('SELECT id FROM meetings WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[]);
  for (const id of ids) {
    const json = meetingToJson(archive, id);
    writeFileSync(join(data, 'meetings', `${id}.json`), options.edit ? `${JSON.stringify(options.edit(json), null, 2)}\n` : serializeMeetingJson(json));
    for (const p of json.photos) {
      if (p.fileHash === null || p.file === null) continue; // a card waiting for its picture
      const found = findPhotoFile(dirname(archive.file), p.fileHash);
      if (!found) throw new Error(`test bag: photo file ${p.fileHash} missing from the archive`);
      mkdirSync(dirname(join(data, p.file)), { recursive: true });
      copyFileSync(found.path, join(data, p.file));
    }
  }
  if (options.snapshot) writeFileSync(join(data, 'archive.sqlite'), options.snapshot);
  else await archive.sqlite.backup(join(data, 'archive.sqlite'));
  const payload = walk(data).sort();
  let octets = 0;
  const manifest = payload.map((f) => {
    octets += statSync(f).size;
    return `${sha256(f)}  ${relative(bagDir, f).split(sep).join('/')}\n`;
  });
  writeFileSync(join(bagDir, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  writeFileSync(
    join(bagDir, 'bag-info.txt'),
    `Source-Organization: Văn phòng kiểm thử\nBagging-Date: 2025-11-22\nPayload-Oxum: ${octets}.${payload.length}\nBag-Software-Agent: hoso test makeBag\nHoso-Meetings: ${ids.length}\n`,
  );
  writeFileSync(join(bagDir, 'manifest-sha256.txt'), manifest.join(''));
  const tags = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt'].map((n) => `${sha256(join(bagDir, n))}  ${n}\n`);
  writeFileSync(join(bagDir, 'tagmanifest-sha256.txt'), tags.join(''));
  return bagDir;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export interface FilledRecord {
  id: string;
  version: number;
  chairPersonId: string;
  secretaryPersonId: string;
}

/**
 * A meeting with something in every part, written through the contract as a clerk would: chair and
 * secretary (new people, or the given directory ids), minutes, a task assigned to the secretary, a
 * document number, a tag and a real photo (`color` makes its file unique) with the chair tagged in it.
 */
export async function fillRecord(
  s: Pick<RecordSession, 'call' | 'meeting'>,
  spec: Partial<MeetingFieldsInput> & { finalize?: boolean; color?: string; chairId?: string; secretaryId?: string } = {},
): Promise<FilledRecord> {
  const { finalize, color, chairId, secretaryId, ...fields } = spec;
  const m = await s.meeting({
    minutesText: 'Đồng chí Chính ủy quán triệt nghị quyết, các đại biểu thảo luận và thống nhất nhiệm vụ trọng tâm quý tới.',
    ...fields,
  });
  let v = m.version;
  const chair = await s.call('attendance/add', {
    meetingId: m.id,
    version: v,
    person: chairId ? { kind: 'existing', id: chairId } : { kind: 'new', fullName: 'Trần Quang Phương', rank: 'Thượng tướng', title: 'Phó Chủ tịch Quốc hội' },
    role: 'chu_tri',
  });
  v = chair.meetingVersion;
  const secretary = await s.call('attendance/add', {
    meetingId: m.id,
    version: v,
    person: secretaryId ? { kind: 'existing', id: secretaryId } : { kind: 'new', fullName: 'Nguyễn Thị Hồng Nhung', rank: 'Thiếu tá', title: 'Trợ lý tổng hợp' },
    role: 'thu_ky',
  });
  v = secretary.meetingVersion;
  v = (
    await s.call('conclusions/add', {
      meetingId: m.id,
      version: v,
      fields: { text: 'Hoàn thành kế hoạch huấn luyện dự bị động viên trước ngày 31/12.', isTask: true, deadline: '2025-12-31', assigneePersonId: secretary.row.personId },
    })
  ).meetingVersion;
  v = (await s.call('documents/add', { meetingId: m.id, version: v, fields: { number: '1445-TB/QUTW-TUHN', docType: 'Thông báo' } })).meetingVersion;
  v = (await s.call('tags/set', { meetingId: m.id, version: v, names: ['Quốc phòng'] })).meetingVersion;
  const photo = await s.call('photos/add', {
    meetingId: m.id,
    version: v,
    fileName: 'quang-canh.jpg',
    dataBase64: (await jpeg({ color: color ?? '#2e7d32' })).toString('base64'),
    caption: 'Quang cảnh hội nghị.',
    credit: 'Ảnh: Việt Hà',
  });
  v = photo.meetingVersion;
  v = (await s.call('photos/set-people', { id: photo.photo.id, version: v, personIds: [chair.row.personId] })).meetingVersion;
  if (finalize) v = (await s.call('meetings/finalize', { id: m.id, version: v })).meetingVersion;
  return { id: m.id, version: v, chairPersonId: chair.row.personId, secretaryPersonId: secretary.row.personId };
}
