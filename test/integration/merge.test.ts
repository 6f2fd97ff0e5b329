import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyMerge, previewMerge } from '../../services/archive/mergeApply';
import { checkSeal } from '../../db/seal';
import { verifyAuditChain } from '../../db/audit';
import { errorOf } from '../helpers/errors';
import { verifyPhotoFileSync } from '../../services/photoFiles';
import type { MergeApplyInput } from '../../contract/mergeContract';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { tempDir } from '../helpers/tempArchive';
import { fillRecord, makeBag } from '../helpers/makeBag';
import { hoso } from '../helpers/runHoso';
import { exportArchive } from '../../services/archive/exportArchive';
import { EVERYTHING } from '../../services/archive/selection';

/** Two PCs (A writes bags, B merges them) and a folder for the bags. */
let a: RecordSession;
let b: RecordSession;
let bags: { dir: string; cleanup: () => void };
let bagCount = 0;
beforeEach(async () => {
  a = await recordSession();
  b = await recordSession();
  bags = tempDir('hoso-bags-');
});
afterEach(() => {
  a.cleanup();
  b.cleanup();
  bags.cleanup();
});

const bagOf = async (s: RecordSession) => makeBag(s.archive, join(bags.dir, `bag-${++bagCount}`));
const TABLES = ['meetings', 'people', 'attendance', 'photos', 'photo_people', 'conclusions', 'document_refs', 'tags', 'meeting_tags', 'audit_log', 'search_docs'];

/** Every row of every content table: equal dumps mean nothing at all changed. */
function dump(s: RecordSession): string {
  const h = createHash('sha256');
  for (const t of TABLES) h.update(JSON.stringify(s.archive.sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()));
  return h.digest('hex');
}

async function merge(s: RecordSession, path: string, choices: Partial<Pick<MergeApplyInput, 'meetings' | 'people'>> = {}) {
  const plan = await previewMerge(s.archive, path);
  return applyMerge(s.archive, { path, token: plan.token, meetings: choices.meetings ?? {}, people: choices.people ?? {} }, { actor: 'Văn thư B' });
}

const meetingsOf = (s: RecordSession) =>
  s.archive.sqlite.prepare('SELECT id, title, status, seal_hash AS seal FROM meetings WHERE deleted_at IS NULL ORDER BY id').all();
const peopleOf = (s: RecordSession) => s.archive.sqlite.prepare('SELECT id, full_name, rank, title FROM people ORDER BY id').all();
const photoHashes = (s: RecordSession) => s.archive.sqlite.prepare('SELECT DISTINCT file_hash FROM photos ORDER BY 1').pluck().all() as string[];

async function editTitle(s: RecordSession, id: string, change: { title?: string; location?: string }) {
  const m = await s.call('meetings/get', { id });
  await s.call('meetings/update', {
    id,
    version: m.version,
    fields: { title: change.title ?? m.title, kind: m.kind, meetingDate: m.meetingDate, startTime: m.startTime, endTime: m.endTime, location: change.location ?? m.location, organizer: m.organizer, minutesText: m.minutesText },
  });
}

describe('merge of a USB bag', () => {
  it('into an empty archive: the same meetings, people, photos and search results; seals and index hold; merging again changes nothing', async () => {
    const sealed = await fillRecord(a, { title: 'Hội nghị Đảng ủy Quân sự tỉnh tổng kết năm', finalize: true, color: '#283593' });
    await fillRecord(a, {
      title: 'Giao ban công tác tuyển quân',
      meetingDate: '2025-02-10',
      color: '#ef6c00',
      chairId: sealed.chairPersonId,
      secretaryId: sealed.secretaryPersonId,
    });
    const bag = await bagOf(a);

    const plan = await previewMerge(b.archive, bag);
    expect(plan.counts.meetings).toEqual({ new: 2, identical: 0, changed: 0, conflict: 0 });
    expect(plan.counts.people).toEqual({ new: 2, identical: 0, changed: 0, conflict: 0 });
    const result = await merge(b, bag);
    expect(result).toMatchObject({ meetings: { added: 2, unresolved: 0 }, people: { added: 2 }, photoFilesCopied: 2, changed: true });

    expect(meetingsOf(b)).toEqual(meetingsOf(a));
    expect(peopleOf(b)).toEqual(peopleOf(a));
    expect(photoHashes(b)).toEqual(photoHashes(a));
    for (const hash of photoHashes(b)) expect(verifyPhotoFileSync(b.dir, hash).ok).toBe(true);
    for (const q of ['tuyen quan', 'Trần Quang Phương', '1445-TB/QUTW-TUHN', 'quang cảnh', 'the:"quốc phòng"', 'dự bị động viên']) {
      expect([q, b.found(q).sort()]).toEqual([q, a.found(q).sort()]);
    }
    expect(b.indexOk()).toBe(true);
    // The sealed record arrived sealed, and its seal checks here (photo files included).
    expect(checkSeal(b.archive, sealed.id, { verifyPhotoFile: (h) => verifyPhotoFileSync(b.dir, h).ok })).toMatchObject({ sealed: true, ok: true });
    expect(verifyAuditChain(b.archive).ok).toBe(true);
    const merges = b.archive.sqlite.prepare("SELECT actor, after FROM audit_log WHERE action = 'merge'").all() as { actor: string; after: string }[];
    expect(merges).toHaveLength(1);
    expect(merges[0]!.actor).toBe('Văn thư B');
    expect(JSON.parse(merges[0]!.after)).toMatchObject({ bag: 'bag-1', meetings: { added: 2 } });

    const before = dump(b);
    const again = await previewMerge(b.archive, bag);
    expect(again.counts.meetings).toEqual({ new: 0, identical: 2, changed: 0, conflict: 0 });
    expect(again.counts.people).toEqual({ new: 0, identical: 2, changed: 0, conflict: 0 });
    expect(await merge(b, bag)).toMatchObject({ changed: false, meetings: { identical: 2, added: 0 }, photoFilesCopied: 0 });
    expect(dump(b)).toBe(before);
  });

  it('an edit made only on the other PC since the last merge comes in by default; one made only here stays', async () => {
    const r = await fillRecord(a, { title: 'Họp Ban Chỉ huy Quân sự huyện' });
    await merge(b, await bagOf(a));

    await editTitle(a, r.id, { title: 'Họp Ban Chỉ huy Quân sự huyện (phiên mở rộng)' });
    const plan = await previewMerge(b.archive, await bagOf(a));
    expect(plan.meetings[0]).toMatchObject({ class: 'changed', newer: 'theirs', defaultChoice: 'theirs', differences: ['title'] });
    expect(await merge(b, join(bags.dir, `bag-${bagCount}`))).toMatchObject({ meetings: { replaced: 1 } });
    expect((await b.call('meetings/get', { id: r.id })).title).toBe('Họp Ban Chỉ huy Quân sự huyện (phiên mở rộng)');
    expect(b.found('phien mo rong')).toEqual([r.id]);
    expect(b.indexOk()).toBe(true);

    // Now B edits, A does not: B's edit is the newer one and the default keeps it.
    await editTitle(b, r.id, { location: 'Hội trường huyện' });
    const back = await previewMerge(b.archive, join(bags.dir, `bag-${bagCount}`));
    expect(back.meetings[0]).toMatchObject({ class: 'changed', newer: 'mine', defaultChoice: 'mine' });
    await merge(b, join(bags.dir, `bag-${bagCount}`));
    expect((await b.call('meetings/get', { id: r.id })).location).toBe('Hội trường huyện');
  });

  it('edits on both sides are a conflict: nothing happens without a choice, and each choice is honoured', async () => {
    const r = await fillRecord(a, { title: 'Hội nghị quân chính' });
    await merge(b, await bagOf(a));
    await editTitle(a, r.id, { title: 'Hội nghị quân chính năm 2025' });
    await editTitle(b, r.id, { location: 'Phòng họp tầng 3' });
    const bag = await bagOf(a);

    const plan = await previewMerge(b.archive, bag);
    expect(plan.meetings[0]).toMatchObject({ class: 'conflict', reason: 'both-changed', defaultChoice: null, choices: ['mine', 'theirs', 'both'] });
    expect(plan.meetings[0]!.differences).toEqual(expect.arrayContaining(['title', 'location']));
    const before = dump(b);
    expect(await merge(b, bag)).toMatchObject({ changed: false, meetings: { unresolved: 1 } });
    expect(dump(b)).toBe(before);

    // Keep both: the bag's version arrives as a second record with new ids; mine is untouched.
    expect(await merge(b, bag, { meetings: { [r.id]: 'both' } })).toMatchObject({ meetings: { keptBoth: 1 } });
    const titles = (b.archive.sqlite.prepare('SELECT title FROM meetings ORDER BY title').pluck().all() as string[]);
    expect(titles).toEqual(['Hội nghị quân chính', 'Hội nghị quân chính năm 2025']);
    expect((await b.call('meetings/get', { id: r.id })).location).toBe('Phòng họp tầng 3');
    expect(b.count('attendance')).toBe(4);
    expect(b.indexOk()).toBe(true);
    // The same bag again: the copy is known, nothing more is added.
    expect((await previewMerge(b.archive, bag)).counts.meetings).toMatchObject({ identical: 1, conflict: 0 });

    // Take theirs on a fresh pair of edits.
    await editTitle(a, r.id, { title: 'Hội nghị quân chính (chính thức)' });
    const bag2 = await bagOf(a);
    expect((await previewMerge(b.archive, bag2)).meetings.find((m) => m.id === r.id)).toMatchObject({ class: 'conflict' });
    await merge(b, bag2, { meetings: { [r.id]: 'theirs' } });
    const taken = await b.call('meetings/get', { id: r.id });
    expect(taken).toMatchObject({ title: 'Hội nghị quân chính (chính thức)', location: 'Hội trường Bộ Chỉ huy Quân sự tỉnh' });
    expect(b.found('chinh thuc')).toContain(r.id);

    // Keep mine: unchanged, and remembered: the same version is not a conflict next time.
    await editTitle(a, r.id, { title: 'Tên ở máy A' });
    await editTitle(b, r.id, { title: 'Tên ở máy B' });
    const bag3 = await bagOf(a);
    await merge(b, bag3, { meetings: { [r.id]: 'mine' } });
    expect((await b.call('meetings/get', { id: r.id })).title).toBe('Tên ở máy B');
    expect((await previewMerge(b.archive, bag3)).meetings.find((m) => m.id === r.id)).toMatchObject({ class: 'changed', newer: 'mine' });
    expect(verifyAuditChain(b.archive).ok).toBe(true);
  });

  it('a sealed record here is never replaced by a draft, and replaced by a sealed one only by choice, as a correction', async () => {
    const r = await fillRecord(a, { title: 'Hội nghị sơ kết 6 tháng' });
    await merge(b, await bagOf(a));
    await b.call('meetings/finalize', { id: r.id, version: (await b.call('meetings/get', { id: r.id })).version });
    await editTitle(a, r.id, { title: 'Hội nghị sơ kết 6 tháng đầu năm' });
    const bag = await bagOf(a);

    const plan = await previewMerge(b.archive, bag);
    expect(plan.meetings[0]).toMatchObject({ class: 'conflict', reason: 'mine-sealed', choices: ['mine', 'both'] });
    expect(await errorOf(merge(b, bag, { meetings: { [r.id]: 'theirs' } }))).toMatch(/^INVALID_INPUT .*đã khóa/);
    expect((await b.call('meetings/get', { id: r.id })).status).toBe('finalized');

    // The other PC finalizes its version: now taking it is allowed, recorded as a correction, seal intact.
    await a.call('meetings/finalize', { id: r.id, version: (await a.call('meetings/get', { id: r.id })).version });
    const sealedBag = await bagOf(a);
    expect((await previewMerge(b.archive, sealedBag)).meetings[0]).toMatchObject({ class: 'conflict', reason: 'mine-sealed', choices: ['mine', 'theirs', 'both'] });
    await merge(b, sealedBag, { meetings: { [r.id]: 'theirs' } });
    expect(await b.call('meetings/get', { id: r.id })).toMatchObject({ title: 'Hội nghị sơ kết 6 tháng đầu năm', status: 'finalized' });
    expect(checkSeal(b.archive, r.id)).toMatchObject({ ok: true });
    const correction = b.archive.sqlite.prepare("SELECT reason FROM audit_log WHERE entity_id = ? AND action = 'correct'").pluck().get(r.id);
    expect(correction).toBe(`Nhập từ gói lưu trữ bag-${bagCount}`);

    // Keeping both of two sealed versions: the copy has new ids, so it is sealed again here, and checks.
    const current = await a.call('meetings/get', { id: r.id });
    await a.call('meetings/correct', {
      id: r.id,
      version: current.version,
      reason: 'Sửa tên hội nghị cho đúng văn bản',
      change: {
        kind: 'meetings/update',
        fields: { title: 'Hội nghị sơ kết công tác 6 tháng đầu năm', kind: current.kind, meetingDate: current.meetingDate, startTime: current.startTime, endTime: current.endTime, location: current.location, organizer: current.organizer, minutesText: current.minutesText },
      },
    });
    const corrected = await bagOf(a);
    const both = await previewMerge(b.archive, corrected);
    expect(both.meetings[0]).toMatchObject({ class: 'conflict', reason: 'mine-sealed' });
    expect(await merge(b, corrected, { meetings: { [r.id]: 'both' } })).toMatchObject({ meetings: { keptBoth: 1 } });
    const copyId = b.archive.sqlite.prepare("SELECT id FROM meetings WHERE title = 'Hội nghị sơ kết công tác 6 tháng đầu năm'").pluck().get() as string;
    expect(copyId).not.toBe(r.id);
    expect(await b.call('meetings/get', { id: copyId })).toMatchObject({ status: 'finalized' });
    expect(checkSeal(b.archive, copyId)).toMatchObject({ sealed: true, ok: true });
    expect(checkSeal(b.archive, r.id)).toMatchObject({ ok: true });
  });

  it('people: a directory change made on one side comes in and is searchable; changes on both sides wait for a choice', async () => {
    const r = await fillRecord(a, { title: 'Hội nghị cán bộ chủ chốt' });
    await merge(b, await bagOf(a));
    const person = async (s: RecordSession) => s.call('people/get', { id: r.chairPersonId });
    const rename = async (s: RecordSession, fields: { fullName?: string; rank?: string }) => {
      const p = await person(s);
      await s.call('people/update', { id: p.id, version: p.version, fields: { fullName: fields.fullName ?? p.fullName, rank: fields.rank ?? p.rank, title: p.title, unit: p.unit, notes: p.notes } });
    };
    await rename(a, { fullName: 'Trần Quang Phượng' });
    const plan = await previewMerge(b.archive, await bagOf(a));
    expect(plan.people.find((p) => p.id === r.chairPersonId)).toMatchObject({ class: 'changed', newer: 'theirs', mine: { fullName: 'Trần Quang Phương' }, theirs: { fullName: 'Trần Quang Phượng' } });
    expect(plan.meetings[0]).toMatchObject({ class: 'identical' });
    expect(await merge(b, join(bags.dir, `bag-${bagCount}`))).toMatchObject({ people: { updated: 1 } });
    expect((await person(b)).fullName).toBe('Trần Quang Phượng');
    expect(b.found('nguoi:"Trần Quang Phượng"')).toEqual([r.id]);
    expect(b.indexOk()).toBe(true);

    await rename(a, { rank: 'Đại tướng' });
    await rename(b, { rank: 'Thượng tướng (nghỉ hưu)' });
    const bag = await bagOf(a);
    expect((await previewMerge(b.archive, bag)).people.find((p) => p.id === r.chairPersonId)).toMatchObject({ class: 'conflict', defaultChoice: null });
    expect(await merge(b, bag)).toMatchObject({ people: { unresolved: 1, updated: 0 } });
    expect((await person(b)).rank).toBe('Thượng tướng (nghỉ hưu)');
    await merge(b, bag, { people: { [r.chairPersonId]: 'theirs' } });
    expect((await person(b)).rank).toBe('Đại tướng');
  });

  it('an interrupted merge changes nothing; a damaged bag or a stale preview is refused before anything is written', async () => {
    await fillRecord(a, { title: 'Cuộc họp thứ nhất', color: '#00695c' });
    await fillRecord(a, { title: 'Cuộc họp thứ hai', color: '#6a1b9a' });
    const bag = await bagOf(a);
    const before = dump(b);

    const plan = await previewMerge(b.archive, bag);
    const interrupted = applyMerge(b.archive, { path: bag, token: plan.token, meetings: {}, people: {} }, {
      actor: 'x',
      beforeMeeting: (_id, i) => {
        if (i === 1) throw new Error('rút USB giữa chừng');
      },
    });
    expect(await errorOf(interrupted)).toMatch(/rút USB/);
    expect(dump(b)).toBe(before);
    expect(b.indexOk()).toBe(true);

    // The records are read again from the stick when they are written: a file changed on the stick after
    // the bag was checked (another program, a failing stick) is refused, named, and nothing is written.
    const [, secondFile] = readdirSync(join(bag, 'data', 'meetings')).filter((n) => n.endsWith('.json')).sort();
    const changedUnder = applyMerge(b.archive, { path: bag, token: plan.token, meetings: {}, people: {} }, {
      actor: 'x',
      beforeMeeting: (_id, i) => {
        const file = join(bag, 'data', 'meetings', secondFile!);
        if (i === 0) writeFileSync(file, readFileSync(file, 'utf8').replace('Cuộc họp', 'Cuộc hop'));
      },
    });
    expect(await errorOf(changedUnder)).toMatch(new RegExp(`^MERGE_BAG_INVALID .*data/meetings/${secondFile} đã bị thay đổi trong khi nhập`));
    expect(dump(b)).toBe(before);
    const again = join(bag, 'data', 'meetings', secondFile!);
    writeFileSync(again, readFileSync(again, 'utf8').replace('Cuộc hop', 'Cuộc họp'));

    // This archive changes after the preview (the record is edited here meanwhile): the choices no longer apply.
    await merge(b, bag);
    const first = a.archive.sqlite.prepare("SELECT id FROM meetings WHERE title = 'Cuộc họp thứ nhất'").pluck().get() as string;
    await editTitle(a, first, { title: 'Cuộc họp thứ nhất (bổ sung)' });
    const bag2 = await bagOf(a);
    const stale = await previewMerge(b.archive, bag2);
    expect(stale.meetings.find((m) => m.id === first)).toMatchObject({ class: 'changed', newer: 'theirs' });
    await editTitle(b, first, { location: 'Sửa ở máy B sau khi xem trước' });
    const changedSince = dump(b);
    expect(await errorOf(applyMerge(b.archive, { path: bag2, token: stale.token, meetings: {}, people: {} }, { actor: 'x' }))).toMatch(/^MERGE_PREVIEW_STALE/);
    expect(dump(b)).toBe(changedSince);

    // One changed byte in a meeting file: refused, the file named.
    const jsonFile = (a.archive.sqlite.prepare('SELECT id FROM meetings LIMIT 1').pluck().get() as string) + '.json';
    const path = join(bag, 'data', 'meetings', jsonFile);
    writeFileSync(path, readFileSync(path, 'utf8').replace('Cuộc họp', 'Cuộc hop'));
    expect(await errorOf(previewMerge(b.archive, bag))).toMatch(new RegExp(`^MERGE_BAG_INVALID .*Tệp đã bị thay đổi .*: data/meetings/${jsonFile}`));
    const extra = await bagOf(a);
    appendFileSync(join(extra, 'data', 'la.txt'), 'x');
    expect(await errorOf(previewMerge(b.archive, extra))).toMatch(/^MERGE_BAG_INVALID .*Tệp thừa.*data\/la\.txt/);
    expect(dump(b)).toBe(changedSince);
  });

  it('a bag written by the exporter, plain or encrypted, merges into an empty archive with the same content', async () => {
    await fillRecord(a, { title: 'Hội nghị quân sự, quốc phòng địa phương', finalize: true, color: '#4e342e' });
    await fillRecord(a, { title: 'Họp triển khai diễn tập khu vực phòng thủ', color: '#1b5e20' });
    const env = { appVersion: '0.0.0-test', actor: 'Văn thư A', scryptWorkFactor: 10 };
    const plain = await exportArchive(a.archive, { dest: bags.dir, selection: EVERYTHING, passphrase: null }, env);
    expect(await merge(b, plain.path)).toMatchObject({ meetings: { added: 2 }, people: { added: 4 }, photoFilesCopied: 2 });
    expect(meetingsOf(b)).toEqual(meetingsOf(a));
    expect(peopleOf(b)).toEqual(peopleOf(a));
    expect(photoHashes(b)).toEqual(photoHashes(a));
    for (const q of ['dien tap', 'Nguyễn Thị Hồng Nhung', 'quốc phòng']) expect([q, b.found(q).sort()]).toEqual([q, a.found(q).sort()]);
    expect(b.indexOk()).toBe(true);

    const passphrase = 'Sổ tay văn thư 2025 — bảo mật';
    const encrypted = await exportArchive(a.archive, { dest: bags.dir, selection: EVERYTHING, passphrase }, env);
    expect(encrypted.path.endsWith('.tar.age')).toBe(true);
    expect(await errorOf(previewMerge(b.archive, encrypted.path))).toMatch(/^PASSPHRASE_REQUIRED/);
    expect(await errorOf(previewMerge(b.archive, encrypted.path, 'sai mật khẩu'))).toMatch(/^PASSPHRASE_WRONG/);
    const plan = await previewMerge(b.archive, encrypted.path, passphrase);
    expect(plan.counts.meetings).toEqual({ new: 0, identical: 2, changed: 0, conflict: 0 });
    const c = await recordSession();
    try {
      const p2 = await previewMerge(c.archive, encrypted.path, passphrase);
      await applyMerge(c.archive, { path: encrypted.path, passphrase, token: p2.token, meetings: {}, people: {} }, { actor: 'C' });
      expect(meetingsOf(c)).toEqual(meetingsOf(a));
      expect(c.indexOk()).toBe(true);
    } finally {
      c.cleanup();
    }
  });

  it('a bag from a newer hoso (fields this version does not know, a snapshot it cannot open) merges through its JSON', async () => {
    const r = await fillRecord(a, { title: 'Hội nghị triển khai nhiệm vụ năm 2026', color: '#37474f' });
    const newer = await makeBag(a.archive, join(bags.dir, 'goi-ban-moi'), {
      snapshot: Buffer.from('SQLite format 3\u0000 — lược đồ của phiên bản sau'),
      edit: (json) => ({
        ...json,
        generator: 'hoso 9.0',
        signature: { alg: 'ed25519', value: 'AAAA' },
        meeting: { ...json.meeting, venueRoom: 'P.201', language: 'vi' },
        attendance: json.attendance.map((x) => ({ ...x, seat: 3 })),
        photos: json.photos.map((p) => ({ ...p, faces: [] })),
      }),
    });
    const plan = await previewMerge(b.archive, newer);
    expect(plan.counts.meetings).toEqual({ new: 1, identical: 0, changed: 0, conflict: 0 });
    await merge(b, newer);
    expect(meetingsOf(b)).toEqual(meetingsOf(a));
    expect(b.found('trien khai nhiem vu')).toEqual([r.id]);
    // Read back, it is the same record as the other PC's: merging that PC's ordinary bag finds it identical.
    expect((await previewMerge(b.archive, await bagOf(a))).counts.meetings).toMatchObject({ identical: 1 });

    // A meeting file of an incompatible future format is refused, with nothing written.
    const future = await makeBag(a.archive, join(bags.dir, 'goi-dinh-dang-3'), { edit: (json) => ({ ...json, formatVersion: 3 }) });
    const before = dump(b);
    expect(await errorOf(previewMerge(b.archive, future))).toMatch(/^MEETING_JSON_UNSUPPORTED .*formatVersion 3/);
    expect(dump(b)).toBe(before);
  });

  it('hoso merge PATH --dry-run --json previews; without --dry-run it applies; a second run changes nothing', async () => {
    await fillRecord(a, { title: 'Hội nghị triển khai nhiệm vụ quốc phòng' });
    const bag = await bagOf(a);
    const file = b.archive.file;
    b.archive.close();

    const dry = hoso(['merge', bag, '--dry-run', '--json', '--db', file]);
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout) as { counts: { meetings: { new: number } }; meetings: { class: string; theirs: { title: string } }[] };
    expect(plan.counts.meetings.new).toBe(1);
    expect(plan.meetings[0]).toMatchObject({ class: 'new', theirs: { title: 'Hội nghị triển khai nhiệm vụ quốc phòng' } });

    const applied = hoso(['merge', bag, '--db', file]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Đã nhập: 1 cuộc họp mới');
    const second = hoso(['merge', bag, '--db', file, '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ ok: true, result: { changed: false } });

    const bad = hoso(['merge', join(bags.dir, 'khong-co'), '--db', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Gói lưu trữ không hợp lệ');
    const search = hoso(['search', 'trien khai', '--json', '--db', file]);
    expect(JSON.parse(search.stdout)).toHaveLength(1);
  }, 120_000);
});
