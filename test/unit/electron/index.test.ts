/**
 * The desktop entry, run against the fake electron module with db/open's openArchive mocked.
 * Each test boots a fresh module graph (vi.resetModules) because importing index.ts starts the app.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/tempArchive';
import { fakeElectron, FakeEvent, resetFakeElectron, type FakeElectron } from './fakeElectron';
import type * as DbOpen from '../../../db/open';
import type * as Protocol from '../../../electron/main/protocol';
import type * as Errors from '../../../contract/errors';
import { literal } from '../../../contract/messages/message';

vi.mock('electron', async () => (await import('./fakeElectron')).createFakeElectron());
// Wrapped (not replaced) so the test can see which folder index.ts serves.
vi.mock('../../../electron/main/protocol', async (importOriginal) => {
  const real = await importOriginal<typeof Protocol>();
  return { ...real, handleAppProtocol: vi.fn(real.handleAppProtocol) };
});
vi.mock('../../../db/open', async (importOriginal) => ({
  ...(await importOriginal<typeof DbOpen>()),
  openArchive: vi.fn(),
}));

const ARCHIVE_FILE = join('/tmp', 'hoso-index-test', 'archive.sqlite');
const ENV_KEYS = ['HOSO_DB', 'HOSO_NATIVE_BINDING', 'ELECTRON_RENDERER_URL'] as const;
const savedEnv: Partial<Record<(typeof ENV_KEYS)[number], string>> = {};

beforeEach(() => {
  for (const k of ENV_KEYS) {
    savedEnv[k] = process.env[k];
    delete process.env[k];
  }
  process.env.HOSO_DB = ARCHIVE_FILE;
  // The entry logs English codes to stderr; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  vi.restoreAllMocks();
});

function fakeArchive() {
  return { file: ARCHIVE_FILE, db: {}, sqlite: {}, migrationBackup: null, close: vi.fn() };
}

interface BootOptions {
  open: (errors: typeof Errors) => ReturnType<typeof DbOpen.openArchive>;
  isPackaged?: boolean;
  lockGranted?: boolean;
  ready?: Promise<void>;
}

async function boot({ open, isPackaged = false, lockGranted = true, ready }: BootOptions) {
  vi.resetModules();
  const electron = await fakeElectron();
  resetFakeElectron(electron);
  electron.app.isPackaged = isPackaged;
  electron.app.lockGranted = lockGranted;
  if (ready) electron.app.whenReady.mockReturnValue(ready);
  // Same module instances as index.ts will get: HosoError must be the class it checks against.
  const errors = await import('../../../contract/errors');
  const db = await import('../../../db/open');
  const openArchive = vi.mocked(db.openArchive);
  openArchive.mockImplementation(() => open(errors));
  await import('../../../electron/main/index');
  return { electron, errors, openArchive };
}

/** Lets the ready handler's promise chain run to its end. */
const settle = () => new Promise((r) => setTimeout(r, 20));

/**
 * The windows index.ts created (read through the fake it was given; see resetFakeElectron), but the
 * hidden print window it keeps ready for PDFs (printToPdf.test.ts), which is in the print session.
 */
const windows = (electron: FakeElectron) =>
  electron.BrowserWindow.instances.filter((w) => w.options.webPreferences?.session !== electron.session.partitions.get('hoso-print'));

function mainWindow(electron: FakeElectron) {
  expect(windows(electron)).toHaveLength(1);
  return windows(electron)[0]!;
}

describe('main entry: archive cannot be opened', () => {
  it('shows the Vietnamese reason and quits without creating a window or IPC', async () => {
    const { electron, errors, openArchive } = await boot({
      open: (e) => Promise.reject(new e.HosoError('ARCHIVE_CORRUPT')),
    });
    await vi.waitFor(() => expect(electron.dialog.showErrorBox).toHaveBeenCalled());
    await settle();

    expect(openArchive).toHaveBeenCalledTimes(1);
    expect(openArchive.mock.calls[0]![0].file).toBe(ARCHIVE_FILE);
    expect(electron.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith(
      'Hồ sơ Hội nghị',
      errors.ERROR_MESSAGES.ARCHIVE_CORRUPT.vi,
    );
    expect(errors.ERROR_MESSAGES.ARCHIVE_CORRUPT.vi).toMatch(/Kho hồ sơ bị hỏng/);
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(windows(electron)).toHaveLength(0);
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('keeps the detail of the HosoError (which file, which check) in the message', async () => {
    const { electron } = await boot({
      open: (e) => Promise.reject(new e.HosoError('ARCHIVE_TOO_NEW', literal('archive.sqlite'))),
    });
    await vi.waitFor(() => expect(electron.dialog.showErrorBox).toHaveBeenCalled());
    const [, message] = electron.dialog.showErrorBox.mock.calls[0]!;
    expect(message).toMatch(/phiên bản Hồ sơ Hội nghị mới hơn.*\(archive\.sqlite\)$/);
  });

  it('says "installation problem", not "archive damaged", when only the SQLite addon failed to load', async () => {
    const dlopen = Object.assign(new Error('was compiled against NODE_MODULE_VERSION 127'), {
      code: 'ERR_DLOPEN_FAILED',
    });
    const { electron } = await boot({
      open: (e) => Promise.reject(new e.HosoError('ARCHIVE_CORRUPT', undefined, { cause: dlopen })),
    });
    await vi.waitFor(() => expect(electron.dialog.showErrorBox).toHaveBeenCalled());
    await settle();
    const [title, message] = electron.dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe('Hồ sơ Hội nghị');
    expect(message).toMatch(/chưa được cài đặt đầy đủ/);
    expect(message).not.toMatch(/bị hỏng/);
    expect(windows(electron)).toHaveLength(0);
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
  });

  it('answers an unexpected (non-Hoso) error with the generic Vietnamese message', async () => {
    const { electron, errors } = await boot({ open: () => Promise.reject(new TypeError('x is undefined')) });
    await vi.waitFor(() => expect(electron.dialog.showErrorBox).toHaveBeenCalled());
    expect(electron.dialog.showErrorBox.mock.calls[0]![1]).toBe(errors.ERROR_MESSAGES.INTERNAL.vi);
    expect(windows(electron)).toHaveLength(0);
  });
});

describe('main entry: normal start', () => {
  it('settles scheme, sandbox, data folder and the lock before ready', async () => {
    let fireReady!: () => void;
    const { electron, openArchive } = await boot({
      open: () => Promise.resolve(fakeArchive() as never),
      ready: new Promise<void>((r) => (fireReady = r)),
    });
    const { defaultDataDir } = await import('../../../services/paths');
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(electron.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', defaultDataDir());
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    // userData first: the single-instance lock lives in it.
    expect(electron.app.setPath.mock.invocationCallOrder[0]!).toBeLessThan(
      electron.app.requestSingleInstanceLock.mock.invocationCallOrder[0]!,
    );
    expect(openArchive).not.toHaveBeenCalled();
    expect(windows(electron)).toHaveLength(0);
    fireReady();
    await vi.waitFor(() => expect(windows(electron)).toHaveLength(1));
  });

  it('hardens the session, serves app://, wires IPC and opens app://hoso/index.html', async () => {
    const archive = fakeArchive();
    const { electron, openArchive } = await boot({ open: () => Promise.resolve(archive as never) });
    await vi.waitFor(() => expect(windows(electron)).toHaveLength(1));
    const win = mainWindow(electron);
    const ses = electron.session.defaultSession;

    // An archive from before the ranked search index is indexed as it opens: its progress goes to the log.
    expect(openArchive.mock.calls[0]![0]).toEqual({ file: ARCHIVE_FILE, nativeBinding: undefined, onIndexProgress: expect.any(Function) });
    expect(ses.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(ses.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(ses.protocol.handle).toHaveBeenCalledTimes(1);
    expect(ses.protocol.handle.mock.calls[0]![0]).toBe('app');
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
    expect(electron.ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(electron.ipcMain.handle.mock.calls[0]![0]).toBe('hoso:invoke');
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('app://hoso/index.html');
    expect(String(win.options.webPreferences!.preload)).toMatch(/[/\\]preload[/\\]index\.cjs$/);
    expect(win.options.webPreferences!.sandbox).toBe(true);
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('serves out/renderer and preloads out/preload/index.cjs, both beside the main bundle', async () => {
    const { electron } = await boot({ open: () => Promise.resolve(fakeArchive() as never) });
    await vi.waitFor(() => expect(windows(electron)).toHaveLength(1));
    // Under vitest "the main bundle" is electron/main/index.ts; built, it is out/main/index.js.
    const mainDir = fileURLToPath(new URL('../../../electron/main/', import.meta.url));
    const { handleAppProtocol } = await import('../../../electron/main/protocol');
    expect(handleAppProtocol).toHaveBeenCalledExactlyOnceWith(
      electron.session.defaultSession,
      join(mainDir, '../renderer'),
      expect.any(Function),
    );
    expect(mainWindow(electron).options.webPreferences!.preload).toBe(join(mainDir, '../preload/index.cjs'));
  });

  it('serves photos from the opened archive’s folder, and none while the app lock is closed', async () => {
    // A real archive (db/open is mocked in this file: the real openArchive is imported as is).
    const { openArchive: realOpen } = await vi.importActual<typeof DbOpen>('../../../db/open');
    const { dir, cleanup } = tempDir();
    const archive = await realOpen({ file: join(dir, 'archive.sqlite') });
    try {
      const { electron } = await boot({ open: () => Promise.resolve(archive) });
      await vi.waitFor(() => expect(electron.ipcMain.handle).toHaveBeenCalledTimes(1));
      const { handleAppProtocol } = await import('../../../electron/main/protocol');
      const archiveDir = vi.mocked(handleAppProtocol).mock.calls[0]![2]!;
      expect(archiveDir()).toBe(dirname(archive.file));
      // The clerk sets a password and locks (Khóa ngay) through the app's own IPC.
      const invoke = electron.ipcMain.handle.mock.calls[0]![1] as (...args: unknown[]) => Promise<{ ok: boolean }>;
      const app = { senderFrame: { url: 'app://hoso/index.html' } };
      await expect(invoke(app, 'lock/set', { newPassword: 'Mật khẩu văn thư 2026' })).resolves.toMatchObject({ ok: true });
      await expect(invoke(app, 'lock/lock', {})).resolves.toMatchObject({ ok: true });
      expect(archiveDir()).toBeNull();
      await expect(invoke(app, 'lock/unlock', { password: 'Mật khẩu văn thư 2026' })).resolves.toMatchObject({ ok: true });
      expect(archiveDir()).toBe(dirname(archive.file));
    } finally {
      archive.close();
      cleanup();
    }
  });

  it('answers IPC from the app through the real dispatcher, and refuses other senders', async () => {
    const { electron } = await boot({ open: () => Promise.resolve(fakeArchive() as never) });
    await vi.waitFor(() => expect(electron.ipcMain.handle).toHaveBeenCalledTimes(1));
    const listener = electron.ipcMain.handle.mock.calls[0]![1] as (...args: unknown[]) => Promise<unknown>;
    await expect(
      listener({ senderFrame: { url: 'https://evil.example/' } }, 'app/info', {}),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await expect(
      listener({ senderFrame: { url: 'app://hoso/index.html' } }, 'no/such', {}),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('closes the archive when the app quits, and quits when the last window closes', async () => {
    const archive = fakeArchive();
    const { electron } = await boot({ open: () => Promise.resolve(archive as never) });
    await vi.waitFor(() => expect(windows(electron)).toHaveLength(1));
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    electron.app.emit('will-quit', new FakeEvent());
    expect(archive.close).toHaveBeenCalledTimes(1);
    electron.app.emit('will-quit', new FakeEvent());
    expect(archive.close).toHaveBeenCalledTimes(1);
  });
});

describe('main entry: single instance', () => {
  it('a second launch quits at once, before opening the archive', async () => {
    const { electron, openArchive } = await boot({
      open: () => Promise.resolve(fakeArchive() as never),
      lockGranted: false,
    });
    await settle();
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(openArchive).not.toHaveBeenCalled();
    expect(windows(electron)).toHaveLength(0);
  });

  it('the first instance restores and focuses its window when a second one starts', async () => {
    const { electron } = await boot({ open: () => Promise.resolve(fakeArchive() as never) });
    await vi.waitFor(() => expect(windows(electron)).toHaveLength(1));
    const win = mainWindow(electron);
    win.minimized = true;
    electron.app.emit('second-instance', new FakeEvent(), [], '/');
    expect(win.restore).toHaveBeenCalledTimes(1);
    expect(win.focus).toHaveBeenCalledTimes(1);
  });
});

describe('main entry: dev server', () => {
  it('loads ELECTRON_RENDERER_URL in an unpacked run when it is on loopback', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const { electron } = await boot({ open: () => Promise.resolve(fakeArchive() as never) });
    await vi.waitFor(() => expect(windows(electron)).toHaveLength(1));
    expect(mainWindow(electron).loadURL).toHaveBeenCalledExactlyOnceWith('http://localhost:5173');
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const { electron } = await boot({
      open: () => Promise.resolve(fakeArchive() as never),
      isPackaged: true,
    });
    await vi.waitFor(() => expect(windows(electron)).toHaveLength(1));
    expect(mainWindow(electron).loadURL).toHaveBeenCalledExactlyOnceWith('app://hoso/index.html');
  });

  it('ignores an ELECTRON_RENDERER_URL that is not on this machine', async () => {
    process.env.ELECTRON_RENDERER_URL = 'https://evil.example/';
    const { electron } = await boot({ open: () => Promise.resolve(fakeArchive() as never) });
    await vi.waitFor(() => expect(windows(electron)).toHaveLength(1));
    expect(mainWindow(electron).loadURL).toHaveBeenCalledExactlyOnceWith('app://hoso/index.html');
  });
});
