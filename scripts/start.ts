/**
 * `npm start`: the desktop app where the Electron runtime is present, otherwise (as on machines that
 * cannot download it) one clear line and the same UI through the loopback web host in the system browser.
 * Extra arguments go to the web host (e.g. `npm start -- --db D:\\hoso\\archive.sqlite`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { electronVersion, findElectronBinary } from '../cli/electronRuntime';
import { runCli } from '../cli/run';
import { PROJECT_ROOT } from '../cli/rendererBuild';
import { withFreePort } from '../webhost/ports';
import { ensureElectronNativeBinding } from './electronNative';

async function serveInBrowser(reason: string): Promise<number> {
  console.log(reason);
  const stop = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  return runCli(['serve', '--open', ...(await withFreePort(process.argv.slice(2), (l) => console.log(l)))], {
    out: (l) => console.log(l),
    err: (l) => console.error(l),
    untilStopped: () => stop,
  });
}

async function main(): Promise<number> {
  const binary = findElectronBinary(PROJECT_ROOT);
  if (!binary) {
    return serveInBrowser(
      'Không có Electron runtime trên máy này: mở Hồ sơ Hội nghị trong trình duyệt qua máy chủ nội bộ 127.0.0.1 (cùng giao diện, cùng dữ liệu). / No Electron runtime here: serving the same app on 127.0.0.1.',
    );
  }
  const require = createRequire(join(PROJECT_ROOT, 'package.json'));
  const bin = join(require.resolve('electron-vite/package.json').replace(/package\.json$/, ''), 'bin', 'electron-vite.js');
  if (spawnSync(process.execPath, [bin, 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' }).status !== 0) return 2;
  let nativeBinding: string;
  try {
    nativeBinding = await ensureElectronNativeBinding(PROJECT_ROOT, electronVersion(PROJECT_ROOT) ?? '');
  } catch (e) {
    return serveInBrowser(
      `Không dựng được better-sqlite3 cho Electron (${(e as Error).message}); mở bằng trình duyệt thay thế. / Could not build better-sqlite3 for Electron; serving in the browser instead.`,
    );
  }
  const child = spawn(binary, [PROJECT_ROOT], { stdio: 'inherit', env: { ...process.env, HOSO_NATIVE_BINDING: nativeBinding } });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`[hoso] INTERNAL ${(e as Error).stack ?? String(e)}`);
    process.exit(2);
  },
);
