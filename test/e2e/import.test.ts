import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createPerson } from '../../db/people';
import { listAttendance } from '../../db/attendance';
import { listDocumentRefs } from '../../db/documentRefs';
import { getMeeting } from '../../db/meetings';
import { listPhotos } from '../../db/photos';
import { reportDocx } from '../fixtures/import/reportDocx';
import { launchApp, SCREENSHOTS, type App } from './harness';

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'import');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

let app: App;
let khaiId: string;

beforeAll(async () => {
  app = await launchApp();
  // In the directory as a lieutenant colonel; the report calls him a senior lieutenant colonel.
  khaiId = createPerson(
    app.archive,
    { fullName: 'Lê Đình Khải', rank: 'Trung tá', title: 'Phó Chỉ huy trưởng', unit: '', notes: '' },
    'e2e',
  ).id;
});

afterAll(async () => {
  await app?.close();
});

describe('Nhập hồ sơ', () => {
  it('a pasted report is reviewed beside its highlighted source, corrected, saved, and found in the list', async () => {
    const { page } = app;
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-paste').fill(fixture('quan-su-tinh.txt'));
    await page.getByTestId('import-read').click();
    await page.getByTestId('import-source').waitFor();

    // Every extracted item is highlighted in the source.
    const source = page.getByTestId('import-source');
    await expect(source.locator('mark[data-field="person"]').count()).resolves.toBe(4);
    await expect(source.locator('mark[data-field="caption"]').count()).resolves.toBe(2);
    await expect(source.locator('mark[data-field="document"]').count()).resolves.toBe(3);
    await expect(source.locator('mark[data-field="date"]').innerText()).resolves.toBe('Sáng 9-4');
    await expect(page.getByTestId('import-title').inputValue()).resolves.toBe(
      'Đảng ủy Quân sự tỉnh Quảng Trị ra nghị quyết lãnh đạo nhiệm vụ quý II',
    );
    await expect(page.getByTestId('import-date').inputValue()).resolves.toBe('09/04/2024');
    await expect(page.getByTestId('import-location').inputValue()).resolves.toBe(
      'Hội trường Bộ Chỉ huy Quân sự tỉnh',
    );

    // A known name with another rank is asked, not assumed: saving waits for the answer.
    const asked = page.locator('[data-testid="import-person"][data-match="possible"]');
    await expect(asked.count()).resolves.toBe(1);
    await expect(asked.innerText()).resolves.toContain('khác cấp bậc');
    await expect(page.getByTestId('import-save').isDisabled()).resolves.toBe(true);
    await asked.getByTestId('import-person-choice').click();
    await page.getByRole('option', { name: /Cùng người: Trung tá Lê Đình Khải/ }).click();

    // Corrections: the title shortened, one document discarded (its highlight is struck through).
    await page.getByTestId('import-title').fill('Hội nghị sơ kết công tác lãnh đạo quý I năm 2024');
    await page.getByTestId('import-document').nth(2).getByRole('checkbox').uncheck();
    await expect(
      source
        .locator('mark[data-field="document"]')
        .nth(2)
        .evaluate((el) => getComputedStyle(el).textDecorationLine),
    ).resolves.toBe('line-through');
    await page.screenshot({ path: join(SCREENSHOTS, 'import-review.png'), fullPage: false });

    await page.getByTestId('import-save').click();
    await page.waitForURL(/#\/meetings\/[^/]+$/);
    const id = decodeURIComponent(page.url().split('/').pop()!);
    await expect(page.getByTestId('meeting-title').inputValue()).resolves.toBe(
      'Hội nghị sơ kết công tác lãnh đạo quý I năm 2024',
    );

    // What the clerk confirmed is what was stored.
    expect(getMeeting(app.archive, id)).toMatchObject({
      status: 'draft',
      meetingDate: '2024-04-09',
      source: 'Tin, ảnh: NGỌC ANH - ĐỨC THỊNH',
    });
    const rows = listAttendance(app.archive, id).rows;
    expect(rows.map((r) => [r.fullName, r.rank, r.role])).toEqual([
      ['Hồ Quang Minh', 'Đại tá', 'chu_tri'],
      ['Lê Đình Khải', 'Thượng tá', 'dai_bieu'],
      ['Đoàn Thị Mỹ Hạnh', 'Trung tá', 'dai_bieu'],
      ['Ngô Sỹ Toàn', 'Đại tá', 'dai_bieu'],
    ]);
    expect(rows[1]!.personId).toBe(khaiId);
    expect(listDocumentRefs(app.archive, id).rows.map((r) => r.number)).toEqual([
      '847-NQ/QUTW',
      '152/KH-BCH',
    ]);

    await page.getByTestId('nav-meetings').click();
    await page
      .getByTestId('meeting-row')
      .filter({ hasText: 'Hội nghị sơ kết công tác lãnh đạo quý I năm 2024' })
      .waitFor();
    await expect(
      page
        .getByTestId('meeting-row')
        .filter({ hasText: 'Hội nghị sơ kết công tác lãnh đạo quý I năm 2024' })
        .innerText(),
    ).resolves.toContain('09/04/2024');

    // The same report pasted again is flagged as a duplicate, and saving stays off until the clerk insists.
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-paste').fill(fixture('quan-su-tinh.txt'));
    await page.getByTestId('import-read').click();
    await page.getByTestId('import-duplicate').waitFor();
    await expect(page.getByTestId('import-duplicate').innerText()).resolves.toContain('cùng nội dung');
  });

  it('a Word file dropped on the screen: its picture is saved as a photo with the caption under it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Quay lại' }).click();
    const docx = (await reportDocx({ title: 'Hội nghị triển khai nhiệm vụ huấn luyện năm 2025' })).toString(
      'base64',
    );
    const dropped = await page.evaluateHandle((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(
        new File([bytes], 'hoi-nghi-huan-luyen.docx', {
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        }),
      );
      return dt;
    }, docx);
    await page.getByTestId('import-drop').dispatchEvent('drop', { dataTransfer: dropped });
    await page.getByTestId('import-source').waitFor();
    await expect(page.getByTestId('import-title').inputValue()).resolves.toBe(
      'Hội nghị triển khai nhiệm vụ huấn luyện năm 2025',
    );
    await expect(page.getByTestId('import-source').innerText()).resolves.toContain('[Ảnh 1]');
    await expect(page.getByTestId('import-caption').innerText()).resolves.toContain('ảnh 1');
    await page.getByTestId('import-save').click();
    await page.waitForURL(/#\/meetings\/[^/]+$/);
    const id = decodeURIComponent(page.url().split('/').pop()!);
    expect(listPhotos(app.archive, id).photos.map((p) => p.caption)).toEqual([
      'Thượng tướng Võ Minh Lương phát biểu chỉ đạo hội nghị.',
    ]);
    await page.getByTestId('nav-import').click();
  });

  it('several files at once: a progress bar and a summary with the reason of each failure', async () => {
    const { page } = app;
    await page.getByTestId('import-file').setInputFiles([
      { name: 'ubnd-huyen.txt', mimeType: 'text/plain', buffer: Buffer.from(fixture('ubnd-huyen.txt')) },
      { name: 'so-ket.txt', mimeType: 'text/plain', buffer: Buffer.from(fixture('so-ket-khong-nam.txt')) },
      { name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 …') },
      { name: 'ubnd-lan-2.txt', mimeType: 'text/plain', buffer: Buffer.from(fixture('ubnd-huyen.txt')) },
    ]);
    await page.getByTestId('import-summary').waitFor();
    await expect(page.getByTestId('import-summary').innerText()).resolves.toBe(
      '1 đã nhập, 1 cần xem lại, 1 trùng (bỏ qua), 1 lỗi',
    );
    const statuses = await page
      .getByTestId('import-batch-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses).toEqual(['imported', 'needs_review', 'failed', 'duplicate']);
    await expect(page.getByTestId('import-batch-row').nth(2).innerText()).resolves.toContain('PDF');
    await page.screenshot({ path: join(SCREENSHOTS, 'import-batch.png'), fullPage: false });
    // A paste past 2 million characters is refused with what to do, and the paste stays for the clerk.
    await page.getByRole('button', { name: 'Nhập tiếp' }).click();
    // A 10 MB paste is refused at once, before the box tries to show it.
    await page.getByTestId('import-paste').evaluate((box) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'Hội nghị sơ kết công tác quý I. '.repeat(320_000));
      box.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    await page.locator('[data-testid="error-alert"][data-error-code="IMPORT_TOO_LARGE"]').waitFor();
    await expect(page.getByTestId('error-alert').innerText()).resolves.toContain('tách thành nhiều tệp');
    await expect(page.getByTestId('import-paste').inputValue()).resolves.toBe('');
    // Offline: nothing left the machine.
    expect(app.requests.filter((u) => !u.startsWith(app.host.origin))).toEqual([]);
  });
});
