import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { addRecord } from '../helpers/meetingRecord';
import { launchApp, SCREENSHOTS, type App } from './harness';
import { finalizeMeeting } from '../../db/finalize';
import { checkSeal } from '../../db/seal';

let app: App;
const ids: Record<string, string> = {};
const KEEP = 'Hoàng Văn Thái';
// The same officer typed without the tone mark at two meetings: the duplicate.
const DUP = 'Hoàng Văn Thai';

const personId = (name: string) =>
  (app.archive.sqlite.prepare('SELECT id FROM people WHERE full_name = ?').get(name) as { id: string }).id;

beforeAll(async () => {
  app = await launchApp();
  ids.sealed = addRecord(app.archive, {
    title: 'Hội nghị Đảng ủy Quân sự tỉnh tháng 10',
    date: '2024-10-10',
    attendees: [
      { name: DUP, rank: 'Thượng tá', titles: 'Phó Chính ủy', role: 'chu_tri' },
      { name: 'Phạm Thị Lan', rank: 'Thiếu tá', titles: 'Trợ lý', role: 'thu_ky' },
    ],
  });
  const version = (app.archive.sqlite.prepare('SELECT version FROM meetings WHERE id = ?').get(ids.sealed) as { version: number }).version;
  finalizeMeeting(app.archive, ids.sealed, version, 'kiểm thử');
  ids.both = addRecord(app.archive, {
    title: 'Giao ban Bộ Chỉ huy quý I năm 2025',
    date: '2025-02-01',
    attendees: [
      { name: KEEP, rank: 'Đại tá', titles: 'Chính ủy', role: 'dai_bieu' },
      { name: DUP, rank: 'Thượng tá', titles: 'Phó Chính ủy', role: 'khach_moi' },
    ],
  });
  ids.keepOnly = addRecord(app.archive, {
    title: 'Hội nghị tổng kết công tác năm 2023',
    date: '2023-12-20',
    attendees: [{ name: KEEP, rank: 'Đại tá', titles: 'Chính ủy', role: 'dai_bieu' }],
  });
  ids.keep = personId(KEEP);
  ids.dup = personId(DUP);
});

afterAll(async () => {
  await app?.close();
});

describe('Danh bạ: merging two entries of one person', () => {
  it('previews, asks for the correction’s reason, merges, and the history and the seal say so', async () => {
    const { page, host } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${host.origin}/#/people/${ids.keep}`);
    await page.getByTestId('person-page').waitFor();
    await page.locator('[data-testid="person-meetings-count"][data-count="2"]').waitFor();

    await page.getByTestId('person-merge').click();
    const dialog = page.getByRole('dialog', { name: 'Gộp hai mục của cùng một người' });
    await page.getByTestId('person-merge-other').click();
    // The same name once folded (a missing tone mark) is suggested first, before anything is typed.
    const suggestion = page.getByRole('option', { name: new RegExp(DUP) });
    await suggestion.waitFor();
    await expect(page.getByText('Trùng tên', { exact: true }).isVisible()).resolves.toBe(true);
    await suggestion.click();

    const preview = page.getByTestId('person-merge-preview');
    await preview.waitFor();
    await expect(page.getByTestId('person-merge-counts').innerText()).resolves.toBe(`2 cuộc họp có bản trùng sẽ chuyển sang ${KEEP}:`);
    await expect(preview.innerText()).resolves.toContain('2 dòng điểm danh');
    const both = page.getByTestId('person-merge-both-row');
    await expect(both.count()).resolves.toBe(1);
    await expect(both.innerText()).resolves.toMatch(/01\/02\/2025 · Giao ban Bộ Chỉ huy quý I năm 2025\s+Đại biểu, Có mặt\s+Khách mời, Có mặt/);
    await expect(page.getByTestId('person-merge-sealed-row').innerText()).resolves.toBe('10/10/2024 · Hội nghị Đảng ủy Quân sự tỉnh tháng 10');
    await dialog.screenshot({ path: join(SCREENSHOTS, 'person-merge-dialog.png') });
    await page.screenshot({ path: join(SCREENSHOTS, 'person-merge-page.png') });

    // A sealed meeting is among them: without a reason nothing is done.
    await page.getByTestId('person-merge-confirm').click();
    await page.getByText('Cần ghi lý do đính chính vì có cuộc họp đã khóa hồ sơ.').waitFor();
    expect(app.archive.sqlite.prepare('SELECT deleted_at FROM people WHERE id = ?').pluck().get(ids.dup)).toBeNull();

    await page.getByTestId('person-merge-reason').fill('Nhập trùng tên khi ghi biên bản; cùng một người');
    await page.getByTestId('person-merge-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(page.getByTestId('person-merged').innerText()).resolves.toBe(
      `Đã gộp: ${DUP} (bản trùng) đã vào thùng rác; 2 cuộc họp nay ghi người này.`,
    );
    await page.locator('[data-testid="person-meetings-count"][data-count="3"]').waitFor();
    // The row moved keeps its role and rank at the time.
    const moved = page.getByTestId('person-meeting-row').filter({ hasText: 'Hội nghị Đảng ủy Quân sự tỉnh tháng 10' });
    await expect(moved.getByTestId('person-meeting-role').innerText()).resolves.toBe('Chủ trì');
    await expect(moved.getByTestId('person-meeting-then').innerText()).resolves.toBe('khi đó: Thượng tá, Phó Chính ủy');
    await page.screenshot({ path: join(SCREENSHOTS, 'person-merge-done.png') });

    const dup = app.archive.sqlite.prepare('SELECT deleted_at AS deletedAt, merged_into AS mergedInto FROM people WHERE id = ?').get(ids.dup) as {
      deletedAt: number | null;
      mergedInto: string | null;
    };
    expect(dup.deletedAt).toBeGreaterThan(0);
    expect(dup.mergedInto).toBe(ids.keep);
    expect(checkSeal(app.archive, ids.sealed!).ok).toBe(true);

    // The sealed meeting's Lịch sử: the correction, in the clerk's words, with the reason.
    await page.goto(`${host.origin}/#/meetings/${ids.sealed}?tab=history`);
    const entry = page.locator('[data-testid="history-entry"][data-action="people.merge"]');
    await entry.waitFor();
    await expect(entry.getByTestId('history-action').innerText()).resolves.toBe(`Gộp người: ${DUP} (bản trùng) → ${KEEP}`);
    await expect(entry.innerText()).resolves.toContain('Nhập trùng tên khi ghi biên bản; cùng một người');
    await page.locator('[data-testid="history-entry"][data-action="correct"]').waitFor();

    expect(app.requests.filter((u) => !u.startsWith(host.origin))).toEqual([]);
  });
});
