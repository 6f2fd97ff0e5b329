import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const MAIN = resolve(ROOT, 'cli', 'main.ts');

/**
 * A folder the `hoso` command line cannot write, made the strongest way this machine allows. Tests run
 * as root in CI, where chmod stops nothing, so in order of preference:
 *   1. a read-only bind mount of the folder (root with mount rights): writes fail with EROFS, as on a
 *      write-protected USB stick;
 *   2. the CLI run as the unprivileged user nobody (setpriv, else runuser) on a folder owned by root;
 *   3. not root at all: chmod a-w on the folder and the file.
 * `dir` is where the archive is seen read-only; `cli()` runs the real command line there.
 * HOSO_TEST_NO_MOUNT=1 skips the mount, to exercise the second way on a machine that has the first.
 */
export interface ReadOnlyFolder {
  how: string;
  dir: string;
  cli(args: string[]): { code: number; stdout: string; stderr: string };
  cleanup(): void;
}

const ok = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' }).status === 0;

function runner(prefix: string[]) {
  return (args: string[]) => {
    const [cmd, ...rest] = [...prefix, process.execPath, '--import', 'tsx', MAIN, ...args];
    const r = spawnSync(cmd!, rest, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
}

const NOBODY: [string, string[]][] = [
  ['setpriv as nobody', ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups']],
  ['runuser as nobody', ['runuser', '-u', 'nobody', '--']],
];

/**
 * An archive file that cannot be written in a folder that can (the read-only attribute a file keeps
 * when copied from a CD): as root, the folder is given to nobody and the CLI runs as nobody while the
 * file stays root's; not root, chmod a-w on the file alone.
 */
export function readOnlyFile(dir: string, file: string): Omit<ReadOnlyFolder, 'dir'> {
  if (process.getuid?.() !== 0) {
    chmodSync(file, 0o444);
    return {
      how: 'chmod a-w on the file (not root)',
      cli: runner([]),
      cleanup: () => chmodSync(file, 0o644),
    };
  }
  chmodSync(dirname(dir), 0o755); // mkdtemp's 0700 would keep nobody out altogether
  chmodSync(dir, 0o755);
  chownSync(dir, 65534, 65534);
  chmodSync(file, 0o644);
  for (const [how, prefix] of NOBODY) {
    if (
      ok(prefix[0]!, [...prefix.slice(1), 'touch', join(dir, '.probe')]) &&
      !ok(prefix[0]!, [...prefix.slice(1), 'sh', '-c', `: >> '${file}'`])
    ) {
      return { how, cli: runner(prefix), cleanup: () => chownSync(dir, 0, 0) };
    }
  }
  throw new Error('no way to make a read-only file here: running as nobody does not work');
}

/** `src` holds the archive (written beforehand by this process); `work` is a scratch folder to mount on. */
export function readOnlyFolder(src: string, work: string): ReadOnlyFolder {
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    const target = join(work, 'chi-doc');
    mkdirSync(target, { recursive: true });
    if (!process.env.HOSO_TEST_NO_MOUNT && ok('mount', ['--bind', src, target])) {
      if (ok('mount', ['-o', 'remount,bind,ro', target])) {
        let writable = true;
        try {
          writeFileSync(join(target, '.probe'), 'x');
        } catch {
          writable = false;
        }
        if (!writable)
          return {
            how: 'read-only bind mount',
            dir: target,
            cli: runner([]),
            cleanup: () => void spawnSync('umount', ['-l', target]),
          };
      }
      spawnSync('umount', ['-l', target]);
    }
    // The unprivileged user must reach the folder (mkdtemp makes 0700 folders) but not write in it.
    for (const d of [work, src]) chmodSync(d, 0o755);
    for (const [how, prefix] of NOBODY) {
      const probe = join(src, '.probe');
      if (
        ok(prefix[0]!, [...prefix.slice(1), 'true']) &&
        !ok(prefix[0]!, [...prefix.slice(1), 'touch', probe])
      ) {
        return { how, dir: src, cli: runner(prefix), cleanup: () => {} };
      }
    }
    throw new Error(
      'no way to make a read-only folder here: neither a read-only bind mount nor running as nobody works',
    );
  }
  chmodSync(src, 0o555);
  return { how: 'chmod a-w (not root)', dir: src, cli: runner([]), cleanup: () => chmodSync(src, 0o755) };
}
