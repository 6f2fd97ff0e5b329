// Lint also enforces the layering of DESIGN.md §1 (import-x/no-restricted-paths below).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const NODE_BUILTIN = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib', 'worker_threads'];

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
            // The renderer sees the archive only through the contract in electron/shared.
            { target: './renderer', from: './db', message: 'renderer must go through the contract (electron/shared).' },
            { target: './renderer', from: './electron/services' },
            { target: './renderer', from: './electron/main' },
            { target: './renderer', from: './electron/host' },
            { target: './renderer', from: './electron/cli' },
            { target: './renderer', from: './electron/preload' },
            // The contract is the bottom layer: pure TypeScript + zod.
            { target: './electron/shared', from: ['./db', './electron/services', './electron/main', './electron/host', './electron/cli', './renderer'] },
            // The data layer never depends on the app layers above it.
            { target: './db', from: ['./electron/services', './electron/main', './electron/host', './electron/cli', './electron/preload', './renderer'] },
            { target: './electron/services', from: ['./electron/main', './electron/host', './electron/cli', './renderer'] },
          ],
        },
      ],
    },
  },
  {
    // Only electron/main and electron/preload may import the `electron` module.
    files: ['db/**', 'electron/shared/**', 'electron/services/**', 'electron/host/**', 'electron/cli/**', 'renderer/**', 'bench/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/main and electron/preload import electron.' }] }],
    },
  },
  {
    files: ['renderer/**', 'electron/shared/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electron/main and electron/preload import electron.' }],
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
