import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { ERROR_MESSAGES } from '../../contract/errors';

/** Danh bạ: an entry no meeting uses can be deleted (to the trash; the audit log keeps it); one a meeting uses cannot. */

let s: RecordSession;
beforeEach(async () => {
  s = await recordSession();
});
afterEach(() => s.cleanup());

const person = (fullName: string) =>
  s.call('people/create', { fullName, rank: '', title: 'Chuyên viên', unit: '' });

describe('people/delete', () => {
  it('deletes an unused entry (typed twice by mistake); the change log keeps what it was', async () => {
    const twin = await person('Nguyễn Văn Ann');
    const r = await s.call('people/delete', { id: twin.id, version: twin.version });
    expect(r).toEqual({ deleted: true });
    expect((await s.call('people/list', { query: 'nguyen van ann' })).total).toBe(0);
    expect(await s.dispatch('people/get', { id: twin.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const audit = s.archive.sqlite
      .prepare(
        "SELECT action, before FROM audit_log WHERE entity = 'person' AND entity_id = ? ORDER BY at, id",
      )
      .all(twin.id) as { action: string; before: string | null }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
    expect(JSON.parse(audit[1]!.before!)).toMatchObject({ fullName: 'Nguyễn Văn Ann' });
    // To the trash, not erased (DESIGN §3): the row is kept, marked.
    const kept = s.archive.sqlite.prepare('SELECT full_name AS fullName, deleted_at AS deletedAt FROM people WHERE id = ?').get(twin.id) as { fullName: string; deletedAt: number | null };
    expect(kept.fullName).toBe('Nguyễn Văn Ann');
    expect(kept.deletedAt).toBeGreaterThan(0);
  });

  it('refuses, in words, a person who attended a meeting or is a task’s assignee, and a stale version', async () => {
    const attendee = await person('Trần Thị Bình');
    const m = await s.meeting();
    const added = await s.call('attendance/add', {
      meetingId: m.id,
      version: m.version,
      person: { kind: 'existing', id: attendee.id },
    });
    const used = await s.dispatch('people/delete', { id: attendee.id, version: attendee.version });
    expect(used).toMatchObject({ ok: false, error: { code: 'PERSON_IN_USE' } });
    expect(!used.ok && used.error.message).toMatch(/^Không xóa được: người này còn có trong hồ sơ cuộc họp/);
    expect(ERROR_MESSAGES.PERSON_IN_USE.en).toMatch(/^Not deleted: this person is still in meeting records/);

    const assignee = await person('Lê Văn Cường');
    await s.call('conclusions/add', {
      meetingId: m.id,
      version: added.meetingVersion,
      fields: { text: 'Rà soát danh sách', isTask: true, assigneePersonId: assignee.id },
    });
    expect(await s.dispatch('people/delete', { id: assignee.id, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'PERSON_IN_USE' },
    });
    expect((await s.call('people/list', { query: '' })).total).toBe(2);

    const renamed = await s.call('people/update', {
      id: (await person('Phạm Thu')).id,
      version: 1,
      fields: { fullName: 'Phạm Thu Hà' },
    });
    expect(await s.dispatch('people/delete', { id: renamed.id, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'VERSION_CONFLICT' },
    });
  });
});
