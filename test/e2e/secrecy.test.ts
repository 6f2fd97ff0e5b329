import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type App } from './harness';
import { createMeeting, getMeeting } from '../../db/meetings';
import { MeetingFields } from '../../contract/contract';

let app: App;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

describe('độ mật of a meeting', () => {
  it('is chosen in the form, saved with the rest, and shown as a red badge on the record', async () => {
    const { page, archive, host } = app;
    const m = createMeeting(
      archive,
      MeetingFields.parse({ title: 'Họp Đảng ủy Quân sự tỉnh về kế hoạch tác chiến', kind: 'Cuộc họp', meetingDate: '2026-05-04', startTime: null, endTime: null }),
      'thư ký A',
    );
    await page.goto(`${host.origin}/#/meetings/${m.id}`);
    await expect(page.getByTestId('meeting-secrecy').inputValue()).resolves.toBe('Thường');
    expect(await page.getByTestId('meeting-secrecy-badge').count()).toBe(0);
    await page.getByTestId('meeting-secrecy').click();
    await page.getByRole('option', { name: 'Tối mật', exact: true }).click();
    await expect.poll(() => getMeeting(archive, m.id).secrecy, { timeout: 5000 }).toBe('toi_mat');
    await expect.poll(() => page.getByTestId('meeting-secrecy-badge').innerText()).toBe('TỐI MẬT');
    await page.reload();
    await expect(page.getByTestId('meeting-secrecy').inputValue()).resolves.toBe('Tối mật');
    await expect(page.getByTestId('meeting-secrecy-badge').innerText()).resolves.toBe('TỐI MẬT');
  });
});
