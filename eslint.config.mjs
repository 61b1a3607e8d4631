import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layers (docs/architecture.md): only src/editor/ talks to VS Code; the core runs in plain Node (CLI,
// unit tests, workers); core/util is the floor and imports nothing else from the core.
const noVscode = { name: 'vscode', message: 'Only src/editor/ may import vscode: the core and the CLI run in plain Node.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'bench/data/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts', 'src/archive/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noVscode], patterns: [{ group: ['**/editor/**', '**/editor'], message: 'The core, the archive and the CLI may not depend on src/editor/.' }] }],
    },
  },
  {
    // The archive (PostgreSQL) builds on the core; the core never needs a database.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode, { name: 'pg', message: 'Only src/archive/ talks to PostgreSQL.' }],
          patterns: [
            { group: ['**/editor/**', '**/editor'], message: 'The core and the CLI may not depend on src/editor/.' },
            { group: ['**/archive/**', '**/archive'], message: 'The core may not depend on src/archive/ (the archive imports the core).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/util/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noVscode], patterns: [{ group: ['../*', '!../util', '!../util/**'], message: 'core/util is the floor: it imports nothing else from the core.' }] },
      ],
    },
  },
  {
    files: ['src/core/extract/quotes/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [{ group: ['**/mentions/*', '!**/mentions/index'], message: 'Quote extraction reads mentions through extract/mentions/index.ts, not its internals.' }],
        },
      ],
    },
  },
);
