/**
 * What the desktop bundle (out/main) is built from: every module reachable from its entries, static and
 * dynamic imports alike (rollup bundles both). The PC's Chromium renderer for PDFs (playwright-core)
 * belongs to the CLI transport (cli/chromiumPdf.ts): the desktop prints with Electron's own printToPDF,
 * and a 6 MB test-driving library in the installer would be dead weight. Checked on the sources, so it
 * holds without a build; electron.vite.config.ts also refuses such an import when it builds.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
/** The rollup inputs of electron.vite.config.ts's main build. */
const MAIN_ENTRIES = ['electron/main/index.ts', 'services/archive/meetingFilesWorker.ts'];
const FORBIDDEN = ['playwright-core', 'playwright', '@playwright/test', 'vitest'];

function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/** The project files and the packages (by name) reachable from `entries`. */
function importGraph(entries: string[]): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const queue = entries.map((e) => join(ROOT, e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: spec } of importedFiles) {
      if (spec.startsWith('.')) {
        const target = resolveLocal(file, spec.replace(/\?.*$/, ''));
        if (target?.endsWith('.ts') || target?.endsWith('.tsx')) queue.push(target);
      } else if (!spec.startsWith('node:')) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!packages.has(name)) packages.set(name, relative(ROOT, file));
      }
    }
  }
  return { files, packages };
}

describe('the desktop bundle (out/main)', () => {
  const { files, packages } = importGraph(MAIN_ENTRIES);

  it('is built from the services and their handlers (the walk reaches them)', () => {
    const reached = [...files].map((f) => relative(ROOT, f));
    expect(reached).toContain('services/session.ts');
    expect(reached).toContain('services/handlers/reports.ts');
    expect(reached).toContain('electron/main/printToPdf.ts');
    expect(packages.has('better-sqlite3')).toBe(true);
  });

  it('imports no playwright-core and no other test-only package, not even dynamically', () => {
    const found = FORBIDDEN.filter((p) => packages.has(p)).map((p) => `${p} (from ${packages.get(p)})`);
    expect(found).toEqual([]);
  });

  it('contains nothing of the CLI, where the Chromium renderer lives', () => {
    expect([...files].map((f) => relative(ROOT, f)).filter((f) => f.startsWith('cli/'))).toEqual([]);
  });

  it('would be caught: the walk sees a dynamic import of playwright-core', () => {
    const { packages: cli } = importGraph(['cli/chromiumPdf.ts']);
    expect(cli.has('playwright-core')).toBe(true);
  });
});
