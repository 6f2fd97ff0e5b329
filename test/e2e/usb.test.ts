import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validateBag } from '../helpers/bagitValidator';
import { tempDir } from '../helpers/tempArchive';
import { uuidv7 } from '../../db/ids';
import { seedExportRecords, type SeededRecords } from '../integration/exportFixture';
import { meetingJsonPath } from '../../services/archive/meetingJson';
import { launchApp, SCREENSHOTS, type App } from './harness';

let app: App;
let seeded: SeededRecords;
let usb: { dir: string; cleanup: () => void };
let bagPath = '';
let usbStick = '';

beforeAll(async () => {
  app = await launchApp();
  seeded = await seedExportRecords(app.archive, { secret: true });
  usb = tempDir('hoso-e2e-usb-');
  usbStick = join(usb.dir, 'USB-VANTHU');
  mkdirSync(usbStick);
  process.env.HOSO_DRIVE_ROOTS = usbStick;
});

afterAll(async () => {
  delete process.env.HOSO_DRIVE_ROOTS;
  await app?.close();
  usb?.cleanup();
});

const shot = (name: string) =>
  app.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** A photo of `mb` MB of random bytes (it does not compress), attached to a meeting as the app stores one. */
function addLargePhoto(meetingId: string, mb: number): void {
  const bytes = randomBytes(mb * 1024 * 1024);
  bytes[0] = 0xff;
  bytes[1] = 0xd8;
  const hash = createHash('sha256').update(bytes).digest('hex');
  const dir = join(dirname(app.archive.file), 'photos', hash.slice(0, 2));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${hash}.jpg`), bytes);
  const now = Date.now();
  app.archive.sqlite
    .prepare(
      "INSERT INTO photos (id, meeting_id, file_hash, mime, byte_size, caption, credit, position, created_at, updated_at) VALUES (?, ?, ?, 'image/jpeg', ?, 'Toàn cảnh hội trường', '', 1000, ?, ?)",
    )
    .run(uuidv7(), meetingId, hash, bytes.length, now, now);
}

describe('Lưu trữ USB', () => {
  it('shows the size before starting, demands encryption for a secret record, exports a year and says it is safe to remove the stick only after verifying', async () => {
    const { page } = app;
    await page.getByTestId('nav-usb').click();
    await page.getByTestId('usb-screen').waitFor();
    // Everything: four meetings, one of them Mật, so encryption is forced on.
    await page.getByTestId('usb-must-encrypt').waitFor();
    await expect(page.getByTestId('usb-must-encrypt').innerText()).resolves.toMatch(
      /1 hồ sơ độ mật từ Mật trở lên/,
    );
    await expect(page.getByTestId('usb-estimate-summary').innerText()).resolves.toMatch(
      /^4 cuộc họp, 3 ảnh, khoảng [\d,]+ MB\.$/,
    );
    await expect(page.getByTestId('usb-encrypt').isDisabled()).resolves.toBe(true);

    // 2024 only: no secret record, no encryption needed.
    await page.getByTestId('usb-scope').getByText('Khoảng ngày').click();
    await page.getByTestId('usb-from').fill('01/01/2024');
    await page.getByTestId('usb-to').fill('31/12/2024');
    // The stick is chosen among those plugged in (HOSO_DRIVE_ROOTS makes the temp folder one), not typed.
    await page.getByTestId('stick-refresh').click();
    await page.getByTestId('stick').filter({ hasText: 'USB-VANTHU' }).getByTestId('stick-choose').click();
    await page.getByTestId('usb-estimate-free').waitFor();
    // In the browser there is no folder dialog: the path is typed (the desktop app adds "Chọn thư mục…").
    expect(await page.getByTestId('choose-folder').count()).toBe(0);
    await expect(page.getByTestId('usb-estimate-summary').innerText()).resolves.toMatch(/^3 cuộc họp, 3 ảnh/);
    await expect(page.getByTestId('usb-estimate-free').innerText()).resolves.toMatch(
      /^Thư mục đích còn trống [\d.,]+ (MB|GB)\./,
    );
    await expect(page.getByTestId('usb-must-encrypt').count()).resolves.toBe(0);
    await shot('usb-export-form');

    await page.getByTestId('usb-start').click();
    await page.getByTestId('usb-safe').waitFor();
    const safe = await page.getByTestId('usb-safe').innerText();
    expect(safe).toMatch(/An toàn để rút USB/);
    expect(safe).toMatch(/Đã xuất 3 cuộc họp, 3 ảnh\. Toàn bộ \d+ tệp \([\d,]+ MB\) đã được đọc lại từ USB/);
    bagPath = await page.getByTestId('usb-result-path').innerText();
    expect(readdirSync(usbStick)).toEqual([bagPath.split(/[\\/]/).at(-1)]);
    expect(validateBag(bagPath)).toEqual([]);
    await shot('usb-export-safe');
  });

  it('Nhập từ USB is its own page: the stick just written is listed with its archive, chosen with one click; no stick is said in Vietnamese', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('nav-usb').click();
    await page.getByTestId('stick-picker').waitFor();
    await page.getByTestId('stick-picker').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'usb-export-page-1366.png') });

    await page.getByTestId('nav-usbMerge').click();
    await page.getByTestId('usb-merge-screen').waitFor();
    await expect(page.getByTestId('nav-usbMerge').getAttribute('aria-current')).resolves.toBe('page');
    const stick = page.getByTestId('stick').filter({ hasText: 'USB-VANTHU' });
    await stick.getByTestId('stick-bag').waitFor();
    const card = await stick.innerText();
    expect(card).toMatch(/còn trống [\d.,]+ (MB|GB) \/ [\d.,]+ (MB|GB)/);
    expect(card).toContain('1 bản lưu trữ:');
    expect(card).toMatch(/\d{2}\/\d{2}\/\d{4}\s+hoso-VP-\d{8}-\d{6}\s+3 cuộc họp/);
    await stick.getByTestId('stick-bag').click();
    await expect(page.getByTestId('stick-chosen').innerText()).resolves.toBe(bagPath);
    await page.screenshot({ path: join(SCREENSHOTS, 'usb-merge-page-1366.png') });
    await page.getByTestId('merge-preview').click();
    await page.getByTestId('merge-plan').waitFor();
    await expect(page.getByTestId('merge-count-identical').first().innerText()).resolves.toBe('Giống hệt: 3');

    // The stick pulled out: Tìm lại says so.
    process.env.HOSO_DRIVE_ROOTS = join(usb.dir, 'da-rut');
    await page.getByTestId('stick-refresh').click();
    await expect(page.getByTestId('stick-none').innerText()).resolves.toBe('Chưa thấy USB nào. Cắm USB rồi bấm Tìm lại.');
    await page.screenshot({ path: join(SCREENSHOTS, 'usb-merge-no-stick.png') });
    process.env.HOSO_DRIVE_ROOTS = usbStick;
    await page.setViewportSize({ width: 1366, height: 850 });
    await page.getByTestId('nav-usb').click();
  });

  it('the exported index.html opens in Chromium from the stick (file://) and shows the meetings with their photos', async () => {
    const page = await app.page.context().newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file://')) outside.push(r.url());
    });
    await page.goto(pathToFileURL(join(bagPath, 'data', 'index.html')).href);
    const rows = await page.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^12\/03\/2024\tHội nghị tổng kết công tác tuyển quân năm 2024/);
    expect(rows.join('\n')).toContain('Họp về <b>mẫu biểu</b> & "số liệu" của Sở Tài chính');
    await page.screenshot({ path: join(SCREENSHOTS, 'usb-bag-index.png'), fullPage: true });
    await page.getByText('Hội nghị giao ban công tác quốc phòng quý II năm 2024').click();
    await page.locator('figure img').first().waitFor();
    const widths = await page
      .locator('figure img')
      .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
    expect(widths).toEqual([320, 320]);
    await expect(page.locator('figcaption').first().innerText()).resolves.toBe(
      'Đại tá Nguyễn Văn Thành phát biểu chỉ đạo hội nghị — Ảnh: Việt Hà',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'usb-bag-meeting.png'), fullPage: true });
    expect(outside).toEqual([]);
    await page.close();
  });

  it('Kiểm tra: a good bag is valid; a changed file is named', async () => {
    const { page } = app;
    await page.getByTestId('usb-tab-verify').click();
    await page.getByTestId('usb-verify-path').fill(bagPath);
    await page.getByTestId('usb-verify-run').click();
    await page.getByTestId('usb-verify-ok').waitFor();
    await expect(page.getByTestId('usb-verify-ok').innerText()).resolves.toMatch(/Bản lưu trữ hợp lệ/);

    const json = join(bagPath, 'data', meetingJsonPath(seeded.ids.tongKet));
    writeFileSync(json, readFileSync(json, 'utf8').replace('tuyển quân', 'tuyển sinh'));
    await page.getByTestId('usb-verify-run').click();
    await page.getByTestId('usb-verify-bad').waitFor();
    const problems = await page.getByTestId('usb-verify-problems').innerText();
    expect(problems).toContain(
      `Tệp đã bị thay đổi (mã sha256 không khớp): data/${meetingJsonPath(seeded.ids.tongKet)}`,
    );
    await shot('usb-verify-bad');
  });

  it('an encrypted export of everything: weak passphrase warned, cancel leaves nothing, then a finished .tar.age', async () => {
    const { page } = app;
    const dest = join(usb.dir, 'mat');
    mkdirSync(dest);
    await page.getByTestId('usb-tab-export').click();
    // Another folder than a stick: typed behind "Chọn thư mục khác…" (the desktop opens its folder dialog).
    await page.getByTestId('stick-other').click();
    await page.getByTestId('usb-dest').fill(dest);
    await page.getByTestId('usb-passphrase').fill('123456');
    await page.getByText(/dễ đoán/).waitFor();
    const strong = 'sông Hồng chảy qua ba miền quê';
    await page.getByTestId('usb-passphrase').fill(strong);
    await page.getByTestId('usb-passphrase-confirm').fill('khác');
    await page.getByText('Hai lần nhập mật khẩu không giống nhau.').waitFor();
    await expect(page.getByTestId('usb-start').isDisabled()).resolves.toBe(true);
    await page.getByTestId('usb-passphrase-confirm').fill(strong);

    // Cancel while it runs: the stick keeps nothing. A large photo makes the job last long enough
    // (seconds of encryption in JavaScript) that the cancel always lands before it ends, even on a busy CI.
    addLargePhoto(seeded.ids.tongKet, 16);
    await page.getByTestId('usb-start').click();
    // The job shows its progress and Hủy at once (age's scrypt alone takes a moment); a refusal would show
    // an error in the panel instead, whose text then explains the failure.
    await page.getByTestId('usb-cancel').or(page.getByTestId('error-alert')).first().waitFor();
    expect(
      await page.getByTestId('error-alert').count(),
      await page.getByTestId('usb-export').innerText(),
    ).toBe(0);
    // The progress and Hủy stay in the window, however long the form above them.
    const box = (await page.getByTestId('usb-progress').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height + 1);
    await page.getByTestId('usb-cancel').click();
    await page.getByText('Đã hủy xuất lưu trữ').waitFor();
    expect(readdirSync(dest)).toEqual([]);

    await page.getByTestId('usb-start').click();
    await page.getByTestId('usb-progress').waitFor();
    await page.getByTestId('usb-safe').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('usb-safe').innerText()).resolves.toMatch(/Đã mã hóa bằng mật khẩu\./);
    expect(readdirSync(dest)).toHaveLength(1);
    expect(readdirSync(dest)[0]).toMatch(/^hoso-VP-\d{8}-\d{6}\.tar\.age$/);
    await shot('usb-export-encrypted');
  });

  it('a destination that does not exist is explained before starting, in English too', async () => {
    const { page } = app;
    await page.getByTestId('usb-dest').fill(join(usb.dir, 'khong-co'));
    await page.getByText(/Không ghi được vào thư mục đích/).waitFor();
    await page.getByTestId('lang-switch').getByText('English').click();
    await page.getByText('Export to USB', { exact: true }).first().waitFor();
    await page.getByTestId('lang-switch').getByText('Tiếng Việt').click();
    expect(app.requests.filter((u) => !u.startsWith(app.host.origin) && !u.startsWith('data:'))).toEqual([]);
  });
});
