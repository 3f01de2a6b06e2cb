/**
 * Bootstrap stability in Chromium, in a dedicated Web Worker (as the notebook's background lane
 * runs it), on the bundled sample's 5,000 customers with the notebook's defaults: 100
 * replicates, k-means k = 4, the notebook's restarts. A production build of a bench-only page
 * (bench/browser-robustness/), served from a temporary directory. Also reports the longest gap
 * between main-thread ticks meanwhile (the page stays responsive when it stays near 16 ms).
 *
 *   npx tsx bench/browser-robustness.ts [--runs 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { DEFAULT_RESTARTS } from '../src/analytics/cluster/cluster.ts';
import { prepare } from '../src/analytics/prepare/prepare.ts';
import { buildCustomerFeatures } from '../src/data/features/customer-features.ts';
import { loadSampleOrders } from '../src/data/synthetic/sample-orders.ts';
import { serve } from './browser-data.ts';
import type { PageBootstrapTimes } from './browser-robustness/main.ts';

export interface BrowserRobustnessRow {
  customers: number;
  replicates: number;
  /** Median ms, worker start to result, in Chromium. */
  chromiumMs: number;
  /** Longest gap between main-thread ticks (every 16 ms) during the runs. */
  longestTickGapMs: number;
  progressMessages: number;
  runs: number;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function benchBrowserRobustness(options: { runs?: number; log?: (line: string) => void } = {}): Promise<BrowserRobustnessRow[]> {
  const runs = options.runs ?? 3;
  const log = options.log ?? (() => {});
  const sample = await loadSampleOrders();
  const features = buildCustomerFeatures(sample.lines);
  const { matrix } = prepare(features.columns, {
    features: ['revenue', 'order_frequency', 'gross_margin_pct', 'cts_pct', 'returns_rate'],
    transform: 'log1p',
    scaling: 'zscore',
  });
  const spec = { cluster: { algorithm: 'kmeans' as const, k: 4, seed: 42, restarts: DEFAULT_RESTARTS }, replicates: 100 };
  const dir = mkdtempSync(join(tmpdir(), 'tierbook-bench-robustness-'));
  try {
    await build({
      configFile: false,
      root: join(import.meta.dirname, 'browser-robustness'),
      base: './',
      logLevel: 'warn',
      worker: { format: 'es' },
      build: { outDir: dir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
    });
    const { server, origin } = await serve(dir);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'], headless: true });
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${origin}/index.html`);
      await page.waitForFunction(() => typeof window.benchBootstrap === 'function');
      const plain = { n: matrix.n, d: matrix.d, data: Array.from(matrix.data) };
      const r: PageBootstrapTimes = await page.evaluate(([m, s, n]) => window.benchBootstrap(m, s, n), [plain, spec, runs] as const);
      const sorted = [...r.times].sort((a, b) => a - b);
      const row: BrowserRobustnessRow = {
        customers: matrix.n,
        replicates: spec.replicates,
        chromiumMs: sorted.length % 2 ? sorted[sorted.length >> 1] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2,
        longestTickGapMs: r.longestTickGapMs,
        progressMessages: r.progressMessages,
        runs,
      };
      log(`bootstrap ${row.replicates} replicates on ${row.customers.toLocaleString('en-US')} customers in a Chromium worker: ${Math.round(row.chromiumMs)} ms [${r.times.map(Math.round).join(', ')}]; longest main-thread gap ${Math.round(row.longestTickGapMs)} ms; ${row.progressMessages} progress messages`);
      return [row];
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--runs');
  console.table(await benchBrowserRobustness({ runs: i > 0 ? Number(process.argv[i + 1]) : undefined, log: (l) => console.log(l) }));
}
