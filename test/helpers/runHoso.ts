import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const MAIN = resolve(ROOT, 'cli', 'main.ts');

/**
 * Runs the real command line as a clerk would (`npm run --silent hoso -- …`), minus npm's own overhead.
 * One process (`node --import tsx`), not the tsx wrapper, so a SIGKILL in a test kills the writer itself.
 */
const NODE_ARGS = ['--import', 'tsx', MAIN];
export function hoso(args: string[], env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...NODE_ARGS, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function hosoSpawn(args: string[]): ChildProcess {
  return spawn(process.execPath, [...NODE_ARGS, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}
