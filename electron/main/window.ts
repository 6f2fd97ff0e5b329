/**
 * The one application window. Every web preference that could give page code more than a web
 * page has is pinned explicitly, even where Electron's default already agrees, so a future
 * default change or a careless edit shows up in review and in test/unit/electron/window.test.ts.
 */
import { BrowserWindow, type WebPreferences } from 'electron';
import { consoleLogger, type Logger } from '../../services/log';

export const WINDOW_TITLE = 'Hồ sơ Hội nghị';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // Chromium's spell checker fetches dictionaries from the network; the machine is offline.
    spellcheck: false,
    experimentalFeatures: false,
    // Dropping a file on the window must not navigate away from the app (and show its content).
    navigateOnDragDrop: false,
    preload: preloadPath,
  };
}

export function createMainWindow(
  preloadPath: string,
  startUrl: string,
  log: Logger = consoleLogger,
): BrowserWindow {
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    // Fits a 1366×768 office laptop with the taskbar; clerks maximise as they like.
    width: 1280,
    height: 720,
    minWidth: 960,
    minHeight: 600,
    // Shown once painted, so the clerk never sees a blank white frame on a slow PC.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  win.loadURL(startUrl).catch((e: unknown) => log.error('WINDOW_LOAD_FAILED', 'main window', e));
  return win;
}
