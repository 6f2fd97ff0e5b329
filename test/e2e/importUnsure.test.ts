import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { listConclusions } from '../../db/conclusions';
import { launchApp, SCREENSHOTS, type App } from './harness';

/**
 * A report written for this test in the style of a district news item: its date has no year (14-10),
 * and its last directive names a deadline ("trước ngày 31/12/2026").
 */
const REPORT = `Huyện ủy Tân Phước sơ kết công tác xây dựng lực lượng dân quân tự vệ

Sáng 14-10, Ban Thường vụ Huyện ủy Tân Phước tổ chức hội nghị sơ kết công tác xây dựng lực lượng dân quân tự vệ 9 tháng đầu năm. Đồng chí Trần Quốc Bảo, Bí thư Huyện ủy chủ trì hội nghị.

Dự hội nghị có Thượng tá Lê Minh Tâm, Chỉ huy trưởng Ban Chỉ huy Quân sự huyện; bà Nguyễn Thị Hồng Nhung, Phó Chủ tịch UBND huyện.

Theo báo cáo, 9 tháng qua lực lượng dân quân tự vệ của huyện được kiện toàn đủ số lượng, chất lượng huấn luyện được nâng lên; 12 xã, thị trấn hoàn thành kế hoạch huấn luyện đúng thời gian.

Kết luận hội nghị, đồng chí Trần Quốc Bảo đề nghị các cấp ủy tiếp tục quán triệt sâu sắc Luật Dân quân tự vệ, gắn nhiệm vụ quốc phòng với phát triển kinh tế - xã hội của địa phương.

Đồng chí giao Ban Chỉ huy Quân sự huyện chủ trì, phối hợp các xã hoàn thành việc rà soát, bổ sung kế hoạch phòng thủ dân sự trước ngày 31/12/2026.

HOÀNG YẾN`;

let app: App;

beforeAll(async () => {
  app = await launchApp();
  // The small laptop screen the issue names.
  await app.page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  await app?.close();
});

describe('Nhập hồ sơ: what the importer was unsure of, and a deadline offered as a task', () => {
  it('the inferred year is listed and outlined; the ticked directive is saved as a task with its deadline', async () => {
    const { page } = app;
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-paste').fill(REPORT);
    await page.getByTestId('import-read').click();
    await page.getByTestId('import-source').waitFor();

    // Listed first, with why in the draft's own words; the date field is outlined with the same words.
    const unsure = page.getByTestId('import-unsure');
    await expect(unsure.innerText()).resolves.toContain('Cần kiểm tra trước');
    const dateItem = unsure.locator('[data-testid="import-unsure-item"][data-field="date"]');
    await expect(dateItem.innerText()).resolves.toContain('năm 2026 được suy ra');
    const date = page.getByTestId('import-date');
    await expect(date.getAttribute('data-unsure')).resolves.toBe('date');
    await expect(date.evaluate((el) => getComputedStyle(el).borderTopColor)).resolves.not.toBe(
      await page.getByTestId('import-time').evaluate((el) => getComputedStyle(el).borderTopColor),
    );
    await expect(page.getByText('Cần kiểm tra:').first().isVisible()).resolves.toBe(true);
    // The words the date came from are underlined in the source too.
    await expect(page.getByTestId('import-source').locator('mark[data-unsure]').innerText()).resolves.toBe(
      'Sáng 14-10',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'import-unsure.png'), fullPage: false });

    // The link brings the clerk to the field.
    await dateItem.getByRole('button', { name: 'Ngày họp' }).click();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'import-date',
    );
    await date.fill('14/10/2025');

    // The directive with a deadline is offered, unticked; the clerk ticks it and corrects the day.
    const offers = page.getByTestId('import-task-offer');
    await expect(offers.count()).resolves.toBe(1);
    await expect(offers.innerText()).resolves.toContain('Giao thành nhiệm vụ, hạn');
    const tick = offers.getByRole('checkbox');
    await expect(tick.isChecked()).resolves.toBe(false);
    await expect(page.getByTestId('import-task-deadline').inputValue()).resolves.toBe('31/12/2026');
    await tick.check();
    await page.getByTestId('import-task-deadline').fill('30/12');
    await expect(page.getByTestId('import-save').isDisabled()).resolves.toBe(true);
    await page.getByTestId('import-task-deadline').fill('30/12/2026');
    await offers.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'import-task-offer.png'), fullPage: false });

    await page.getByTestId('import-save').click();
    await page.waitForURL(/#\/meetings\/[^/]+$/);
    const id = decodeURIComponent(page.url().split('/').pop()!);

    // The record's Kết luận tab shows the task with its deadline; the other conclusion stays plain.
    await page.getByTestId('tab-conclusions').click();
    await expect.poll(() => page.getByTestId('conclusion-row').count()).toBe(2);
    await expect(page.getByTestId('conclusion-row').nth(1).innerText()).resolves.toContain('30/12/2026');
    expect(listConclusions(app.archive, id).rows.map((c) => [c.isTask, c.deadline, c.taskStatus])).toEqual([
      [false, null, null],
      [true, '2026-12-30', 'chua_lam'],
    ]);
    await page.screenshot({ path: join(SCREENSHOTS, 'import-task-saved.png'), fullPage: false });
  });
});
