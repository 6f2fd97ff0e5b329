import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { osAccount } from '../../services/context';
import { recordSession, type RecordSession } from '../helpers/recordSession';

/**
 * Issue 17: Lịch sử said "bởi root" when Tên người dùng was empty. The actor falls back to the PC's
 * account, and the history says so (byAccount) instead of passing the account off as a clerk's name.
 */
let s: RecordSession;
beforeEach(async () => {
  s = await recordSession();
});
afterEach(() => s.cleanup());

describe('who is named in the history', () => {
  it('the PC account when no name is set (marked as such), the clerk’s name from settings once set', async () => {
    const m = await s.meeting({ title: 'Giao ban tuần' });
    let page = await s.call('meetings/history', { id: m.id });
    expect(page.rows[0]).toMatchObject({ actor: osAccount(), byAccount: true });

    await s.call('settings/update', { clerkName: 'Trần Thị Bình' });
    await s.call('conclusions/add', { meetingId: m.id, version: m.version, fields: { text: 'Rà soát danh sách trực' } });
    page = await s.call('meetings/history', { id: m.id });
    const [latest, first] = page.rows;
    expect(latest).toMatchObject({ actor: 'Trần Thị Bình', byAccount: false });
    // What was written under the account before stays the account's.
    expect(first).toMatchObject({ actor: osAccount(), byAccount: true });
  });
});
