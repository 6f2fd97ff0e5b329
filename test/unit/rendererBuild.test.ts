import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rendererBuildIsStale } from '../../cli/rendererBuild';
import { tempDir } from '../helpers/tempArchive';

let root: { dir: string; cleanup: () => void };
const file = (rel: string, at: number) => {
  const path = join(root.dir, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'x');
  utimesSync(path, at / 1000, at / 1000);
};
beforeEach(() => {
  root = tempDir('hoso-build-');
});
afterEach(() => root.cleanup());

describe('whether `serve` must build the interface first', () => {
  it('builds when there is no build yet (right after npm install)', () => {
    file('renderer/src/App.tsx', 1_000_000);
    expect(rendererBuildIsStale(root.dir)).toBe(true);
  });

  it('serves the build when it is newer than every source', () => {
    file('renderer/src/App.tsx', 1_000_000);
    file('contract/contract.ts', 1_000_000);
    file('out/renderer/index.html', 2_000_000);
    expect(rendererBuildIsStale(root.dir)).toBe(false);
  });

  it('builds again after a git pull changed a screen or the shared contract', () => {
    file('out/renderer/index.html', 2_000_000);
    file('renderer/src/screens/import/ImportScreen.tsx', 3_000_000);
    expect(rendererBuildIsStale(root.dir)).toBe(true);
    file('renderer/src/screens/import/ImportScreen.tsx', 1_000_000);
    file('contract/importContract.ts', 3_000_000);
    expect(rendererBuildIsStale(root.dir)).toBe(true);
  });

  it('is not fooled by files outside what the interface is built from', () => {
    file('out/renderer/index.html', 2_000_000);
    file('db/meetings.ts', 3_000_000);
    file('README.md', 3_000_000);
    expect(rendererBuildIsStale(root.dir)).toBe(false);
  });
});
