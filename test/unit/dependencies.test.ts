import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import semver from 'semver';

const root = resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
type LockEntry = { version?: string; dev?: boolean; optional?: boolean; engines?: { node?: string }; os?: string[] };
const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };

/** The Node versions hoso supports: the floor of `engines` and the two later LTS lines. */
const SUPPORTED_NODE = ['20.19.0', '22.12.0', '24.0.0'];

describe('dependencies (package.json and package-lock.json)', () => {
  it('every package the app needs at run time accepts every Node version hoso supports', () => {
    expect(semver.minVersion(pkg.engines.node)?.version).toBe('20.19.0');
    const refused: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      // Dev tools run on the developer's Node; a platform binding only on its own platform.
      if (!path || entry.dev || entry.optional || !entry.engines?.node) continue;
      for (const node of SUPPORTED_NODE) {
        if (!semver.satisfies(node, entry.engines.node)) refused.push(`${path}@${entry.version} (${entry.engines.node}) refuses Node ${node}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('the lock records other platforms’ optional bindings, so `npm ci` accepts it on Windows and macOS too', () => {
    const paths = Object.keys(lock.packages);
    for (const binding of ['@unrs/resolver-binding-win32-x64-msvc', '@unrs/resolver-binding-darwin-arm64', '@img/sharp-win32-x64', '@img/sharp-darwin-arm64']) {
      expect(paths, binding).toContain(`node_modules/${binding}`);
    }
  });

  it('test-only packages stay in devDependencies (electron-builder packs only dependencies)', () => {
    for (const name of ['playwright-core', 'vitest', 'electron', 'tsx']) {
      expect(Object.keys(pkg.dependencies), name).not.toContain(name);
      expect(Object.keys(pkg.devDependencies), name).toContain(name);
    }
  });
});
