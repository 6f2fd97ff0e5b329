import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNativeModuleLoadError, resolveNativeBinding } from '../../../electron/main/nativeBinding';
import { HosoError } from '../../../contract/errors';
import { literal } from '../../../contract/messages/message';

const BINDING = '/work/.hoso-native/better_sqlite3.node';

describe('resolveNativeBinding', () => {
  it('uses no extra binding when the variable is unset (node_modules is right for the runtime)', () => {
    expect(resolveNativeBinding({ isPackaged: false, env: {} })).toBeUndefined();
    expect(resolveNativeBinding({ isPackaged: false, env: { HOSO_NATIVE_BINDING: '  ' } })).toBeUndefined();
  });

  it('returns the named Electron build in development', () => {
    const env = { HOSO_NATIVE_BINDING: BINDING };
    expect(resolveNativeBinding({ isPackaged: false, env, exists: (p) => p === BINDING })).toBe(BINDING);
  });

  it('makes a relative path absolute (better-sqlite3 would resolve it against its own folder)', () => {
    const env = { HOSO_NATIVE_BINDING: '.hoso-native/better_sqlite3.node' };
    expect(resolveNativeBinding({ isPackaged: false, env, exists: () => true })).toBe(
      resolve('.hoso-native/better_sqlite3.node'),
    );
  });

  it('ignores a named file that does not exist, and says so in the log', () => {
    const logged: string[] = [];
    const env = { HOSO_NATIVE_BINDING: BINDING };
    const log = { error: (code: string, ctx: string) => void logged.push(`${code} ${ctx}`) };
    expect(resolveNativeBinding({ isPackaged: false, env, exists: () => false, log })).toBeUndefined();
    expect(logged).toEqual([`NATIVE_BINDING_MISSING ${BINDING}`]);
  });

  it('ignores the variable in a packaged app (electron-builder rebuilt node_modules)', () => {
    const env = { HOSO_NATIVE_BINDING: BINDING };
    expect(resolveNativeBinding({ isPackaged: true, env, exists: () => true })).toBeUndefined();
  });
});

describe('isNativeModuleLoadError', () => {
  const abiMismatch = Object.assign(
    new Error(
      "The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 139.",
    ),
    { code: 'ERR_DLOPEN_FAILED' },
  );

  it('recognises an addon load failure, also when db/open wrapped it as ARCHIVE_CORRUPT', () => {
    expect(isNativeModuleLoadError(abiMismatch)).toBe(true);
    expect(isNativeModuleLoadError(new HosoError('ARCHIVE_CORRUPT', undefined, { cause: abiMismatch }))).toBe(
      true,
    );
    expect(isNativeModuleLoadError(new Error('Could not locate the bindings file. Tried: …'))).toBe(true);
  });

  it('does not mistake a real archive problem for one', () => {
    expect(isNativeModuleLoadError(new HosoError('ARCHIVE_CORRUPT', literal('quick_check: row 3 missing')))).toBe(
      false,
    );
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(isNativeModuleLoadError(new HosoError('ARCHIVE_LOCKED', undefined, { cause: busy }))).toBe(false);
    expect(isNativeModuleLoadError('NODE_MODULE_VERSION')).toBe(false);
    expect(isNativeModuleLoadError(undefined)).toBe(false);
  });

  it('survives a cause cycle', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(isNativeModuleLoadError(a)).toBe(false);
  });
});
