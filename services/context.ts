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
  /**
   * Where this host records the archive's place for the next start (location.json in the app's data
   * folder) and whether --db or HOSO_DB names the archive instead. Absent (tests, one-off CLI commands),
   * `archive/move` answers ARCHIVE_MOVE_UNAVAILABLE.
   */
  archiveLocation?: { configFile: string; overridden: boolean };
  /**
   * An archive move in this run: while it copies, and once it is done (then the copy here takes no more
   * changes: services/session.ts refuses every channel but app/info until the app is started again).
   */
  move: { moving: boolean; movedTo: string | null };
}

/** What a host adds to the context: capabilities only it has. */
export type HostCapabilities = Pick<ServiceContext, 'renderPdf' | 'chooseFolder' | 'onProgress' | 'archiveLocation'>;

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
    move: { moving: false, movedTo: null },
    ...host,
  };
}
