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

describe('layering rules of DESIGN.md §1 are enforced by lint', () => {
  it('the renderer may not import db/, services or Node built-ins', async () => {
    expect(await rulesFired('renderer/src/x.ts', "import { openArchive } from '../../db/open';\nexport const a = openArchive;\n")).toContain(
      'import-x/no-restricted-paths',
    );
    expect(await rulesFired('renderer/src/x.ts', "import { createHandlers } from '../../electron/services/handlers';\nexport const a = createHandlers;\n")).toContain(
      'import-x/no-restricted-paths',
    );
    expect(await rulesFired('renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toContain('no-restricted-imports');
  });

  it('only electron/main and electron/preload import electron', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    for (const path of ['db/x.ts', 'electron/services/x.ts', 'electron/host/x.ts', 'electron/cli/x.ts', 'renderer/src/x.ts']) {
      expect(await rulesFired(path, code), path).toContain('no-restricted-imports');
    }
    expect(await rulesFired('electron/main/x.ts', code)).not.toContain('no-restricted-imports');
  });

  it('the contract and db/ do not reach up into the layers above them', async () => {
    expect(await rulesFired('electron/shared/x.ts', "import { openArchive } from '../../db/open';\nexport const a = openArchive;\n")).toContain(
      'import-x/no-restricted-paths',
    );
    expect(await rulesFired('db/x.ts', "import { startWebHost } from '../electron/host/server';\nexport const a = startWebHost;\n")).toContain(
      'import-x/no-restricted-paths',
    );
  });

  it('allowed imports stay allowed (the renderer may use the contract)', async () => {
    expect(await rulesFired('renderer/src/x.ts', "import { contract } from '../../electron/shared/contract';\nexport const a = contract;\n")).toEqual([]);
  });
});
