import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, SCREENSHOTS, type App } from './harness';
import { setAttendanceStatus } from './recordSteps';
import { png } from '../helpers/images';
import { getMeeting } from '../../db/meetings';
import { checkSearchIndex } from '../../db/search/indexer';
import { verifyAuditChain } from '../../db/audit';

let app: App;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

const TITLE = 'Hội nghị Ban Thường vụ Đảng ủy xã Tân Hòa quý IV năm 2026';
/** Ten attendees as a news report lists them: honorific or rank, name, titles; separated by ";". */
const ATTENDEES = [
  'Đồng chí Lê Văn Thành, Bí thư Đảng ủy xã',
  'Đồng chí Hoàng Thị Mai, Phó Bí thư Thường trực Đảng ủy',
  'Trung tá Đỗ Minh Khôi, Chỉ huy trưởng Ban CHQS xã',
  'Ông Trịnh Quang Vinh, Chủ tịch UBND xã',
  'Bà Lưu Thị Hạnh, Chủ tịch Ủy ban MTTQ xã',
  'Thiếu tá Mạc Văn Long, Trưởng Công an xã',
  'Đồng chí Tạ Thu Hà, Văn phòng Đảng ủy',
  'Ông Châu Ngọc Sơn, Phó Chủ tịch HĐND xã',
  'Đồng chí Kiều Văn Bình, Bí thư Đoàn xã',
  'Bà Ông Thị Duyên, Chủ tịch Hội Phụ nữ xã',
].join('; ');

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `whole-${name}.png`), fullPage: true });
}

/**
 * The whole record of one meeting kept through the UI only, as issue 3 asks: the form with minutes
 * holding a table, ten attendees pasted and their statuses marked, three photos with captions,
 * conclusions with an overdue task, document references; finalized; after a reload everything is
 * there, the person's page lists the meeting, the task view puts the overdue task first. A caption is
 * then corrected with its reason, the seal still checks out, and every part is found by search.
 */
describe('the whole record of one meeting, through the UI', () => {
  it('is kept, finalized, reloaded, corrected and found again', async () => {
    const { page, archive, host } = app;

    // Thông tin, with minutes holding a table.
    await page.goto(`${host.origin}/#/meetings/new`);
    await page.getByTestId('meeting-title').fill(TITLE);
    await page.getByTestId('meeting-date').fill('18/11/2026');
    await page.getByTestId('meeting-date').press('Escape');
    await page.getByTestId('meeting-start').fill('14h00');
    await page.getByTestId('meeting-location').fill('Hội trường Đảng ủy xã');
    const minutes = page.getByTestId('meeting-minutes');
    await minutes.click();
    await page.keyboard.type('Đồng chí Bí thư Đảng ủy chủ trì, đánh giá kết quả thu ngân sách.');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Chèn bảng' }).click();
    await page.getByRole('button', { name: 'Bảng 2 cột × 2 dòng' }).click();
    for (const [i, cell] of ['Chỉ tiêu', 'Kết quả', 'Thu ngân sách xã', 'Đạt 104% dự toán'].entries()) {
      if (i > 0) await page.keyboard.press('Tab'); // (Tab in the last cell would add a row)
      await page.keyboard.type(cell);
    }
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('record-tabs').waitFor();
    const id = new URL(page.url()).hash.match(/#\/meetings\/([0-9a-f-]{36})/)![1]!;
    expect(getMeeting(archive, id).minutesText).toContain('Thu ngân sách xã | Đạt 104% dự toán');
    await shot(page, 'info');

    // Thành phần: ten pasted, one excused with a reason, one late.
    await page.getByTestId('tab-attendance').click();
    await page.getByTestId('attendance-paste').click();
    await page.getByTestId('paste-text').fill(ATTENDEES);
    await page.getByTestId('paste-preview').click();
    await expect.poll(() => page.getByTestId('paste-row').count()).toBe(10);
    await page.getByTestId('paste-confirm').click();
    await expect.poll(() => page.getByTestId('attendance-row').count()).toBe(10);
    await setAttendanceStatus(page, 'Trịnh Quang Vinh', 'Vắng có lý do', 'Họp tại Huyện ủy');
    await setAttendanceStatus(page, 'Kiều Văn Bình', 'Đến muộn');
    await expect.poll(() => page.getByTestId('attendance-count-present').getAttribute('data-count')).toBe('9');
    await expect(page.getByTestId('attendance-count-absent').getAttribute('data-count')).resolves.toBe('1');
    await shot(page, 'attendance');

    // Ảnh: three photos, each with its caption and credit.
    const captions = ['Đồng chí Lê Văn Thành phát biểu khai mạc', 'Các đại biểu thảo luận', 'Quang cảnh hội nghị'];
    const files = ['#2e7d32', '#1565c0', '#6a1b9a'].map((color, i) => ({ color, file: join(app.dataDir, `anh-${i + 1}.png`) }));
    for (const f of files) writeFileSync(f.file, await png(f.color, 320, 200));
    await page.getByTestId('tab-photos').click();
    await page.getByTestId('photos-input').setInputFiles(files.map((f) => f.file));
    await expect.poll(() => page.locator('[data-testid="photo-upload"][data-state="done"]').count()).toBe(3);
    for (const [i, caption] of captions.entries()) {
      const card = page.getByTestId('photo-card').nth(i);
      await card.getByTestId('photo-caption').fill(caption);
      await card.getByTestId('photo-credit').fill('Ảnh: Thu Hà');
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/photos/update'));
      await card.getByTestId('photo-save').click();
      await saved;
    }
    await shot(page, 'photos');

    // Kết luận: one ordinary, one task whose deadline has passed.
    await page.getByTestId('tab-conclusions').click();
    await page.getByTestId('conclusion-add').click();
    await page.getByTestId('conclusion-text').fill('Thống nhất đánh giá kết quả thu ngân sách quý IV đạt 104% dự toán.');
    await page.getByTestId('conclusion-save').click();
    await expect.poll(() => page.getByTestId('conclusion-row').count()).toBe(1);
    await page.getByTestId('conclusion-add').click();
    await page.getByTestId('conclusion-text').fill('Ủy ban nhân dân xã hoàn thành rà soát hộ nghèo.');
    await page.getByTestId('conclusion-is-task').check();
    await page.getByTestId('conclusion-unit').fill('Ủy ban nhân dân xã');
    await page.getByTestId('conclusion-deadline').fill('01/11/2026');
    await page.getByTestId('conclusion-unit').click(); // closes the calendar (Escape would close the dialog)
    await page.getByTestId('conclusion-save').click();
    await expect.poll(() => page.getByTestId('conclusion-row').count()).toBe(2);
    await expect(page.getByTestId('conclusion-row').nth(1).getAttribute('data-overdue')).resolves.toBe('true');
    await shot(page, 'conclusions');

    // Văn bản: a reference typed with messy spacing is stored normalized.
    await page.getByTestId('tab-documents').click();
    await page.getByTestId('document-add').click();
    await page.getByTestId('document-number').fill('15 -NQ/ĐU');
    await page.getByTestId('document-number').blur();
    await page.getByTestId('document-type').click();
    await page.getByRole('option', { name: 'Nghị quyết', exact: true }).click();
    await page.getByTestId('document-save').click();
    await expect.poll(() => page.getByTestId('document-row-number').allInnerTexts()).toEqual(['15-NQ/ĐU']);
    await shot(page, 'documents');

    // Lịch sử: finalize.
    await page.getByTestId('tab-history').click();
    await page.getByTestId('finalize').click();
    await page.getByTestId('finalize-confirm').click();
    await expect.poll(() => getMeeting(archive, id).status).toBe('finalized');
    await page.getByTestId('correct').waitFor();
    await shot(page, 'history');

    // After a reload everything is there, read-only.
    await page.reload();
    await page.getByTestId('tab-info').click();
    await expect.poll(() => minutes.locator('td').allInnerTexts()).toEqual(['Thu ngân sách xã', 'Đạt 104% dự toán']);
    await expect(minutes.getAttribute('contenteditable')).resolves.toBe('false');
    await page.getByTestId('tab-attendance').click();
    await expect.poll(() => page.getByTestId('attendance-row').count()).toBe(10);
    await expect(page.getByTestId('attendance-row').filter({ hasText: 'Trịnh Quang Vinh' }).innerText()).resolves.toContain('Họp tại Huyện ủy');
    await page.getByTestId('tab-photos').click();
    await expect.poll(() => page.getByTestId('photo-card').count()).toBe(3);
    await page.getByTestId('tab-conclusions').click();
    await expect.poll(() => page.getByTestId('conclusion-row').count()).toBe(2);
    await expect(page.getByTestId('conclusion-add').count()).resolves.toBe(0);
    await page.getByTestId('tab-documents').click();
    await expect.poll(() => page.getByTestId('document-row-number').allInnerTexts()).toEqual(['15-NQ/ĐU']);

    // The person's page lists the meeting, with the role.
    await page.getByTestId('nav-people').click();
    await page.getByTestId('people-search').fill('hoang thi mai');
    await page.getByTestId('person-open').filter({ hasText: 'Hoàng Thị Mai' }).click();
    await expect.poll(() => page.getByTestId('person-meeting-row').getAttribute('data-meeting-id')).toBe(id);
    await shot(page, 'person');

    // The task view: the overdue task first.
    await page.getByTestId('nav-tasks').click();
    await expect.poll(() => page.getByTestId('tasks-row').first().innerText()).toContain('rà soát hộ nghèo');
    await expect(page.getByTestId('tasks-row').first().getAttribute('data-overdue')).resolves.toBe('true');

    // Đính chính of a photo caption, with its reason; the record is sealed again.
    await page.goto(`${host.origin}/#/meetings/${id}?tab=history`);
    await page.getByTestId('correct').click();
    await page.getByTestId('correction-target').getByText('Chú thích ảnh').click();
    await page.getByTestId('correction-item').click();
    await page.getByRole('option', { name: /^Ảnh 3: Quang cảnh hội nghị/ }).click();
    await page.getByTestId('correction-text').fill('Quang cảnh hội nghị tại hội trường Đảng ủy xã Tân Hòa');
    await page.getByTestId('correction-reason').fill('Bổ sung địa điểm vào chú thích');
    await shot(page, 'correction');
    await page.getByTestId('correction-save').click();
    await page.locator('[data-testid="history-entry"][data-action="correct"]').waitFor();
    await page.getByTestId('seal-check').click();
    await expect.poll(() => page.getByTestId('seal-result').getAttribute('data-ok')).toBe('true');

    // Lịch sử in the clerk's words: what was done to what in one sentence, who, when, old → new by
    // their labels; never a stored code, an id, a file hash or a technical field.
    const sentences = await page.getByTestId('history-action').allInnerTexts();
    expect(sentences).toEqual(
      expect.arrayContaining([
        `Tạo hồ sơ «${TITLE}»`,
        'Sửa thông tin dự họp của Trịnh Quang Vinh',
        'Thêm ảnh «anh-1.png»',
        'Sửa ảnh «Quang cảnh hội nghị»',
        'Thêm kết luận «Thống nhất đánh giá kết quả thu ngân sách quý IV đạt 104% dự toán.»',
        'Thêm nhiệm vụ «Ủy ban nhân dân xã hoàn thành rà soát hộ nghèo.»',
        'Thêm văn bản 15-NQ/ĐU',
        'Khóa hồ sơ và niêm phong',
        'Niêm phong lại hồ sơ sau đính chính',
      ]),
    );
    const pasted = page.getByTestId('history-entry').filter({ hasText: 'Thêm 10 người dự họp' });
    await expect(pasted.getByTestId('history-changes').innerText()).resolves.toMatch(/Người dự họp\s+— → .*Trịnh Quang Vinh/);
    const excused = page.getByTestId('history-entry').filter({ hasText: 'Sửa thông tin dự họp của Trịnh Quang Vinh' });
    await expect(excused.getByTestId('history-changes').innerText()).resolves.toMatch(/Trạng thái\s+Có mặt → Vắng có lý do\s+Lý do vắng\s+— → Họp tại Huyện ủy/);
    await expect(excused.getByTestId('history-when').innerText()).resolves.toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    const corrected = page.getByTestId('history-entry').filter({ hasText: 'Sửa ảnh «Quang cảnh hội nghị»' }).filter({ hasText: 'Lý do' });
    await expect(corrected.innerText()).resolves.toContain('Lý do: Bổ sung địa điểm vào chú thích');
    const allHistory = (await page.getByTestId('history-entry').allInnerTexts()).join('\n');
    expect(allHistory).not.toMatch(/\b(co_mat|vang_co_ly_do|den_muon|dai_bieu|fileHash|mime|byteSize|image\/png|true|false)\b|[0-9a-f]{8}-[0-9a-f]{4}-|[0-9a-f]{40}/);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByText('Lịch sử thay đổi', { exact: true }).evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: join(SCREENSHOTS, 'whole-history-words.png') });
    await excused.evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: join(SCREENSHOTS, 'whole-history-attendance.png') });
    await page.setViewportSize({ width: 1366, height: 850 });

    // Mantine's password eye speaks Vietnamese, like every other control.
    await page.goto(`${host.origin}/#/usb`);
    await page.getByTestId('usb-tab-verify').click();
    await expect(page.getByRole('button', { name: 'Hiện hoặc ẩn mật khẩu' }).count()).resolves.toBe(1);
    await expect(page.locator('[aria-label="Toggle password visibility"]').count()).resolves.toBe(0);

    // Every part is found by search, typed without marks.
    await page.getByTestId('nav-search').click();
    const ids = () => page.getByTestId('search-result').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-id')));
    for (const query of ['"thu ngan sach xa"', 'luu thi hanh', '"hoi truong dang uy xa tan hoa"', 'ra soat ho ngheo', '15-NQ/DU']) {
      // A query that finds nothing first, so the results checked are this query's, not the last one's.
      await page.getByTestId('search-input').fill('khongcotrongkho');
      await page.locator('[data-testid="search-total"][data-count="0"]').waitFor();
      await page.getByTestId('search-input').fill(query);
      await expect.poll(ids, { timeout: 5000 }).toEqual([id]);
    }
    expect(checkSearchIndex(archive).ok).toBe(true);
    expect(verifyAuditChain(archive).ok).toBe(true);
  });
});
