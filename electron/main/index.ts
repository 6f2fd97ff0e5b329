/**
 * The desktop app's entry (built to out/main/index.js, ESM). Order matters: the app:// scheme,
 * the sandbox, the data folder and the single-instance lock are all settled before `ready`;
 * the archive is opened before any window exists, and if it cannot be opened the clerk is told
 * why and the app quits without creating or replacing anything (README.md, *Where the data lives*).
 */
import { app, dialog, ipcMain, session, type BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_MESSAGES, isHosoError } from '../../contract/errors';
import { openSession, type Session } from '../../services/session';
import { consoleLogger as log } from '../../services/log';
import { archivePathOverridden, defaultDataDir, resolveArchivePath } from '../../services/paths';
import { locationFileIn } from '../../services/archiveLocation';
import { hardenSession, hardenWebContents } from './hardening';
import { wireIpc } from './ipc';
import { installAppMenu } from './menu';
import { isNativeModuleLoadError, resolveNativeBinding } from './nativeBinding';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { APP_START_URL, devServerOrigin, isAppPageUrl } from './securityPolicy';
import { createMainWindow, WINDOW_TITLE } from './window';
import { closePrintWindow, printHtmlToPdf, warmPrintWindow } from './printToPdf';
import { chooseFolder } from './chooseFolder';

// out/main/index.js → out/renderer and out/preload/index.cjs, siblings in the build output.
const here = dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = join(here, '../renderer');
const PRELOAD_PATH = join(here, '../preload/index.cjs');

/** Shown instead of a misleading "archive damaged" when only the SQLite addon failed to load. */
const NATIVE_LOAD_MESSAGE =
  'Phần mềm chưa được cài đặt đầy đủ: thư viện cơ sở dữ liệu không khớp với phiên bản ứng dụng. Kho hồ sơ không bị ảnh hưởng; hãy cài đặt lại phần mềm hoặc báo cho bộ phận kỹ thuật.';

/** The clerk-facing reason an archive could not be opened (Vietnamese), and a code for the log. */
function startupFailure(e: unknown): { code: string; message: string } {
  if (isNativeModuleLoadError(e)) return { code: 'NATIVE_BINDING', message: NATIVE_LOAD_MESSAGE };
  if (isHosoError(e)) return { code: e.code, message: e.message };
  return { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL.vi };
}

function start(): void {
  registerAppScheme();
  app.enableSandbox();

  // One data folder for desktop, CLI and web host. Chromium's own caches go to a subfolder so
  // the folder a clerk copies shows the archive, its photos and backups, not browser clutter.
  // Set before the lock: Electron keys the single-instance lock on userData.
  const dataDir = defaultDataDir();
  app.setPath('userData', dataDir);
  app.setPath('sessionData', join(dataDir, 'chromium'));

  // Two instances would write the same archive from two processes; the second hands over instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  // The vite dev server only in an unpacked (development) run, and only if it is on loopback: an
  // installed app never loads a page named by an environment variable.
  const envDevUrl = process.env.ELECTRON_RENDERER_URL;
  const devServerUrl = !app.isPackaged && devServerOrigin(envDevUrl) ? envDevUrl : undefined;

  let win: BrowserWindow | null = null;
  let opened: Session | null = null;

  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    closePrintWindow();
    // Stops the daily backup, checkpoints the WAL and releases the file, so the archive can be copied right away.
    opened?.close();
    opened = null;
  });
  hardenWebContents(app, { devServerUrl, log });

  const onReady = async (): Promise<void> => {
    hardenSession(session.defaultSession, { devServerUrl, log });
    // Photos come from the open archive's folder, and not at all while the app lock is closed.
    handleAppProtocol(session.defaultSession, RENDERER_DIR, () => (opened && !opened.dispatch.isLocked?.() ? opened.dir : null));
    installAppMenu(app.isPackaged);

    try {
      // The same services as the CLI and the web host; only printing and the folder dialog are the desktop's own.
      opened = await openSession(resolveArchivePath(), 'electron', {
        appVersion: app.getVersion(),
        nativeBinding: resolveNativeBinding({ isPackaged: app.isPackaged, log }),
        host: {
          renderPdf: (html) => printHtmlToPdf(html, log),
          chooseFolder: (title) => chooseFolder(win, title),
          archiveLocation: { configFile: locationFileIn(dataDir), overridden: archivePathOverridden() },
        },
        log,
        automaticBackups: (e) => log.error('BACKUP_FAILED', 'automatic daily backup', e),
        onIndexProgress: (done, total) => log.info(`search index build ${done}/${total}`),
      });
    } catch (e) {
      // Never fall back to a fresh empty archive: the clerk must learn their archive did not open.
      const failure = startupFailure(e);
      log.error(failure.code, 'open archive', e);
      dialog.showErrorBox(WINDOW_TITLE, failure.message);
      app.quit();
      return;
    }
    wireIpc(ipcMain, opened.dispatch, (frameUrl) => isAppPageUrl(frameUrl, devServerUrl), log);
    win = createMainWindow(PRELOAD_PATH, devServerUrl ?? APP_START_URL, log);
    win.on('closed', () => {
      win = null;
      // The hidden print window would otherwise keep the app from quitting (window-all-closed).
      closePrintWindow();
    });
    // After the main window: the clerk's first PDF finds the hidden print window ready.
    warmPrintWindow(log);
  };

  app
    .whenReady()
    .then(onReady)
    .catch((e: unknown) => {
      log.error('INTERNAL', 'startup', e);
      dialog.showErrorBox(WINDOW_TITLE, ERROR_MESSAGES.INTERNAL.vi);
      app.quit();
    });
}

start();
