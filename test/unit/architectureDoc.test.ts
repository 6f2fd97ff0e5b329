import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const doc = readFileSync(resolve(root, 'docs', 'ARCHITECTURE.md'), 'utf8');

/** Folders that hold no source of the project's own. */
const NOT_SOURCE = new Set(['node_modules', 'out', 'dist', 'release', 'docs', 'coverage', 'test-results']);
const TOP = ['contract', 'db', 'services', 'electron', 'webhost', 'cli', 'renderer', 'resources', 'bench', 'scripts', 'test'];

describe('docs/ARCHITECTURE.md matches the tree', () => {
  it('names every top-level source folder, and every folder it names exists', () => {
    const folders = readdirSync(root).filter((n) => !n.startsWith('.') && !NOT_SOURCE.has(n) && statSync(resolve(root, n)).isDirectory());
    for (const f of folders) expect(doc, `docs/ARCHITECTURE.md does not name ${f}/`).toContain(`${f}/`);
    for (const f of TOP) expect(folders).toContain(f);
  });

  it('every path it writes from the project root exists', () => {
    const paths = [...doc.matchAll(/`([a-zA-Z][\w./-]*\/[\w./-]*)`/g)].map((m) => m[1]!);
    const rooted = paths.filter((p) => TOP.includes(p.split('/')[0]!) || p === 'eslint.config.js');
    expect(rooted.length).toBeGreaterThan(20);
    for (const p of rooted) expect(existsSync(resolve(root, p)), p).toBe(true);
  });
});
