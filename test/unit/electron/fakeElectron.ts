/**
 * A recording stand-in for the `electron` module (the runtime binary cannot run here). Each test
 * file does `vi.mock('electron', async () => (await import('./fakeElectron')).createFakeElectron())`
 * and then reads the fake back with `await import('electron')`. Only what electron/main and
 * electron/preload touch is modelled; every method is a vi.fn so tests can look at the calls.
 * vitest keeps a mocked module across `vi.resetModules()`, so tests that re-run an entry module
 * call `resetFakeElectron` to start from a clean fake.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** An Electron event: `preventDefault()` is what the code under test must (or must not) call. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export type BeforeRequestListener = (
  details: { url: string },
  callback: (response: { cancel?: boolean }) => void,
) => void;
export type PermissionRequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
export type PermissionCheckHandler = (
  webContents: unknown,
  permission: string,
  origin: string,
  details: unknown,
) => boolean;
export type ProtocolHandler = (request: Request) => Promise<Response>;

export function createFakeSession() {
  return {
    webRequest: { onBeforeRequest: vi.fn<(listener: BeforeRequestListener) => void>() },
    protocol: { handle: vi.fn<(scheme: string, handler: ProtocolHandler) => void>() },
    setPermissionRequestHandler: vi.fn<(handler: PermissionRequestHandler) => void>(),
    setPermissionCheckHandler: vi.fn<(handler: PermissionCheckHandler) => void>(),
    setSpellCheckerEnabled: vi.fn<(enabled: boolean) => void>(),
  };
}
export type FakeSession = ReturnType<typeof createFakeSession>;

export class FakeWebContents extends EventEmitter {
  /** Its session, an emitter too (Electron's sessions emit will-download). */
  session = Object.assign(new EventEmitter(), createFakeSession());
  setWindowOpenHandler = vi.fn<(handler: (details: { url: string }) => { action: string }) => void>();
  printToPDF = vi.fn<(options: Record<string, unknown>) => Promise<Buffer>>(() => Promise.resolve(Buffer.from('%PDF-1.7 fake')));
}

export class FakeApp extends EventEmitter {
  isPackaged = false;
  lockGranted = true;
  enableSandbox = vi.fn();
  setPath = vi.fn<(name: string, path: string) => void>();
  requestSingleInstanceLock = vi.fn(() => this.lockGranted);
  quit = vi.fn();
  exit = vi.fn();
  getVersion = vi.fn(() => '0.1.0-test');
  whenReady = vi.fn(() => Promise.resolve());
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  /** When set, the next window's loadURL rejects with it (as Electron does on a failed load). */
  static nextLoadError: Error | null = null;
  /** Called with each new window, so a test can script it before the code under test uses it. */
  static onCreated: ((win: FakeBrowserWindow) => void) | null = null;
  readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> };
  minimized = false;
  loadURL = vi.fn<(url: string) => Promise<void>>(() => {
    const error = FakeBrowserWindow.nextLoadError;
    FakeBrowserWindow.nextLoadError = null;
    return error ? Promise.reject(error) : Promise.resolve();
  });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  isMinimized = vi.fn(() => this.minimized);
  isDestroyed = vi.fn(() => false);
  destroy = vi.fn();
  readonly webContents = new FakeWebContents();
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    FakeBrowserWindow.instances.push(this);
    FakeBrowserWindow.onCreated?.(this);
  }
}

export function createFakeElectron() {
  FakeBrowserWindow.instances = [];
  const defaultSession = createFakeSession();
  const partitions = new Map<string, FakeSession>();
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    session: {
      defaultSession,
      partitions,
      fromPartition: vi.fn((name: string) => {
        if (!partitions.has(name)) partitions.set(name, createFakeSession());
        return partitions.get(name)!;
      }),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn<(schemes: unknown[]) => void>() },
    dialog: {
      showErrorBox: vi.fn<(title: string, content: string) => void>(),
      showOpenDialog: vi.fn<(...args: unknown[]) => Promise<{ canceled: boolean; filePaths: string[] }>>(() =>
        Promise.resolve({ canceled: true, filePaths: [] }),
      ),
    },
    ipcMain: { handle: vi.fn<(channel: string, listener: (...args: never[]) => unknown) => void>() },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    contextBridge: { exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>() },
    ipcRenderer: { invoke: vi.fn<(...args: unknown[]) => Promise<unknown>>(() => Promise.resolve('reply')) },
  };
}
export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** Forgets every recorded call and listener, and restores the defaults (unpacked, lock granted). */
export function resetFakeElectron(fake: FakeElectron): void {
  vi.clearAllMocks();
  fake.app.removeAllListeners();
  fake.app.isPackaged = false;
  fake.app.lockGranted = true;
  fake.app.whenReady.mockImplementation(() => Promise.resolve());
  // Through the fake, not this module's class: after vi.resetModules() a test file's own import of
  // this module can be a different instance from the one the cached electron mock was built from.
  fake.BrowserWindow.instances = [];
  fake.BrowserWindow.nextLoadError = null;
  fake.BrowserWindow.onCreated = null;
}

/** The fake behind the mocked `electron` module of the current module graph. */
export async function fakeElectron(): Promise<FakeElectron> {
  return (await import('electron')) as unknown as FakeElectron;
}
