import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { png } from '../helpers/images';
import { launchApp, SCREENSHOTS, type App } from './harness';
import { addNewGuest, pick, setAttendanceStatus } from './recordSteps';

let app: App;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

const shot = (name: string) =>
  app.page.screenshot({ path: join(SCREENSHOTS, `record-${name}.png`), fullPage: false });

/** The "thành phần" paragraph as official reports write it: rank, name, position; one per line or ";". */
const PASTED = [
  'Thiếu tướng Nguyễn Văn Hùng, Chính ủy Quân khu;',
  'Đại tá Trần Quốc Bảo, Phó Tư lệnh Quân khu;',
  'Đại tá Lê Minh Tuấn, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh;',
  'Thượng tá Phạm Thị Lan, Trưởng phòng Chính trị;',
  'Thượng tá Hoàng Đức Thắng, Phó Chính ủy Bộ Chỉ huy Quân sự tỉnh;',
  'Trung tá Vũ Văn Khánh, Trưởng ban Tác huấn;',
  'Trung tá Đặng Thị Mai, Trợ lý Tổ chức;',
  'Thiếu tá Bùi Quang Huy, Trợ lý Tuyên huấn;',
  'Ông Ngô Thanh Sơn, Phó Chủ tịch UBND tỉnh;',
  'Bà Đỗ Thị Hương, Giám đốc Sở Nội vụ.',
].join('\n');

describe('record: attendance and photos of a meeting, through the UI', () => {
  let meetingUrl = '';

  it('creates a meeting; the record tabs appear once it is saved', async () => {
    const { page } = app;
    await page.getByTestId('nav-meetings').waitFor();
    await page.goto(new URL('#/meetings/new', page.url()).href);
    await page.getByTestId('meeting-title').waitFor();
    await expect(page.getByTestId('record-tabs').count()).resolves.toBe(0);
    await page.getByTestId('meeting-title').fill('Hội nghị quân chính Bộ Chỉ huy Quân sự tỉnh năm 2026');
    await page.getByTestId('meeting-date').fill('12/01/2026');
    await page.getByTestId('meeting-date').press('Escape');
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('record-tabs').waitFor();
    meetingUrl = page.url().split('?')[0]!;
    expect(meetingUrl).toMatch(/#\/meetings\/[0-9a-f-]{36}$/);
  });

  it('pastes a 10-person list, reviews it and adds everyone', async () => {
    const { page } = app;
    await page.getByTestId('tab-attendance').click();
    expect(page.url()).toContain('?tab=attendance');
    await page.getByTestId('attendance-paste').click();
    await page.getByTestId('paste-text').fill(PASTED);
    await page.getByTestId('paste-preview').click();
    await page.getByTestId('paste-row').first().waitFor();
    await expect(page.getByTestId('paste-row').count()).resolves.toBe(10);
    const first = await page.getByTestId('paste-row').first().innerText();
    expect(first).toContain('Thiếu tướng');
    expect(first).toContain('Nguyễn Văn Hùng');
    expect(first).toContain('Chính ủy Quân khu');
    await shot('paste-preview');
    const added = page.waitForResponse((r) => r.url().endsWith('/api/attendance/add-many'));
    await page.getByTestId('paste-confirm').click();
    await added;
    await expect.poll(() => page.getByTestId('attendance-row').count()).toBe(10);
    await expect(page.getByTestId('attendance-count-present').getAttribute('data-count')).resolves.toBe('10');
  });

  it('marks an excused absence (with its reason) and a late arrival; the counts follow', async () => {
    const { page } = app;
    await setAttendanceStatus(page, 'Trần Quốc Bảo', 'Vắng có lý do', 'Đi công tác tại Bộ Quốc phòng');
    await setAttendanceStatus(page, 'Đặng Thị Mai', 'Đến muộn');
    await expect
      .poll(() => page.getByTestId('attendance-count-present').getAttribute('data-count'))
      .toBe('9');
    await expect(page.getByTestId('attendance-count-absent').getAttribute('data-count')).resolves.toBe('1');
    const row = await page.getByTestId('attendance-row').filter({ hasText: 'Trần Quốc Bảo' }).innerText();
    expect(row).toContain('Đi công tác tại Bộ Quốc phòng');
    // Protocol order puts the general first.
    await page.getByTestId('attendance-sort').getByText('Theo nghi thức').click();
    await expect
      .poll(() => page.getByTestId('attendance-row').first().innerText())
      .toContain('Nguyễn Văn Hùng');
    await shot('attendance');
  });

  it('adds one new person inline, removes a row after confirming, and finds them again by folded search', async () => {
    const { page } = app;
    await page.getByTestId('attendance-add').click();
    await addNewGuest(page, 'Nguyễn Thị Thu Trang', { rank: 'Đại úy', title: 'Trợ lý Văn thư' });
    await pick(page, 'attendance-role', 'Thư ký');
    const added = page.waitForResponse((r) => r.url().endsWith('/api/attendance/add'));
    await page.getByTestId('attendance-save').click();
    await added;
    await expect.poll(() => page.getByTestId('attendance-row').count()).toBe(11);
    await expect(
      page.getByTestId('attendance-row').filter({ hasText: 'Nguyễn Thị Thu Trang' }).innerText(),
    ).resolves.toContain('Thư ký');

    await page
      .getByTestId('attendance-row')
      .filter({ hasText: 'Ngô Thanh Sơn' })
      .getByTestId('attendance-remove')
      .click();
    const removed = page.waitForResponse((r) => r.url().endsWith('/api/attendance/remove'));
    await page.getByTestId('confirm-remove').click();
    await removed;
    await expect.poll(() => page.getByTestId('attendance-row').count()).toBe(10);

    // Back from the directory: typed without marks, "ngo thanh son" finds "Ngô Thanh Sơn".
    await page.getByTestId('attendance-add').click();
    await page.getByTestId('attendance-person-input').fill('ngo thanh son');
    await page.getByRole('option', { name: /Ngô Thanh Sơn/ }).click();
    await pick(page, 'attendance-role', 'Khách mời');
    const again = page.waitForResponse((r) => r.url().endsWith('/api/attendance/add'));
    await page.getByTestId('attendance-save').click();
    await again;
    await expect.poll(() => page.getByTestId('attendance-row').count()).toBe(11);
    await expect(
      page.getByTestId('attendance-row').filter({ hasText: 'Ngô Thanh Sơn' }).innerText(),
    ).resolves.toContain('Khách mời');
    await expect(page.getByTestId('attendance-count-present').getAttribute('data-count')).resolves.toBe('10');
  });

  it('adds three photos, with captions and a credit', async () => {
    const { page } = app;
    const files = ['#b71c1c', '#1565c0', '#2e7d32'].map((color, i) => {
      const file = join(app.dataDir, `hoi-nghi-${i + 1}.png`);
      return { file, color };
    });
    for (const f of files) writeFileSync(f.file, await png(f.color, 320, 200));
    await page.getByTestId('tab-photos').click();
    expect(page.url()).toContain('?tab=photos');
    await page.getByTestId('photos-input').setInputFiles(files.map((f) => f.file));
    await expect.poll(() => page.getByTestId('photo-card').count()).toBe(3);
    await expect.poll(() => page.locator('[data-testid="photo-upload"][data-state="done"]').count()).toBe(3);

    const captions = [
      'Thiếu tướng Nguyễn Văn Hùng phát biểu chỉ đạo hội nghị',
      'Các đại biểu biểu quyết thông qua nghị quyết',
      'Quang cảnh hội nghị',
    ];
    for (const [i, caption] of captions.entries()) {
      const card = page.getByTestId('photo-card').nth(i);
      await card.getByTestId('photo-caption').fill(caption);
      await card.getByTestId('photo-credit').fill('Ảnh: Việt Hà');
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/photos/update'));
      await card.getByTestId('photo-save').click();
      await saved;
    }
    // People in the first photo, from the attendance list.
    const people = page.waitForResponse((r) => r.url().endsWith('/api/photos/set-people'));
    await page.getByTestId('photo-card').first().getByTestId('photo-people').click();
    await page.getByRole('option', { name: /Nguyễn Văn Hùng/ }).click();
    await people;
    await page.keyboard.press('Escape');
    // The last photo moves one place left.
    const moved = page.waitForResponse((r) => r.url().endsWith('/api/photos/reorder'));
    await page.getByTestId('photo-card').nth(2).getByTestId('photo-left').click();
    await moved;
    await expect
      .poll(() => page.getByTestId('photo-caption').nth(1).inputValue())
      .toBe('Quang cảnh hội nghị');
    await shot('photos');
    await page.getByTestId('photo-open').first().click();
    await page.getByTestId('lightbox').waitFor();
    await expect(page.getByTestId('lightbox').innerText()).resolves.toContain(captions[0]);
    await shot('lightbox');
    await page.keyboard.press('Escape');
    await page.getByTestId('lightbox').waitFor({ state: 'detached' });
  });

  it('after a reload everything is still there, on the same tab', async () => {
    const { page } = app;
    await page.reload();
    await page.getByTestId('photo-card').first().waitFor();
    expect(page.url()).toContain('?tab=photos');
    await expect(page.getByTestId('photo-card').count()).resolves.toBe(3);
    await expect(page.getByTestId('photo-caption').nth(1).inputValue()).resolves.toBe('Quang cảnh hội nghị');
    await expect(page.getByTestId('photo-caption').nth(2).inputValue()).resolves.toBe(
      'Các đại biểu biểu quyết thông qua nghị quyết',
    );
    await expect(page.getByTestId('photo-card').first().innerText()).resolves.toContain('Nguyễn Văn Hùng');
    await expect(page.getByTestId('photo-credit').nth(2).inputValue()).resolves.toBe('Ảnh: Việt Hà');
    const img = page.getByTestId('photo-card').first().locator('img');
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

    await page.getByTestId('tab-attendance').click();
    await expect.poll(() => page.getByTestId('attendance-row').count()).toBe(11);
    await expect(page.getByTestId('attendance-count-present').getAttribute('data-count')).resolves.toBe('10');
    await expect(page.getByTestId('attendance-count-absent').getAttribute('data-count')).resolves.toBe('1');
    await expect(
      page.getByTestId('attendance-row').filter({ hasText: 'Trần Quốc Bảo' }).getAttribute('data-status'),
    ).resolves.toBe('vang_co_ly_do');

    // The meeting form still saves: it sends the version the part writes moved on to.
    await page.getByTestId('tab-info').click();
    await page.getByTestId('meeting-location').fill('Hội trường Bộ Chỉ huy Quân sự tỉnh');
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('meeting-saved').waitFor();
    await expect(page.getByTestId('error-alert').count()).resolves.toBe(0);
  });
});

/** A call the way another window would make it (same origin, same session). */
async function apiCall<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ([c, body]) => {
      const res = await fetch(`/api/${c}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await res.json()) as { ok: boolean; data?: unknown; error?: unknown };
    },
    [channel, input] as const,
  );
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.data as T;
}

describe('record: photos the store refuses, and a photo dropped in', () => {
  it('names the file and the reason, in Vietnamese; a dropped picture is added', async () => {
    const { page } = app;
    await page.getByTestId('tab-photos').click();
    await expect.poll(() => page.getByTestId('photo-card').count()).toBe(3);
    const text = join(app.dataDir, 'bien-ban.txt');
    writeFileSync(text, 'Biên bản hội nghị');
    const again = join(app.dataDir, 'hoi-nghi-1.png');
    await page.getByTestId('photos-input').setInputFiles([text, again]);
    const failed = page.locator('[data-testid="photo-upload"][data-state="failed"]');
    await expect.poll(() => failed.count()).toBe(2);
    await expect(failed.nth(0).innerText()).resolves.toContain('bien-ban.txt: không phải tệp ảnh.');
    const duplicate = await failed.nth(1).innerText();
    expect(duplicate).toContain('hoi-nghi-1.png:');
    expect(duplicate.toLowerCase()).toMatch(/đã có/);
    await expect(page.getByTestId('photo-card').count()).resolves.toBe(3);

    // Drag and drop, as from the file manager.
    const bytes = (await png('#6a1b9a', 200, 150)).toString('base64');
    await page.getByTestId('photos-drop').evaluate((el, b64) => {
      const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bin], 'keo-tha.png', { type: 'image/png' }));
      el.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, bytes);
    await expect.poll(() => page.getByTestId('photo-card').count()).toBe(4);
    await shot('photos-errors');
  });
});

describe('record: pasting a list that needs the clerk to decide', () => {
  it('a possible match (promoted since) is settled as the same person; a too long list is refused in Vietnamese', async () => {
    const { page } = app;
    await page.getByTestId('tab-attendance').click();
    await expect.poll(() => page.getByTestId('attendance-row').count()).toBe(11);
    // Someone already in the directory, not yet on this meeting, then a captain.
    const person = await apiCall<{ id: string }>(page, 'people/create', {
      fullName: 'Lê Văn Bình',
      rank: 'Thượng tá',
      title: 'Phó Chỉ huy trưởng',
    });
    expect(person.id).toBeTruthy();

    await page.getByTestId('attendance-paste').click();
    await page
      .getByTestId('paste-text')
      .fill('Đại tá Lê Văn Bình, Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh');
    await page.getByTestId('paste-preview').click();
    const row = page.getByTestId('paste-row');
    await row.first().waitFor();
    await expect(row.first().getAttribute('data-match')).resolves.toBe('possible');
    // Nothing is added while the match is undecided.
    await expect(page.getByTestId('paste-confirm').isDisabled()).resolves.toBe(true);
    await shot('paste-possible');
    await page.getByTestId('paste-choice').click();
    await page.getByRole('option', { name: /Cùng người: Thượng tá Lê Văn Bình/ }).click();
    await pick(page, 'paste-role', 'Khách mời');
    const added = page.waitForResponse((r) => r.url().endsWith('/api/attendance/add-many'));
    await page.getByTestId('paste-confirm').click();
    await added;
    await expect.poll(() => page.getByTestId('attendance-row').count()).toBe(12);
    const binh = await page.getByTestId('attendance-row').filter({ hasText: 'Lê Văn Bình' }).innerText();
    expect(binh).toContain('Đại tá');
    expect(binh).toContain('Khách mời');
    // Same person: the directory still has one Lê Văn Bình.
    const found = await apiCall<{ total: number }>(page, 'people/list', { query: 'le van binh' });
    expect(found.total).toBe(1);

    const many = Array.from({ length: 1001 }, (_, i) => `Đại úy Nguyễn Văn Thành ${i + 1}, Trợ lý`).join(
      '\n',
    );
    await page.getByTestId('attendance-paste').click();
    await page.getByTestId('paste-text').fill(many);
    await page.getByTestId('paste-preview').click();
    const refused = page.locator('[data-testid="error-alert"][data-error-code="ATTENDANCE_TOO_MANY"]');
    await refused.waitFor();
    await expect(refused.innerText()).resolves.toMatch(/quá dài|tối đa/);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('attendance-row').count()).resolves.toBe(12);
  });
});

describe('record: a change made elsewhere, then a finalized meeting', () => {
  const meetingId = () => decodeURIComponent(app.page.url().split('#/meetings/')[1]!.split('?')[0]!);

  it('a write from a stale screen gets the conflict alert; "Tải lại" brings the current version', async () => {
    const { page } = app;
    await page.getByTestId('tab-attendance').click();
    await expect.poll(() => page.getByTestId('attendance-row').count()).toBe(12);
    // Another window changes the list meanwhile.
    const list = await apiCall<{
      meetingVersion: number;
      rows: { id: string; fullName: string; role: string }[];
    }>(page, 'attendance/list', { meetingId: meetingId() });
    const hung = list.rows.find((r) => r.fullName === 'Nguyễn Văn Hùng')!;
    await apiCall(page, 'attendance/update', {
      meetingId: meetingId(),
      version: list.meetingVersion,
      id: hung.id,
      fields: { role: 'chu_tri', status: 'co_mat' },
    });

    await page
      .getByTestId('attendance-row')
      .filter({ hasText: 'Vũ Văn Khánh' })
      .getByTestId('attendance-edit')
      .click();
    await pick(page, 'attendance-status', 'Vắng');
    await page.getByTestId('attendance-save').click();
    const alert = page.locator('[data-testid="error-alert"][data-error-code="VERSION_CONFLICT"]');
    await alert.waitFor();
    await shot('conflict');
    // The alert is shown inside the dialog; reloading keeps what was chosen, and saving again works.
    await alert.getByTestId('error-action').click();
    await alert.waitFor({ state: 'detached' });
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/attendance/update'));
    await page.getByTestId('attendance-save').click();
    await saved;
    await page
      .getByTestId('attendance-row')
      .filter({ hasText: 'Vũ Văn Khánh' })
      .filter({ hasText: 'Vắng' })
      .waitFor();
    await expect
      .poll(() => page.getByTestId('attendance-row').filter({ hasText: 'Nguyễn Văn Hùng' }).innerText())
      .toContain('Chủ trì');
    await expect(page.getByTestId('attendance-count-absent').getAttribute('data-count')).resolves.toBe('2');
  });

  it('a finalized meeting shows its attendance and photos without edit controls', async () => {
    const { page } = app;
    const meeting = await apiCall<{ version: number }>(page, 'meetings/get', { id: meetingId() });
    await apiCall(page, 'meetings/finalize', { id: meetingId(), version: meeting.version });
    await page.reload();
    await page.getByTestId('attendance-row').first().waitFor();
    await expect(page.getByTestId('attendance-add').count()).resolves.toBe(0);
    await expect(page.getByTestId('attendance-paste').count()).resolves.toBe(0);
    await expect(page.getByTestId('attendance-edit').count()).resolves.toBe(0);
    await page.getByTestId('tab-photos').click();
    await page.getByTestId('photo-card').first().waitFor();
    await expect(page.getByTestId('photos-input').count()).resolves.toBe(0);
    await expect(page.getByTestId('photo-save').count()).resolves.toBe(0);
    await expect(page.getByTestId('photo-caption').first().innerText()).resolves.toBe(
      'Thiếu tướng Nguyễn Văn Hùng phát biểu chỉ đạo hội nghị',
    );
    await shot('photos-finalized');
  });
});
