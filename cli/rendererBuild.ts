import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The project's folder: the CLI runs from the source tree (npm run hoso), never from a build. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function rendererDir(projectRoot: string): string {
  return join(projectRoot, 'out', 'renderer');
}

/** What the renderer bundle is built from: its sources, the shared contract, the dependencies. */
const RENDERER_INPUTS = [
  'renderer',
  'contract',
  'package-lock.json',
  'electron.vite.config.ts',
];

/** The newest modification time among the renderer's inputs (ms). */
export function newestRendererInput(projectRoot: string): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const st = statSync(path);
    if (st.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules') visit(join(path, name));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const input of RENDERER_INPUTS) visit(join(projectRoot, input));
  return newest;
}

/** The built renderer is missing, or older than a source it is built from (after a git pull, an edit). */
export function rendererBuildIsStale(projectRoot: string): boolean {
  const index = join(rendererDir(projectRoot), 'index.html');
  return !existsSync(index) || statSync(index).mtimeMs < newestRendererInput(projectRoot);
}

/**
 * The web host serves the built renderer. Right after `npm install` there is none yet, and after a
 * `git pull` the one there may be older than the sources: `serve` then builds it (electron-vite, about
 * half a minute) instead of serving an old interface or asking the clerk to build.
 */
export function ensureRendererBuilt(projectRoot: string, say: (line: string) => void): string {
  const dir = rendererDir(projectRoot);
  if (!rendererBuildIsStale(projectRoot)) return dir;
  say('Đang dựng giao diện (khoảng nửa phút)… / Building the interface…');
  const require = createRequire(join(projectRoot, 'package.json'));
  const bin = join(
    require.resolve('electron-vite/package.json').replace(/package\.json$/, ''),
    'bin',
    'electron-vite.js',
  );
  const result = spawnSync(process.execPath, [bin, 'build'], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0 || !existsSync(join(dir, 'index.html'))) {
    throw new Error('RENDERER_BUILD_FAILED: electron-vite build did not produce out/renderer/index.html');
  }
  return dir;
}
