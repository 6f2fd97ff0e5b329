import { userInfo } from 'node:os';
import type { Archive } from '../db/open';
import { getSettings } from '../db/settings';

export type Transport = 'electron' | 'web' | 'direct';

/** What every handler gets: the open archive, who is acting, and facts about this process. */
export interface ServiceContext {
  archive: Archive;
  transport: Transport;
  appVersion: string;
  /** Name written in the audit log: the clerk's name from settings, else the OS account. */
  actor(): string;
  /**
   * HTML → PDF by the host's own Chromium when it has one (the desktop app: Electron's printToPDF).
   * Absent, reports use the system Chromium (services/reports/pdf.ts).
   */
  renderPdf?: (html: string) => Promise<Buffer>;
  /** The desktop's folder dialog (a USB stick to export to, a backup folder); null when cancelled. */
  chooseFolder?: (title: string) => Promise<string | null>;
}

/** What a host adds to the context: capabilities only it has. */
export type HostCapabilities = Pick<ServiceContext, 'renderPdf' | 'chooseFolder'>;

function osAccount(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export function createContext(archive: Archive, transport: Transport, appVersion: string, host: HostCapabilities = {}): ServiceContext {
  return {
    archive,
    transport,
    appVersion,
    actor: () => getSettings(archive).clerkName || osAccount(),
    ...host,
  };
}
