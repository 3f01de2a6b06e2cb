/**
 * Browser benchmark in Debian's Chromium against the production build (`npm run build` first):
 * the time from a weight-slider change to the repainted PCA chart, on 50,000 customers.
 * The scatter follows the slider live (PCA of the prepared matrix); k-means waits for the
 * release, so both are reported: "live repaint" and "settled recolour" (k-means in the worker).
 * While the slider is pressed and moved, the Long Tasks API records every main-thread task over
 * 50 ms: "a drag never stutters" means none (the longest is reported, 0 when there was none).
 *
 * With `--opening`: the first chart on a cold cache and the settle time after a change of
 * features, k and scaling on the sample (`benchOpening`).
 *
 *   npx tsx bench/browser.ts [--customers 50000] [--runs 7]
 *   npx tsx bench/browser.ts --opening [--runs 5]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { customersToCsv, generateCustomers } from '../src/data/synthetic/synthetic-customers.ts';
// @ts-expect-error plain ESM helper shared with the browser tests
import { start } from '../tests/e2e/harness.mjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface BrowserBenchRow {
  customers: number;
  /** Ms from navigation (cold cache) to the first scatter painted on the bundled sample, one run. */
  firstChartMs: number;
  /** Median ms from a drag step of a weight slider to the repainted scatter (live PCA, previous colours). */
  liveRepaintMs: number;
  /** Median ms from releasing the slider to the scatter recoloured by the new k-means clustering. */
  settledRecolourMs: number;
  /** Runs whose release produced a recolour (see `dragOnce`); the median is over these. */
  settledRuns: number;
  /** Main-thread tasks over 50 ms (Long Tasks API) from pressing the thumb to the repaint after a drag step, over all runs; each drag starts on a settled notebook; the release is excluded. */
  dragLongTasks: number;
  /** The longest of them in ms; 0 when there was none. */
  dragLongestTaskMs: number;
  /** The longest main-thread task from releasing the thumb until the notebook has settled (the clustering and what follows it), over all runs. */
  releaseLongestTaskMs: number;
  runs: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

type ProbeWindow = {
  longTasks: number[];
  tierbook: { engine: { onState(l: (n: string, s: { status: string; version: number }) => void): () => void } };
  probe: Promise<number>;
  probeStart: number;
};

/** Arms a probe: resolves with ms from `probeStart` to the paint after the next scatter repaint (after `after`, if given). */
async function armProbe(page: Page, after?: string): Promise<void> {
  await page.evaluate((after) => {
    const w = window as unknown as ProbeWindow;
    w.probe = new Promise((resolve) => {
      let ready = after === undefined;
      const off = w.tierbook.engine.onState((name, state) => {
        if (name === after && state.status === 'ok') ready = true;
        if (ready && name === 'scatter' && state.status === 'ok') {
          off();
          // two frames: the view is mounted, laid out and painted
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - w.probeStart)));
        }
      });
    });
    w.probeStart = performance.now();
  }, after);
}

const probeResult = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as ProbeWindow).probe);

/** Starts recording main-thread tasks over 50 ms into `window.longTasks` (cleared). */
async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as ProbeWindow & { longTaskObserver?: PerformanceObserver };
    w.longTasks = [];
    if (w.longTaskObserver) return;
    w.longTaskObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    });
    w.longTaskObserver.observe({ type: 'longtask' });
  });
}

/** The long tasks recorded since `recordLongTasks` (after the observer has delivered them). */
async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(
    () => new Promise<number[]>((resolve) => setTimeout(() => resolve([...(window as unknown as ProbeWindow).longTasks]), 0)),
  );
}

/** Waits until no cell that runs on change is pending or running (deferred cells included). */
async function quiet(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const engine = (window as unknown as { tierbook: { engine: { nodes: readonly { kind: string; name: string; trigger?: string }[]; state(n: string): { status: string } } } }).tierbook.engine;
      return engine.nodes.every((n) => n.kind !== 'cell' || n.trigger !== 'change' || !['pending', 'running'].includes(engine.state(n.name).status));
    },
    undefined,
    { timeout: 120_000 },
  );
}

/**
 * One drag of the cts_pct weight slider, on a settled notebook (what the previous release started
 * has finished): the mouse moves the thumb (live `input` events, the scatter follows from the live
 * PCA), then releases it (commit: k-means reruns in the worker and the scatter is recoloured).
 * Returns [live repaint ms, release-to-recolour ms, long tasks during the drag, long tasks from
 * the release until the notebook has settled].
 */
async function dragOnce(page: Page, direction: 1 | -1): Promise<[number, number, number[], number[]]> {
  await quiet(page);
  const slider = page.getByRole('slider', { name: /cts_pct/ });
  const box = await slider.boundingBox();
  if (!box) throw new Error('the cts_pct weight slider is not visible');
  const value = Number(await slider.inputValue());
  const x = box.x + (box.width * value) / 5; // weights run from 0 to 5
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await recordLongTasks(page);
  await page.mouse.down();
  await armProbe(page);
  await page.mouse.move(x + direction * box.width * 0.06, y, { steps: 1 });
  const live = await probeResult(page);
  const tasks = await longTasks(page);
  await armProbe(page, 'clustering');
  await recordLongTasks(page);
  await page.mouse.up();
  // On a loaded machine the repaint can outlast the engine's pause-commit: clustering then ran
  // before the release and nothing recolours on it. That run yields no release figure (NaN).
  const settled = await Promise.race([probeResult(page), page.waitForTimeout(20_000).then(() => Number.NaN)]);
  await quiet(page);
  return [live, settled, tasks, await longTasks(page)];
}

/**
 * Watches, from navigation on, for the scatter drawn in its frame (an SVG or a canvas, so the
 * chart library has loaded too): at the first animation frame that finds it, that frame paints
 * it; `window.firstChartAt` is then set to its time. In the page, measured there, so a long task
 * right after the paint (a deferred tier table) or the bench's own round trips are not counted.
 */
const FIRST_CHART_WATCH = `(() => {
  const look = () => {
    const frame = document.querySelector('tb-notebook')?.shadowRoot?.querySelector('#cell-scatter');
    if (frame?.querySelector('svg, canvas')) window.firstChartAt = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

/** A fresh context (empty cache) with the first-chart watch, and a page opened on the app. */
async function coldPage(env: { origin: string; browser: Browser }): Promise<{ page: Page; context: BrowserContext }> {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(FIRST_CHART_WATCH);
  const page = await context.newPage();
  await page.goto(`${env.origin}/`);
  return { page, context };
}

/** Ms from navigation to the frame that first painted the scatter (see `FIRST_CHART_WATCH`). */
export async function firstChart(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as { firstChartAt?: number }).firstChartAt, undefined, { timeout: 120_000 });
  return (await handle.jsonValue()) as number;
}

export async function benchBrowser(options: { customers?: number; runs?: number } = {}): Promise<BrowserBenchRow[]> {
  const customers = options.customers ?? 50_000;
  const runs = options.runs ?? 7;
  const dir = mkdtempSync(join(tmpdir(), 'tierbook-bench-'));
  const file = join(dir, `customers-${customers}.csv`);
  writeFileSync(file, customersToCsv(generateCustomers({ customers, seed: 7 })));
  const env = await start();
  try {
    const { page, context } = await coldPage(env);
    const firstChartMs = await firstChart(page);
    await page.locator('tb-file-picker input[type=file]').first().setInputFiles(file);
    await page.waitForFunction(
      (n: number) => {
        const e = (window as unknown as { tierbook: { engine: { state(n: string): { status: string; value?: { labels?: Int32Array } } } } }).tierbook.engine;
        const s = e.state('clustering');
        return s.status === 'ok' && s.value?.labels?.length === n;
      },
      customers,
      { timeout: 120_000 },
    );
    await page.getByRole('slider', { name: /cts_pct/ }).scrollIntoViewIfNeeded();
    const live: number[] = [];
    const settled: number[] = [];
    const long: number[] = [];
    const afterRelease: number[] = [];
    for (let r = 0; r < runs + 1; r++) {
      const [l, s, tasks, releaseTasks] = await dragOnce(page, r % 2 ? -1 : 1);
      await page.waitForTimeout(300);
      if (r > 0) {
        live.push(l);
        settled.push(s);
        long.push(...tasks);
        afterRelease.push(...releaseTasks);
      }
    }
    await context.close();
    return [
      {
        customers,
        firstChartMs: Math.round(firstChartMs),
        liveRepaintMs: median(live),
        settledRecolourMs: median(settled.filter((v) => !Number.isNaN(v))),
        settledRuns: settled.filter((v) => !Number.isNaN(v)).length,
        dragLongTasks: long.length,
        dragLongestTaskMs: Math.round(Math.max(0, ...long)),
        releaseLongestTaskMs: Math.round(Math.max(0, ...afterRelease)),
        runs,
      },
    ];
  } finally {
    await env.close();
  }
}

/** One settled change on the sample and how long the notebook took to settle after it. */
export interface SettleRow {
  /** The input changed, and to what. */
  change: string;
  /** Median ms from the change to the moment no cell that runs on change is pending or running. */
  settleMs: number;
  /** The settle times of each run. */
  runsMs: number[];
  /** Median over runs of the longest wait, among frames running for over 200 ms, from a frame first seen running to it showing a progress bar and Cancel; null when none ran that long. */
  progressMs: number | null;
  /** Frames running for over 200 ms that never showed a progress bar and Cancel, in any run. */
  withoutProgress: string;
  /** The cells that settled last in the median run, with when (ms after the change) and their own run time. */
  last: string;
}

/** Opening and settling: first chart on a cold cache (each run a fresh context) and the settle time after a change. */
export interface OpeningBenchRow {
  /** Median ms from navigation to the first scatter drawn, over `runs` fresh contexts. */
  firstChartMs: number;
  firstChartRunsMs: number[];
  settle: SettleRow[];
}

type SettleWindow = {
  tierbook: {
    engine: {
      nodes: readonly { kind: string; name: string; trigger?: string }[];
      state(n: string): { status: string; ms?: number; value?: unknown };
      getInput(n: string): unknown;
      setInput(n: string, v: unknown): void;
      onState(l: (n: string, s: { status: string; ms?: number }) => void): () => void;
    };
  };
};

/**
 * In the page: sets one input (committed) and resolves once no cell that runs on change has been
 * pending or running for 300 ms (on-demand cells left out; deferred cells in); the settle time is
 * when the last of them stopped. Also watches the frames each animation frame: every frame
 * running for over 200 ms should show a progress bar and a Cancel button; it reports the longest
 * wait from a frame showing as running to showing them, and the frames that never did (a cell that computes on the main
 * thread cannot paint one while it runs).
 */
function settleAfter([name, value]: [string, unknown]): Promise<{ settleMs: number; progressMs: number | null; without: string[]; last: [string, number, number][] }> {
  const engine = (window as unknown as SettleWindow).tierbook.engine;
  const cells = engine.nodes.filter((n) => n.kind === 'cell' && n.trigger === 'change').map((n) => n.name);
  const busy = () => cells.some((n) => ['pending', 'running'].includes(engine.state(n).status));
  const settled = new Map<string, [number, number]>();
  let lastEvent = 0;
  const t0 = performance.now();
  const off = engine.onState((n, s) => {
    lastEvent = performance.now();
    if (s.status === 'ok' || s.status === 'error') settled.set(n, [lastEvent - t0, s.ms ?? 0]);
  });
  // Frame id -> [first seen running, last seen running, first seen with progress and Cancel] (ms after the change).
  const watch = new Map<string, [number, number, number | null]>();
  const look = () => {
    const now = performance.now() - t0;
    for (const f of document.querySelector('tb-notebook')?.shadowRoot?.querySelectorAll('tb-cell-frame') ?? []) {
      const root = f.shadowRoot;
      const status = root?.querySelector('[data-status]')?.getAttribute('data-status');
      // Running as the frame shows it (a frame waiting on a hidden cell that runs shows that run).
      if (status !== 'running') continue;
      const shows = !!root?.querySelector('progress') && !!root?.querySelector('button.cancel');
      const seen = watch.get(f.id) ?? [now, now, null];
      watch.set(f.id, [seen[0], now, seen[2] ?? (shows ? now : null)]);
    }
  };
  engine.setInput(name, value);
  return new Promise((resolve) => {
    const check = () => {
      look();
      if (lastEvent > 0 && !busy() && performance.now() - lastEvent > 300) {
        off();
        const long = [...watch].filter(([, [from, to]]) => to - from > 200);
        const shown = long.map(([, [from, , at]]) => (at === null ? null : at - from)).filter((at): at is number => at !== null);
        resolve({
          settleMs: lastEvent - t0,
          progressMs: shown.length > 0 ? Math.max(...shown) : null,
          without: long.filter(([, [, , at]]) => at === null).map(([id]) => id.replace(/^cell-/, '')),
          last: [...settled]
            .sort((x, y) => y[1][0] - x[1][0])
            .slice(0, 3)
            .map(([n, [at, ms]]) => [n, Math.round(at), Math.round(ms)]),
        });
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** Waits until no cell that runs on change is pending or running. */
async function settledPage(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const engine = (window as unknown as Partial<SettleWindow>).tierbook?.engine;
      if (!engine) return false;
      return engine.nodes.filter((n) => n.kind === 'cell' && n.trigger === 'change').every((n) => !['pending', 'running'].includes(engine.state(n.name).status));
    },
    undefined,
    { timeout: 120_000 },
  );
}

/**
 * The first chart on a cold cache (median over `runs` fresh contexts), then on the last page,
 * `runs` times each: a feature added (then removed), k from 4 to 5 (then back), scaling from
 * z-score to min-max (then back); each time until the whole notebook has settled.
 */
export async function benchOpening(options: { runs?: number } = {}): Promise<OpeningBenchRow> {
  const runs = options.runs ?? 5;
  const env = await start();
  try {
    const firstChartRunsMs: number[] = [];
    let last: { page: Page; context: BrowserContext } | undefined;
    for (let r = 0; r < runs; r++) {
      await last?.context.close();
      const { page, context } = await coldPage(env);
      firstChartRunsMs.push(Math.round(await firstChart(page)));
      last = { page, context };
    }
    const page = last!.page;
    // tsx names the page function's inner arrows with a helper the page does not have.
    await page.evaluate('globalThis.__name = (f) => f');
    await settledPage(page);
    const [features, extra] = await page.evaluate(() => {
      const engine = (window as unknown as SettleWindow).tierbook.engine;
      const chosen = engine.getInput('features') as string[];
      const all = engine.state('numericColumns').value as string[];
      return [chosen, all.find((c) => !chosen.includes(c)) ?? ''] as const;
    });
    const changes: [string, [string, unknown], [string, unknown]][] = [
      [`features + ${extra}`, ['features', [...features, extra]], ['features', features]],
      ['k 4 to 5', ['k', 5], ['k', 4]],
      ['scaling z-score to min-max', ['scaling', 'minmax'], ['scaling', 'zscore']],
    ];
    const settle: SettleRow[] = [];
    for (const [label, there, back] of changes) {
      const results: Awaited<ReturnType<typeof settleAfter>>[] = [];
      for (let r = 0; r < runs; r++) {
        results.push(await page.evaluate(settleAfter, there));
        await settledPage(page);
        await page.evaluate(settleAfter, back);
        await settledPage(page);
        await page.waitForTimeout(200);
      }
      const sorted = [...results].sort((a, b) => a.settleMs - b.settleMs);
      const mid = sorted[Math.floor((sorted.length - 1) / 2)];
      const progress = results.map((x) => x.progressMs).filter((x): x is number => x !== null);
      settle.push({
        change: label,
        settleMs: Math.round(median(results.map((x) => x.settleMs))),
        runsMs: results.map((x) => Math.round(x.settleMs)),
        progressMs: progress.length > 0 ? Math.round(median(progress)) : null,
        withoutProgress: [...new Set(results.flatMap((x) => x.without))].join(', '),
        last: mid.last.map(([n, at, ms]) => `${n} at ${at} ms (ran ${ms} ms)`).join(', '),
      });
    }
    await last!.context.close();
    return { firstChartMs: median(firstChartRunsMs), firstChartRunsMs, settle };
  } finally {
    await env.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  if (process.argv.includes('--opening')) {
    const opening = await benchOpening({ runs: arg('runs') });
    console.log(`first chart (cold cache): median ${opening.firstChartMs} ms of [${opening.firstChartRunsMs.join(', ')}]`);
    console.table(opening.settle);
  } else {
    const rows = await benchBrowser({ customers: arg('customers'), runs: arg('runs') });
    console.table(rows);
  }
}
