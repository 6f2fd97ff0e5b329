import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type App } from './harness';
import { addRecord } from '../helpers/meetingRecord';

let app: App;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

describe('removing a conclusion or a document reference asks first, then removes only that one', () => {
  it('cancelling keeps the row; confirming removes it and the meeting version moves on', async () => {
    const { page, archive, host } = app;
    const id = addRecord(archive, {
      title: 'Hội nghị Ban Thường vụ Huyện ủy quý II',
      conclusions: ['Giao Văn phòng Huyện ủy tổng hợp báo cáo.', 'Đề nghị Ủy ban Kiểm tra Huyện ủy kiểm tra việc thực hiện.'],
      docs: [
        { number: '12-TB/HU', type: 'Thông báo' },
        { number: '05/KH-UBND', type: 'Kế hoạch' },
      ],
    });
    const count = (table: string) =>
      (archive.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE meeting_id = ?`).get(id) as { n: number }).n;

    await page.goto(`${host.origin}/#/meetings/${id}?tab=conclusions`);
    await page.getByTestId('conclusion-row').nth(1).waitFor();
    await page.getByTestId('conclusion-remove').first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(count('conclusions')).toBe(2);
    await page.getByTestId('conclusion-remove').first().click();
    await page.getByTestId('conclusion-remove-confirm').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => count('conclusions')).toBe(1);
    await expect.poll(() => page.getByTestId('conclusion-row').count()).toBe(1);
    await expect(page.getByTestId('conclusion-row').first().innerText()).resolves.toContain('Ủy ban Kiểm tra');

    await page.getByTestId('tab-documents').click();
    await page.getByTestId('document-row').nth(1).waitFor();
    await page.getByTestId('document-remove').nth(1).click();
    await expect(page.getByRole('dialog').innerText()).resolves.toContain('05/KH-UBND');
    await page.getByTestId('document-remove-confirm').click();
    await expect.poll(() => count('document_refs')).toBe(1);
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(1);
    await expect(page.getByTestId('document-row').first().innerText()).resolves.toContain('12-TB/HU');
    expect((archive.sqlite.prepare('SELECT version FROM meetings WHERE id = ?').get(id) as { version: number }).version).toBe(3);
  });
});
