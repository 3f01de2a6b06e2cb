import { UsageError, flag, type ParsedArgs } from './args.ts';
import { readDataFile, type Io } from './io.ts';
import { loadTable, toCustomerTable } from '../data/index.ts';
import { prepare } from '../analytics/prepare/prepare.ts';
import { SCALINGS, TRANSFORMS, keyword, type Scaling, type Transform } from '../analytics/prepare/preparation-spec.ts';
import { pca } from '../analytics/project/pca.ts';
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

export function parseWeights(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(',').filter((p) => p.trim() !== '')) {
    const [key, raw] = part.split('=').map((s) => s.trim());
    const w = Number(raw);
    if (!key || raw === undefined || raw === '' || !(Number.isFinite(w) && w >= 0)) {
      throw new UsageError(`invalid --weights: "${part}" (expected feature=number >= 0, e.g. revenue=2)`);
    }
    out[key] = w;
  }
  return out;
}

function oneOf<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  try {
    return keyword(name, text, allowed);
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}`.replace(`invalid ${name}`, `invalid --${name}`));
  }
}

/** `tierbook cluster <file> --features a,b --k 2..8 ... --json`: metrics per k and the PCA summary as one JSON object. */
export async function clusterCommand(args: ParsedArgs, io: Io): Promise<number> {
  const [path, ...extra] = args.positionals;
  if (path === undefined) throw new UsageError('cluster needs a data file, e.g. tierbook cluster customers.csv --features a,b --json');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (flags start with --)`);
  if (!flag(args, 'json')) throw new UsageError('cluster prints JSON only: add --json');
  const featuresText = flag(args, 'features');
  if (featuresText === undefined) throw new UsageError('cluster needs --features, e.g. --features revenue,cts_pct');
  const features = featuresText.split(',').map((f) => f.trim()).filter((f) => f !== '');
  const transform: Transform = oneOf('transform', flag(args, 'transform') ?? 'none', TRANSFORMS);
  const scaling: Scaling = oneOf('scale', flag(args, 'scale') ?? 'zscore', SCALINGS);
  const weights = parseWeights(flag(args, 'weights') ?? '');
  const algorithm = oneOf('algorithm', flag(args, 'algorithm') ?? 'kmeans', ALGORITHMS);
  const ks = parseKRange(flag(args, 'k') ?? (algorithm === 'dbscan' ? '1' : '2..10'));
  const restarts = wholeNumber('restarts', flag(args, 'restarts') ?? String(DEFAULT_RESTARTS), 1, 1000);
  const seed = wholeNumber('seed', flag(args, 'seed') ?? '0', 0);
  const metrics = (flag(args, 'metrics') ?? METRICS.join(','))
    .split(',')
    .map((m) => oneOf('metrics', m.trim(), METRICS) as Metric);
  const epsText = flag(args, 'eps');
  const eps = epsText === undefined ? undefined : Number(epsText);
  if (algorithm === 'dbscan' && (eps === undefined || !(eps > 0))) {
    throw new UsageError(`dbscan needs --eps, a distance > 0 in the prepared space${epsText ? ` (got "${epsText}")` : ''}`);
  }
  const minPoints = wholeNumber('min-points', flag(args, 'min-points') ?? '5', 1);

  const file = await readDataFile(path);
  const table = toCustomerTable(await loadTable(file.bytes, { fileName: file.name }), { idColumn: flag(args, 'id') });
  const missing = features.filter((f) => !table.numericColumns.includes(f));
  if (missing.length > 0) {
    throw new Error(
      `${file.name}: no numeric column ${missing.map((m) => `"${m}"`).join(', ')} (numeric columns: ${table.numericColumns.join(', ') || 'none'})`,
    );
  }
  const prepared = prepare(table.columns, { features, transform, scaling, weights });
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
    file: file.name,
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
