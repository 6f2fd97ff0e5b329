import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { verifyAuditChain } from '../../db/audit';

/**
 * Thùng rác lists Danh bạ entries too: deleted ones and duplicates merged into another entry; each can be
 * restored. A merged entry comes back as its own entry while its meetings stay with the entry kept
 * (db/trash.ts says why), sealed records untouched.
 */

let s: RecordSession;
beforeEach(async () => {
  s = await recordSession();
});
afterEach(() => s.cleanup());

const person = (fullName: string, rank = '', title = '') =>
  s.call('people/create', { fullName, rank, title, unit: 'Văn phòng Tỉnh ủy' });
const sql = <T>(query: string, ...params: unknown[]) => s.archive.sqlite.prepare(query).all(...params) as T[];
const personAudit = (id: string) =>
  sql<{ action: string; before: string | null; after: string | null }>(
    "SELECT action, before, after FROM audit_log WHERE entity = 'person' AND entity_id = ? ORDER BY seq",
    id,
  );

describe('people/trash-list and people/restore', () => {
  it('lists a deleted entry (name, rank and title, when) and restores it to Danh bạ as it was', async () => {
    const twin = await person('Nguyễn Văn Ann', 'Thiếu tá', 'Trợ lý');
    const before = Date.now();
    await s.call('people/delete', { id: twin.id, version: twin.version });

    const trash = await s.call('people/trash-list', {});
    expect(trash.total).toBe(1);
    expect(trash.rows[0]).toMatchObject({
      id: twin.id,
      fullName: 'Nguyễn Văn Ann',
      rank: 'Thiếu tá',
      title: 'Trợ lý',
      mergedInto: null,
    });
    expect(trash.rows[0]!.deletedAt).toBeGreaterThanOrEqual(before);
    // The meetings' trash is not mixed with the directory's.
    expect((await s.call('meetings/trash-list', {})).total).toBe(0);

    const r = await s.call('people/restore', { id: twin.id });
    expect(r.meetingsStayWith).toBeNull();
    expect(r.person).toMatchObject({
      id: twin.id,
      fullName: 'Nguyễn Văn Ann',
      rank: 'Thiếu tá',
      title: 'Trợ lý',
      version: twin.version + 2,
    });
    expect((await s.call('people/list', { query: 'nguyen van ann' })).total).toBe(1);
    expect((await s.call('people/trash-list', {})).total).toBe(0);
    expect(personAudit(twin.id).map((a) => a.action)).toEqual(['create', 'delete', 'restore']);
    expect(verifyAuditChain(s.archive).ok).toBe(true);

    // Not in the trash (any more): NOT_FOUND, in words, nothing written.
    const again = await s.dispatch('people/restore', { id: twin.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(personAudit(twin.id)).toHaveLength(3);
  });

  it('lists a merged entry as "đã gộp vào" the entry kept; restoring brings it back on its own, the meetings (sealed too) stay', async () => {
    const keep = await person('Nguyễn Văn An', 'Đại tá');
    const dup = await person('Nguyễn Văn An', 'Thượng tá');
    const m = await s.meeting({ title: 'Hội nghị tổng kết công tác năm 2024', meetingDate: '2025-01-15' });
    const v = (
      await s.call('attendance/add', {
        meetingId: m.id,
        version: m.version,
        person: { kind: 'existing', id: dup.id },
      })
    ).meetingVersion;
    const sealed = await s.call('meetings/finalize', { id: m.id, version: v });
    const p = await s.call('people/merge-preview', { keepId: keep.id, duplicateId: dup.id });
    await s.call('people/merge', {
      keepId: keep.id,
      duplicateId: dup.id,
      keepVersion: p.keep.version,
      duplicateVersion: p.duplicate.version,
      stamp: p.stamp,
      reason: 'Trùng tên trong Danh bạ',
    });
    const afterMerge = sql<{ version: number; sealHash: string }>(
      'SELECT version, seal_hash AS sealHash FROM meetings WHERE id = ?',
      m.id,
    )[0]!;
    expect(afterMerge.sealHash).not.toBe(sealed.sealHash);

    const trash = await s.call('people/trash-list', {});
    expect(trash.rows).toEqual([
      expect.objectContaining({
        id: dup.id,
        rank: 'Thượng tá',
        mergedInto: { id: keep.id, fullName: 'Nguyễn Văn An' },
      }),
    ]);

    const r = await s.call('people/restore', { id: dup.id });
    expect(r.meetingsStayWith).toEqual({ id: keep.id, fullName: 'Nguyễn Văn An' });
    expect(r.person).toMatchObject({ id: dup.id, rank: 'Thượng tá' });
    expect(
      sql<{ mergedInto: string | null; deletedAt: number | null }>(
        'SELECT merged_into AS mergedInto, deleted_at AS deletedAt FROM people WHERE id = ?',
        dup.id,
      )[0],
    ).toEqual({
      mergedInto: null,
      deletedAt: null,
    });
    // Both entries are in Danh bạ again; the meeting still names the entry kept, and is not changed.
    expect((await s.call('people/list', { query: 'nguyen van an' })).total).toBe(2);
    expect(
      sql<{ personId: string }>('SELECT person_id AS personId FROM attendance WHERE meeting_id = ?', m.id),
    ).toEqual([{ personId: keep.id }]);
    expect(
      sql<{ version: number; sealHash: string }>(
        'SELECT version, seal_hash AS sealHash FROM meetings WHERE id = ?',
        m.id,
      )[0],
    ).toEqual(afterMerge);
    expect((await s.call('meetings/seal-check', { id: m.id })).ok).toBe(true);

    // The audit log: the restored entry says it was merged into the kept one, the kept one that it left.
    const restored = personAudit(dup.id).at(-1)!;
    expect(restored.action).toBe('restore');
    expect(JSON.parse(restored.before!)).toMatchObject({ mergedInto: keep.id });
    expect(JSON.parse(restored.after!)).toMatchObject({ mergedInto: null, meetingsStayWith: keep.id });
    const kept = personAudit(keep.id).at(-1)!;
    expect(kept.action).toBe('merge-undone');
    expect(JSON.parse(kept.after!)).toMatchObject({ restored: dup.id, meetingsStay: true });
    expect(verifyAuditChain(s.archive).ok).toBe(true);

    // The restored entry is an entry like any other: it can be merged again.
    const again = await s.call('people/merge-preview', { keepId: keep.id, duplicateId: dup.id });
    expect(again.meetings).toBe(0);
  });

  it('names the entry kept even when that one went to the trash since', async () => {
    const keep = await person('Lê Thị Hoa');
    const dup = await person('Lê Thị Hoa');
    const p = await s.call('people/merge-preview', { keepId: keep.id, duplicateId: dup.id });
    await s.call('people/merge', {
      keepId: keep.id,
      duplicateId: dup.id,
      keepVersion: p.keep.version,
      duplicateVersion: p.duplicate.version,
      stamp: p.stamp,
    });
    const k = await s.call('people/get', { id: keep.id });
    await s.call('people/delete', { id: keep.id, version: k.version });
    const rows = (await s.call('people/trash-list', {})).rows;
    expect(rows.map((r) => [r.id, r.mergedInto?.fullName ?? null])).toEqual(
      expect.arrayContaining([
        [keep.id, null],
        [dup.id, 'Lê Thị Hoa'],
      ]),
    );
    const r = await s.call('people/restore', { id: dup.id });
    expect(r.meetingsStayWith?.id).toBe(keep.id);
  });
});
