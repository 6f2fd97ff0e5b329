import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fakeElectron, type BeforeRequestListener } from './fakeElectron';
import { printHtmlToPdf, PRINT_PARTITION } from '../../../electron/main/printToPdf';
import { silentLogger } from '../../../services/log';

vi.mock('electron', async () => (await import('./fakeElectron')).createFakeElectron());

afterEach(async () => {
  (await fakeElectron()).BrowserWindow.onCreated = null;
});

const HTML = '<!doctype html><html><body><p>Thông báo kết luận <script>alert(1)</script></p></body></html>';

describe('desktop PDF of a report', () => {
  it('prints the HTML from a temporary file in a hidden window with JavaScript off, then removes both', async () => {
    const electron = await fakeElectron();
    let loadedFile = '';
    let contentAtLoad = '';
    // What the window is asked to load, read at that moment (the file is gone afterwards).
    electron.BrowserWindow.onCreated = (w) =>
      w.loadURL.mockImplementation(async (url: string) => {
        loadedFile = fileURLToPath(url);
        contentAtLoad = readFileSync(loadedFile, 'utf8');
      });
    const pdf = await printHtmlToPdf(HTML, silentLogger);
    const win = electron.BrowserWindow.instances.at(-1)!;

    expect(pdf.toString()).toContain('%PDF');
    expect(contentAtLoad).toBe(HTML);
    expect(win.options.show).toBe(false);
    const prefs = win.options.webPreferences!;
    expect(prefs).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.session).toBe(electron.session.partitions.get(PRINT_PARTITION));
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ preferCSSPageSize: true, printBackground: true }));
    expect(win.destroy).toHaveBeenCalled();
    expect(existsSync(loadedFile)).toBe(false);
  });

  it('cleans up when printing fails, and passes the error on', async () => {
    const electron = await fakeElectron();
    electron.BrowserWindow.onCreated = (w) => w.webContents.printToPDF.mockRejectedValueOnce(new Error('printing failed'));
    await expect(printHtmlToPdf(HTML, silentLogger)).rejects.toThrow('printing failed');
    const win = electron.BrowserWindow.instances.at(-1)!;
    const file = fileURLToPath(win.loadURL.mock.calls[0]![0]);
    expect(win.destroy).toHaveBeenCalled();
    expect(existsSync(file)).toBe(false);
  });

  it('lets the print window load only its own document and inline data, nothing from a network or disk', async () => {
    const electron = await fakeElectron();
    await printHtmlToPdf(HTML, silentLogger);
    const printSession = electron.session.partitions.get(PRINT_PARTITION)!;
    const listener = printSession.webRequest.onBeforeRequest.mock.calls[0]![0] as BeforeRequestListener;
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      listener({ url }, (r) => (cancel = r.cancel));
      return cancel ? 'blocked' : 'allowed';
    };
    expect(decide('data:font/woff2;base64,AAAA')).toBe('allowed');
    expect(decide(`file:///tmp/hoso-print-${'a'.repeat(32)}.html`)).toBe('allowed');
    expect(decide('https://fonts.googleapis.com/css?family=Tinos')).toBe('blocked');
    expect(decide('http://127.0.0.1:8080/x')).toBe('blocked');
    expect(decide('file:///etc/passwd')).toBe('blocked');
    expect(decide('file:///home/clerk/archive.sqlite')).toBe('blocked');
    // Set up once, however many documents are printed.
    await printHtmlToPdf(HTML, silentLogger);
    expect(printSession.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);
    expect(printSession.setPermissionCheckHandler).toHaveBeenCalled();
  });
});
