import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { RECORDED_PACKAGES } from './src/host-packages.ts';
import { SAMPLE_META } from './src/workers/early-worker.ts';

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

/**
 * Ships the bundled sample already imported with the default settings (src/workers/sample-snapshot.ts),
 * so opening the app does not wait seconds for the sample's order lines to be generated and read.
 * Built by a Node process from the sources, beside index.html; started when the build starts, so
 * it runs while the bundles are made. The page names the file in a meta tag, so its first script
 * can have the worker fetch it before the app asks (src/workers/early-worker.ts).
 */
function sampleSnapshot(): Plugin {
  let snapshot: Promise<{ fileName: string; source: Buffer }> | undefined;
  const make = () =>
    new Promise<{ fileName: string; source: Buffer }>((resolve, reject) => {
      const dir = mkdtempSync(join(tmpdir(), 'tierbook-sample-'));
      const script = `${root}/src/workers/build-sample-snapshot.ts`;
      execFile(process.execPath, ['--import', 'tsx', script, dir], { cwd: root, encoding: 'utf8' }, (error, stdout, stderr) => {
        try {
          if (error) throw new Error(`building the sample snapshot failed: ${stderr || error.message}`);
          const fileName = stdout.trim();
          resolve({ fileName, source: readFileSync(join(dir, fileName)) });
        } catch (failure) {
          reject(failure instanceof Error ? failure : new Error(String(failure)));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    });
  const made = () => (snapshot ??= make());
  return {
    name: 'tierbook-sample-snapshot',
    apply: 'build',
    buildStart() {
      void made().catch(() => {}); // awaited (and its failure reported) below
    },
    transformIndexHtml: {
      order: 'post',
      async handler(_html, { bundle }) {
        if (!bundle) return undefined;
        const { fileName } = await made();
        return [{ tag: 'meta', attrs: { name: SAMPLE_META, content: fileName }, injectTo: 'head' as const }];
      },
    },
    async generateBundle() {
      const { fileName, source } = await made();
      this.emitFile({ type: 'asset', fileName, source });
    },
  };
}

/**
 * The page's entry (src/boot.ts) starts the analytics worker, then imports the app (src/main.ts).
 * So the app's chunks do not wait for the entry to run before they are fetched, the page
 * preloads them (and the app's stylesheet) from the start, as it would for a static import.
 */
function preloadApp(): Plugin {
  const app = `${root}/src/main.ts`;
  return {
    name: 'tierbook-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return undefined;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const main = chunks.find((c) => c.facadeModuleId === app);
        if (!main) return undefined;
        const files = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = chunks.find((c) => c.fileName === fileName);
          if (!chunk || files.has(fileName)) return;
          files.add(fileName);
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          chunk.imports.forEach(visit);
        };
        visit(main.fileName);
        // What Vite already links (the entry's own imports) is not linked twice.
        for (const href of [...files]) if (html.includes(href)) files.delete(href);
        return [
          ...[...styles].map((href) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${href}` }, injectTo: 'head' as const })),
          ...[...files].map((href) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${href}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

export default defineConfig({
  base: './',
  define: {
    __TIERBOOK_VERSION__: JSON.stringify(own.version),
    __TIERBOOK_PACKAGES__: JSON.stringify(Object.fromEntries(RECORDED_PACKAGES.map((n) => [n, versionOf(n)]))),
  },
  plugins: [lazyPlot(), sampleSnapshot(), preloadApp()],
  worker: { format: 'es' },
  optimizeDeps: { include: ['ml-kmeans', 'ml-pca'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
