#!/usr/bin/env node
/**
 * Builds the `tierbook` command to JavaScript in build/cli/ (run by `npm install` / `npm ci`
 * through the `prepare` script, and by `npm run build:cli`), so the command never compiles
 * TypeScript at start-up.
 *
 * esbuild, not Vite's rolldown: esbuild is already installed (tsx runs on it), it strips types
 * and bundles the command's ~150 modules in well under a second with no config file, and its
 * metafile lists the inputs, which bin/tierbook.mjs uses to notice a build older than the
 * sources. Packages in node_modules stay external (resolved from the project at run time), and
 * code splitting keeps `tierbook --help` from loading any command's modules.
 *
 *   node scripts/build-cli.mjs [--outdir build/cli]
 */
import { build } from 'esbuild';
import { performance } from 'node:perf_hooks';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const at = process.argv.indexOf('--outdir');
// The output sits two folders below the root, like src/cli, so `ROOT` in io.ts resolves alike.
const outdir = at > 0 ? resolve(process.argv[at + 1]) : join(root, 'build', 'cli');

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const started = performance.now();
const builtAt = Date.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts', 'task-worker': 'src/cli/task-worker.ts', 'parse-worker': 'src/cli/parse-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  // Chunks sit beside main.js (no subfolder): io.ts finds the project two folders above its own file.
  chunkNames: '[name]-[hash]',
});
const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/')).sort();
// bin/tierbook.mjs compares these files' modification times with the build's.
writeFileSync(join(outdir, 'inputs.json'), `${JSON.stringify({ builtAt, inputs })}\n`);
console.log(`tierbook command built into ${outdir} (${inputs.length} modules, ${Math.round(performance.now() - started)} ms)`);
