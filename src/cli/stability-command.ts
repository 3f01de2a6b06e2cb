import { UsageError, flag, type ParsedArgs } from './args.ts';
import { parseKRange } from './cluster-command.ts';
import { featureArgs, keywordFlag, readFeatureTable } from './feature-table.ts';
import type { Io } from './io.ts';
import { ALGORITHMS, DEFAULT_RESTARTS, type ClusterSpec } from '../analytics/cluster/cluster.ts';
import { NO_ALTERNATIVE } from '../analytics/stability/confidence.ts';
import { stabilityReport, stabilityReportJson } from '../analytics/stability/report.ts';
import { robustness } from '../analytics/stability/robustness.ts';
import { stepsFromSizes } from '../analytics/stability/sensitivity.ts';

/** A numeric flag: its value, the fallback when absent, or a usage error saying what was expected. */
function numberFlag(args: ParsedArgs, name: string, fallback: number, ok: (v: number) => boolean, expected: string): number {
  const text = flag(args, name);
  if (text === undefined) return fallback;
  const v = text.trim() === '' ? NaN : Number(text);
  if (!ok(v)) throw new UsageError(`invalid --${name}: "${text}" (expected ${expected})`);
  return v;
}

const whole = (min: number, max: number) => (v: number) => Number.isInteger(v) && v >= min && v <= max;

/** `--steps 0.1,0.2`: sizes of the weight changes, each tried both ways: -0.2, -0.1, 0.1, 0.2. */
function parseSteps(text: string): number[] {
  try {
    return stepsFromSizes(text, '--steps');
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
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

/**
 * `tierbook stability <file> --features a,b --k 4 ... --json`: bootstrap stability, weight
 * sensitivity, drop-one-feature and holdout of one segmentation of a customer table, as one
 * JSON object (issue 10's shape). Notes and warnings go to stderr.
 */
export async function stabilityCommand(args: ParsedArgs, io: Io): Promise<number> {
  const input = featureArgs(args, 'stability', 'tierbook stability customers.csv --features a,b --k 4 --json');
  const spec = clusterOptions(args);
  const replicates = numberFlag(args, 'replicates', 100, whole(1, 10_000), 'a whole number from 1 to 10000');
  const steps = parseSteps(flag(args, 'steps') ?? '0.1,0.2');
  const holdout = numberFlag(args, 'holdout', 0.2, (v) => v > 0 && v < 1, 'a share between 0 and 1, e.g. 0.2 to fit on 80%');
  const labels = Boolean(flag(args, 'labels'));

  const { table, prepared } = await readFeatureTable(input);
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
    ...stabilityReport({ rows: table.rowCount, features: prepared.features, bootstrap, sensitivity, dropOne, holdout: held }),
    ...(labels ? { customers: customersOf(table.ids, prepared.rows, r.baseline.labels, bootstrap.customers) } : {}),
  };
  io.stdout(stabilityReportJson(output));
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

