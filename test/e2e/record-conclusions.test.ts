import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { addRecord } from '../helpers/meetingRecord';
import { launchApp, SCREENSHOTS, type App } from './harness';
import { createPerson, deletePerson } from '../../db/people';
import { mergePeople, previewPersonMerge } from '../../db/peopleMerge';

let app: App;

const TITLE = 'Hội nghị Đảng ủy Quân sự tỉnh triển khai nhiệm vụ năm 2024';
const CONCLUSIONS = [
  'Quán triệt, triển khai nghiêm túc Nghị quyết của Đảng ủy Quân sự tỉnh về nhiệm vụ năm 2024.',
  'Bộ Chỉ huy Quân sự tỉnh hoàn thành kế hoạch diễn tập khu vực phòng thủ trước ngày 15/01/2024.',
  'Các đơn vị duy trì nghiêm chế độ trực sẵn sàng chiến đấu.',
];

beforeAll(async () => {
  app = await launchApp();
  // A person in the directory, to be picked as a task's assignee.
  addRecord(app.archive, {
    title: 'Giao ban Bộ Chỉ huy Quân sự tỉnh tháng 12 năm 2023',
    date: '2023-12-28',
    attendees: [{ name: 'Nguyễn Văn Hùng', rank: 'Đại tá', titles: 'Tham mưu trưởng' }],
  });
});

afterAll(async () => {
  await app?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `record-${name}.png`), fullPage: true });

async function openTab(page: Page, tab: string) {
  await page.getByTestId(`tab-${tab}`).click();
}

describe('meeting record: conclusions, tasks, documents, tags, finalize and seal', () => {
  it('records conclusions, an overdue task, documents and tags, then finalizes; everything survives a reload read-only', async () => {
    const { page } = app;
    await page.evaluate(() => {
      window.location.hash = '#/meetings/new';
    });
    await page.getByTestId('meeting-title').fill(TITLE);
    await page.getByTestId('meeting-kind').click();
    await page.getByRole('option', { name: 'Hội nghị', exact: true }).click();
    await page.getByTestId('meeting-date').fill('05/01/2024');
    await page.getByTestId('meeting-date').press('Escape');
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('record-tabs').waitFor();

    // Kết luận: three conclusions, the second one a task whose deadline has passed.
    await openTab(page, 'conclusions');
    for (const [i, text] of CONCLUSIONS.entries()) {
      await page.getByTestId('conclusion-add').click();
      await page.getByTestId('conclusion-text').fill(text);
      if (i === 0) {
        // A task not yet due: listed after the overdue one.
        await page.getByTestId('conclusion-is-task').check();
        await page.getByTestId('conclusion-assignee').fill('nguyen van hung');
        await page.getByRole('option', { name: 'Đại tá Nguyễn Văn Hùng' }).click();
        await page.getByTestId('conclusion-unit').fill('Phòng Tham mưu');
        await page.getByTestId('conclusion-deadline').fill('31/12/2099');
        await page.getByTestId('conclusion-unit').click();
      }
      if (i === 1) {
        await page.getByTestId('conclusion-is-task').check();
        await page.getByTestId('conclusion-unit').fill('Bộ Chỉ huy Quân sự tỉnh');
        await page.getByTestId('conclusion-deadline').fill('15/01/2024');
        // Escape would close the whole dialog: clicking another field closes the calendar.
        await page.getByTestId('conclusion-unit').click();
        await page.getByTestId('conclusion-status').click();
        await page.getByRole('option', { name: 'Đang làm', exact: true }).click();
      }
      await page.getByTestId('conclusion-save').click();
      await expect.poll(() => page.getByTestId('conclusion-row').count()).toBe(i + 1);
    }
    await expect(page.getByTestId('conclusion-row').first().innerText()).resolves.toContain('Thực hiện: Nguyễn Văn Hùng · Phòng Tham mưu');
    // Editing keeps the chosen person in the field.
    await page.getByTestId('conclusion-row').first().getByTestId('conclusion-edit').click();
    await expect(page.getByTestId('conclusion-assignee').inputValue()).resolves.toContain('Nguyễn Văn Hùng');
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
    const overdueRow = page.getByTestId('conclusion-row').nth(1);
    await expect(overdueRow.getAttribute('data-overdue')).resolves.toBe('true');
    await expect(overdueRow.innerText()).resolves.toContain('Quá hạn');
    await expect(overdueRow.innerText()).resolves.toContain('15/01/2024');
    // Reorder: the third conclusion moves up one place, then back.
    await page.getByTestId('conclusion-row').nth(2).getByTestId('move-up').click();
    await expect.poll(() => page.getByTestId('conclusion-row').nth(1).innerText()).toContain('trực sẵn sàng');
    await page.getByTestId('conclusion-row').nth(2).getByTestId('move-up').click();
    await expect.poll(() => page.getByTestId('conclusion-row').nth(1).innerText()).toContain('diễn tập');
    await shot(page, 'conclusions');

    // Văn bản: a number typed with messy spacing is shown and stored normalized.
    await openTab(page, 'documents');
    await page.getByTestId('document-add').click();
    await page.getByTestId('document-number').fill('2927 -TB/TU');
    await page.getByText('Sẽ lưu là: 2927-TB/TU').waitFor();
    await page.getByTestId('document-number').blur();
    await expect(page.getByTestId('document-type').inputValue()).resolves.toBe('Thông báo');
    await page.getByTestId('document-date').fill('20/12/2023');
    await page.getByTestId('document-issuer').click();
    await page.getByTestId('document-issuer').fill('Tỉnh ủy');
    await page.getByTestId('document-summary').fill('Kết luận của Thường trực Tỉnh ủy về công tác quân sự, quốc phòng năm 2024');
    await shot(page, 'document-editor');
    await page.getByTestId('document-save').click();
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(1);

    await page.getByTestId('document-add').click();
    await page.getByTestId('document-number').fill('abc');
    await page.getByText('không phải là số và ký hiệu văn bản', { exact: false }).waitFor();
    await page.getByTestId('document-number').fill('15-nq/tw');
    await page.getByText('Sẽ lưu là: 15-NQ/TW').waitFor();
    await page.getByTestId('document-type').click();
    await page.getByRole('option', { name: 'Nghị quyết', exact: true }).click();
    await page.getByTestId('document-save').click();
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(2);
    await expect(page.getByTestId('document-row-number').allInnerTexts()).resolves.toEqual(['2927-TB/TU', '15-NQ/TW']);
    await expect(page.getByTestId('document-row-type').allInnerTexts()).resolves.toEqual(['Thông báo', 'Nghị quyết']);

    // Thẻ
    const tags = page.getByTestId('tags-input');
    await tags.fill('Quốc phòng');
    await tags.press('Enter');
    await tags.fill('Diễn tập');
    await tags.press('Enter');
    await expect.poll(() => app.archive.sqlite.prepare('SELECT count(*) AS n FROM meeting_tags').get()).toEqual({ n: 2 });
    await shot(page, 'documents');

    // Lịch sử: finalize (confirm), then the seal is shown and checks out.
    await openTab(page, 'history');
    await page.getByTestId('finalize').click();
    await page.getByText('chỉ còn để xem', { exact: false }).waitFor();
    await page.getByTestId('finalize-confirm').click();
    const hash = page.getByTestId('seal-hash');
    await hash.waitFor();
    await expect(hash.getAttribute('data-hash')).resolves.toMatch(/^[0-9a-f]{64}$/);
    await expect(page.getByTestId('sealed-at').innerText()).resolves.toMatch(/^Đã khóa lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    // Reload: everything is there and read-only.
    await page.reload();
    await page.getByTestId('record-tabs').waitFor();
    await expect(page.getByTestId('meeting-status').innerText()).resolves.toContain('Đã');
    await openTab(page, 'conclusions');
    await expect.poll(() => page.getByTestId('conclusion-row').count()).toBe(3);
    await expect(page.getByTestId('conclusion-row').allInnerTexts()).resolves.toEqual([
      expect.stringContaining(CONCLUSIONS[0]!),
      expect.stringContaining(CONCLUSIONS[1]!),
      expect.stringContaining(CONCLUSIONS[2]!),
    ]);
    await expect(page.getByTestId('conclusion-add').count()).resolves.toBe(0);
    await expect(page.getByTestId('conclusion-edit').count()).resolves.toBe(0);
    // Task follow-up goes on after finalizing: the status is not part of the seal.
    const firstStatus = page.getByTestId('conclusion-row').first().getByTestId('conclusion-row-status');
    await firstStatus.click();
    await page.getByRole('option', { name: 'Đang làm', exact: true }).click();
    await expect.poll(() => firstStatus.inputValue()).toBe('Đang làm');
    await shot(page, 'finalized-conclusions');
    await openTab(page, 'documents');
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(2);
    await expect(page.getByTestId('document-add').count()).resolves.toBe(0);
    await expect(page.getByTestId('tags-input').getAttribute('readonly')).resolves.not.toBeNull();
    await expect(page.getByText('Quốc phòng', { exact: true }).count()).resolves.toBeGreaterThan(0);
    await shot(page, 'finalized-documents');

    await openTab(page, 'history');
    await page.getByTestId('seal-check').click();
    const result = page.getByTestId('seal-result');
    await result.waitFor();
    await expect(result.getAttribute('data-ok')).resolves.toBe('true');
    await expect(result.innerText()).resolves.toContain('Niêm phong còn nguyên vẹn');
    const actions = await page.getByTestId('history-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(expect.arrayContaining(['create', 'conclusions.add', 'conclusions.reorder', 'documents.add', 'tags.set', 'finalize']));
    expect(actions.filter((a) => a === 'conclusions.add')).toHaveLength(3);
    await expect(page.getByTestId('history-entry').first().innerText()).resolves.toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await shot(page, 'history');

    // Đính chính: the text of a conclusion, with a reason; the record is sealed again and still checks out.
    await page.getByTestId('correct').click();
    await page.getByTestId('correction-item').click();
    await page.getByRole('option', { name: /^3\. Các đơn vị/ }).click();
    await page.getByTestId('correction-text').fill('Các đơn vị duy trì nghiêm chế độ trực sẵn sàng chiến đấu, trực phòng không.');
    await expect(page.getByTestId('correction-save').isDisabled()).resolves.toBe(true);
    await page.getByTestId('correction-reason').fill('Bổ sung theo Thông báo kết luận đã ban hành');
    await shot(page, 'correction');
    await page.getByTestId('correction-save').click();
    await page.locator('[data-testid="history-entry"][data-action="correct"]').waitFor();
    await expect(page.locator('[data-testid="history-entry"][data-action="correct"]').innerText()).resolves.toContain(
      'Bổ sung theo Thông báo kết luận đã ban hành',
    );
    await page.getByTestId('seal-check').click();
    await expect.poll(() => page.getByTestId('seal-result').getAttribute('data-ok')).toBe('true');
  });

  it('lists the overdue task first on the tasks screen, linking to its meeting', async () => {
    const { page } = app;
    await page.getByTestId('nav-tasks').click();
    await page.getByTestId('tasks-row').first().waitFor();
    const first = page.getByTestId('tasks-row').first();
    await expect(first.getByTestId('tasks-overdue').innerText()).resolves.toBe('Quá hạn');
    await expect(first.innerText()).resolves.toContain('diễn tập khu vực phòng thủ');
    await expect(page.getByTestId('tasks-overdue-count').innerText()).resolves.toBe('1 quá hạn');
    await expect.poll(() => page.getByTestId('tasks-row').count()).toBe(2);
    const second = page.getByTestId('tasks-row').nth(1);
    await expect(second.getByTestId('tasks-overdue').count()).resolves.toBe(0);
    await expect(second.innerText()).resolves.toContain('31/12/2099');
    // Assignee text, without diacritics.
    await page.getByTestId('tasks-filter-assignee').fill('hung');
    await expect.poll(() => page.getByTestId('tasks-row').count()).toBe(1);
    await expect(page.getByTestId('tasks-row').first().innerText()).resolves.toContain('Nguyễn Văn Hùng');
    await page.getByTestId('tasks-filter-assignee').fill('');
    await expect.poll(() => page.getByTestId('tasks-row').count()).toBe(2);
    // Only overdue: the task not yet due leaves the list.
    await page.getByTestId('tasks-filter-overdue').locator('..').click();
    await expect.poll(() => page.getByTestId('tasks-row').count()).toBe(1);
    await page.getByTestId('tasks-filter-overdue').locator('..').click();
    await expect.poll(() => page.getByTestId('tasks-row').count()).toBe(2);
    // Marked done inline (a finalized record still takes task follow-up).
    await page.getByTestId('tasks-row').nth(1).getByTestId('tasks-done').click();
    await expect.poll(() => page.getByTestId('tasks-row').nth(1).innerText()).toContain('Hoàn thành');
    await expect(page.getByTestId('tasks-row').nth(1).getByTestId('tasks-done').count()).resolves.toBe(0);
    await expect(first.getByTestId('tasks-meeting-link').getAttribute('href')).resolves.toMatch(/^#\/meetings\/[^?]+\?tab=conclusions$/);
    await shot(page, 'tasks');
    await first.getByTestId('tasks-meeting-link').click();
    await expect.poll(() => page.getByTestId('conclusion-row').count()).toBe(3);
    await expect(page.getByTestId('conclusion-row').nth(2).innerText()).resolves.toContain('trực phòng không');
  });

  it('moves a draft meeting to the trash and restores it from Thùng rác', async () => {
    const { page } = app;
    const id = addRecord(app.archive, { title: 'Giao ban cơ quan tháng 3 năm 2024', kind: 'Giao ban', date: '2024-03-04' });
    await page.evaluate((meetingId) => {
      window.location.hash = `#/meetings/${meetingId}?tab=history`;
    }, id);
    // Lịch sử: an edit of the title, then the first version restored.
    await page.getByTestId('history-entry').first().waitFor();
    await page.getByTestId('tab-info').click();
    await page.getByTestId('meeting-title').fill('Giao ban cơ quan tháng 3 (sửa nhầm)');
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('meeting-saved').waitFor();
    await page.getByTestId('tab-history').click();
    await expect.poll(() => page.getByTestId('history-entry').count()).toBe(2);
    await expect(page.getByTestId('history-entry').first().innerText()).resolves.toContain('sửa nhầm');
    await page.locator('[data-testid="history-entry"][data-action="create"]').getByTestId('history-restore').click();
    await page.getByTestId('history-restore-confirm').click();
    await expect.poll(() => page.getByTestId('meeting-heading').innerText()).toBe('Giao ban cơ quan tháng 3 năm 2024');
    await expect.poll(() => page.getByTestId('history-entry').count()).toBe(3);
    await page.getByTestId('meeting-trash').click();
    await page.getByTestId('meeting-trash-confirm').click();
    await page.getByTestId('nav-trash').waitFor();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/meetings');
    await page.getByTestId('nav-trash').click();
    const row = page.getByTestId('trash-row').filter({ hasText: 'Giao ban cơ quan tháng 3 năm 2024' });
    await row.waitFor();
    await shot(page, 'trash');
    await row.getByTestId('trash-restore').click();
    await page.getByTestId('trash-empty').waitFor();
    await page.getByTestId('nav-meetings').click();
    await page.getByTestId('meeting-row').filter({ hasText: 'Giao ban cơ quan tháng 3 năm 2024' }).waitFor();
  });

  it('lists Danh bạ entries in Thùng rác (deleted, and merged: "đã gộp vào") and restores them', async () => {
    const { page } = app;
    const unit = { unit: 'Phòng Chính trị', notes: '' };
    const typo = createPerson(app.archive, { fullName: 'Phạm Văn Tuấnn', rank: 'Thiếu tá', title: 'Trợ lý', ...unit }, 'e2e');
    deletePerson(app.archive, typo.id, typo.version, 'e2e');
    const keep = createPerson(app.archive, { fullName: 'Hoàng Thị Lan', rank: 'Trung tá', title: 'Trưởng ban', ...unit }, 'e2e');
    const dup = createPerson(app.archive, { fullName: 'Hoàng Thị Lan', rank: 'Thiếu tá', title: 'Phó Trưởng ban', ...unit }, 'e2e');
    const p = previewPersonMerge(app.archive, keep.id, dup.id);
    mergePeople(app.archive, { keepId: keep.id, duplicateId: dup.id, keepVersion: keep.version, duplicateVersion: dup.version, stamp: p.stamp, reason: '' }, 'e2e');

    await page.getByTestId('nav-trash').click();
    const deleted = page.getByTestId('trash-person-row').filter({ hasText: 'Phạm Văn Tuấnn' });
    const merged = page.getByTestId('trash-person-row').filter({ hasText: 'Phó Trưởng ban' });
    await deleted.waitFor();
    await expect(deleted.innerText()).resolves.toContain('Thiếu tá, Trợ lý');
    await expect(deleted.innerText()).resolves.toMatch(/\d{2}\/\d{2}\/\d{4}/);
    await expect(merged.getByTestId('trash-person-merged').innerText()).resolves.toContain('Đã gộp vào Hoàng Thị Lan');
    await shot(page, 'trash-people');

    await merged.getByTestId('trash-person-restore').click();
    await expect(page.getByTestId('trash-person-restored').innerText()).resolves.toContain(
      'Các cuộc họp đã gộp vẫn thuộc Hoàng Thị Lan',
    );
    await deleted.getByTestId('trash-person-restore').click();
    await page.getByTestId('trash-people-empty').waitFor();
    await expect(page.getByTestId('trash-person-restored').innerText()).resolves.toContain('Đã khôi phục Phạm Văn Tuấnn vào Danh bạ');
    await page.getByTestId('nav-people').click();
    await page.getByText('Phạm Văn Tuấnn').waitFor();
  });

  it('speaks English too: the tasks screen and the history of a record', async () => {
    const { page } = app;
    await page.getByTestId('lang-switch').getByText('English').click();
    await page.getByTestId('nav-tasks').click();
    await expect.poll(() => page.getByTestId('nav-tasks').innerText()).toBe('Tasks');
    await expect(page.getByTestId('tasks-overdue').first().innerText()).resolves.toBe('Overdue');
    await shot(page, 'tasks-en');
    await page.getByTestId('tasks-meeting-link').first().click();
    await page.getByTestId('tab-history').click();
    await page.getByTestId('seal-panel').waitFor();
    await expect(page.getByTestId('sealed-at').innerText()).resolves.toMatch(/^Finalized at /);
    await shot(page, 'history-en');
    await page.getByTestId('lang-switch').getByText('Tiếng Việt').click();
  });
});
