import { homedir } from 'node:os';
import { join } from 'node:path';
import { locationFileIn, readArchiveLocation } from './archiveLocation';

/**
 * The app's data folder, the same for the desktop app (Electron's userData is set to it), the CLI and
 * the web host: %APPDATA%\hoso on Windows, ~/Library/Application Support/hoso on macOS,
 * $XDG_CONFIG_HOME/hoso (or ~/.config/hoso) on Linux.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'hoso');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'hoso');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'hoso');
}

/**
 * The archive file: `--db` wins, then HOSO_DB, then the place the clerk moved it to from the app
 * (location.json in the data folder; ARCHIVE_LOCATION_MISSING when that file is not there), then
 * archive.sqlite in the data folder.
 */
export function resolveArchivePath(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.HOSO_DB) return env.HOSO_DB;
  const dataDir = defaultDataDir(env);
  return readArchiveLocation(locationFileIn(dataDir)) ?? join(dataDir, 'archive.sqlite');
}

/** Whether the archive is named by `--db` or HOSO_DB, which win over a place recorded by a move. */
export function archivePathOverridden(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(explicit || env.HOSO_DB);
}
