import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'out/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: "import { z } from 'src/data/zod.ts': it turns off zod's eval probe, which the app's CSP forbids." }] },
      ],
    },
  },
  {
    files: ['src/analytics/**/*.ts', 'src/data/**/*.ts', 'src/config/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['lit', 'lit/*', '@observablehq/*', '**/ui/**', '**/runtime/**'], message: 'analytics, data and config are pure: no DOM, Lit, Plot or runtime.' },
          ],
          paths: [{ name: 'zod', message: "import { z } from './zod.ts' (src/data/zod.ts): it turns off zod's eval probe, which the app's CSP forbids." }],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage'],
    },
  },
  {
    files: ['**/*.mjs', 'bin/**', 'scripts/**'],
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'URL', 'fetch', 'setTimeout', 'clearTimeout', 'TextDecoder', 'TextEncoder'].map((g) => [g, 'readonly']),
      ),
    },
  },
  {
    // Browser tests: callbacks passed to page.evaluate run in the page.
    files: ['tests/e2e/**'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly', location: 'readonly', performance: 'readonly', requestAnimationFrame: 'readonly' } },
  },
  // The one place zod is imported (and configured).
  { files: ['src/data/zod.ts'], rules: { 'no-restricted-imports': 'off' } },
);
