import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  meetingContentHash,
  meetingToJson,
  parseMeetingJson,
  serializeMeetingJson,
} from '../../services/archive/meetingJson';
import { getMeeting } from '../../db/meetings';
import { addPhoto } from '../../db/photos';
import { errorOfSync } from '../helpers/errors';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { fillRecord } from '../helpers/makeBag';

let s: RecordSession;
beforeEach(async () => {
  s = await recordSession();
});
afterEach(() => s.cleanup());

describe('meeting JSON (hoso-meeting, formatVersion 1)', () => {
  it('carries every part of a record with its ids, and reads back to the same object', async () => {
    const r = await fillRecord(s, { title: 'Hội nghị Đảng ủy Quân sự tỉnh quý III', finalize: true });
    const json = meetingToJson(s.archive, r.id, { now: 1_760_000_000_000, generator: 'hoso test' });

    expect(json).toMatchObject({
      format: 'hoso-meeting',
      formatVersion: 1,
      exportedAt: 1_760_000_000_000,
      meeting: { id: r.id, title: 'Hội nghị Đảng ủy Quân sự tỉnh quý III', status: 'finalized', secrecy: 'thuong' },
    });
    expect(json.meeting.seal?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(json.meeting.minutesText).toContain('Đồng chí Chính ủy');
    expect(json.attendance.map((a) => [a.fullName, a.role, a.rank])).toEqual([
      ['Trần Quang Phương', 'chu_tri', 'Thượng tướng'],
      ['Nguyễn Thị Hồng Nhung', 'thu_ky', 'Thiếu tá'],
    ]);
    // The directory entry of everyone the record names, including the task's assignee.
    expect(json.people.map((p) => p.fullName).sort()).toEqual(['Nguyễn Thị Hồng Nhung', 'Trần Quang Phương']);
    expect(json.conclusions[0]).toMatchObject({ isTask: true, deadline: '2025-12-31', taskStatus: 'chua_lam', assigneePersonId: json.people.find((p) => p.fullName === 'Nguyễn Thị Hồng Nhung')!.id });
    expect(json.documents.map((d) => d.number)).toEqual(['1445-TB/QUTW-TUHN']);
    expect(json.tags.map((t) => t.name)).toEqual(['Quốc phòng']);
    expect(json.photos).toHaveLength(1);
    expect(json.photos[0]).toMatchObject({ caption: 'Quang cảnh hội nghị.', credit: 'Ảnh: Việt Hà', mime: 'image/jpeg' });
    expect(json.photos[0]!.file).toBe(`photos/${json.photos[0]!.fileHash!.slice(0, 2)}/${json.photos[0]!.fileHash}.jpg`);
    expect(json.photos[0]!.people).toEqual([json.attendance[0]!.personId]);

    const text = serializeMeetingJson(json);
    expect(text.endsWith('\n')).toBe(true);
    expect(parseMeetingJson(text, 'a.json')).toEqual(json);
  });

  it('ignores fields added by a newer hoso, but names a missing required field', async () => {
    const r = await fillRecord(s, { title: 'Giao ban tháng 10' });
    const json = meetingToJson(s.archive, r.id);
    const newer = {
      ...json,
      signedBy: 'future',
      meeting: { ...json.meeting, weather: 'nắng' },
      attendance: json.attendance.map((a) => ({ ...a, seat: 12 })),
    };
    expect(parseMeetingJson(JSON.stringify(newer))).toEqual(json);
    // A byte-order mark written by a Windows editor is not an error.
    expect(parseMeetingJson(`\ufeff${JSON.stringify(json)}`)).toEqual(json);

    const { title: _, ...noTitle } = json.meeting;
    expect(errorOfSync(() => parseMeetingJson(JSON.stringify({ ...json, meeting: noTitle }), 'meetings/x.json'))).toMatch(
      /^MEETING_JSON_INVALID .*\(meetings\/x\.json\) meeting\.title/,
    );
    expect(errorOfSync(() => parseMeetingJson('{"format":"hoso-meeting",', 'y.json'))).toMatch(/^MEETING_JSON_INVALID .*y\.json/);
    expect(errorOfSync(() => parseMeetingJson(JSON.stringify({ ...json, format: 'other' })))).toMatch(/^MEETING_JSON_INVALID/);
    expect(errorOfSync(() => parseMeetingJson(JSON.stringify({ ...json, formatVersion: 3 })))).toMatch(/^MEETING_JSON_UNSUPPORTED/);
  });

  it('a photo card without its picture: the record is written as version 2 (others stay 1), neither hash nor file', async () => {
    const r = await fillRecord(s, { title: 'Giao ban tháng 11' });
    const plain = await fillRecord(s, { title: 'Giao ban tháng 12' });
    const version = getMeeting(s.archive, r.id).version;
    addPhoto(s.archive, r.id, version, null, { caption: 'Toàn cảnh hội nghị.', credit: 'Ảnh: Minh Châu' }, 'kiểm thử');
    const json = meetingToJson(s.archive, r.id);
    expect(json.formatVersion).toBe(2);
    expect(meetingToJson(s.archive, plain.id).formatVersion).toBe(1);
    const card = json.photos.at(-1)!;
    expect(card).toMatchObject({ fileHash: null, file: null, mime: '', byteSize: 0, caption: 'Toàn cảnh hội nghị.', credit: 'Ảnh: Minh Châu' });
    expect(parseMeetingJson(serializeMeetingJson(json))).toEqual(json);
    // Version 1 never leaves the file out; half a photo (a hash without its file, or the other way) is refused.
    expect(errorOfSync(() => parseMeetingJson(JSON.stringify({ ...json, formatVersion: 1 }), 'a.json'))).toMatch(/^MEETING_JSON_INVALID .*photos\.\d+\.file/);
    const half = (p: object) => JSON.stringify({ ...json, photos: [{ ...card, ...p }] });
    expect(errorOfSync(() => parseMeetingJson(half({ file: 'photos/ab/x.jpg' })))).toMatch(/^MEETING_JSON_INVALID .*photos\.0\.file/);
    expect(errorOfSync(() => parseMeetingJson(half({ fileHash: 'a'.repeat(64) })))).toMatch(/^MEETING_JSON_INVALID .*photos\.0\.file/);
  });

  it('content hash: same content, same hash, whatever the version counters; any edit changes it', async () => {
    const r = await fillRecord(s, { title: 'Họp Ban Chỉ huy' });
    const json = meetingToJson(s.archive, r.id);
    const bumped = { ...json, exportedAt: 1, meeting: { ...json.meeting, version: 99, updatedAt: 5 } };
    expect(meetingContentHash(bumped)).toBe(meetingContentHash(json));
    // A person's directory spelling is merged with the directory, not a change to the record.
    expect(meetingContentHash({ ...json, attendance: json.attendance.map((a) => ({ ...a, fullName: 'X' })) })).toBe(meetingContentHash(json));

    const m = await s.call('meetings/get', { id: r.id });
    await s.call('meetings/update', {
      id: r.id,
      version: m.version,
      fields: { title: m.title, kind: m.kind, meetingDate: m.meetingDate, startTime: m.startTime, endTime: m.endTime, location: 'Phòng họp số 2', organizer: m.organizer, minutesText: m.minutesText },
    });
    expect(meetingContentHash(meetingToJson(s.archive, r.id))).not.toBe(meetingContentHash(json));
  });
});
