/**
 * Robustness benchmark (issue 10 targets), in Node on the calling thread: bootstrap replicates
 * and weight sensitivity on the bundled sample's 5,000 customers and on 50,000 generated ones,
 * with the notebook's defaults (features, log1p + z-score, k-means k = 4, seed 42, the
 * notebook's restarts). Medians of `runs` timed runs after one warm-up (one run, no warm-up,
 * for the cases over ten seconds), then the bootstrap Run in the notebook in Chromium, through
 * its worker (bench/browser-robustness.ts; needs the build in dist/). Writes
 * bench/results/robustness.json when run alone.
 *
 *   npx tsx bench/robustness.ts [--runs 3] [--quick]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { DEFAULT_RESTARTS, type ClusterSpec } from '../src/analytics/cluster/cluster.ts';
import type { Matrix } from '../src/analytics/matrix.ts';
import { prepare, type Prepared } from '../src/analytics/prepare/prepare.ts';
import { bootstrapStability } from '../src/analytics/stability/bootstrap.ts';
import { dropOneFeature } from '../src/analytics/stability/drop-one.ts';
import { holdoutValidation } from '../src/analytics/stability/holdout.ts';
import { periodStability } from '../src/analytics/stability/periods.ts';
import { weightSensitivity } from '../src/analytics/stability/sensitivity.ts';
import type { TaskOptions } from '../src/analytics/stability/task.ts';
import { buildCustomerFeatures } from '../src/data/features/customer-features.ts';
import { periodFeatures } from '../src/data/features/periods.ts';
import { loadSampleOrders } from '../src/data/synthetic/sample-orders.ts';
import { generateCustomers } from '../src/data/synthetic/synthetic-customers.ts';

export interface RobustnessBenchRow {
  case: string;
  /** Customers x features. */
  size: string;
  /** Median wall time, milliseconds. */
  medianMs: number;
  /** Issue 10 target, milliseconds, when there is one. */
  targetMs: number | null;
  /** medianMs / targetMs. */
  ratio: number | null;
  /** Timed runs behind the median. */
  runs: number;
  note: string;
}

export interface RobustnessBenchOptions {
  /** Timed runs per case under ten seconds (after one warm-up). Default 3. */
  runs?: number;
  /** Only the 5,000-customer cases, one run each. */
  quick?: boolean;
  log?: (line: string) => void;
}

/** The notebook's defaults (cells/prepare.ts and cells/cluster.ts). */
const FEATURES = ['revenue', 'order_frequency', 'gross_margin_pct', 'cts_pct', 'returns_rate'];
const PREPARATION = { features: FEATURES, transform: 'log1p' as const, scaling: 'zscore' as const };
const KMEANS: ClusterSpec = { algorithm: 'kmeans', k: 4, seed: 42, restarts: DEFAULT_RESTARTS };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Times `f` with a progress callback; reports the longest gap between two progress calls too. */
function timed(runs: number, warmUp: boolean, f: (o: TaskOptions) => void): { ms: number; longestGapMs: number; progressCalls: number } {
  if (warmUp) f({});
  const times: number[] = [];
  let longestGapMs = 0;
  let progressCalls = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    let last = t;
    progressCalls = 0;
    f({
      onProgress: () => {
        const now = performance.now();
        longestGapMs = Math.max(longestGapMs, now - last);
        last = now;
        progressCalls++;
      },
    });
    times.push(performance.now() - t);
  }
  return { ms: median(times), longestGapMs, progressCalls };
}

const round = (x: number) => Math.round(x * 10) / 10;
const size = (m: Matrix) => `${m.n.toLocaleString('en-US')} x ${m.d}`;

export async function benchRobustness(options: RobustnessBenchOptions = {}): Promise<RobustnessBenchRow[]> {
  const quick = options.quick ?? false;
  const runs = quick ? 1 : (options.runs ?? 3);
  const log = options.log ?? (() => {});
  const rows: RobustnessBenchRow[] = [];
  const add = (c: string, m: Matrix, t: ReturnType<typeof timed>, targetMs: number | null, n: number, note = '') => {
    const row: RobustnessBenchRow = {
      case: c,
      size: size(m),
      medianMs: round(t.ms),
      targetMs,
      ratio: targetMs ? Math.round((t.ms / targetMs) * 100) / 100 : null,
      runs: n,
      note: `${note}${note ? '; ' : ''}${t.progressCalls} progress reports, longest gap ${Math.round(t.longestGapMs)} ms`,
    };
    rows.push(row);
    log(`${row.case} (${row.size}): ${row.medianMs} ms${targetMs ? ` (target ${targetMs} ms, ${row.ratio}x)` : ''}; ${row.note}`);
  };

  const sample = await loadSampleOrders();
  const sampleFeatures = buildCustomerFeatures(sample.lines);
  const small = prepare(sampleFeatures.columns, PREPARATION);
  const weighting = (p: Prepared) => ({ features: p.features, weights: p.params.features.map((f) => f.weight) });

  let t = timed(runs, !quick, (o) => bootstrapStability(small.matrix, { cluster: KMEANS, replicates: 100 }, o));
  add('bootstrap, 100 replicates, k-means k = 4 (bundled sample)', small.matrix, t, 5000, runs, `best of ${DEFAULT_RESTARTS} k-means++ starts per replicate, no warm start`);
  t = timed(runs, !quick, (o) => weightSensitivity(small.matrix, { cluster: KMEANS, ...weighting(small) }, o));
  add('weight sensitivity, 5 features x 4 steps (bundled sample)', small.matrix, t, null, runs);
  for (const spec of [
    { algorithm: 'ward', k: 4, seed: 42 },
    { algorithm: 'dbscan', eps: 0.8, minPoints: 8 },
  ] as const) {
    t = timed(1, false, (o) => bootstrapStability(small.matrix, { cluster: spec, replicates: 100 }, o));
    add(`bootstrap, 100 replicates, ${spec.algorithm} (bundled sample)`, small.matrix, t, null, 1, spec.algorithm === 'ward' ? 'exact Ward up to 2,000 rows, micro-clusters above' : 'eps 0.8, core size 8 (notebook defaults)');
  }
  const periods = periodFeatures(sample.lines, { kind: 'quarters' }).periods.map((p) => ({ label: p.label, ids: p.features.ids, columns: p.features.columns }));
  t = timed(runs, !quick, (o) => periodStability(periods, { preparation: PREPARATION, cluster: KMEANS }, o));
  add('period stability, 4 calendar quarters (bundled sample; features per period not timed)', small.matrix, t, null, runs);
  if (quick) return rows;

  const generated = generateCustomers({ customers: 50_000, seed: 7 });
  const columns = Object.fromEntries(FEATURES.map((f) => [f, Float64Array.from(generated, (c) => c[f as keyof typeof c] as number)]));
  const large = prepare(columns, PREPARATION);
  t = timed(1, false, (o) => bootstrapStability(large.matrix, { cluster: KMEANS, replicates: 100 }, o));
  add('bootstrap, 100 replicates, k-means k = 4 (generated customers)', large.matrix, t, 60_000, 1, `best of ${DEFAULT_RESTARTS} k-means++ starts per replicate, no warm start`);
  t = timed(runs, false, (o) => weightSensitivity(large.matrix, { cluster: KMEANS, ...weighting(large) }, o));
  add('weight sensitivity, 5 features x 4 steps (generated customers)', large.matrix, t, 10_000, runs, 'same seed and k per step, no warm start');
  t = timed(runs, false, (o) => dropOneFeature(large.matrix, { cluster: KMEANS, ...weighting(large) }, o));
  add('drop one feature, 5 features (generated customers)', large.matrix, t, null, runs);
  t = timed(runs, false, (o) => holdoutValidation(large.matrix, { cluster: KMEANS }, o));
  add('holdout 20%, nearest centroid (generated customers)', large.matrix, t, null, runs);
  try {
    const { benchBrowserRobustness } = await import('./browser-robustness.ts');
    const [b] = await benchBrowserRobustness({ runs });
    add(
      'bootstrap, 100 replicates, k-means k = 4, Run in the notebook in Chromium (its worker lane; bundled sample)',
      small.matrix,
      { ms: b.chromiumMs, longestGapMs: b.longestTickGapMs, progressCalls: b.progressMessages },
      5000,
      runs,
      `page responsive: longest main-thread task ${Math.round(b.longestTaskMs)} ms (Long Tasks API, 0 = none over 50 ms); gap = longest pause between 16 ms ticks`,
    );
  } catch (error) {
    log(`Chromium case skipped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--runs');
  const started = { loadAverage: loadavg(), cpus: cpus().length, cpu: cpus()[0]?.model ?? '' };
  const rows = await benchRobustness({
    runs: i >= 0 ? Number(process.argv[i + 1]) : undefined,
    quick: process.argv.includes('--quick'),
    log: (l) => console.log(l),
  });
  console.table(rows.map(({ note: _, ...r }) => r));
  mkdirSync('bench/results', { recursive: true });
  const doc = { kind: 'tierbook-bench', bench: 'robustness', date: new Date().toISOString(), node: process.version, machine: started, rows };
  writeFileSync('bench/results/robustness.json', JSON.stringify(doc, null, 2));
  console.log(`load average at start ${started.loadAverage.map((x) => x.toFixed(2)).join(', ')} on ${started.cpus} CPUs; wrote bench/results/robustness.json`);
}
