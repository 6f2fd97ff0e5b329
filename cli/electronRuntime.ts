import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the Electron runtime binary is, without ever triggering its download: `require('electron')`
 * downloads a missing binary, and an offline app makes no network attempt at all. The runtime is present
 * when node_modules/electron/path.txt names an existing file under dist/, or when
 * ELECTRON_OVERRIDE_DIST_PATH points at an unpacked Electron (an air-gapped PC gets one from a USB stick).
 */
export function findElectronBinary(projectRoot: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | null {
  const pkgDir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(pkgDir, 'path.txt');
  const named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const fallbackName = platform === 'win32' ? 'electron.exe' : platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = join(override, named || fallbackName);
    return existsSync(candidate) ? candidate : null;
  }
  if (!named) return null;
  const candidate = join(pkgDir, 'dist', named);
  return existsSync(candidate) ? candidate : null;
}

/** The Electron version the project builds against (for rebuilding native modules). */
export function electronVersion(projectRoot: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(projectRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}
