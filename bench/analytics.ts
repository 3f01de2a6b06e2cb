/**
 * Analytics benchmark: k-means (fast path vs ml-kmeans from the same start), the k sweep, the
 * exact silhouette, PCA, Ward and DBSCAN on deterministic Gaussian blobs (6 blobs, 8 dims).
 * Medians of `runs` timed runs after one warm-up. Writes bench/results/analytics.json.
 *
 *   npx tsx bench/analytics.ts [--runs 5] [--quick]
 */
import { kmeans as mlKmeans } from 'ml-kmeans';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { gaussianBlobs } from '../src/analytics/blobs.ts';
import { calinskiHarabasz } from '../src/analytics/metrics/calinski-harabasz.ts';
import { daviesBouldin } from '../src/analytics/metrics/davies-bouldin.ts';
import { dbscan } from '../src/analytics/cluster/dbscan.ts';
import { kDistance } from '../src/analytics/cluster/k-distance.ts';
import { initialCenters, kmeans, normalizeKMeans } from '../src/analytics/cluster/kmeans.ts';
import { lloyd } from '../src/analytics/cluster/lloyd.ts';
import { toRows, type Matrix } from '../src/analytics/matrix.ts';
import { pca } from '../src/analytics/project/pca.ts';
import { sampledSilhouette } from '../src/analytics/metrics/silhouette-sampled.ts';
import { silhouette } from '../src/analytics/metrics/silhouette.ts';
import { sweepK } from '../src/analytics/choose-k/sweep.ts';
import { ward } from '../src/analytics/cluster/ward.ts';

export interface AnalyticsBenchRow {
  case: string;
  /** Rows x columns. */
  size: string;
  /** Median wall time, milliseconds. */
  medianMs: number;
  /** Target from issue 4, milliseconds, when there is one. */
  targetMs: number | null;
  /** medianMs / targetMs. */
  ratio: number | null;
  /** For a library row: library median / fast-path median (how many times faster the fast path is). */
  vsLibrary: number | null;
  note: string;
}

export interface AnalyticsBenchOptions {
  /** Timed runs per case (after one warm-up). Default 5. */
  runs?: number;
  /** Skip the slow cases (ml-kmeans to convergence, DBSCAN, Ward). */
  quick?: boolean;
  log?: (line: string) => void;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Runs `f` once to warm up, then `runs` times; returns the median time and the last result. */
function time<T>(runs: number, f: () => T): { ms: number; value: T } {
  let value = f();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    value = f();
    times.push(performance.now() - t);
  }
  return { ms: median(times), value };
}

const size = (m: Matrix) => `${m.n} x ${m.d}`;
const round = (x: number) => Math.round(x * 100) / 100;

export function benchAnalytics(options: AnalyticsBenchOptions = {}): AnalyticsBenchRow[] {
  const runs = options.runs ?? 5;
  const log = options.log ?? (() => {});
  const rows: AnalyticsBenchRow[] = [];
  const add = (c: string, m: Matrix, ms: number, targetMs: number | null, note = '', vsLibrary: number | null = null) => {
    const row = {
      case: c,
      size: size(m),
      medianMs: round(ms),
      targetMs,
      ratio: targetMs ? round(ms / targetMs) : null,
      vsLibrary: vsLibrary === null ? null : round(vsLibrary),
      note,
    };
    rows.push(row);
    log(`${c} (${row.size}): ${row.medianMs} ms${targetMs ? ` (target ${targetMs} ms)` : ''} ${note}`);
  };
  const big = gaussianBlobs({ n: 100_000, d: 8, centers: 6, spread: 2, seed: 1 }).matrix;
  const mid = gaussianBlobs({ n: 50_000, d: 8, centers: 6, spread: 2, seed: 2 }).matrix;
  const small = gaussianBlobs({ n: 10_000, d: 8, centers: 6, spread: 2, seed: 3 }).matrix;

  // k-means 100k x 8, k = 6, from one k-means++ start shared by both sides
  const init = initialCenters(big, normalizeKMeans(big, { k: 6 }), 0);
  const ITER = 10;
  const plain = time(runs, () => lloyd(big, init, 6, ITER, -1, false));
  add(
    'Lloyd iteration, fast path (plain, full assignment)',
    big,
    plain.ms / ITER,
    5,
    `${ITER} iterations per run`,
  );
  const rowsBig = toRows(big);
  const initRows = toRows({ n: 6, d: 8, data: init });
  const mlIter = time(Math.min(runs, 3), () =>
    mlKmeans(rowsBig, 6, { initialization: initRows, maxIterations: ITER, tolerance: -1 }),
  );
  add(
    'Lloyd iteration, ml-kmeans 7.0.1',
    big,
    mlIter.ms / ITER,
    5,
    `ratio to fast path ${round(mlIter.ms / plain.ms)}x`,
    mlIter.ms / plain.ms,
  );
  const fast = time(runs, () => lloyd(big, init, 6, 300, 1e-6, true));
  add(
    'k-means to convergence, fast path (Hamerly)',
    big,
    fast.ms,
    null,
    `${fast.value.iterations} iterations`,
  );
  if (!options.quick) {
    const ref = time(Math.min(runs, 3), () =>
      mlKmeans(rowsBig, 6, { initialization: initRows, maxIterations: 300, tolerance: 1e-6 }),
    );
    const same =
      ref.value.clusters.every((c, i) => c === fast.value.labels[i]) &&
      ref.value.centroids.flat().every((v, i) => v === fast.value.centers[i]);
    add(
      'k-means to convergence, ml-kmeans 7.0.1',
      big,
      ref.ms,
      null,
      `${ref.value.iterations} iterations; labels and centroids identical: ${same}; ratio ${round(ref.ms / fast.ms)}x`,
      ref.ms / fast.ms,
    );
  }
  const restarts = time(Math.min(runs, 3), () => kmeans(big, { k: 6, restarts: 3 }));
  add(
    'kmeans() with 3 k-means++ restarts',
    big,
    restarts.ms,
    null,
    `winning start ${restarts.value.restart}`,
  );

  // k sweep 2..10 x 3 restarts on 50k
  const sweep = time(Math.min(runs, 3), () =>
    sweepK(mid, { kMin: 2, kMax: 10, restarts: 3, metrics: ['inertia'] }),
  );
  add('k sweep 2..10 x 3 restarts (inertia only)', mid, sweep.ms, 2000, `knee at k = ${sweep.value.kneeK}`);
  const labels6 = sweep.value.points[4].labels;
  const sil = time(runs, () => sampledSilhouette(mid, labels6, { sampleSize: 2000 }));
  add('sampled silhouette per k (stratified)', mid, sil.ms, null, `sample ${sil.value.sampleSize}`);
  add('Calinski-Harabasz per k', mid, time(runs, () => calinskiHarabasz(mid, labels6)).ms, null);
  add('Davies-Bouldin per k', mid, time(runs, () => daviesBouldin(mid, labels6)).ms, null);
  const full = time(Math.min(runs, 3), () => sweepK(mid, { kMin: 2, kMax: 10, restarts: 3 }));
  add(
    'k sweep 2..10 x 3 restarts (all four metrics)',
    mid,
    full.ms,
    2000,
    'silhouette sampled above 5000 rows',
  );

  // exact silhouette on 10k
  const labelsSmall = kmeans(small, { k: 6 }).labels;
  add('exact silhouette', small, time(runs, () => silhouette(small, labelsSmall)).ms, 1000);

  // PCA on 100k
  add('PCA (covariance + EVD)', big, time(runs, () => pca(big, { components: 2 })).ms, null);
  add('PCA (SVD)', big, time(Math.min(runs, 3), () => pca(big, { components: 2, method: 'SVD' })).ms, null);

  if (!options.quick) {
    const w = time(Math.min(runs, 3), () => ward(mid, { k: 6 }));
    add('Ward over micro-clusters', mid, w.ms, null, w.value.method);
    const exact = gaussianBlobs({ n: 2000, d: 8, centers: 6, spread: 2, seed: 4 }).matrix;
    add('Ward exact', exact, time(Math.min(runs, 3), () => ward(exact, { k: 6 })).ms, null);
    const kd = time(1, () => kDistance(mid, 4));
    add('k-distance curve (k = 4)', mid, kd.ms, null, `${kd.value.length} sampled rows`);
    const eps = kd.value[Math.floor(kd.value.length * 0.9)];
    const db = time(1, () => dbscan(mid, { eps, minPoints: 5 }));
    add(
      'DBSCAN (k-d tree)',
      mid,
      db.ms,
      null,
      `eps ${round(eps)} (90th percentile of k-distance): ${db.value.clusters} clusters, ${db.value.noiseCount} noise`,
    );
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const started = { loadAverage: loadavg(), cpus: cpus().length, cpu: cpus()[0]?.model ?? '' };
  const rows = benchAnalytics({
    runs: Number(arg('--runs') ?? 5),
    quick: process.argv.includes('--quick'),
    log: (l) => console.log(l),
  });
  console.table(rows);
  mkdirSync('bench/results', { recursive: true });
  const doc = {
    kind: 'tierbook-bench',
    bench: 'analytics',
    date: new Date().toISOString(),
    node: process.version,
    machine: started,
    rows,
  };
  writeFileSync('bench/results/analytics.json', JSON.stringify(doc, null, 2));
  console.log(
    `load average at start ${started.loadAverage.map((x) => x.toFixed(2)).join(', ')} on ${started.cpus} CPUs; wrote bench/results/analytics.json`,
  );
}
