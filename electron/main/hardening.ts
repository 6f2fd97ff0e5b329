/**
 * Session- and window-level locks. The renderer shows clerks' own documents, which may contain
 * pasted HTML; if anything in it ever ran, these rules keep it from reaching the network, other
 * origins, new windows, embedded guests or device permissions. They are cheap and independent
 * of the CSP, so one failing does not open the door.
 */
import type { App, DownloadItem, Event, Session, WebContents } from 'electron';
import { consoleLogger, type Logger } from '../../services/log';
import { describeUrlForLog, isAllowedRequestUrl, isAppPageUrl } from './securityPolicy';

export interface HardeningOptions {
  /** The vite dev server URL, development only (already checked to be loopback by the caller). */
  devServerUrl?: string | undefined;
  log?: Logger;
}

/**
 * Every request of the session goes through the allow-list of securityPolicy: the machine is
 * air-gapped and the app must not even try the network. Permissions (camera, geolocation,
 * notifications, clipboard-read…) are all denied: the archive needs none. The spell checker is
 * off because Chromium's downloads its dictionaries from Google.
 */
export function hardenSession(session: Session, opts: HardeningOptions = {}): void {
  const log = opts.log ?? consoleLogger;
  session.webRequest.onBeforeRequest((details, callback) => {
    if (isAllowedRequestUrl(details.url, opts.devServerUrl)) {
      callback({});
      return;
    }
    // Origin only: the path or query could hold a clerk's search or a file name.
    log.error('REQUEST_BLOCKED', describeUrlForLog(details.url));
    callback({ cancel: true });
  });
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    log.error('PERMISSION_DENIED', permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setSpellCheckerEnabled(false);
}

/**
 * What may be saved as a download: only a file the app itself made in memory (`blob:` of the app's own
 * page: Lưu PDF / DOCX / HTML in the report screen). Anything else a page might start — a data: URL
 * planted in a document, a link to a file on disk or the network, a download in the hidden print window
 * — would write a file the clerk did not ask for, and is cancelled.
 */
export function isAllowedDownloadUrl(url: string, devServerUrl?: string): boolean {
  return url.startsWith('blob:') && isAppPageUrl(url.slice('blob:'.length), devServerUrl);
}

/** What an <iframe> of the app may show besides the app's pages: its own srcdoc, or nothing yet. */
const FRAME_DOCUMENTS = new Set(['about:srcdoc', 'about:blank']);

/**
 * Applied to every WebContents the app ever creates (windows, DevTools, anything a page might
 * spawn): navigation leaves the app only by being refused, new windows are never opened, and
 * <webview> guests are never attached (webviewTag is off too; this covers a mistake there).
 */
export function hardenWebContents(app: App, opts: HardeningOptions = {}): void {
  const log = opts.log ?? consoleLogger;
  const guardNavigation = (event: Event, url: string): void => {
    if (isAppPageUrl(url, opts.devServerUrl)) return;
    event.preventDefault();
    log.error('NAVIGATION_BLOCKED', describeUrlForLog(url));
  };
  // Downloads belong to a session, and a session may be shared by many web contents (and the print
  // window has a session of its own): each session gets the guard once, from whichever contents shows it first.
  const guardedSessions = new WeakSet<Session>();
  const guardDownloads = (session: Session): void => {
    if (guardedSessions.has(session)) return;
    guardedSessions.add(session);
    session.on('will-download', (event: Event, item: DownloadItem) => {
      const url = item.getURL();
      if (isAllowedDownloadUrl(url, opts.devServerUrl)) return;
      event.preventDefault();
      log.error('DOWNLOAD_BLOCKED', describeUrlForLog(url));
    });
  };
  app.on('web-contents-created', (_event, contents: WebContents) => {
    guardDownloads(contents.session);
    contents.on('will-navigate', (event) => guardNavigation(event, event.url));
    contents.on('will-redirect', (event) => guardNavigation(event, event.url));
    // 'will-navigate' is the main frame's only. Frames inside the page (the print preview is an
    // <iframe srcdoc>, sandboxed) may hold their own document and nothing else: a link clicked in a
    // preview must not load wherever it points, even though the session would refuse the request.
    contents.on('will-frame-navigate', (event) => {
      if (event.isMainFrame || FRAME_DOCUMENTS.has(event.url)) return;
      guardNavigation(event, event.url);
    });
    contents.setWindowOpenHandler(({ url }) => {
      log.error('WINDOW_OPEN_BLOCKED', describeUrlForLog(url));
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log.error('WEBVIEW_BLOCKED', 'will-attach-webview');
    });
  });
}
