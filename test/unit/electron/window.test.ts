import { describe, expect, it, vi } from 'vitest';
import { fakeElectron } from './fakeElectron';
import { createMainWindow, WINDOW_TITLE } from '../../../electron/main/window';
import { silentLogger } from '../../../services/log';

vi.mock('electron', async () => (await import('./fakeElectron')).createFakeElectron());

const PRELOAD = '/opt/hoso/out/preload/index.cjs';

describe('createMainWindow', () => {
  it('creates the window with every security web preference pinned', async () => {
    const electron = await fakeElectron();
    createMainWindow(PRELOAD, 'app://hoso/index.html', silentLogger);
    const win = electron.BrowserWindow.instances.at(-1)!;
    const prefs = win.options.webPreferences!;
    // One by one, so a failure names the preference that regressed.
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.preload).toBe(PRELOAD);
    // And nothing else slipped in (e.g. a partition without our protocol, or enableBlinkFeatures).
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('has the Vietnamese title and a usable size', async () => {
    const electron = await fakeElectron();
    createMainWindow(PRELOAD, 'app://hoso/index.html', silentLogger);
    const { options } = electron.BrowserWindow.instances.at(-1)!;
    expect(options.title).toBe('Hồ sơ Hội nghị');
    expect(WINDOW_TITLE).toBe('Hồ sơ Hội nghị');
    expect(options.width as number).toBeGreaterThanOrEqual(1024);
    expect(options.height as number).toBeGreaterThanOrEqual(640);
  });

  it('loads the start URL and shows the window only once it is ready to show', async () => {
    const electron = await fakeElectron();
    createMainWindow(PRELOAD, 'app://hoso/index.html', silentLogger);
    const win = electron.BrowserWindow.instances.at(-1)!;
    expect(win.options.show).toBe(false);
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('app://hoso/index.html');
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('logs a failed load instead of leaving an unhandled rejection', async () => {
    const electron = await fakeElectron();
    const errors: string[] = [];
    electron.BrowserWindow.nextLoadError = new Error('ERR_FILE_NOT_FOUND');
    createMainWindow(PRELOAD, 'app://hoso/index.html', {
      error: (code) => void errors.push(code),
      info: () => {},
    });
    await vi.waitFor(() => expect(errors).toEqual(['WINDOW_LOAD_FAILED']));
  });
});
