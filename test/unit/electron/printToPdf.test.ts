import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fakeElectron, type BeforeRequestListener } from './fakeElectron';
import { closePrintWindow, printHtmlToPdf, PRINT_PARTITION, warmPrintWindow } from '../../../electron/main/printToPdf';
import { silentLogger } from '../../../services/log';

vi.mock('electron', async () => (await import('./fakeElectron')).createFakeElectron());

afterEach(async () => {
  closePrintWindow();
  (await fakeElectron()).BrowserWindow.onCreated = null;
});

const HTML = '<!doctype html><html><body><p>Thông báo kết luận <script>alert(1)</script></p></body></html>';

describe('desktop PDF of a report', () => {
  it('prints the HTML from a temporary file in a hidden window with JavaScript off, then removes the file', async () => {
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
    expect(existsSync(loadedFile)).toBe(false);
    // Kept for the next document; ended as the app quits.
    expect(win.destroy).not.toHaveBeenCalled();
    closePrintWindow();
    expect(win.destroy).toHaveBeenCalled();
  });

  it('keeps one hidden window ready from start-up and prints every document in it, one at a time', async () => {
    const electron = await fakeElectron();
    const before = electron.BrowserWindow.instances.length;
    warmPrintWindow(silentLogger);
    expect(electron.BrowserWindow.instances).toHaveLength(before + 1);
    const win = electron.BrowserWindow.instances.at(-1)!;
    expect(win.loadURL).toHaveBeenCalledWith(expect.stringMatching(/^data:/));
    let printing = 0;
    let most = 0;
    win.webContents.printToPDF.mockImplementation(async () => {
      most = Math.max(most, ++printing);
      await new Promise((r) => setTimeout(r, 5));
      printing--;
      return Buffer.from('%PDF-1.7 fake');
    });
    const pdfs = await Promise.all([1, 2, 3].map(() => printHtmlToPdf(HTML, silentLogger)));
    expect(pdfs.map(String)).toEqual(['%PDF-1.7 fake', '%PDF-1.7 fake', '%PDF-1.7 fake']);
    expect(electron.BrowserWindow.instances).toHaveLength(before + 1);
    expect(win.webContents.printToPDF).toHaveBeenCalledTimes(3);
    expect(most).toBe(1);
  });

  it('replaces the print window when its renderer died, and the next PDF still comes out', async () => {
    const electron = await fakeElectron();
    await printHtmlToPdf(HTML, silentLogger);
    const crashed = electron.BrowserWindow.instances.at(-1)!;
    crashed.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(crashed.destroy).toHaveBeenCalled();
    const pdf = await printHtmlToPdf(HTML, silentLogger);
    expect(pdf.toString()).toContain('%PDF');
    const next = electron.BrowserWindow.instances.at(-1)!;
    expect(next).not.toBe(crashed);
    expect(next.options.webPreferences).toMatchObject({ javascript: false, sandbox: true });
    expect(next.webContents.printToPDF).toHaveBeenCalledTimes(1);
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
