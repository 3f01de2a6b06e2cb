import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    env: { TZ: 'UTC' },
    testTimeout: 20000,
    typecheck: { enabled: false },
  },
});
