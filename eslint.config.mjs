// Flat config: typescript-eslint's recommended rules, plus the architecture's one hard seam:
// the core, planner, simulator, linter and Azure layer must never import `vscode`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const pureFolders = ['src/core/**', 'src/readiness/**', 'src/lint/**', 'src/simulator/**', 'src/azure/**', 'src/cli/**', 'src/shared/**'];

export default tseslint.config(
  { ignores: ['**/*.generated.ts', 'out/**', 'dist/**', 'node_modules/**', '.cache/**', '.test-artifacts/**', 'bin/**', 'scripts/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: pureFolders,
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Core code runs in plain Node: no vscode import (design.md).' }] }],
    },
  },
);
