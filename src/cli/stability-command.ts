import { UsageError, flag, type ParsedArgs } from './args.ts';
import { parseKRange, parseWeights } from './cluster-command.ts';
import { readDataFile, type Io } from './io.ts';
import { loadTable, toCustomerTable } from '../data/index.ts';
import { ALGORITHMS, DEFAULT_RESTARTS, type ClusterSpec } from '../analytics/cluster/cluster.ts';
import { keyword } from '../analytics/keyword.ts';
import { prepare } from '../analytics/prepare/prepare.ts';
import { SCALINGS, TRANSFORMS } from '../analytics/prepare/preparation-spec.ts';
import type { ClusterStability } from '../analytics/stability/bootstrap.ts';
import { NO_ALTERNATIVE } from '../analytics/stability/confidence.ts';
import { robustness } from '../analytics/stability/robustness.ts';

/** A numeric flag: its value, the fallback when absent, or a usage error saying what was expected. */
function numberFlag(args: ParsedArgs, name: string, fallback: number, ok: (v: number) => boolean, expected: string): number {
  const text = flag(args, name);
  if (text === undefined) return fallback;
  const v = text.trim() === '' ? NaN : Number(text);
  if (!ok(v)) throw new UsageError(`invalid --${name}: "${text}" (expected ${expected})`);
  return v;
}

const whole = (min: number, max: number) => (v: number) => Number.isInteger(v) && v >= min && v <= max;

function keywordFlag<T extends string>(args: ParsedArgs, name: string, fallback: T, allowed: readonly T[]): T {
  try {
    return keyword(`--${name}`, flag(args, name) ?? fallback, allowed);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** `--steps 0.1,0.2`: sizes of the weight changes, each tried both ways: -0.2, -0.1, 0.1, 0.2. */
export function parseSteps(text: string): number[] {
  const sizes = text.split(',').map((part) => {
    const v = part.trim() === '' ? NaN : Number(part);
    if (!(v > 0 && v < 1)) throw new UsageError(`invalid --steps: "${part}" (expected sizes between 0 and 1, e.g. 0.1,0.2 for ±10% and ±20%)`);
    return v;
  });
  const both = new Set(sizes.flatMap((s) => [-s, s]));
  return [...both].sort((a, b) => a - b);
}

/** The clustering options shared with `tierbook cluster`, parsed the same way. */
function clusterOptions(args: ParsedArgs): ClusterSpec {
  const algorithm = keywordFlag(args, 'algorithm', 'kmeans', ALGORITHMS);
  const kText = flag(args, 'k');
  let k: number | undefined;
  if (algorithm !== 'dbscan') {
    if (kText === undefined) throw new UsageError('stability needs --k, the number of clusters of the segmentation to test, e.g. --k 4');
    const ks = parseKRange(kText);
    if (ks.length !== 1) throw new UsageError(`invalid --k: "${kText}" (stability tests one segmentation: give one k, e.g. --k 4)`);
    k = ks[0];
  }
  const eps = numberFlag(args, 'eps', NaN, (v) => v > 0 && Number.isFinite(v), 'a distance > 0 in the prepared space');
  if (algorithm === 'dbscan' && Number.isNaN(eps)) throw new UsageError('dbscan needs --eps, a distance > 0 in the prepared space');
  return {
    algorithm,
    k,
    seed: numberFlag(args, 'seed', 0, whole(0, Number.MAX_SAFE_INTEGER), 'a whole number from 0 up'),
    restarts: numberFlag(args, 'restarts', DEFAULT_RESTARTS, whole(1, 1000), 'a whole number from 1 to 1000'),
    eps: algorithm === 'dbscan' ? eps : undefined,
    minPoints: numberFlag(args, 'min-points', 5, whole(1, Number.MAX_SAFE_INTEGER), 'a whole number from 1 up'),
  };
}

const orNull = (x: number) => (Number.isNaN(x) ? null : x);

/** One bootstrap row of the output (noise: cluster -1, no band). */
function clusterRow(c: ClusterStability) {
  return { cluster: c.cluster, size: c.size, meanJaccard: orNull(c.meanJaccard), dissolved: c.dissolved, recovered: c.recovered, band: c.band };
}

/**
 * `tierbook stability <file> --features a,b --k 4 ... --json`: bootstrap stability, weight
 * sensitivity, drop-one-feature and holdout of one segmentation of a customer table, as one
 * JSON object (issue 10's shape). Notes and warnings go to stderr.
 */
export async function stabilityCommand(args: ParsedArgs, io: Io): Promise<number> {
  const [path, ...extra] = args.positionals;
  if (path === undefined) throw new UsageError('stability needs a data file, e.g. tierbook stability customers.csv --features a,b --k 4 --json');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (flags start with --)`);
  if (!flag(args, 'json')) throw new UsageError('stability prints JSON only: add --json');
  const featuresText = flag(args, 'features');
  if (featuresText === undefined) throw new UsageError('stability needs --features, e.g. --features revenue,cts_pct');
  const features = featuresText.split(',').map((f) => f.trim()).filter((f) => f !== '');
  const transform = keywordFlag(args, 'transform', 'none', TRANSFORMS);
  const scaling = keywordFlag(args, 'scale', 'zscore', SCALINGS);
  const weights = parseWeights(flag(args, 'weights') ?? '');
  const spec = clusterOptions(args);
  const replicates = numberFlag(args, 'replicates', 100, whole(1, 10_000), 'a whole number from 1 to 10000');
  const steps = parseSteps(flag(args, 'steps') ?? '0.1,0.2');
  const holdout = numberFlag(args, 'holdout', 0.2, (v) => v > 0 && v < 1, 'a share between 0 and 1, e.g. 0.2 to fit on 80%');
  const labels = Boolean(flag(args, 'labels'));

  const file = await readDataFile(path);
  const table = toCustomerTable(await loadTable(file.bytes, { fileName: file.name }), { idColumn: flag(args, 'id') });
  const missing = features.filter((f) => !table.numericColumns.includes(f));
  if (missing.length > 0) {
    throw new Error(
      `${file.name}: no numeric column ${missing.map((m) => `"${m}"`).join(', ')} (numeric columns: ${table.numericColumns.join(', ') || 'none'})`,
    );
  }
  const prepared = prepare(table.columns, { features, transform, scaling, weights });
  const seed = spec.seed ?? 0;
  const r = robustness(prepared.matrix, {
    cluster: spec,
    features: prepared.features,
    weights: prepared.params.features.map((f) => f.weight),
    bootstrap: { replicates, seed },
    sensitivity: { steps },
    holdout: { share: holdout, seed },
  });
  const { bootstrap, sensitivity, dropOne, holdout: held } = r;
  if (!bootstrap || !sensitivity || !dropOne || !held) throw new Error('unreachable: an analysis did not run');
  for (const i of [...table.issues, ...prepared.issues]) io.stderr(`tierbook: note: ${i.message}\n`);
  for (const i of [...bootstrap.issues, ...sensitivity.issues, ...dropOne.issues, ...held.issues]) io.stderr(`tierbook: warning: ${i.message}\n`);
  const output = {
    rows: table.rowCount,
    features: prepared.features,
    k: r.baseline.clusters,
    bootstrap: {
      replicates: bootstrap.replicates,
      clusters: [...bootstrap.clusters, ...(bootstrap.noise ? [bootstrap.noise] : [])].map(clusterRow),
    },
    sensitivity: {
      weights: sensitivity.weights.map((w) => ({ feature: w.feature, change: w.change, ari: w.ari, shareChanged: w.shareChanged })),
      dropOne: dropOne.dropOne.map((f) => ({ feature: f.feature, ari: f.ari, shareChanged: f.shareChanged })),
      pass: sensitivity.pass,
    },
    holdout: { share: held.share, ari: held.ari },
    ...(labels ? { customers: customersOf(table.ids, prepared.rows, r.baseline.labels, bootstrap.customers) } : {}),
  };
  io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

/** One entry per input row, in input order; rows left out by the preparation have nulls. */
function customersOf(
  ids: readonly string[],
  rows: Int32Array,
  cluster: Int32Array,
  c: { confidence: Float64Array; alternative: Int32Array },
) {
  const out = ids.map((id) => ({ id, cluster: null as number | null, confidence: null as number | null, alternative: null as number | null }));
  rows.forEach((row, i) => {
    out[row].cluster = cluster[i];
    out[row].confidence = orNull(c.confidence[i]);
    out[row].alternative = c.alternative[i] === NO_ALTERNATIVE ? null : c.alternative[i];
  });
  return out;
}

