import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { errorPayload, HosoError } from '../contract/errors';
import { literal } from '../contract/messages/message';
import { openArchive, type Archive } from '../db/open';
import { sweepAbandonedWorkDirs } from './archive/workDir';
import { startAutomaticBackups } from './backups';
import { startSearchMaintenance } from './searchMaintenance';
import { createContext, type HostCapabilities, type Transport } from './context';
import { createDispatcher, directClient, type DirectClient, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { consoleLogger, type Logger } from './log';
import { APP_VERSION } from './version';

export interface SessionOptions {
  /** What only this host can do: render a PDF, show a folder dialog, show progress. */
  host?: HostCapabilities;
  /** The desktop app reports its packaged version; the CLI and web host the project's. */
  appVersion?: string;
  log?: Logger;
  /**
   * Refuse a file that is not there (ARCHIVE_NOT_FOUND) instead of starting a new archive: every CLI
   * command but `serve` and `demo`, so a mistyped --db creates nothing.
   */
  mustExist?: boolean;
  /** better-sqlite3 built for Electron (see electron/main/nativeBinding.ts); Node's own otherwise. */
  nativeBinding?: string;
  /** An archive from before the ranked search index has it built as it opens: meetings done of the total. */
  onIndexProgress?: (done: number, total: number) => void;
  /** Long-running hosts (the desktop app, `hoso serve`) keep the daily backup going; failures go here. */
  automaticBackups?: (error: unknown) => void;
}

/** An open archive behind the one dispatcher every transport calls. */
export interface Session {
  /** For the services that work on the archive itself (a backup to a given folder, demo data). */
  archive: Archive;
  /** The archive file, absolute. */
  file: string;
  /** Folder of the archive: its photos/ are served from there. */
  dir: string;
  dispatch: Dispatch;
  /** Typed calls through `dispatch`: the data, or the HosoError thrown. */
  call: DirectClient;
  /** Stops the automatic backups and the search index's merges, closes the archive (checkpointing the WAL); twice is harmless. */
  close(): void;
}

/**
 * Opens the archive and puts the contract's handlers and dispatcher over it: the one way the desktop
 * app, the web host and the CLI reach an archive, so all three answer every channel with the same
 * code (docs/ARCHITECTURE.md). Nothing is created or replaced when the file cannot be opened: the
 * error (damaged, too new, unwritable) is thrown for the host to tell the clerk.
 */
export async function openSession(file: string, transport: Transport, options: SessionOptions = {}): Promise<Session> {
  if (options.mustExist && !existsSync(file)) throw new HosoError('ARCHIVE_NOT_FOUND', literal(file));
  const archive = await openArchive({ file, nativeBinding: options.nativeBinding, onIndexProgress: options.onIndexProgress });
  // A merge or an export killed mid-way left plain text (secret records too) beside the archive: removed
  // before anything else runs.
  sweepAbandonedWorkDirs(archive.file);
  const log = options.log ?? consoleLogger;
  const ctx = createContext(archive, transport, options.appVersion ?? APP_VERSION, options.host);
  const inner = createDispatcher(createHandlers(ctx), log);
  // While the archive is copied to its new place, and after, nothing is written here: a change made
  // meanwhile would stay behind in the old copy when the app starts again on the new one.
  const dispatch: Dispatch = async (channel, payload) => {
    const { moving, movedTo } = ctx.move;
    if ((moving || movedTo) && channel !== 'app/info')
      return { ok: false, error: movedTo ? errorPayload('ARCHIVE_MOVED', literal(movedTo)) : errorPayload('ARCHIVE_MOVING') };
    return inner(channel, payload);
  };
  if (inner.isLocked) dispatch.isLocked = inner.isLocked;
  const onBackupError = options.automaticBackups;
  const stopBackups = onBackupError ? startAutomaticBackups(archive, onBackupError) : () => {};
  const stopSearchMaintenance = startSearchMaintenance(archive, log);
  let open = true;
  return {
    archive,
    file: archive.file,
    dir: dirname(archive.file),
    dispatch,
    call: directClient(dispatch),
    close: () => {
      if (!open) return;
      open = false;
      stopBackups();
      stopSearchMaintenance();
      archive.close();
    },
  };
}
