import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

export function rendererDir(projectRoot: string): string {
  return join(projectRoot, 'out', 'renderer');
}

/**
 * The web host serves the built renderer. Right after `npm install` there is none yet, so the first
 * `serve` builds it once (electron-vite, about half a minute) instead of asking the clerk to.
 */
export function ensureRendererBuilt(projectRoot: string, say: (line: string) => void): string {
  const dir = rendererDir(projectRoot);
  if (existsSync(join(dir, 'index.html'))) return dir;
  say('Đang dựng giao diện lần đầu (khoảng nửa phút)… / Building the interface once…');
  const require = createRequire(join(projectRoot, 'package.json'));
  const bin = join(require.resolve('electron-vite/package.json').replace(/package\.json$/, ''), 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0 || !existsSync(join(dir, 'index.html'))) {
    throw new Error('RENDERER_BUILD_FAILED: electron-vite build did not produce out/renderer/index.html');
  }
  return dir;
}
