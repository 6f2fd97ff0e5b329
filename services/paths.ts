import { homedir } from 'node:os';
import { join } from 'node:path';

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

/** The archive file: `--db` wins, then HOSO_DB, then archive.sqlite in the data folder. */
export function resolveArchivePath(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.HOSO_DB) return env.HOSO_DB;
  return join(defaultDataDir(env), 'archive.sqlite');
}
