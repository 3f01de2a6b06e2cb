import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { RECORDED_PACKAGES } from './src/host-packages.ts';

const root = import.meta.dirname;
const versionOf = (name: string): string =>
  (JSON.parse(readFileSync(`${root}/node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
const own = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version: string };

export default defineConfig({
  base: './',
  define: {
    __TIERBOOK_VERSION__: JSON.stringify(own.version),
    __TIERBOOK_PACKAGES__: JSON.stringify(Object.fromEntries(RECORDED_PACKAGES.map((n) => [n, versionOf(n)]))),
  },
  worker: { format: 'es' },
  optimizeDeps: { include: ['ml-kmeans', 'ml-pca'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
