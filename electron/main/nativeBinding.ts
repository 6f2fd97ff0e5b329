/**
 * Which better_sqlite3.node the desktop app loads. node_modules stays built for Node (vitest, the
 * CLI and the web host need that), so in development the start script builds a copy for
 * Electron's ABI into `.hoso-native/` and names it in HOSO_NATIVE_BINDING. A packaged app has
 * node_modules rebuilt for Electron by electron-builder and ignores the variable: a loose
 * environment variable must not decide which native code an installed app loads.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Logger } from '../../services/log';

export interface NativeBindingOptions {
  isPackaged: boolean;
  env?: NodeJS.ProcessEnv;
  exists?: (path: string) => boolean;
  log?: Pick<Logger, 'error'>;
}

export function resolveNativeBinding({
  isPackaged,
  env = process.env,
  exists = existsSync,
  log,
}: NativeBindingOptions): string | undefined {
  if (isPackaged) return undefined;
  const named = env.HOSO_NATIVE_BINDING?.trim();
  if (!named) return undefined;
  const path = isAbsolute(named) ? named : resolve(named);
  if (!exists(path)) {
    // Falling back to node_modules' build beats a path that cannot load at all; if that build is
    // for Node, the load failure is recognised by isNativeModuleLoadError below.
    log?.error('NATIVE_BINDING_MISSING', path);
    return undefined;
  }
  return path;
}

/**
 * True when an error (or one of its causes) is a native addon failing to load, typically a
 * better-sqlite3 built for Node's ABI loaded into Electron. db/open.ts wraps that failure as
 * ARCHIVE_CORRUPT or ARCHIVE_UNWRITABLE, which would tell the clerk the archive is damaged when
 * only the installation is; the entry point uses this to say the right thing.
 */
export function isNativeModuleLoadError(e: unknown): boolean {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  while (cur instanceof Error && !seen.has(cur)) {
    seen.add(cur);
    const code = (cur as { code?: unknown }).code;
    if (code === 'ERR_DLOPEN_FAILED') return true;
    if (
      /NODE_MODULE_VERSION|did not self-register|Could not locate the bindings file|invalid ELF header|is not a valid Win32 application/i.test(
        cur.message,
      )
    ) {
      return true;
    }
    cur = cur.cause;
  }
  return false;
}
