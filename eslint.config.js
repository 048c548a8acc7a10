import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const NO_ELECTRON = { name: 'electron', message: 'The core and shared code never import electron (docs/design.md §1).' };
const NO_SQLITE = {
  name: 'better-sqlite3',
  message: 'Only the store opens the database; ask it through electron/core/store (electron/core/store/README.md).',
};
// The store is sealed: its files, queries and database handle are private to electron/core/store.
const STORE_SEALED = {
  group: ['**/store/*', '!**/store/index', '!**/store/index.ts', '!**/store/index.js'],
  message: 'Import the store through electron/core/store (its index) only (electron/core/store/README.md).',
};
const STORE = 'electron/core/store/**';
// The CLI is a host like the shell and the web host: it builds the core and calls its services.
const CORE_ENTRY_ONLY = {
  group: ['**/core/*', '!**/core/index', '!**/core/index.ts', '!**/core/index.js'],
  message: 'The CLI reaches the core through electron/core (its index) only (docs/design.md §1).',
};
// Handlers are thin adapters over the services; the services own the store.
const NO_STORE_IN_HANDLERS = { group: ['**/store', '**/store/*'], message: 'Handlers call services, never the store (docs/design.md §1).' };

export default ts.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'bench/results/', 'coverage/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='sendSync']", message: 'No synchronous IPC (docs/design.md §3).' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,svelte}', 'renderer/**/*.svelte.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
  // Later blocks replace the rule's options for the files they match, so each lists all it needs.
  {
    ignores: [STORE],
    rules: { 'no-restricted-imports': ['error', { patterns: [STORE_SEALED] }] },
  },
  {
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,svelte}'],
    ignores: [STORE],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_SQLITE], patterns: [STORE_SEALED] }] },
  },
  {
    files: ['electron/core/**/*.ts', 'shared/**/*.ts'],
    ignores: [STORE],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_ELECTRON, NO_SQLITE], patterns: [STORE_SEALED] }] },
  },
  {
    files: ['electron/core/handlers/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_ELECTRON, NO_SQLITE], patterns: [NO_STORE_IN_HANDLERS] }] },
  },
  {
    files: ['electron/cli/**/*.ts'],
    ignores: ['electron/cli/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_SQLITE], patterns: [STORE_SEALED, CORE_ENTRY_ONLY] }] },
  },
  {
    files: [STORE],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_ELECTRON] }] },
  },
);
