import { relative, sep } from 'node:path';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';
import { importProblem, layerOf, ROOT } from './build/layers.mjs';

// The layer map (build/layers.mjs) is the one table of which code may import which; this rule
// checks every import, type-only and dynamic ones included, of every linted file against it.
const layers = {
  rules: {
    imports: {
      meta: { type: 'problem', docs: { description: 'Imports follow the layer map (build/layers.mjs, docs/design.md §1).' }, schema: [] },
      create(context) {
        const from = relative(ROOT, context.filename).split(sep).join('/');
        if (!layerOf(from)) {
          return { Program: (node) => context.report({ node, message: `${from} is in no layer of build/layers.mjs.` }) };
        }
        const check = (source) => {
          if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
          const problem = importProblem(from, source.value);
          if (problem) context.report({ node: source, message: problem });
        };
        return {
          ImportDeclaration: (node) => check(node.source),
          ExportNamedDeclaration: (node) => check(node.source),
          ExportAllDeclaration: (node) => check(node.source),
          ImportExpression: (node) => check(node.source),
          // typescript-eslint names the `import('x')` type's specifier `source` (formerly `argument`).
          TSImportType: (node) => check(node.source),
          TSExternalModuleReference: (node) => check(node.expression),
          "CallExpression[callee.type='Identifier'][callee.name='require']": (node) => check(node.arguments[0]),
        };
      },
    },
  },
};

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
  {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts,svelte}'],
    plugins: { layers },
    rules: { 'layers/imports': 'error' },
  },
);
