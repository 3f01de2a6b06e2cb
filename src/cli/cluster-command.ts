import { UsageError, flag, type ParsedArgs } from './args.ts';
import type { Io } from './io.ts';
import { pca } from '../analytics/project/pca.ts';
import { featureArgs, keywordFlag, keywordOption, readFeatureTable } from './feature-table.ts';
import { ALGORITHMS, DEFAULT_RESTARTS } from '../analytics/cluster/cluster.ts';
import { clusterReport, METRICS, type ClusterReportSpec, type Metric } from './cluster-report.ts';

function wholeNumber(name: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const v = Number(text);
  if (!(Number.isInteger(v) && v >= min && v <= max)) {
    throw new UsageError(`invalid --${name}: "${text}" (expected a whole number from ${min}${max < 1e9 ? ` to ${max}` : ' up'})`);
  }
  return v;
}

/** `--k 4` or `--k 2..8`. */
export function parseKRange(text: string): number[] {
  const m = /^(\d+)(?:\.\.(\d+))?$/.exec(text.trim());
  if (!m) throw new UsageError(`invalid --k: "${text}" (expected a number like 4 or a range like 2..8)`);
  const lo = wholeNumber('k', m[1], 1, 100);
  const hi = m[2] === undefined ? lo : wholeNumber('k', m[2], 1, 100);
  if (hi < lo) throw new UsageError(`invalid --k: "${text}" (the range must go up, e.g. 2..8)`);
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

/** `tierbook cluster <file> --features a,b --k 2..8 ... --json`: metrics per k and the PCA summary as one JSON object. */
export async function clusterCommand(args: ParsedArgs, io: Io): Promise<number> {
  const input = featureArgs(args, 'cluster', 'tierbook cluster customers.csv --features a,b --json');
  const { features, transform, scaling } = input;
  const algorithm = keywordFlag(args, 'algorithm', 'kmeans', ALGORITHMS);
  const ks = parseKRange(flag(args, 'k') ?? (algorithm === 'dbscan' ? '1' : '2..10'));
  const restarts = wholeNumber('restarts', flag(args, 'restarts') ?? String(DEFAULT_RESTARTS), 1, 1000);
  const seed = wholeNumber('seed', flag(args, 'seed') ?? '0', 0);
  const metrics = (flag(args, 'metrics') ?? METRICS.join(','))
    .split(',')
    .map((m) => keywordOption('metrics', m.trim(), METRICS) as Metric);
  const epsText = flag(args, 'eps');
  const eps = epsText === undefined ? undefined : Number(epsText);
  if (algorithm === 'dbscan' && (eps === undefined || !(eps > 0))) {
    throw new UsageError(`dbscan needs --eps, a distance > 0 in the prepared space${epsText ? ` (got "${epsText}")` : ''}`);
  }
  const minPoints = wholeNumber('min-points', flag(args, 'min-points') ?? '5', 1);

  const { fileName, table, prepared } = await readFeatureTable(input);
  const projection = pca(prepared.matrix, { components: Math.min(features.length, prepared.matrix.d) });
  const n = prepared.matrix.n;
  if (algorithm !== 'dbscan' && ks[ks.length - 1] > n) {
    throw new UsageError(`invalid --k: ${ks[ks.length - 1]} is more than the ${n} rows to cluster`);
  }
  const warnings: string[] = [];
  if (prepared.params.features.every((f) => f.weight === 0)) {
    warnings.push('Every feature has weight 0, so all customers are at the same point and no clustering is meaningful: give at least one feature a weight above 0.');
  }
  const spec: ClusterReportSpec = { algorithm, ks, restarts, seed, eps, minPoints, metrics, labels: Boolean(flag(args, 'labels')) };
  const results = clusterReport(prepared.matrix, spec, table.rowCount, prepared.rows);
  for (const w of warnings) io.stderr(`tierbook: warning: ${w}\n`);
  for (const r of results) for (const w of r.warnings) io.stderr(`tierbook: warning: ${algorithm === 'dbscan' ? 'dbscan' : `k = ${r.k}`}: ${w}\n`);
  const output = {
    file: fileName,
    rows: table.rowCount,
    clusteredRows: prepared.matrix.n,
    idColumn: table.idColumn,
    features: prepared.features,
    preparation: { transform, scaling, weights: Object.fromEntries(prepared.params.features.map((f) => [f.name, f.weight])) },
    algorithm,
    pca: { explainedVarianceRatio: projection.explainedVarianceRatio, loadings: projection.loadings },
    warnings,
    results,
    issues: [...table.issues.map((i) => i.message), ...prepared.issues.map((i) => i.message)],
  };
  io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}
