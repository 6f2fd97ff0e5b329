import { describe, expect, it, vi } from 'vitest';
import { fakeElectron, FakeBrowserWindow } from './fakeElectron';
import { chooseFolder } from '../../../electron/main/chooseFolder';

vi.mock('electron', async () => (await import('./fakeElectron')).createFakeElectron());

describe('the desktop folder dialog', () => {
  it('asks for one folder over the app window, in Vietnamese, and answers its path', async () => {
    const electron = await fakeElectron();
    const win = new FakeBrowserWindow({});
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['E:\\LUU TRU'] });
    await expect(chooseFolder(win as never, 'Chọn USB để xuất')).resolves.toBe('E:\\LUU TRU');
    const [parent, options] = electron.dialog.showOpenDialog.mock.calls.at(-1)! as [unknown, { title: string; properties: string[]; buttonLabel: string }];
    expect(parent).toBe(win);
    expect(options.title).toBe('Chọn USB để xuất');
    expect(options.buttonLabel).toBe('Chọn thư mục này');
    expect(options.properties).toEqual(expect.arrayContaining(['openDirectory', 'createDirectory']));
    expect(options.properties).not.toContain('openFile');
  });

  it('answers null when the clerk cancels', async () => {
    const electron = await fakeElectron();
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(chooseFolder(null, '')).resolves.toBeNull();
    const [options] = electron.dialog.showOpenDialog.mock.calls.at(-1)! as [{ title: string }];
    expect(options.title).toBe('Chọn thư mục');
  });
});
