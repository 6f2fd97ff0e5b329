// Lint enforces the layering of docs/ARCHITECTURE.md (import-x/no-restricted-paths and the rules below);
// test/unit/layering.test.ts proves each arrow fires.
//
//   contract/  ←  db/  ←  services/  ←  transports (electron/, webhost/, cli/)
//        ↖______________________________________________________ renderer/
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const NODE_BUILTIN = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib', 'worker_threads'];
const TRANSPORTS = ['./electron', './webhost', './cli'];
const ONLY_ELECTRON = { name: 'electron', message: 'Only electron/main and electron/preload import electron.' };
const ONLY_DB_SQLITE = { name: 'better-sqlite3', message: 'SQL lives in db/ only: add a repository function there and call it.' };
// Test-only packages never reach product code (they would be bundled into out/).
const TEST_ONLY = ['playwright-core', 'vitest'].map((name) => ({ name, message: 'Test-only package: not in product code.' }));
/** A `.prepare(` call outside db/ is SQL outside db/. */
const NO_PREPARE = {
  selector: "CallExpression[callee.property.name='prepare']",
  message: 'SQL lives in db/ only: add a repository function there and call it.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'db/migrations/**', 'coverage/**', '.scratch/**', 'bench/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'import-x': importX },
    // The zones below only apply to imports the plugin can resolve: extensionless .ts paths need this.
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // 1. The contract is the bottom layer: pure TypeScript + zod, imports nothing of the project.
            {
              target: './contract',
              from: ['./db', './services', ...TRANSPORTS, './renderer'],
              message: 'contract/ is the bottom layer: it imports nothing above it.',
            },
            // 2. db/ sees only the contract.
            { target: './db', from: ['./services', ...TRANSPORTS, './renderer'], message: 'db/ imports only contract/.' },
            // 3. Services see db/ and the contract, never a transport or the UI.
            { target: './services', from: [...TRANSPORTS, './renderer'], message: 'services/ import only db/ and contract/.' },
            // 4. Transports are thin: they call the services' dispatcher, never db/ directly.
            ...TRANSPORTS.map((t) => ({ target: t, from: ['./db', './renderer'], message: 'A transport calls the dispatcher (services/), never db/.' })),
            // 5. The renderer sees the archive only through the contract.
            {
              target: './renderer',
              from: ['./db', './services', ...TRANSPORTS],
              message: 'renderer/ imports only contract/ (and calls it through renderer/src/api/client.ts).',
            },
          ],
        },
      ],
      'no-restricted-imports': ['error', { paths: [ONLY_ELECTRON, ONLY_DB_SQLITE, ...TEST_ONLY] }],
      'no-restricted-syntax': ['error', NO_PREPARE],
    },
  },
  {
    // db/ is the one place with SQL.
    files: ['db/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ONLY_ELECTRON, ...TEST_ONLY] }],
      'no-restricted-syntax': 'off',
    },
  },
  {
    // The desktop shell may import electron; it loads better-sqlite3's Electron build for db/ (nativeBinding.ts).
    files: ['electron/main/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: TEST_ONLY }] },
  },
  {
    // The CLI (and the web host it starts) renders PDFs with the PC's own Chromium through playwright-core;
    // the CLI runs from the source tree and is never bundled into the desktop app (out/).
    files: ['cli/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [ONLY_ELECTRON, ONLY_DB_SQLITE, ...TEST_ONLY.filter((p) => p.name !== 'playwright-core')] }] },
  },
  {
    // Tests, benchmarks and dev scripts may use anything below them (tests reach into db/ to set up and to check).
    files: ['test/**', 'bench/**', 'scripts/**', '*.config.{ts,js}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ONLY_ELECTRON] }],
      'no-restricted-syntax': 'off',
    },
  },
  {
    files: ['test/unit/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**', 'contract/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ONLY_ELECTRON, ONLY_DB_SQLITE, ...TEST_ONLY],
          patterns: [{ group: NODE_BUILTIN, message: 'No Node built-ins here: this code runs in the browser / is pure.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
