import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

/** Lints a snippet as if it were the file at `path`, returning the rule ids that fired. */
async function rulesFired(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return result!.messages.map((m) => m.ruleId ?? '');
}

/** `import { x } from '<spec>'` as the file at `path` would write it. */
const importing = (spec: string) => `import { x } from '${spec}';\nexport const a = x;\n`;

const RESTRICTED_PATH = 'import-x/no-restricted-paths';
const RESTRICTED_IMPORT = 'no-restricted-imports';
const RESTRICTED_SYNTAX = 'no-restricted-syntax';

describe('the layering of docs/ARCHITECTURE.md is enforced by lint', () => {
  it('contract/ is the bottom layer: it imports nothing of the project above it, and no Node built-ins', async () => {
    for (const spec of ['../db/open', '../services/dispatch', '../webhost/server', '../cli/run', '../electron/main/ipc', '../renderer/src/App']) {
      expect(await rulesFired('contract/x.ts', importing(spec)), spec).toContain(RESTRICTED_PATH);
    }
    expect(await rulesFired('contract/x.ts', importing('node:fs'))).toContain(RESTRICTED_IMPORT);
    expect(await rulesFired('contract/x.ts', importing('./errors'))).toEqual([]);
  });

  it('db/ imports only contract/', async () => {
    for (const spec of ['../services/dispatch', '../webhost/server', '../cli/run', '../electron/main/ipc', '../renderer/src/App']) {
      expect(await rulesFired('db/x.ts', importing(spec)), spec).toContain(RESTRICTED_PATH);
    }
    expect(await rulesFired('db/x.ts', importing('../contract/errors'))).toEqual([]);
  });

  it('services/ import db/ and contract/, never a transport or the renderer', async () => {
    for (const spec of ['../webhost/server', '../cli/run', '../electron/main/ipc', '../renderer/src/App']) {
      expect(await rulesFired('services/x.ts', importing(spec)), spec).toContain(RESTRICTED_PATH);
    }
    expect(await rulesFired('services/x.ts', importing('../db/open'))).toEqual([]);
  });

  it('transports (desktop, web host, CLI) call the dispatcher in services/, never db/', async () => {
    for (const file of ['cli/x.ts', 'webhost/x.ts', 'electron/main/x.ts']) {
      const up = file.startsWith('electron/') ? '../../' : '../';
      expect(await rulesFired(file, importing(`${up}db/open`)), file).toContain(RESTRICTED_PATH);
      expect(await rulesFired(file, importing(`${up}services/dispatch`)), file).toEqual([]);
    }
  });

  it('the renderer imports only contract/ (no db/, services, transports or Node built-ins)', async () => {
    for (const spec of ['../../db/open', '../../services/dispatch', '../../webhost/server', '../../cli/run', '../../electron/main/ipc']) {
      expect(await rulesFired('renderer/src/x.ts', importing(spec)), spec).toContain(RESTRICTED_PATH);
    }
    expect(await rulesFired('renderer/src/x.ts', importing('node:fs'))).toContain(RESTRICTED_IMPORT);
    expect(await rulesFired('renderer/src/x.ts', importing('../../contract/contract'))).toEqual([]);
  });

  it('SQL lives in db/ only: no better-sqlite3 import and no .prepare( call anywhere else', async () => {
    const sqlite = "import Database from 'better-sqlite3';\nexport const a = Database;\n";
    const prepare = "export const a = (db: { prepare(s: string): unknown }) => db.prepare('SELECT 1');\n";
    for (const file of ['contract/x.ts', 'services/x.ts', 'services/archive/x.ts', 'cli/x.ts', 'webhost/x.ts', 'renderer/src/x.ts']) {
      expect(await rulesFired(file, sqlite), file).toContain(RESTRICTED_IMPORT);
      expect(await rulesFired(file, prepare), file).toContain(RESTRICTED_SYNTAX);
    }
    expect(await rulesFired('db/x.ts', sqlite)).toEqual([]);
    expect(await rulesFired('db/search/x.ts', prepare)).toEqual([]);
  });

  it('only electron/main and electron/preload import electron', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    for (const path of ['contract/x.ts', 'db/x.ts', 'services/x.ts', 'webhost/x.ts', 'cli/x.ts', 'renderer/src/x.ts']) {
      expect(await rulesFired(path, code), path).toContain(RESTRICTED_IMPORT);
    }
    expect(await rulesFired('electron/main/x.ts', code)).toEqual([]);
    expect(await rulesFired('electron/preload/x.ts', code)).toEqual([]);
  });

  it('test-only packages (playwright-core, vitest) stay out of the desktop app code', async () => {
    for (const name of ['playwright-core', 'vitest']) {
      for (const path of ['services/reports/x.ts', 'electron/main/x.ts', 'webhost/x.ts', 'renderer/src/x.ts']) {
        expect(await rulesFired(path, importing(name)), `${name} in ${path}`).toContain(RESTRICTED_IMPORT);
      }
    }
    // The CLI prints PDFs through the PC's Chromium; it runs from the source tree, never from out/.
    expect(await rulesFired('cli/x.ts', importing('playwright-core'))).toEqual([]);
  });
});
