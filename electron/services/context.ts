import { userInfo } from 'node:os';
import type { Archive } from '../../db/open';
import { getSettings } from '../../db/settings';

export type Transport = 'electron' | 'web' | 'direct';

/** What every handler gets: the open archive, who is acting, and facts about this process. */
export interface ServiceContext {
  archive: Archive;
  transport: Transport;
  appVersion: string;
  /** Name written in the audit log: the clerk's name from settings, else the OS account. */
  actor(): string;
}

function osAccount(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export function createContext(archive: Archive, transport: Transport, appVersion: string): ServiceContext {
  return {
    archive,
    transport,
    appVersion,
    actor: () => getSettings(archive).clerkName || osAccount(),
  };
}
