import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ATTENDANCE_ROLES, ATTENDANCE_STATUSES } from '../../contract/recordContract';
import { pdfWords } from '../helpers/pdf';
import { tempDir } from '../helpers/tempArchive';
import { launchApp, type App } from './harness';
import {
  chooseStickForExport,
  chooseStickForMerge,
  journeyShot,
  markAttendance,
  skipFirstRun,
} from './journeySteps';
import { addNewGuest, pick } from './recordSteps';
import { outsideRequests, reportPreview } from './reportsApp';

/**
 * A clerk's day, end to end and through the UI only, at 1366×768 on a fresh archive: the first-run
 * setup put off, a meeting recorded from the meetings list, its attendees (one from Danh bạ, one guest
 * added on the spot), attendance marked in the quick grid, a news report imported, the record's history
 * read, a conclusion notice printed, the archive exported to a stick chosen in the stick picker and
 * merged from that stick's root into another PC's empty archive. A screenshot after each step goes to
 * test-results/journey/. The steps through the newer screens (first-run setup, quick grid, stick picker)
 * are in journeySteps.ts.
 */

const MEETING = {
  title: 'Hội nghị triển khai nhiệm vụ phòng, chống thiên tai năm 2026',
  kind: 'Hội nghị',
  date: '12/03/2026',
  location: 'Phòng họp số 1, Ủy ban nhân dân tỉnh',
};
/** In Danh bạ before the meeting: the clerk picks him, typing his name without marks. */
const CHAIR = {
  fullName: 'Trần Quốc Hưng',
  rank: 'Đại tá',
  title: 'Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh',
  unit: 'Bộ Chỉ huy Quân sự tỉnh',
};
/** Not in Danh bạ: added from the picker's "+ Thêm người mới". */
const GUEST = { fullName: 'Hà Thị Mỵ', title: 'Chủ tịch UBND xã Tà Xùa' };
const CONCLUSION =
  'Các xã ven sông hoàn thành phương án sơ tán dân trước ngày 30/5/2026; Bộ Chỉ huy Quân sự tỉnh bố trí lực lượng ứng trực tại các điểm xung yếu.';
const REPORT = readFileSync(
  resolve(import.meta.dirname, '..', 'fixtures', 'journey', 'huyen-uy-dan-van.txt'),
  'utf8',
);
const REPORT_TITLE = 'Huyện ủy Yên Định sơ kết công tác dân vận 6 tháng đầu năm 2026';

let app: App;
let second: App | undefined;
let stick: { dir: string; cleanup: () => void };
let meetingId = '';

/** The clerk's screen. */
async function atClerkSize(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
}

beforeAll(async () => {
  // A fresh archive, as on the clerk's first day: it opens on the first-run setup.
  app = await launchApp({ firstRun: true });
  await atClerkSize(app.page);
  stick = tempDir('hoso-e2e-stick-');
});

afterAll(async () => {
  await second?.close();
  await app?.close();
  stick?.cleanup();
  delete process.env.HOSO_DRIVE_ROOTS;
});

/** The page is no wider than the clerk's window: nothing pushes it sideways. */
async function noSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);
}

/** Opens a meeting from the Hội nghị list by its title, as the clerk does. */
async function openMeeting(page: Page, title: string): Promise<void> {
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-row').filter({ hasText: title }).click();
  await page.getByTestId('record-tabs').waitFor();
}

const attendee = (page: Page, name: string) => page.getByTestId('attendance-row').filter({ hasText: name });

describe("A clerk's day, through the UI", () => {
  it('1. records a meeting from the meetings list: title, date, kind, place', async () => {
    const { page } = app;
    await skipFirstRun(page, page.getByTestId('meetings-empty'));
    await page.getByTestId('meetings-new').click();
    await page.getByTestId('meeting-title').fill(MEETING.title);
    await pick(page, 'meeting-kind', MEETING.kind);
    await page.getByTestId('meeting-date').fill(MEETING.date);
    await page.getByTestId('meeting-date').press('Escape');
    await page.getByTestId('meeting-location').fill(MEETING.location);
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('record-tabs').waitFor();
    // The record opens at its top, not where the form's Lưu had scrolled the window to.
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    meetingId = decodeURIComponent(page.url().split('/').pop()!);
    expect(meetingId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.getByTestId('meeting-heading').innerText()).resolves.toContain(MEETING.title);
    await journeyShot(page, '01a-meeting-saved');

    await page.getByTestId('nav-meetings').click();
    const row = page.getByTestId('meeting-row').filter({ hasText: MEETING.title });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(MEETING.date);
    expect(text).toContain(MEETING.kind);
    expect(text).toContain(MEETING.location);
    await journeyShot(page, '01b-meetings-list');
  });

  it('2. Thành phần: a person from Danh bạ and a guest added from the picker', async () => {
    const { page } = app;
    // The chair is already in Danh bạ (entered there once, as the clerk keeps the directory).
    await page.getByTestId('nav-people').click();
    await page.getByTestId('people-new').click();
    await page.getByTestId('person-fullName').fill(CHAIR.fullName);
    await page.getByTestId('person-rank').fill(CHAIR.rank);
    await page.getByTestId('person-title').fill(CHAIR.title);
    await page.getByTestId('person-unit').fill(CHAIR.unit);
    await page.getByTestId('person-save').click();
    await page.getByTestId('person-fullName').waitFor({ state: 'detached' });
    await page.getByTestId('person-row').filter({ hasText: CHAIR.fullName }).waitFor();
    await journeyShot(page, '02a-danh-ba');

    await openMeeting(page, MEETING.title);
    await page.getByTestId('tab-attendance').click();
    // From Danh bạ: typed without marks, found with them.
    await page.getByTestId('attendance-add').click();
    await page.getByTestId('attendance-person-input').fill('tran quoc hung');
    await page.getByRole('option', { name: `${CHAIR.rank} ${CHAIR.fullName} — ${CHAIR.title}` }).click();
    await pick(page, 'attendance-role', 'Chủ trì');
    const chairAdded = page.waitForResponse((r) => r.url().endsWith('/api/attendance/add'));
    await page.getByTestId('attendance-save').click();
    await chairAdded;
    await attendee(page, CHAIR.fullName).filter({ hasText: 'Chủ trì' }).waitFor();

    // Not in Danh bạ: "+ Thêm người mới" at the foot of the picker.
    await page.getByTestId('attendance-add').click();
    await addNewGuest(page, GUEST.fullName, { title: GUEST.title });
    await pick(page, 'attendance-role', 'Khách mời');
    const guestAdded = page.waitForResponse((r) => r.url().endsWith('/api/attendance/add'));
    await page.getByTestId('attendance-save').click();
    await guestAdded;
    const guestRow = attendee(page, GUEST.fullName);
    await guestRow.filter({ hasText: 'Khách mời' }).waitFor();
    await expect(guestRow.innerText()).resolves.toContain(GUEST.title);
    await expect(page.getByTestId('attendance-count-total').innerText()).resolves.toBe('Tổng số: 2');
    await journeyShot(page, '02b-thanh-phan');
  });

  it('3. marks attendance: the guest came late', async () => {
    const { page } = app;
    await markAttendance(page, [{ name: GUEST.fullName, status: 'Đến muộn' }]);
    // The tab reads the saved rows again once the grid has closed: wait for them, not for the old ones.
    await attendee(page, GUEST.fullName).filter({ hasText: 'Đến muộn' }).waitFor();
    await expect(attendee(page, CHAIR.fullName).innerText()).resolves.toContain('Có mặt');
    await expect
      .poll(() => page.getByTestId('attendance-count-present').innerText())
      .toBe('Có mặt: 2 (trong đó đến muộn: 1)');
    await expect(page.getByTestId('attendance-count-absent').innerText()).resolves.toBe('Vắng: 0');
    await journeyShot(page, '03-diem-danh');
  });

  it('4. Nhập hồ sơ: a pasted news report is reviewed and saved as a meeting', async () => {
    const { page } = app;
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-paste').fill(REPORT);
    await page.getByTestId('import-read').click();
    await page.getByTestId('import-source').waitFor();
    await expect(page.getByTestId('import-title').inputValue()).resolves.toBe(REPORT_TITLE);
    await expect(page.getByTestId('import-date').inputValue()).resolves.toBe('18/06/2026');
    await expect(page.getByTestId('import-location').inputValue()).resolves.toBe(
      'Hội trường Trung tâm Chính trị huyện',
    );
    // The chair and three attendees, highlighted in the source beside the draft.
    await expect(page.getByTestId('import-person').count()).resolves.toBe(4);
    await expect(page.getByTestId('import-source').locator('mark[data-field="person"]').count()).resolves.toBe(4);
    await expect(page.getByTestId('import-conclusion').count()).resolves.toBe(2);
    await expect(page.getByTestId('import-save').isDisabled()).resolves.toBe(false);
    // The people table fits its pane at 1366 px (or scrolls inside its own box), never the page.
    await noSidewaysScroll(page);
    await journeyShot(page, '04a-nhap-xem-lai');

    await page.getByTestId('import-save').click();
    await page.waitForURL(/#\/meetings\/[^/?]+$/);
    await expect(page.getByTestId('meeting-title').inputValue()).resolves.toBe(REPORT_TITLE);
    await page.getByTestId('tab-attendance').click();
    await expect.poll(() => page.getByTestId('attendance-row').count()).toBe(4);
    await attendee(page, 'Mai Văn Quyết').filter({ hasText: 'Thiếu tá' }).waitFor();
    await journeyShot(page, '04b-nhap-da-luu');
    await page.getByTestId('nav-meetings').click();
    await expect.poll(() => page.getByTestId('meetings-total').getAttribute('data-count')).toBe('2');
  });

  it('5. Lịch sử of the first meeting speaks the clerk’s words: no codes, no ids', async () => {
    const { page } = app;
    await openMeeting(page, MEETING.title);
    await page.getByTestId('tab-history').click();
    await expect.poll(() => page.getByTestId('history-entry').count()).toBe(4);
    const sentences = await page.getByTestId('history-action').allInnerTexts();
    expect(sentences).toEqual(
      expect.arrayContaining([
        `Tạo hồ sơ «${MEETING.title}»`,
        expect.stringMatching(new RegExp(`^Thêm người chủ trì .*${CHAIR.fullName}`)),
        expect.stringMatching(new RegExp(`^Thêm khách mời .*${GUEST.fullName}`)),
        `Sửa thông tin dự họp của ${GUEST.fullName}`,
      ]),
    );
    // Tên người dùng was left empty (first run skipped): the PC's account is named as an account.
    for (const by of await page.getByTestId('history-actor').allInnerTexts()) {
      expect(by).toMatch(/^bởi tài khoản máy «[^»]+»$/);
    }
    const changes = await page.getByTestId('history-changes').allInnerTexts();
    expect(changes.join('\n')).toMatch(/Trạng thái\s+Có mặt → Đến muộn/);
    await page.locator('[data-testid="history-when"]').first().waitFor();
    for (const when of await page.getByTestId('history-when').allInnerTexts()) {
      expect(when).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    }
    const tab = await page.getByTestId('record-tabs').innerText();
    const codes = [...ATTENDANCE_ROLES, ...ATTENDANCE_STATUSES].filter((c) => new RegExp(`\\b${c}\\b`).test(tab));
    expect(codes).toEqual([]);
    expect(tab).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i); // an id
    expect(tab).not.toMatch(/[0-9a-f]{16,}/i); // a hash
    expect(tab).not.toMatch(/\b(null|undefined|true|false|NaN)\b|\[object /);
    expect(tab).not.toMatch(/\b[a-z]+_[a-z_]+\b/); // any other stored code (snake_case)
    await journeyShot(page, '05-lich-su');
  });

  it('6. prints the conclusion notice: the conclusion added first is in its preview and its PDF', async () => {
    const { page } = app;
    await page.getByTestId('tab-conclusions').click();
    await page.getByTestId('conclusion-add').click();
    await page.getByTestId('conclusion-text').fill(CONCLUSION);
    await page.getByTestId('conclusion-save').click();
    await page.getByTestId('conclusion-row').filter({ hasText: CONCLUSION }).waitFor();
    await journeyShot(page, '06a-ket-luan');

    await page.getByTestId('meeting-print').click();
    await page.getByTestId('report-preview').waitFor();
    const preview = reportPreview(page);
    await preview.getByText('THÔNG BÁO', { exact: true }).waitFor();
    const subject = await page.getByTestId('notice-subject').inputValue();
    // The trích yếu names the chair and the meeting (its first letter lowered inside the sentence).
    expect(subject).toBe(`Kết luận của đồng chí ${CHAIR.fullName} tại h${MEETING.title.slice(1)}`);
    await preview.getByText(CONCLUSION, { exact: false }).waitFor();
    const previewText = (await preview.locator('body').innerText()).replace(/\s+/g, ' ');
    expect(previewText).toContain(subject);
    await journeyShot(page, '06b-thong-bao-xem-truoc');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-save-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/^Thông báo kết luận - .*\.pdf$/);
    const pdf = join(app.dataDir, 'thong-bao.pdf');
    await download.saveAs(pdf);
    await page.getByTestId('report-saved').waitFor();
    const pdfText = pdfWords(pdf)
      .map((w) => w.text)
      .join(' ');
    expect(pdfText).toContain('THÔNG BÁO');
    expect(pdfText).toContain(subject.replace(/\s+/g, ' '));
    expect(pdfText).toContain(CONCLUSION);
    await journeyShot(page, '06c-thong-bao-pdf');
  });

  it('7. exports the whole archive to the USB stick, verified before it is safe to remove', async () => {
    const { page } = app;
    await page.getByTestId('nav-usb').click();
    await page.getByTestId('usb-tab-export').click();
    await chooseStickForExport(page, stick.dir);
    await page.getByTestId('usb-estimate-free').waitFor();
    await expect(page.getByTestId('usb-estimate-summary').innerText()).resolves.toMatch(/^2 cuộc họp, 0 ảnh/);
    await journeyShot(page, '07a-xuat-usb');
    await page.getByTestId('usb-start').click();
    await page.getByTestId('usb-safe').waitFor();
    const safe = await page.getByTestId('usb-safe').innerText();
    expect(safe).toContain('An toàn để rút USB');
    expect(safe).toMatch(/Đã xuất 2 cuộc họp, 0 ảnh/);
    // The verdict is on screen, whole, without the clerk scrolling for it.
    const box = (await page.getByTestId('usb-safe').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    const bags = readdirSync(stick.dir);
    expect(bags).toHaveLength(1);
    expect(bags[0]).toMatch(/^hoso-.*\d{8}-\d{6}$/);
    await journeyShot(page, '07b-an-toan-rut-usb');
  });

  it('8. merges the stick into another PC’s empty archive: the meeting is there with its guest', async () => {
    second = await launchApp({ firstRun: true });
    const { page } = second;
    await atClerkSize(page);
    await skipFirstRun(page, page.getByTestId('meetings-empty'));
    await page.getByTestId('nav-usbMerge').click();
    // The stick's root: the bag is found under it.
    await chooseStickForMerge(page, stick.dir);
    await page.getByTestId('merge-preview').click();
    await page.getByTestId('merge-plan').waitFor();
    await expect(page.getByTestId('merge-count-new').first().innerText()).resolves.toBe('Mới: 2');
    await expect(page.getByTestId('merge-meetings').innerText()).resolves.toContain(MEETING.title);
    await journeyShot(page, '08a-nhap-goi-xem-truoc');
    await page.getByTestId('merge-apply').click();
    await page.getByTestId('merge-result').waitFor();
    const merged = await page.getByTestId('merge-result').innerText();
    expect(merged).toContain('Đã nhập xong');
    // Only what happened: no "0 giữ cả hai" in the line.
    expect(merged).toMatch(/^2 cuộc họp mới; \d+ người mới trong danh bạ\.$/m);
    expect(merged).not.toMatch(/(^|\D)0 /);
    await journeyShot(page, '08b-nhap-goi-xong');

    await openMeeting(page, MEETING.title);
    await page.getByTestId('tab-attendance').click();
    const guestRow = attendee(page, GUEST.fullName);
    await guestRow.waitFor();
    const guest = await guestRow.innerText();
    expect(guest).toContain('Khách mời');
    expect(guest).toContain('Đến muộn');
    expect(guest).toContain(GUEST.title);
    await attendee(page, CHAIR.fullName).filter({ hasText: 'Chủ trì' }).waitFor();
    await journeyShot(page, '08c-hop-da-nhap');

    // The whole day stayed on the machine.
    expect(outsideRequests(app)).toEqual([]);
    expect(outsideRequests(second)).toEqual([]);
  });
});
