import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listPhotos } from '../../db/photos';
import { png } from '../helpers/images';
import { launchApp, SCREENSHOTS, type App } from './harness';

/**
 * A commune news item written for this test: two captions whose pictures did not come with the pasted
 * text ("… Ảnh: Thu Hà" after a speaker, "Toàn cảnh hội nghị." under no picture).
 */
const REPORT = `Đảng ủy xã Tân Phú sơ kết công tác quý IV

Chiều 20/11/2026, Đảng ủy xã Tân Phú tổ chức hội nghị sơ kết công tác quý IV. Đồng chí Lê Văn Tâm, Bí thư Đảng ủy xã chủ trì hội nghị.

Đồng chí Lê Văn Tâm phát biểu tại hội nghị. Ảnh: Thu Hà

Hội nghị đánh giá kết quả thực hiện nhiệm vụ quý IV và bàn phương hướng nhiệm vụ năm 2027.

Toàn cảnh hội nghị.

Các chi bộ tiếp tục rà soát, bổ sung kế hoạch công tác năm.`;

let app: App;
beforeAll(async () => {
  app = await launchApp();
  await app.page.setViewportSize({ width: 1366, height: 768 });
});
afterAll(async () => {
  await app?.close();
});

describe('Ảnh: captions of an imported report wait as photo cards until the clerk attaches the picture', () => {
  it('imports two captions without pictures as cards, then attaches a picture to one in the Ảnh tab', async () => {
    const { page } = app;
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-paste').fill(REPORT);
    await page.getByTestId('import-read').click();
    await page.getByTestId('import-source').waitFor();
    await page.getByTestId('import-save').click();
    await page.waitForURL(/#\/meetings\/[^/]+$/);
    const id = decodeURIComponent(page.url().split('/').pop()!);

    await page.getByTestId('tab-photos').click();
    await expect.poll(() => page.getByTestId('photo-card').count()).toBe(2);
    await expect(page.getByTestId('photo-no-file').count()).resolves.toBe(2);
    await expect(page.getByText('2 ảnh, trong đó 2 thẻ chưa có tệp ảnh').isVisible()).resolves.toBe(true);
    const first = page.getByTestId('photo-card').first();
    await expect(first.getByTestId('photo-caption').inputValue()).resolves.toBe('Đồng chí Lê Văn Tâm phát biểu tại hội nghị.');
    await expect(first.getByTestId('photo-credit').inputValue()).resolves.toBe('Ảnh: Thu Hà');
    await expect(first.innerText()).resolves.toContain('Chưa có tệp ảnh');
    await page.screenshot({ path: join(SCREENSHOTS, 'photo-cards-waiting.png'), fullPage: false });

    const file = join(app.dataDir, 'phat-bieu.png');
    writeFileSync(file, await png('#1565c0', 320, 200));
    const chooser = page.waitForEvent('filechooser');
    await first.getByTestId('photo-attach').click();
    const attached = page.waitForResponse((r) => r.url().endsWith('/api/photos/attach'));
    await (await chooser).setFiles(file);
    expect((await attached).status()).toBe(200);

    // The card shows its picture (it opens large now); caption and credit are as they were.
    await expect.poll(() => page.getByTestId('photo-no-file').count()).toBe(1);
    await expect(first.getByTestId('photo-open').isVisible()).resolves.toBe(true);
    await expect(first.getByTestId('photo-caption').inputValue()).resolves.toBe('Đồng chí Lê Văn Tâm phát biểu tại hội nghị.');
    await expect(page.getByText('2 ảnh, trong đó 1 thẻ chưa có tệp ảnh').isVisible()).resolves.toBe(true);
    expect(listPhotos(app.archive, id).photos.map((p) => [p.caption, p.credit, p.mime])).toEqual([
      ['Đồng chí Lê Văn Tâm phát biểu tại hội nghị.', 'Ảnh: Thu Hà', 'image/png'],
      ['Toàn cảnh hội nghị.', '', ''],
    ]);
    await page.screenshot({ path: join(SCREENSHOTS, 'photo-cards-attached.png'), fullPage: false });
  });
});
