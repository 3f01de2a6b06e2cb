/**
 * Bootstrap stability through the notebook, in Chromium: the built app (dist/, `npm run build`
 * first) on the bundled sample's 5,000 customers with the notebook's defaults (k-means k = 4,
 * its restarts, 100 replicates), the bootstrap cell run as its Run button runs it, in the
 * notebook's background worker lane. Reports the wall time of each run (Run to result on the
 * page) and, for responsiveness, the longest main-thread task meanwhile (Long Tasks API: tasks
 * over 50 ms; 0 when there was none) and the longest gap between main-thread ticks scheduled
 * every 16 ms.
 *
 *   npx tsx bench/browser-robustness.ts [--runs 3]
 */
import { pathToFileURL } from 'node:url';
// @ts-expect-error plain ESM helper shared with the browser tests
import { idle, openPage, start } from '../tests/e2e/harness.mjs';
import type { Page } from 'playwright-core';

export interface BrowserRobustnessRow {
  customers: number;
  replicates: number;
  /** Median ms from Run to the bootstrap's result on the page, in Chromium. */
  chromiumMs: number;
  /** Longest main-thread task during the runs (ms; tasks under 50 ms are not reported, so 0 = none). */
  longestTaskMs: number;
  /** Longest gap between main-thread ticks (every 16 ms) during the runs. */
  longestTickGapMs: number;
  /** Progress reports the cell received in the last run. */
  progressMessages: number;
  runs: number;
}

/** What one run measured in the page. */
interface PageRun {
  ms: number;
  longestTaskMs: number;
  longestTickGapMs: number;
  progress: number;
  status: string;
  replicates: number;
  customers: number;
}

type BenchWindow = {
  tierbook: {
    engine: {
      run(name: string): Promise<void>;
      state(name: string): { status: string; value?: { result: { replicates: number }; labels: ArrayLike<number> } };
      onState(l: (n: string, s: { status: string; progress?: unknown }) => void): () => void;
    };
  };
};

/** Runs the bootstrap cell once, measuring in the page. */
function runOnce(page: Page): Promise<PageRun> {
  return page.evaluate(async () => {
    const { engine } = (window as unknown as BenchWindow).tierbook;
    let longestTaskMs = 0;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, e.duration);
    });
    observer.observe({ type: 'longtask' });
    let longestTickGapMs = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestTickGapMs = Math.max(longestTickGapMs, now - last);
      last = now;
    }, 16);
    let progress = 0;
    const off = engine.onState((name, s) => {
      if (name === 'bootstrap' && s.status === 'running' && s.progress) progress++;
    });
    const t = performance.now();
    await engine.run('bootstrap');
    const ms = performance.now() - t;
    off();
    clearInterval(ticker);
    // entries of the last tasks arrive asynchronously
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    const s = engine.state('bootstrap');
    return { ms, longestTaskMs, longestTickGapMs, progress, status: s.status, replicates: s.value?.result.replicates ?? 0, customers: s.value?.labels.length ?? 0 };
  });
}

export async function benchBrowserRobustness(options: { runs?: number; log?: (line: string) => void } = {}): Promise<BrowserRobustnessRow[]> {
  const runs = options.runs ?? 3;
  const log = options.log ?? (() => {});
  const env = await start();
  try {
    const { page, context } = await openPage(env, '/', { viewport: { width: 1400, height: 900 } });
    await page.waitForFunction(() => (window as unknown as BenchWindow).tierbook?.engine.state('clustering').status === 'ok', null, { timeout: 60_000 });
    await idle(page);
    const measured: PageRun[] = [];
    for (let r = 0; r <= runs; r++) {
      const run = await runOnce(page);
      if (run.status !== 'ok') throw new Error(`the bootstrap cell ended ${run.status}`);
      if (r > 0) measured.push(run); // the first run warms up the worker's code
    }
    await context.close();
    const times = measured.map((m) => m.ms);
    const sorted = [...times].sort((a, b) => a - b);
    const row: BrowserRobustnessRow = {
      customers: measured[0].customers,
      replicates: measured[0].replicates,
      chromiumMs: sorted.length % 2 ? sorted[sorted.length >> 1] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2,
      longestTaskMs: Math.max(...measured.map((m) => m.longestTaskMs)),
      longestTickGapMs: Math.max(...measured.map((m) => m.longestTickGapMs)),
      progressMessages: measured[measured.length - 1].progress,
      runs,
    };
    log(
      `bootstrap ${row.replicates} replicates on ${row.customers.toLocaleString('en-US')} customers through the notebook's worker in Chromium: ${Math.round(row.chromiumMs)} ms [${times.map(Math.round).join(', ')}]; longest main-thread task ${Math.round(row.longestTaskMs)} ms, longest tick gap ${Math.round(row.longestTickGapMs)} ms; ${row.progressMessages} progress reports`,
    );
    return [row];
  } finally {
    await env.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--runs');
  console.table(await benchBrowserRobustness({ runs: i > 0 ? Number(process.argv[i + 1]) : undefined, log: (l) => console.log(l) }));
}
