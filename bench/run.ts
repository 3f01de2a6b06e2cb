/**
 * `npm run bench`: runs the analytics, data and browser benches one after another, prints one
 * summary per bench (sizes, medians, ratio against the plain library path, the target next to
 * each figure) and writes everything with the machine state to bench/results/run-<time>.json.
 *
 *   npm run bench -- [--only analytics,data,robustness,browser,jobs,sql] [--quick] [--versus-python]
 *
 * `jobs`: whole processes as a user runs them (start-up, `tierbook cluster`, `tierbook run`, and
 * `tierbook run --engine duckdb` on 1M and 10M order lines unless `--no-duckdb`).
 * `--versus-python` adds the jobs bench (when not already chosen) and times the equivalent
 * pandas + scikit-learn jobs in the same run, alternating runs, with the ratios. It needs a
 * python3 with pandas, scikit-learn and threadpoolctl (Debian: python3-sklearn python3-pandas).
 *
 * `--quick`: smaller sizes and fewer runs (no 1M-line data, no slow reference cases). The
 * browser benches build the app first when dist/ is missing (`npx vite build`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

/** One line of a summary table: what ran, on what, how long, against which target and library. */
interface SummaryRow {
  case: string;
  size: string;
  median: string;
  target: string;
  'vs target': string;
  'vs library': string;
}

interface BenchOutcome {
  rows: unknown[];
  summary: SummaryRow[];
}

const ROOT = join(import.meta.dirname, '..');
const quick = process.argv.includes('--quick');
const versusPython = process.argv.includes('--versus-python');
const only = (() => {
  const i = process.argv.indexOf('--only');
  const chosen = i >= 0 ? (process.argv[i + 1] ?? '').split(',').filter(Boolean) : undefined;
  if (!versusPython) return chosen;
  return chosen ? [...new Set([...chosen, 'jobs'])] : ['analytics', 'data', 'browser', 'jobs'];
})();
const log = (line: string) => console.log(`  ${line}`);
const ms = (x: number) => (x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(2)} ms`);
const vsTarget = (x: number, target: number | null) => (target ? `${(x / target).toFixed(2)}x` : '');
const row = (c: string, size: string, median: number, target: number | null, library = ''): SummaryRow => ({
  case: c,
  size,
  median: ms(median),
  target: target ? `${target < 100 ? target : Math.round(target)} ms` : '',
  'vs target': vsTarget(median, target),
  'vs library': library,
});

interface BrowserModule {
  benchBrowser(o: { customers?: number; runs?: number }): Promise<
    { customers: number; firstChartMs: number; liveRepaintMs: number; settledRecolourMs: number; dragLongTasks: number; dragLongestTaskMs: number; runs: number }[]
  >;
}
interface BrowserOpeningModule {
  benchOpening(o: { runs?: number }): Promise<{
    firstChartMs: number;
    firstChartRunsMs: number[];
    settle: { change: string; settleMs: number; progressMs: number | null; withoutProgress: string; last: string }[];
  }>;
}
interface BrowserDataModule {
  benchBrowserData(o: { sizes?: number[]; runs?: number; log?: (line: string) => void }): Promise<{ lines: number; bytes: number; chromiumMs: number; nodeMs: number }[]>;
}

/** Loads a bench module by path (not resolved at type-check time, so a bench still being written cannot break the build). */
async function load<T>(path: string): Promise<T> {
  return (await import(path)) as T;
}

function ensureBuild(): void {
  if (existsSync(join(ROOT, 'dist', 'index.html'))) return;
  console.log('  dist/ is missing: npx vite build');
  const r = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
}

const benches: Record<string, () => Promise<BenchOutcome>> = {
  async analytics() {
    const { benchAnalytics } = await import('./analytics.ts');
    const rows = benchAnalytics({ runs: quick ? 3 : 5, quick, log });
    const summary = rows.map((r) =>
      row(r.case, r.size, r.medianMs, r.targetMs, r.vsLibrary === null ? '' : `fast path ${r.vsLibrary}x faster`),
    );
    return { rows, summary };
  },
  async data() {
    const { benchData } = await import('./data.ts');
    const rows = await benchData({ sizes: quick ? [100_000] : [100_000, 1_000_000], runs: quick ? 2 : 3, log });
    const summary = rows.map((r) => {
      const plain = rows.find((p) => p.path === 'arquero' && p.lines === r.lines);
      const library = r.path === 'arquero' || !plain ? '' : `${(plain.totalMs / r.totalMs).toFixed(2)}x faster than Arquero CSV`;
      // Issue 3: 1M lines to customer features in under ~2.4 s (pandas read_csv + groupby here).
      const target = r.lines === 1_000_000 && r.path === 'tierbook' ? 2400 : null;
      return row(
        `${r.path} ${r.format}: load + clean + features (load ${Math.round(r.loadMs)}, clean ${Math.round(r.cleanMs)}, features ${Math.round(r.featuresMs)}; ${Math.round(r.rowsPerSecond / 1000)}k rows/s, RSS ${Math.round(r.peakRssMb)} MB)`,
        `${r.lines.toLocaleString('en-US')} lines, ${(r.bytes / 1e6).toFixed(0)} MB`,
        r.totalMs,
        target,
        library,
      );
    });
    for (const r of rows) {
      const c = r.carry;
      if (!c || r.format !== 'csv') continue;
      const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
      summary.push(row(`tierbook: import result across the worker boundary (customers ${mb(c.customersBytes)}, moved alone in ${c.cloneWithoutOrdersMs.toFixed(1)} ms; + order data ${mb(c.ordersBytes)}; clean lines would be ${mb(c.linesBytes)})`, `${r.lines.toLocaleString('en-US')} lines`, c.cloneMs, null));
      summary.push(row('tierbook: order data for tiers and policies (demand, orders, product-line slices, parents), inside the import', `${r.lines.toLocaleString('en-US')} lines`, c.orderDataMs, null));
    }
    return { rows, summary };
  },
  async robustness() {
    if (!quick) ensureBuild(); // the Chromium case runs the built app
    const { benchRobustness } = await import('./robustness.ts');
    const rows = await benchRobustness({ runs: 3, quick, log });
    return { rows, summary: rows.map((r) => row(r.case, r.size, r.medianMs, r.targetMs, `${r.runs} run${r.runs === 1 ? '' : 's'}; ${r.note}`)) };
  },
  async jobs() {
    const { benchJobs } = await import('./jobs.ts');
    const rows = benchJobs({ runs: quick ? 3 : 5, quick, versusPython, duckdb: !process.argv.includes('--no-duckdb'), log });
    const summary = rows.map((r) => ({
      ...row(r.job, r.size, r.tierbookMs, r.targetMs, r.pythonMs === null ? '' : `pandas + scikit-learn ${ms(r.pythonMs)}: ratio ${r.ratio}`),
      'vs target': r.ratio === null ? vsTarget(r.tierbookMs, r.targetMs) : `${r.ratio}x`,
      target: r.targetMs === null ? '' : r.pythonMs === null ? ms(r.targetMs) : 'python',
      iterations: r.iterations.tierbook === null && r.iterations.python === null ? '' : `${r.iterations.tierbook ?? '-'} / ${r.iterations.python ?? '-'}`,
    }));
    return { rows, summary };
  },
  async sql() {
    const { benchSql } = await import('./sql.ts');
    const rows = await benchSql({ runs: quick ? 2 : 5, customers: quick ? 100_000 : 1_000_000, log });
    return { rows, summary: rows.map((r) => row(r.case, r.size, r.medianMs, null, r.note)) };
  },
  async browser() {
    ensureBuild();
    const { benchBrowser } = await load<BrowserModule>('./browser.ts');
    const drag = await benchBrowser({ customers: quick ? 10_000 : 50_000, runs: quick ? 3 : 7 });
    const { benchOpening } = await load<BrowserOpeningModule>('./browser.ts');
    const opening = await benchOpening({ runs: quick ? 3 : 5 });
    const { benchBrowserData } = await load<BrowserDataModule>('./browser-data.ts');
    const data = await benchBrowserData({ sizes: quick ? [100_000] : [100_000, 1_000_000], runs: quick ? 2 : 3, log });
    const summary = [
      ...drag.flatMap((r) => [
        row('Chromium: opening (cold cache) to the first chart painted', 'the sample, 5,000 customers', r.firstChartMs, 1000, 'one run'),
        row('Chromium: weight-slider drag to repainted PCA chart (live)', `${r.customers.toLocaleString('en-US')} customers`, r.liveRepaintMs, 100),
        row('Chromium: slider release to recoloured chart (k-means in worker)', `${r.customers.toLocaleString('en-US')} customers`, r.settledRecolourMs, null),
        row(
          'Chromium: longest main-thread task while dragging (Long Tasks API)',
          `${r.customers.toLocaleString('en-US')} customers`,
          r.dragLongestTaskMs,
          50,
          `${r.dragLongTasks} task${r.dragLongTasks === 1 ? '' : 's'} over 50 ms in ${r.runs} drag steps`,
        ),
      ]),
      row(
        'Chromium: opening (cold cache) to the first chart painted, median of fresh contexts',
        'the sample, 5,000 customers',
        opening.firstChartMs,
        1000,
        `runs ${opening.firstChartRunsMs.join(', ')} ms`,
      ),
      ...opening.settle.map((r) =>
        row(
          `Chromium: settled change (${r.change}) to the whole notebook settled`,
          'the sample, 5,000 customers',
          r.settleMs,
          1000,
          `last: ${r.last}; progress and Cancel shown after ${r.progressMs ?? '-'} ms at most${r.withoutProgress ? `; never shown: ${r.withoutProgress}` : ''}`,
        ),
      ),
      ...data.map((r) =>
        row(
          `Chromium: importData CSV to customer features (main thread; Node same call ${ms(r.nodeMs)})`,
          `${r.lines.toLocaleString('en-US')} lines, ${(r.bytes / 1e6).toFixed(0)} MB`,
          r.chromiumMs,
          r.lines === 1_000_000 ? 2400 : null,
        ),
      ),
    ];
    return { rows: [...drag, opening, ...data], summary };
  },
};

const machine = {
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? '',
  memoryGb: Math.round(totalmem() / 2 ** 30),
  loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
};
console.log(
  `node ${machine.node}, ${machine.cpus} x ${machine.cpu}, ${machine.memoryGb} GB; load average at start ${machine.loadAverageAtStart.join(', ')}${quick ? '; --quick' : ''}`,
);
const results: Record<string, unknown> = {};
const summaries: Record<string, SummaryRow[]> = {};
for (const name of only ?? Object.keys(benches).filter((b) => b !== 'jobs')) {
  const run = benches[name];
  if (!run) {
    console.error(`unknown bench: "${name}" (expected ${Object.keys(benches).join(', ')})`);
    process.exitCode = 1;
    continue;
  }
  console.log(`\n== ${name} ==`);
  const t = performance.now();
  try {
    const { rows, summary } = await run();
    results[name] = rows;
    summaries[name] = summary;
  } catch (error) {
    console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    results[name] = { error: String(error) };
    process.exitCode = 1;
  }
  console.log(`  (${name}: ${((performance.now() - t) / 1000).toFixed(0)} s, load average now ${loadavg().map((x) => x.toFixed(2)).join(', ')})`);
}
for (const [name, summary] of Object.entries(summaries)) {
  console.log(`\n== summary: ${name} (medians) ==`);
  console.table(summary);
}
const loadAverageAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
console.log(`load average at end ${loadAverageAtEnd.join(', ')}`);
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
const file = join(ROOT, 'bench', 'results', `run-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  JSON.stringify({ kind: 'tierbook-bench', version: 1, date: new Date().toISOString(), quick, machine: { ...machine, loadAverageAtEnd }, summaries, results }, null, 2),
);
console.log(`wrote ${file}`);
