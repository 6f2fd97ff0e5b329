import { userInfo } from 'node:os';
import type { Archive } from '../db/open';
import type { JobPhase } from '../contract/archiveContract';
import type { ImportBatchItem } from '../contract/importContract';
import { getSettings } from '../db/settings';

export type Transport = 'electron' | 'web' | 'direct';

/**
 * How far a long call has got, told as it happens to a host that shows it (the CLI prints lines on
 * stderr). The screens follow jobs through `jobs/status` instead and need none of this.
 */
export type Progress =
  | { channel: 'search/rebuild'; done: number }
  | { channel: 'import/batch'; item: ImportBatchItem; done: number }
  | { channel: 'archive/export' | 'archive/verify'; phase: JobPhase; bytesTotal: number }
  | { channel: 'archive/export' | 'archive/verify'; bytes: number };

/** What every handler gets: the open archive, who is acting, and facts about this process. */
export interface ServiceContext {
  archive: Archive;
  transport: Transport;
  appVersion: string;
  /** Name written in the audit log: the clerk's name from settings, else the OS account. */
  actor(): string;
  /**
   * The OS account this process runs as (the actor's fallback): the history tells an entry written
   * under it while Tên người dùng was empty from one a clerk signed with their name.
   */
  osAccount(): string;
  /**
   * HTML → PDF by the host's own browser engine: the desktop app's Electron printToPDF, the CLI's (and
   * its web host's) system Chromium. Absent, `reports/pdf` answers PDF_UNAVAILABLE. The host brings it
   * so that services never load a browser and the desktop bundle carries none.
   */
  renderPdf?: (html: string) => Promise<Buffer>;
  /** The desktop's folder dialog (a USB stick to export to, a backup folder); null when cancelled. */
  chooseFolder?: (title: string) => Promise<string | null>;
  onProgress?: (progress: Progress) => void;
}

/** What a host adds to the context: capabilities only it has. */
export type HostCapabilities = Pick<ServiceContext, 'renderPdf' | 'chooseFolder' | 'onProgress'>;

export function osAccount(): string {
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
    osAccount,
    ...host,
  };
}
