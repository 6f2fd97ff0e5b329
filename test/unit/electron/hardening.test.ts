import { describe, expect, it, vi } from 'vitest';
import type { App, Session } from 'electron';
import { createFakeSession, FakeApp, FakeEvent, FakeWebContents } from './fakeElectron';
import { hardenSession, hardenWebContents, isAllowedDownloadUrl } from '../../../electron/main/hardening';
import type { Logger } from '../../../services/log';

vi.mock('electron', async () => (await import('./fakeElectron')).createFakeElectron());

function recordingLog() {
  const lines: string[] = [];
  const log: Logger = { error: (code, context) => void lines.push(`${code} ${context}`), info: () => {} };
  return { log, lines };
}

function hardened(devServerUrl?: string) {
  const session = createFakeSession();
  const { log, lines } = recordingLog();
  hardenSession(session as unknown as Session, { devServerUrl, log });
  const listener = session.webRequest.onBeforeRequest.mock.calls[0]![0];
  const decide = (url: string) => {
    const callback = vi.fn();
    listener({ url }, callback);
    expect(callback).toHaveBeenCalledTimes(1);
    return callback.mock.calls[0]![0] as { cancel?: boolean };
  };
  return { session, lines, decide };
}

describe('hardenSession: requests', () => {
  it.each([
    'http://example.com/',
    'https://example.com/track.gif',
    'https://fonts.gstatic.com/s/roboto.woff2',
    'ws://example.com/socket',
    'wss://localhost:5173/',
    'file:///etc/passwd',
    'file:///C:/Users/clerk/Documents/bien-ban.docx',
    'ftp://example.com/',
    'app://evil/index.html',
  ])('cancels %s', (url) => {
    expect(hardened().decide(url)).toEqual({ cancel: true });
  });

  it.each([
    'app://hoso/index.html',
    'app://hoso/assets/index.js',
    'data:image/png;base64,AAAA',
    'devtools://devtools/x',
  ])('lets %s through', (url) => {
    expect(hardened().decide(url)).toEqual({});
  });

  it('cancels the dev server in production and allows it only when given as the dev server', () => {
    expect(hardened().decide('http://localhost:5173/src/main.tsx')).toEqual({ cancel: true });
    expect(hardened('http://localhost:5173').decide('http://localhost:5173/src/main.tsx')).toEqual({});
    expect(hardened('http://localhost:5173').decide('https://example.com/')).toEqual({ cancel: true });
  });

  it('logs only the origin of a refused URL, never its path or query', () => {
    const { decide, lines } = hardened();
    decide('https://example.com/tim-kiem?q=Nguyen+Van+A&file=bien-ban-mat.docx');
    expect(lines).toEqual(['REQUEST_BLOCKED https://example.com']);
  });
});

describe('hardenSession: permissions and spell checker', () => {
  it('answers every permission request with false', () => {
    const { session } = hardened();
    const handler = session.setPermissionRequestHandler.mock.calls[0]![0];
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      const callback = vi.fn();
      handler({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers every permission check with false', () => {
    const { session } = hardened();
    const check = session.setPermissionCheckHandler.mock.calls[0]![0];
    for (const permission of ['media', 'clipboard-read', 'serial', 'usb', 'hid']) {
      expect(check(null, permission, 'app://hoso', {})).toBe(false);
    }
  });

  it('turns the spell checker off (it downloads dictionaries)', () => {
    const { session } = hardened();
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledExactlyOnceWith(false);
  });
});

describe('hardenWebContents', () => {
  function created(devServerUrl?: string) {
    const app = new FakeApp();
    const { log, lines } = recordingLog();
    hardenWebContents(app as unknown as App, { devServerUrl, log });
    const contents = new FakeWebContents();
    app.emit('web-contents-created', new FakeEvent(), contents);
    const navigate = (event: 'will-navigate' | 'will-redirect', url: string) => {
      const e = new FakeEvent(url);
      contents.emit(event, e, url);
      return e.defaultPrevented;
    };
    return { contents, lines, navigate };
  }

  it('prevents navigation and redirects to other sites', () => {
    const { navigate, lines } = created();
    expect(navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', 'app://evil/index.html')).toBe(true);
    expect(navigate('will-redirect', 'https://example.com/login?next=x')).toBe(true);
    expect(lines).toContain('NAVIGATION_BLOCKED https://example.com');
    expect(lines.join('\n')).not.toContain('login');
  });

  it('keeps the frames inside the page (the print preview) on their own document', () => {
    const { contents, lines } = created();
    const frameNavigate = (url: string, isMainFrame = false) => {
      const e = Object.assign(new FakeEvent(url), { url, isMainFrame });
      contents.emit('will-frame-navigate', e);
      return e.defaultPrevented;
    };
    // A link clicked inside a preview of a document that quotes one.
    expect(frameNavigate('https://example.com/van-ban')).toBe(true);
    expect(frameNavigate('file:///C:/Users/van-thu/bien-ban.docx')).toBe(true);
    expect(frameNavigate('javascript:alert(1)')).toBe(true);
    expect(lines).toContain('NAVIGATION_BLOCKED https://example.com');
    // The preview's own document, an empty frame, the app's own pages.
    expect(frameNavigate('about:srcdoc')).toBe(false);
    expect(frameNavigate('about:blank')).toBe(false);
    expect(frameNavigate('app://hoso/index.html')).toBe(false);
    // The main frame is will-navigate's (tested above), not counted twice.
    expect(frameNavigate('https://example.com/', true)).toBe(false);
  });

  it('lets the app navigate within itself', () => {
    const { navigate } = created();
    expect(navigate('will-navigate', 'app://hoso/index.html')).toBe(false);
    expect(navigate('will-navigate', 'app://hoso/index.html#/meetings')).toBe(false);
    expect(navigate('will-redirect', 'app://hoso/')).toBe(false);
  });

  it('allows the dev server only in development', () => {
    expect(created().navigate('will-navigate', 'http://localhost:5173/')).toBe(true);
    expect(created('http://localhost:5173').navigate('will-navigate', 'http://localhost:5173/')).toBe(false);
  });

  it('denies every window.open, including same-app ones', () => {
    const { contents } = created();
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    const handler = contents.setWindowOpenHandler.mock.calls[0]![0];
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://hoso/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a <webview>', () => {
    const { contents } = created();
    const e = new FakeEvent();
    contents.emit('will-attach-webview', e, { nodeIntegration: true }, { src: 'https://example.com/' });
    expect(e.defaultPrevented).toBe(true);
  });

  it('hardens every web contents created, not only the first', () => {
    const app = new FakeApp();
    hardenWebContents(app as unknown as App, { log: recordingLog().log });
    const all = [new FakeWebContents(), new FakeWebContents(), new FakeWebContents()];
    for (const c of all) app.emit('web-contents-created', new FakeEvent(), c);
    for (const c of all) {
      expect(c.setWindowOpenHandler).toHaveBeenCalledTimes(1);
      expect(c.listenerCount('will-navigate')).toBe(1);
      expect(c.listenerCount('will-redirect')).toBe(1);
      expect(c.listenerCount('will-frame-navigate')).toBe(1);
      expect(c.listenerCount('will-attach-webview')).toBe(1);
    }
  });
});

describe('downloads', () => {
  function download(contents: FakeWebContents, url: string) {
    const e = new FakeEvent(url);
    contents.session.emit('will-download', e, { getURL: () => url }, contents);
    return e.defaultPrevented ? 'cancelled' : 'allowed';
  }

  it('lets the app save only what it made in memory: a blob: of its own page', () => {
    expect(isAllowedDownloadUrl('blob:app://hoso/5f0c7d2e-1b6a-4c7e-9d1a-2f3b4c5d6e7f')).toBe(true);
    for (const url of [
      'data:application/octet-stream;base64,TVqQAAMAAAAEAAAA',
      'blob:https://evil.example/5f0c7d2e',
      'blob:app://evil/5f0c7d2e',
      'blob:null/5f0c7d2e',
      'https://example.com/setup.exe',
      'file:///C:/Windows/System32/config/SAM',
      'app://hoso/index.html',
      'blob:',
    ]) {
      expect(isAllowedDownloadUrl(url), url).toBe(false);
    }
    expect(isAllowedDownloadUrl('blob:http://localhost:5173/5f0c7d2e')).toBe(false);
    expect(isAllowedDownloadUrl('blob:http://localhost:5173/5f0c7d2e', 'http://localhost:5173')).toBe(true);
  });

  it('cancels any other download in every session, the print window’s own included, and logs only its origin', () => {
    const app = new FakeApp();
    const { log, lines } = recordingLog();
    hardenWebContents(app as unknown as App, { log });
    const main = new FakeWebContents();
    const print = new FakeWebContents();
    app.emit('web-contents-created', new FakeEvent(), main);
    app.emit('web-contents-created', new FakeEvent(), print);
    expect(download(main, 'blob:app://hoso/5f0c7d2e-1b6a-4c7e-9d1a-2f3b4c5d6e7f')).toBe('allowed');
    expect(download(main, 'data:text/html,<script>alert(1)</script>')).toBe('cancelled');
    expect(download(main, 'https://example.com/tai-lieu-mat.docx?ma=123')).toBe('cancelled');
    expect(download(print, 'file:///home/clerk/archive.sqlite')).toBe('cancelled');
    expect(lines).toEqual([
      'DOWNLOAD_BLOCKED data:',
      'DOWNLOAD_BLOCKED https://example.com',
      'DOWNLOAD_BLOCKED file:',
    ]);
  });

  it('guards a session shared by several web contents once, not once per contents', () => {
    const app = new FakeApp();
    hardenWebContents(app as unknown as App, { log: recordingLog().log });
    const first = new FakeWebContents();
    const second = new FakeWebContents();
    second.session = first.session;
    app.emit('web-contents-created', new FakeEvent(), first);
    app.emit('web-contents-created', new FakeEvent(), second);
    expect(first.session.listenerCount('will-download')).toBe(1);
  });
});
