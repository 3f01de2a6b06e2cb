import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { RECORDED_PACKAGES } from './src/host-packages.ts';

const root = import.meta.dirname;
const versionOf = (name: string): string =>
  (JSON.parse(readFileSync(`${root}/node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
const own = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version: string };

/**
 * Keeps Plot out of the first bundle: every `@observablehq/plot` import of the app resolves to a
 * module of forwarders (one per function Plot exports, see src/ui/charts/plot-loader.ts), and
 * only the loader imports Plot itself, with `import()`. Chart modules stay as they are; Node and
 * the tests (vitest.config.ts) import Plot directly.
 */
function lazyPlot(): Plugin {
  const forwarders = '\0tierbook-lazy-plot';
  const loader = `${root}/src/ui/charts/plot-loader.ts`;
  return {
    name: 'tierbook-lazy-plot',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '@observablehq/plot' && importer !== loader) return forwarders;
      return undefined;
    },
    async load(id) {
      if (id !== forwarders) return undefined;
      const plot = (await import('@observablehq/plot')) as Record<string, unknown>;
      // Plot's two non-function exports (identity, indexOf) are transform objects the charts do
      // not use; a chart that starts to fails the build on the missing export.
      const names = Object.keys(plot).filter((n) => typeof plot[n] === 'function');
      return [
        `import { plotForwarder } from ${JSON.stringify(loader)};`,
        ...names.map((n) => `export const ${n} = /*#__PURE__*/ plotForwarder(${JSON.stringify(n)});`),
      ].join('\n');
    },
  };
}

export default defineConfig({
  base: './',
  define: {
    __TIERBOOK_VERSION__: JSON.stringify(own.version),
    __TIERBOOK_PACKAGES__: JSON.stringify(Object.fromEntries(RECORDED_PACKAGES.map((n) => [n, versionOf(n)]))),
  },
  plugins: [lazyPlot()],
  worker: { format: 'es' },
  optimizeDeps: { include: ['ml-kmeans', 'ml-pca'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
