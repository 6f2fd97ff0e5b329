import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findElectronBinary } from '../../cli/electronRuntime';
import { tempDir } from '../helpers/tempArchive';

let cleanup = () => {};
afterEach(() => cleanup());

function project() {
  const t = tempDir();
  cleanup = t.cleanup;
  mkdirSync(join(t.dir, 'node_modules', 'electron', 'dist'), { recursive: true });
  return t.dir;
}

describe('finding the Electron runtime without triggering a download', () => {
  it('reports none when the npm package has no binary (the state on these offline machines)', () => {
    expect(findElectronBinary(project(), {}, 'linux')).toBeNull();
  });

  it('reports none when path.txt names a binary that is not there', () => {
    const root = project();
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(findElectronBinary(root, {}, 'linux')).toBeNull();
  });

  it('finds the binary named by path.txt under dist/', () => {
    const root = project();
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    writeFileSync(join(root, 'node_modules', 'electron', 'dist', 'electron'), '');
    expect(findElectronBinary(root, {}, 'linux')).toBe(join(root, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH (an Electron unpacked from a USB stick)', () => {
    const root = project();
    const usb = join(root, 'usb-electron');
    mkdirSync(usb);
    writeFileSync(join(usb, 'electron.exe'), '');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: usb }, 'win32')).toBe(join(usb, 'electron.exe'));
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: join(root, 'missing') }, 'win32')).toBeNull();
  });
});
