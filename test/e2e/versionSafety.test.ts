import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type App } from './harness';
import { addNewGuest } from './recordSteps';
import { createMeeting, getMeeting, updateMeeting } from '../../db/meetings';
import { MeetingFields } from '../../contract/contract';

let app: App;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

const fields = (title: string, location = 'Phòng họp số 1') =>
  MeetingFields.parse({ title, kind: 'Cuộc họp', meetingDate: '2026-03-02', startTime: '08:00', endTime: null, location });

describe('two windows, one meeting: nothing is silently overwritten', () => {
  it('a tab seeing a newer version does not let a stale form save over another window’s change', async () => {
    const { page, archive, host } = app;
    const m = createMeeting(archive, fields('Họp giao ban tuần 9'), 'thư ký A');
    await page.goto(`${host.origin}/#/meetings/${m.id}`);
    await page.getByTestId('meeting-location').fill('Phòng họp số 3'); // unsaved edit in this window

    // Meanwhile "another window" renames the meeting.
    updateMeeting(archive, m.id, 1, fields('Họp giao ban tuần 9 (đã đổi tên)'), 'thư ký B');

    // Opening another tab loads the meeting's parts and sees version 2.
    await page.getByTestId('tab-attendance').click();
    await page.getByTestId('attendance-add').waitFor();
    await page.getByTestId('tab-info').click();
    await page.getByTestId('meeting-save').click();

    await expect(page.getByTestId('error-alert').getAttribute('data-error-code')).resolves.toBe('VERSION_CONFLICT');
    expect(getMeeting(archive, m.id).title).toBe('Họp giao ban tuần 9 (đã đổi tên)');
  });

  it('a change to the parts only (attendance) keeps the clerk’s typing and saves without a false conflict', async () => {
    const { page, archive, host } = app;
    const m = createMeeting(archive, fields('Họp chi bộ tháng 3'), 'thư ký A');
    await page.goto(`${host.origin}/#/meetings/${m.id}?tab=attendance`);
    await page.getByTestId('attendance-add').click();
    await addNewGuest(page, 'Trần Thị Minh Hà');
    await page.getByTestId('attendance-save').click();
    await page.getByTestId('attendance-row').first().waitFor();
    await page.getByTestId('tab-info').click();
    await page.getByTestId('meeting-location').fill('Hội trường tầng 2');
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('meeting-saved').waitFor();
    expect(getMeeting(archive, m.id).location).toBe('Hội trường tầng 2');
  });
});
