/**
 * Data path in Chromium: synthetic order lines (CSV) to customer features with the same
 * `importData` the app runs (kind detection, typed load, quality rules, features), in a
 * production build of a bench-only page (bench/browser-data/, built by Vite into a temporary
 * directory and served from there), on the page's main thread. The same call in Node is
 * timed alongside. Medians after one warm-up.
 *
 *   npx tsx bench/browser-data.ts [--sizes 100000,1000000] [--runs 3]
 */
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { importData } from '../src/data/import-data.ts';
import { generateOrders, ordersToCsv } from '../src/data/synthetic/synthetic-orders.ts';
import type { PageImportTimes } from './browser-data/main.ts';

export interface BrowserDataRow {
  lines: number;
  customers: number;
  bytes: number;
  /** Median ms of `importData` in Chromium (production build, main thread). */
  chromiumMs: number;
  /** Median ms of the same call on the same bytes in Node. */
  nodeMs: number;
  runs: number;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.csv': 'text/csv' };

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A static file server of `dir` on a free loopback port. */
export async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    if (!file.startsWith(dir) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the bench server has no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

export async function benchBrowserData(options: { sizes?: number[]; runs?: number; log?: (line: string) => void } = {}): Promise<BrowserDataRow[]> {
  const sizes = options.sizes ?? [100_000, 1_000_000];
  const runs = options.runs ?? 3;
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'tierbook-bench-data-'));
  const rows: BrowserDataRow[] = [];
  try {
    await build({
      configFile: false,
      root: join(import.meta.dirname, 'browser-data'),
      base: './',
      logLevel: 'warn',
      build: { outDir: dir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
    });
    const { server, origin } = await serve(dir);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'], headless: true });
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${origin}/index.html`);
      await page.waitForFunction(() => typeof window.benchImport === 'function');
      for (const size of sizes) {
        const data = generateOrders({ seed: 1, lines: size, customers: Math.round(size / 20) });
        const text = ordersToCsv(data);
        data.rows.length = 0;
        const name = `orders-${size}.csv`;
        writeFileSync(join(dir, name), text);
        const bytes = new TextEncoder().encode(text);
        const page_: PageImportTimes = await page.evaluate(([url, n]) => window.benchImport(url, n), [`${origin}/${name}`, runs] as [string, number]);
        const nodeTimes: number[] = [];
        for (let r = 0; r <= runs; r++) {
          const t = performance.now();
          await importData(bytes, 'orders.csv');
          if (r > 0) nodeTimes.push(performance.now() - t);
        }
        rmSync(join(dir, name));
        const row: BrowserDataRow = { lines: size, customers: page_.customers, bytes: page_.bytes, chromiumMs: median(page_.times), nodeMs: median(nodeTimes), runs };
        rows.push(row);
        log(`importData ${size.toLocaleString('en-US')} lines (${(row.bytes / 1e6).toFixed(0)} MB CSV) to ${row.customers.toLocaleString('en-US')} customers: Chromium ${Math.round(row.chromiumMs)} ms [${page_.times.map(Math.round).join(', ')}], Node ${Math.round(row.nodeMs)} ms [${nodeTimes.map(Math.round).join(', ')}]`);
      }
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const rows = await benchBrowserData({ sizes: arg('sizes')?.split(',').map(Number), runs: arg('runs') ? Number(arg('runs')) : undefined, log: (l) => console.log(l) });
  console.table(rows);
}
