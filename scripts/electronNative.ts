import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 in node_modules stays built for Node (vitest and the CLI need it). The desktop app needs
 * a build for Electron's ABI, so it is made once in a separate folder (.hoso-native/electron-<version>)
 * and handed to the main process through HOSO_NATIVE_BINDING. A packaged app does not need this:
 * electron-builder rebuilds its own copy of node_modules for Electron.
 */
export async function ensureElectronNativeBinding(projectRoot: string, electronVersion: string): Promise<string> {
  const buildRoot = join(projectRoot, '.hoso-native', `electron-${electronVersion}`);
  const binding = join(buildRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  mkdirSync(join(buildRoot, 'node_modules'), { recursive: true });
  writeFileSync(join(buildRoot, 'package.json'), JSON.stringify({ name: 'hoso-native', private: true, dependencies: { 'better-sqlite3': '*' } }));
  cpSync(join(projectRoot, 'node_modules', 'better-sqlite3'), join(buildRoot, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  });
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: buildRoot, electronVersion, onlyModules: ['better-sqlite3'], force: true, buildFromSource: true });
  if (!existsSync(binding)) throw new Error(`ELECTRON_NATIVE_MISSING: ${binding}`);
  return binding;
}
