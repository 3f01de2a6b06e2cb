/**
 * Whole jobs, one process each, as a user runs them: the command's start-up, `tierbook cluster`
 * on 100k x 8 numbers and `tierbook run segmentation` on 1M order lines; with `versusPython`,
 * the equivalent pandas + scikit-learn jobs (bench/python/*.py, one thread) in the same run,
 * runs alternating (tierbook, python, tierbook, ...), medians and ratios.
 *
 *   npm run bench -- --only jobs --versus-python [--quick]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gaussianBlobs } from '../src/analytics/blobs.ts';
import { generateOrders, ordersToCsv } from '../src/data/synthetic/synthetic-orders.ts';

export interface JobRow {
  job: string;
  size: string;
  /** Median wall time of the whole tierbook process, ms. */
  tierbookMs: number;
  /** Median wall time of the whole python process, ms (null when not compared). */
  pythonMs: number | null;
  /** tierbookMs / pythonMs: at or below 1 is the target. */
  ratio: number | null;
  targetMs: number | null;
  /** Lloyd iterations of the winning k-means start, each side, where the job reports them. */
  iterations: { tierbook: number | null; python: number | null };
  note: string;
}

export interface JobsOptions {
  runs: number;
  quick: boolean;
  versusPython: boolean;
  /** Also time `--engine duckdb` (1M lines, and 10M unless quick). */
  duckdb: boolean;
  log: (line: string) => void;
}

const ROOT = join(import.meta.dirname, '..');
const CACHE = join(ROOT, 'bench', 'results', 'cache');
const BIN = join(ROOT, 'bin', 'tierbook.mjs');
/** One thread for every numeric library scikit-learn and numpy may use. */
const ONE_THREAD = { OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1', VECLIB_MAXIMUM_THREADS: '1', NUMEXPR_NUM_THREADS: '1' };
/**
 * Tierbook's k-means stops when no centre moves more than 1e-6 (squared distance, prepared
 * units) or no label changes. scikit-learn stops when the summed squared shift is at most
 * tol x the mean feature variance, or no label changes; on z-scored data the mean variance is 1,
 * so tol = 1e-6 is the same bound on the sum (at least as strict as ours on the largest shift).
 */
export const SAME_TOLERANCE = 1e-6;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Runs a process to completion; returns its wall time and stdout, failing loudly on a non-zero exit. */
function timed(command: string, args: string[], env: Record<string, string> = {}): { ms: number; stdout: string } {
  const t = performance.now();
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status}): ${(r.stderr ?? '').slice(0, 2000)}`);
  return { ms, stdout: r.stdout };
}

/** A python3 with pandas, scikit-learn and threadpoolctl (PATH first, then Debian's), or null. */
export function findPython(): string | null {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(candidate, ['-c', 'import sklearn, pandas, threadpoolctl'], { encoding: 'utf8' });
    if (r.status === 0) return candidate;
  }
  return null;
}

function cached(name: string, write: (path: string) => void): string {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, name);
  if (!existsSync(path)) write(path);
  return path;
}

/** 100k x 8 Gaussian blobs as CSV, every value written in full (17 significant digits). */
export function blobsCsv(n: number): string {
  return cached(`blobs-${n}.csv`, (path) => {
    const { matrix } = gaussianBlobs({ n, d: 8, seed: 1 });
    const lines = [`id,${Array.from({ length: 8 }, (_, t) => `f${t}`).join(',')}`];
    for (let i = 0; i < n; i++) lines.push(`c${i},${Array.from(matrix.data.subarray(i * 8, i * 8 + 8)).join(',')}`);
    writeFileSync(path, `${lines.join('\n')}\n`);
  });
}

/** Seeded synthetic order lines (every defect injected), as the data bench writes them. */
export function ordersCsv(lines: number, customers: number): string {
  return cached(`orders-${lines}.csv`, (path) => writeFileSync(path, ordersToCsv(generateOrders({ lines, customers, seed: 11 }))));
}

/** Alternating runs of the two sides after one warm-up each; medians. */
function compare(
  runs: number,
  tierbook: () => { ms: number; stdout: string },
  python: (() => { ms: number; stdout: string }) | null,
): { t: number; p: number | null; tOut: string; pOut: string } {
  let tOut = tierbook().stdout;
  let pOut = python ? python().stdout : '';
  const ts: number[] = [];
  const ps: number[] = [];
  for (let r = 0; r < runs; r++) {
    const a = tierbook();
    ts.push(a.ms);
    tOut = a.stdout;
    if (python) {
      const b = python();
      ps.push(b.ms);
      pOut = b.stdout;
    }
  }
  return { t: median(ts), p: python ? median(ps) : null, tOut, pOut };
}

export function benchJobs(o: JobsOptions): JobRow[] {
  const rows: JobRow[] = [];
  const python = o.versusPython ? findPython() : null;
  if (o.versusPython && !python) o.log('no python3 with pandas, scikit-learn and threadpoolctl: apt-get install -y python3-sklearn python3-pandas; timing tierbook alone');
  if (python) o.log(`reference: ${python} (${spawnSync(python, ['-c', 'import sklearn, pandas; print("scikit-learn", sklearn.__version__, "pandas", pandas.__version__)'], { encoding: 'utf8' }).stdout.trim()}), one thread`);
  o.log('building the command (npm run build:cli)');
  timed(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')]);
  const ratio = (t: number, p: number | null) => (p ? Math.round((t / p) * 100) / 100 : null);

  const starts: number[] = [];
  for (let r = 0; r < (o.quick ? 5 : 21); r++) starts.push(timed(process.execPath, [BIN, '--help']).ms);
  const bare: number[] = [];
  for (let r = 0; r < (o.quick ? 5 : 21); r++) bare.push(timed(process.execPath, ['-e', '0']).ms);
  rows.push({ job: 'tierbook --help (whole process)', size: '', tierbookMs: median(starts), pythonMs: null, ratio: null, targetMs: 150, iterations: { tierbook: null, python: null }, note: `node -e 0 alone: ${Math.round(median(bare))} ms` });
  o.log(`start-up: ${Math.round(median(starts))} ms (node alone ${Math.round(median(bare))} ms)`);

  const n = o.quick ? 20_000 : 100_000;
  const blobs = blobsCsv(n);
  const features = Array.from({ length: 8 }, (_, t) => `f${t}`).join(',');
  const cluster = compare(
    o.runs,
    () => timed(process.execPath, [BIN, 'cluster', blobs, '--features', features, '--k', '6', '--restarts', '1', '--metrics', 'inertia', '--json']),
    python ? () => timed(python, [join(ROOT, 'bench/python/cluster_job.py'), blobs, features, '6', String(SAME_TOLERANCE), '0'], ONE_THREAD) : null,
  );
  const tIter = (JSON.parse(cluster.tOut) as { results: { iterations: number }[] }).results[0].iterations;
  const pIter = python ? (JSON.parse(cluster.pOut) as { iterations: number }).iterations : null;
  rows.push({
    job: 'cluster: read CSV, z-score, k-means++ (1 start) k = 6, PCA, JSON',
    size: `${n.toLocaleString('en-US')} x 8`,
    tierbookMs: cluster.t,
    pythonMs: cluster.p,
    ratio: ratio(cluster.t, cluster.p),
    targetMs: cluster.p,
    iterations: { tierbook: tIter, python: pIter },
    note: `tolerance ${SAME_TOLERANCE} both sides`,
  });
  o.log(`cluster ${n}: tierbook ${Math.round(cluster.t)} ms${python ? `, python ${Math.round(cluster.p ?? 0)} ms` : ''}; iterations ${tIter}${pIter === null ? '' : ` vs ${pIter}`}`);

  const lines = o.quick ? 100_000 : 1_000_000;
  const orders = ordersCsv(lines, lines / 20);
  const out = join(CACHE, 'out');
  const seg = compare(
    o.runs,
    () => timed(process.execPath, [BIN, 'run', 'segmentation', '--data', orders, '--set', 'k=5', '--out', join(out, 'tierbook')]),
    python ? () => timed(python, [join(ROOT, 'bench/python/segmentation_job.py'), orders, join(out, 'python'), '5', String(SAME_TOLERANCE), '0'], ONE_THREAD) : null,
  );
  const segIter = /iterations (\d+)/.exec(seg.pOut);
  rows.push({
    job: 'run segmentation: read, quality rules, features, log1p + z-score, k-means k = 5, PCA, tiers, write',
    size: `${lines.toLocaleString('en-US')} order lines`,
    tierbookMs: seg.t,
    pythonMs: seg.p,
    ratio: ratio(seg.t, seg.p),
    targetMs: seg.p,
    iterations: { tierbook: null, python: segIter ? Number(segIter[1]) : null },
    note: 'tierbook also applies every quality rule and writes the quality report, tiers.csv, safety-stock.csv and a sealed config.json; the python job writes features.csv and assignments.csv only',
  });
  o.log(`segmentation ${lines}: tierbook ${Math.round(seg.t)} ms${python ? `, python ${Math.round(seg.p ?? 0)} ms` : ''}`);
  if (o.duckdb) rows.push(...duckdbJobs(o, orders, lines));
  return rows;
}

/**
 * `tierbook run --engine duckdb` on the same 1M lines (against the JavaScript engine above), and
 * on 10M lines: the 1M file ten times over (order ids suffixed -0 .. -9, so each copy's orders
 * are new orders of the same 50,000 customers), written once by DuckDB.
 */
function duckdbJobs(o: JobsOptions, orders: string, lines: number): JobRow[] {
  const out = join(CACHE, 'out');
  const run = (data: string) => timed(process.execPath, [BIN, 'run', 'segmentation', '--data', data, '--engine', 'duckdb', '--set', 'k=5', '--out', join(out, 'duckdb')]);
  const one: number[] = [];
  for (let r = 0; r < Math.max(1, o.runs - 2); r++) one.push(run(orders).ms);
  o.log(`--engine duckdb, ${lines} lines: ${Math.round(median(one))} ms`);
  const rows: JobRow[] = [
    { job: 'run segmentation --engine duckdb (features in DuckDB, then the same notebook)', size: `${lines.toLocaleString('en-US')} order lines`, tierbookMs: median(one), pythonMs: null, ratio: null, targetMs: null, iterations: { tierbook: null, python: null }, note: '' },
  ];
  if (o.quick) return rows;
  const big = cached('orders-10000000.csv', (path) => {
    o.log('writing 10M order lines with DuckDB (once)');
    const sql = `COPY (SELECT * REPLACE (order_id || '-' || r AS order_id) FROM read_csv('${orders}', all_varchar = true, header = true), range(10) t(r) ORDER BY r) TO '${path}' (HEADER, DELIMITER ',')`;
    timed(process.execPath, ['--input-type=module', '-e', `import { DuckDBInstance } from '@duckdb/node-api'; const c = await (await DuckDBInstance.create(':memory:')).connect(); await c.run(${JSON.stringify(sql)});`]);
  });
  const ten = run(big);
  o.log(`--engine duckdb, 10M lines: ${Math.round(ten.ms)} ms (one run)`);
  rows.push({ job: 'run segmentation --engine duckdb, one run', size: '10,000,000 order lines', tierbookMs: ten.ms, pythonMs: null, ratio: null, targetMs: null, iterations: { tierbook: null, python: null }, note: `${(statSync(big).size / 1e9).toFixed(2)} GB CSV` });
  return rows;
}
