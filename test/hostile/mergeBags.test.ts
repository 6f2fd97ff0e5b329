import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyMerge, previewMerge } from '../../services/archive/mergeApply';
import { checkSeal } from '../../db/seal';
import { HosoError } from '../../contract/errors';
import type { MergeApplyInput } from '../../contract/mergeContract';
import type { MeetingJson } from '../../services/archive/meetingJson';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { tempDir } from '../helpers/tempArchive';
import { fillRecord, makeBag } from '../helpers/makeBag';
import { editMeeting, meetingFiles, rebag, TAR_END, tarFile, tarHeader, writeAge } from './hostileBags';
import { PHOTO_MAX_BYTES } from '../../contract/photoContract';

/**
 * Issue 19, the merge's part: a bag is hostile input. Every bag here still verifies (its manifests were
 * written again after the edit, as an attacker would), so only the merge's own checks stand between it
 * and the archive: the contract's rules for each record, sanitized minutes, verified seals, row caps,
 * and bounded reads of an encrypted bag.
 */
let a: RecordSession;
let b: RecordSession;
let bags: { dir: string; cleanup: () => void };
let n = 0;
beforeEach(async () => {
  a = await recordSession();
  b = await recordSession();
  bags = tempDir('hoso-hostile-bags-');
});
afterEach(() => {
  a.cleanup();
  b.cleanup();
  bags.cleanup();
});

const bagOf = async (s: RecordSession) => makeBag(s.archive, join(bags.dir, `bag-${++n}`));

async function merge(s: RecordSession, path: string, choices: Partial<Pick<MergeApplyInput, 'meetings' | 'people'>> = {}, passphrase: string | null = null) {
  const plan = await previewMerge(s.archive, path, passphrase);
  return applyMerge(s.archive, { path, passphrase, token: plan.token, meetings: choices.meetings ?? {}, people: choices.people ?? {} }, { actor: 'Văn thư B' });
}

async function refusal(p: Promise<unknown>): Promise<HosoError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HosoError) return e;
    throw new Error(`not a HosoError: ${String(e)}`, { cause: e });
  }
  throw new Error('the bag was accepted');
}

const leftovers = (s: RecordSession) => {
  const root = join(s.dir, 'merge-tmp');
  return existsSync(root) ? readdirSync(root).filter((f) => f.startsWith('hoso-merge-')) : [];
};

/** A draft and a sealed record on PC A, in one bag. */
async function twoRecords() {
  const draft = await fillRecord(a, { title: 'Hội nghị giao ban công tác quân sự tháng 11', color: '#1565c0' });
  const sealed = await fillRecord(a, {
    title: 'Hội nghị Đảng ủy Quân sự tỉnh tổng kết năm',
    finalize: true,
    color: '#283593',
    chairId: draft.chairPersonId,
    secretaryId: draft.secretaryPersonId,
  });
  return { draft, sealed };
}

describe('merge of a hostile bag: every record passes the clerk’s rules, or nothing is merged', () => {
  it('refuses ids that are not UUIDs, naming the file and the field', async () => {
    const { draft } = await twoRecords();
    const bag = await bagOf(a);
    const file = await editMeeting(bag, (j) => ({ ...j, meeting: { ...j.meeting, id: 'x' } }), (j) => j.meeting.id === draft.id);
    const e = await refusal(previewMerge(b.archive, bag));
    expect(e.code).toBe('MERGE_RECORD_INVALID');
    expect(e.message).toContain(file);
    expect(e.message).toContain('meeting.id');
    expect(b.count('meetings')).toBe(0);

    const bag2 = await bagOf(a);
    await editMeeting(
      bag2,
      (j) => ({ ...j, attendance: j.attendance.map((r, i) => (i === 0 ? { ...r, id: '../../etc' } : r)) }),
      (j) => j.meeting.id === draft.id,
    );
    const e2 = await refusal(previewMerge(b.archive, bag2));
    expect(e2.code).toBe('MERGE_RECORD_INVALID');
    expect(e2.message).toContain('attendance.0.id');
  });

  it('refuses a sealed record whose content does not match its seal, and --theirs never replaces a sealed record with it', async () => {
    const { sealed } = await twoRecords();
    const sound = await bagOf(a);
    await merge(b, sound);
    expect(checkSeal(b.archive, sealed.id)).toMatchObject({ sealed: true, ok: true });

    // The other PC's copy, its title changed by hand, the seal kept.
    const forged = await bagOf(a);
    const file = await editMeeting(forged, (j) => ({ ...j, meeting: { ...j.meeting, title: `${j.meeting.title} (đã sửa)` } }), (j) => j.meeting.id === sealed.id);
    const e = await refusal(merge(b, forged, { meetings: { [sealed.id]: 'theirs' } }));
    expect(e.code).toBe('MERGE_RECORD_INVALID');
    expect(e.message).toContain(file);
    const title = b.archive.sqlite.prepare('SELECT title FROM meetings WHERE id = ?').pluck().get(sealed.id);
    expect(title).toBe('Hội nghị Đảng ủy Quân sự tỉnh tổng kết năm');
    expect(checkSeal(b.archive, sealed.id)).toMatchObject({ ok: true });

    // Into an empty archive, the same forged record is refused too (it would fail `hoso check` after).
    const c = await recordSession();
    try {
      expect((await refusal(previewMerge(c.archive, forged))).code).toBe('MERGE_RECORD_INVALID');
      // A finalized record without a seal, and a draft carrying one, are not sound either.
      const unsealed = await bagOf(a);
      await editMeeting(unsealed, (j) => ({ ...j, meeting: { ...j.meeting, seal: null } }), (j) => j.meeting.id === sealed.id);
      expect((await refusal(previewMerge(c.archive, unsealed))).code).toBe('MERGE_RECORD_INVALID');
      expect(c.count('meetings')).toBe(0);
    } finally {
      c.cleanup();
    }
  });

  it('refuses invalid dates and times, an empty title and a 2 000 000-character one', async () => {
    const { draft } = await twoRecords();
    const cases: [string, (j: MeetingJson) => unknown][] = [
      ['meeting.meetingDate', (j) => ({ ...j, meeting: { ...j.meeting, meetingDate: '2024-02-30' } })],
      ['meeting.startTime', (j) => ({ ...j, meeting: { ...j.meeting, startTime: '25:61' } })],
      ['meeting.title', (j) => ({ ...j, meeting: { ...j.meeting, title: '   ' } })],
      ['meeting.title', (j) => ({ ...j, meeting: { ...j.meeting, title: 'Đ'.repeat(2_000_000) } })],
      ['conclusions.0.deadline', (j) => ({ ...j, conclusions: j.conclusions.map((c) => ({ ...c, deadline: '31/12/2025' })) })],
      ['meeting.meetingDate', (j) => ({ ...j, meeting: { ...j.meeting, meetingDate: '2024-13-01' } })],
    ];
    for (const [field, edit] of cases) {
      const bag = await bagOf(a);
      await editMeeting(bag, edit, (j) => j.meeting.id === draft.id);
      const e = await refusal(previewMerge(b.archive, bag));
      expect(e.code, field).toBe('MERGE_RECORD_INVALID');
      expect(e.message, field).toContain(field);
      // One clear message: the error's text stays short even for a 2 MB title.
      expect(e.message.length, field).toBeLessThan(2000);
    }
    expect(b.count('meetings')).toBe(0);
  });

  it('stores minutes only through the sanitizer: a <script> in the bag never reaches the archive; merging again changes nothing', async () => {
    const { draft } = await twoRecords();
    const bag = await bagOf(a);
    await editMeeting(
      bag,
      (j) => ({ ...j, meeting: { ...j.meeting, minutesHtml: `<p>Hội nghị thống nhất.</p><script>alert(document.cookie)</script><p onclick="x()">Kết thúc <img src=x onerror=alert(1)></p>` } }),
      (j) => j.meeting.id === draft.id,
    );
    await merge(b, bag);
    const html = b.archive.sqlite.prepare('SELECT minutes_html FROM meetings WHERE id = ?').pluck().get(draft.id) as string;
    expect(html).not.toMatch(/script|onclick|onerror|<img/i);
    expect(html).toContain('Hội nghị thống nhất.');
    const again = await merge(b, bag);
    expect(again.changed).toBe(false);
  });

  it('refuses a duplicate attendee with a clear message, not a raw UNIQUE error', async () => {
    const { draft } = await twoRecords();
    const bag = await bagOf(a);
    const file = await editMeeting(
      bag,
      (j) => ({ ...j, attendance: [...j.attendance, { ...j.attendance[0]!, id: '01934a5e-0000-7000-8000-000000000001', position: 99 }] }),
      (j) => j.meeting.id === draft.id,
    );
    const e = await refusal(merge(b, bag));
    expect(e.code).toBe('MERGE_RECORD_INVALID');
    expect(e.message).toContain(file);
    expect(e.message).not.toMatch(/UNIQUE|SQLITE/);
    expect(b.count('meetings')).toBe(0);
  });

  it('a row whose id this archive already holds under another meeting is refused with a clear message, nothing written', async () => {
    const mine = await fillRecord(b, { title: 'Họp chi bộ tháng 12', color: '#2e7d32' });
    const taken = b.archive.sqlite.prepare('SELECT id FROM conclusions WHERE meeting_id = ? LIMIT 1').pluck().get(mine.id) as string;
    const { draft } = await twoRecords();
    const bag = await bagOf(a);
    await editMeeting(
      bag,
      (j) => ({ ...j, conclusions: j.conclusions.map((c, i) => (i === 0 ? { ...c, id: taken } : c)) }),
      (j) => j.meeting.id === draft.id,
    );
    const meetings = b.count('meetings');
    const e = await refusal(merge(b, bag));
    expect(e.code).toBe('MERGE_RECORD_INVALID');
    expect(e.message).not.toMatch(/UNIQUE|SQLITE|constraint/i);
    expect(b.count('meetings')).toBe(meetings);
  });

  it('refuses a photo in the bag larger than a clerk may add, before reading it, and writes nothing', async () => {
    const { draft } = await twoRecords();
    const bag = await bagOf(a);
    const json = JSON.parse(readFileSync(meetingFiles(bag).find((f) => f.includes(draft.id))!, 'utf8')) as MeetingJson;
    const photo = join(bag, 'data', ...json.photos[0]!.file!.split('/'));
    writeFileSync(photo, Buffer.alloc(PHOTO_MAX_BYTES + 1));
    await rebag(bag);
    const e = await refusal(merge(b, bag));
    expect(e.code).toBe('MERGE_BAG_INVALID');
    expect(e.message).toContain('ảnh quá lớn');
    expect(b.count('meetings')).toBe(0);
  });

  it('caps the rows of one record (attendees per meeting) with a clear message', async () => {
    const { draft } = await twoRecords();
    const bag = await bagOf(a);
    await editMeeting(
      bag,
      (j) => ({
        ...j,
        attendance: Array.from({ length: 20_001 }, (_, i) => ({ ...j.attendance[0]!, id: `01934a5e-0000-7000-8000-${String(i).padStart(12, '0')}`, position: i })),
      }),
      (j) => j.meeting.id === draft.id,
    );
    const e = await refusal(previewMerge(b.archive, bag));
    expect(e.code).toBe('MERGE_RECORD_INVALID');
    expect(e.message).toMatch(/20[ .]?001/);
  });

  it('names the first few problems of a bag, not all of them', async () => {
    for (let i = 0; i < 8; i++) await a.meeting({ title: `Cuộc họp ${i + 1}` });
    const bag = await bagOf(a);
    for (let i = 0; i < 8; i++) await editMeeting(bag, (j) => ({ ...j, meeting: { ...j.meeting, kind: '' } }), (j) => j.meeting.kind !== '');
    const e = await refusal(previewMerge(b.archive, bag));
    expect(e.code).toBe('MERGE_RECORD_INVALID');
    expect(e.details.length).toBeLessThanOrEqual(6);
    expect(e.message).toContain('meeting.kind');
  });
});

describe('an encrypted bag is read within bounds', () => {
  const PASS = 'một câu mật khẩu đủ dài cho kiểm thử';

  it('refuses a tar member that declares more bytes than the whole encrypted file, before writing it, and leaves no folder', async () => {
    const file = join(bags.dir, 'bomb.tar.age');
    const plain = Buffer.concat([tarHeader('goi/', 0, '5'), tarHeader('goi/data/archive.sqlite', 8 * 1024 ** 3 - 1), Buffer.alloc(64 * 1024), TAR_END]);
    await writeAge(file, plain, PASS);
    const started = Date.now();
    const e = await refusal(previewMerge(b.archive, file, PASS));
    expect(e.code).toBe('COMPRESSED_ABNORMALLY');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(leftovers(b)).toEqual([]);
  });

  it('refuses more payload members than bag-info.txt declares (tag files come first)', async () => {
    const file = join(bags.dir, 'many.tar.age');
    const members = [
      tarHeader('goi/', 0, '5'),
      tarFile('goi/bagit.txt', Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n')),
      tarFile('goi/bag-info.txt', Buffer.from('Payload-Oxum: 10.1\n')),
      ...Array.from({ length: 200 }, (_, i) => tarFile(`goi/data/f${i}.txt`, Buffer.from('0123456789'))),
      TAR_END,
    ];
    await writeAge(file, Buffer.concat(members), PASS);
    const e = await refusal(previewMerge(b.archive, file, PASS));
    expect(['COMPRESSED_ABNORMALLY', 'BAG_INVALID']).toContain(e.code);
    expect(leftovers(b)).toEqual([]);
  });

  it('refuses a meeting file that comes twice in the tar (the second copy never replaces the first), and leaves no folder', async () => {
    const file = join(bags.dir, 'twice.tar.age');
    const record = Buffer.from('{}');
    const members = [
      tarHeader('goi/', 0, '5'),
      tarFile('goi/bagit.txt', Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n')),
      tarFile('goi/bag-info.txt', Buffer.from('Payload-Oxum: 4.2\n')),
      tarFile('goi/data/meetings/ab/0193.json', record),
      tarFile('goi/data/meetings/ab/0193.json', record),
      TAR_END,
    ];
    await writeAge(file, Buffer.concat(members), PASS);
    const e = await refusal(previewMerge(b.archive, file, PASS));
    expect(e.code).toBe('BAG_INVALID');
    expect(e.message).toContain('data/meetings/ab/0193.json');
    expect(leftovers(b)).toEqual([]);
  });

  it('checks every file of an encrypted bag, also those a merge does not write out (browse pages, snapshot)', async () => {
    await twoRecords();
    const { packBag } = await import('../../services/archive/encrypt');
    const seal = async (dir: string, name: string) => {
      const chunks: Buffer[] = [];
      for await (const c of packBag(dir, 'goi')) chunks.push(c as Buffer);
      const file = join(bags.dir, name);
      await writeAge(file, Buffer.concat(chunks), PASS);
      return file;
    };
    const changedSnapshot = await bagOf(a);
    // One byte changed, the size kept (Payload-Oxum holds): only the checksum can tell.
    const snapshot = join(changedSnapshot, 'data', 'archive.sqlite');
    const bytes = readFileSync(snapshot);
    bytes[bytes.length >> 1]! ^= 0xff;
    writeFileSync(snapshot, bytes);
    const e1 = await refusal(previewMerge(b.archive, await seal(changedSnapshot, 'snapshot.tar.age'), PASS));
    expect(e1.code).toBe('MERGE_BAG_INVALID');
    expect(e1.message).toContain('data/archive.sqlite');
    // A file the manifest lists, missing from the tar.
    const lost = await bagOf(a);
    rmSync(join(lost, 'data', 'archive.sqlite'));
    const e2 = await refusal(previewMerge(b.archive, await seal(lost, 'lost.tar.age'), PASS));
    expect(e2.code).toBe('MERGE_BAG_INVALID');
    expect(e2.message).toContain('data/archive.sqlite');
    // A changed photo: the preview does not write the photos out, it still checks them.
    const changedPhoto = await bagOf(a);
    const photos = readdirSync(join(changedPhoto, 'data', 'photos'), { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('.'));
    expect(photos.length).toBeGreaterThan(0);
    const photo = join(changedPhoto, 'data', 'photos', photos[0]!);
    const pixels = readFileSync(photo);
    pixels[pixels.length >> 1]! ^= 0xff;
    writeFileSync(photo, pixels);
    const e3 = await refusal(previewMerge(b.archive, await seal(changedPhoto, 'photo.tar.age'), PASS));
    expect(e3.code).toBe('MERGE_BAG_INVALID');
    expect(e3.message).toContain('data/photos/');
    expect(leftovers(b)).toEqual([]);
  });

  it('an encrypted bag with an unsound record is refused, and its decrypted copy removed', async () => {
    const { draft } = await twoRecords();
    const bag = await bagOf(a);
    await editMeeting(bag, (j) => ({ ...j, meeting: { ...j.meeting, meetingDate: '2024-02-30' } }), (j) => j.meeting.id === draft.id);
    const { packBag } = await import('../../services/archive/encrypt');
    const chunks: Buffer[] = [];
    for await (const c of packBag(bag, 'goi')) chunks.push(c as Buffer);
    const file = join(bags.dir, 'goi.tar.age');
    await writeAge(file, Buffer.concat(chunks), PASS);
    expect((await refusal(previewMerge(b.archive, file, PASS))).code).toBe('MERGE_RECORD_INVALID');
    expect(leftovers(b)).toEqual([]);
    // The sound bag, encrypted, merges; nothing decrypted is left beside the archive.
    const sound = await bagOf(a);
    const chunks2: Buffer[] = [];
    for await (const c of packBag(sound, 'goi2')) chunks2.push(c as Buffer);
    const file2 = join(bags.dir, 'goi2.tar.age');
    await writeAge(file2, Buffer.concat(chunks2), PASS);
    expect((await merge(b, file2, {}, PASS)).meetings.added).toBe(2);
    expect(leftovers(b)).toEqual([]);
  });
});
