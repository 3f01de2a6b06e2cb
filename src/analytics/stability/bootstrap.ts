import { normalizeClusterSpec, type ClusterSpec, type NormalizedClusterSpec } from '../cluster/cluster.ts';
import type { AnalyticsIssue } from '../issues.ts';
import { selectRows, type Matrix } from '../matrix.ts';
import { DISSOLVED_AT, RECOVERED_ABOVE, stabilityBand, type StabilityBand } from './bands.ts';
import { matchToReference } from './agreement.ts';
import { resolveBaseline } from './baseline.ts';
import { confidenceTally, finishConfidence, tallyReplicate, type CustomerConfidence } from './confidence.ts';
import { jaccardFromCounts } from './jaccard.ts';
import { recluster } from './recluster.ts';
import { bootstrapRows, SALT, streamOf } from './resample.ts';
import { checkAborted, type TaskOptions } from './task.ts';
import { wholeNumber } from './validate.ts';

/** Bootstrap stability options; only `cluster` is required. */
export interface BootstrapSpec {
  /** The clustering under test; every replicate is reclustered with exactly these settings. */
  readonly cluster: ClusterSpec;
  /** Bootstrap replicates B. Default 100 (Hennig's recommendation). */
  readonly replicates?: number;
  /** Seed of the resampling (replicate b draws from its own derived stream). Default 0. */
  readonly seed?: number;
  /** Baseline labels per row (-1 = noise), e.g. the notebook's clustering. Default `cluster(m, spec.cluster)`. */
  readonly baseline?: ArrayLike<number>;
}

/** How one baseline cluster (or the noise group) fared over the replicates. */
export interface ClusterStability {
  /** Baseline cluster id; -1 for DBSCAN's noise group. */
  readonly cluster: number;
  /** Customers in the baseline cluster. */
  readonly size: number;
  /** Mean over the replicates of the largest Jaccard against a replicate cluster; NaN if it was never drawn. */
  readonly meanJaccard: number;
  /** Replicates with a Jaccard <= 0.5. */
  readonly dissolved: number;
  /** Replicates with a Jaccard > 0.75. */
  readonly recovered: number;
  /** Replicates in which at least one of its customers was drawn (the others carry no evidence). */
  readonly replicates: number;
  /** Band of the mean Jaccard; null for the noise group and for a cluster never drawn. */
  readonly band: StabilityBand | null;
  /** Jaccard of each replicate, NaN where none of its customers was drawn. */
  readonly jaccards: Float64Array;
}

/** Result of `bootstrapStability`: plain data, cloneable to and from a worker. */
export interface BootstrapResult {
  readonly replicates: number;
  readonly seed: number;
  /** The clustering settings of every replicate, defaults resolved. */
  readonly settings: NormalizedClusterSpec;
  /** One entry per baseline cluster, by id. */
  readonly clusters: readonly ClusterStability[];
  /** DBSCAN's noise group treated like a cluster (matched only against replicate noise); null without noise. */
  readonly noise: ClusterStability | null;
  /** Per-customer confidence and most frequent other cluster, one value per matrix row. */
  readonly customers: CustomerConfidence;
  /** What ran, for the UI: the clustering method(s) of the replicates and the resampling rule. */
  readonly method: string;
  /**
   * Always false: every replicate starts from its own k-means++ seeding like the notebook's
   * settled result. A warm start from the baseline's centroids would pull replicates towards
   * the baseline and overstate stability.
   */
  readonly warmStart: false;
  readonly issues: readonly AnalyticsIssue[];
}

/** Resolves and validates the defaults of a bootstrap spec. */
export function normalizeBootstrap(spec: BootstrapSpec): { replicates: number; seed: number } {
  return { replicates: wholeNumber('replicates', spec.replicates ?? 100, 1, 10_000), seed: wholeNumber('seed', spec.seed ?? 0, 0) };
}

/**
 * Clusterboot-style bootstrap stability (Hennig 2007). Each replicate draws n customers with
 * replacement, keeps each drawn customer once, reclusters them with the same settings, and
 * scores every baseline cluster by its largest Jaccard against the replicate's clusters, both
 * restricted to the customers drawn. Per cluster: mean Jaccard, times dissolved (<= 0.5) and
 * recovered (> 0.75), band. Per customer: the share of replicates drawing it in which it lands
 * in the replicate cluster matched (Hungarian, on the drawn customers) to its baseline cluster.
 */
export function bootstrapStability(m: Matrix, spec: BootstrapSpec, options: TaskOptions = {}): BootstrapResult {
  const { replicates, seed } = normalizeBootstrap(spec);
  const settings = normalizeClusterSpec(spec.cluster, m.n);
  const base = resolveBaseline(m, settings, spec.baseline);
  const K = base.clusters;
  const atLeast = settings.algorithm === 'dbscan' ? 1 : settings.k;
  const jaccards = Array.from({ length: K + 1 }, () => new Float64Array(replicates).fill(NaN));
  const tally = confidenceTally(m.n, K);
  const methods = new Set<string>();
  let allNoise = 0;
  for (let b = 0; b < replicates; b++) {
    checkAborted(options.signal, 'bootstrap');
    const rows = bootstrapRows(m.n, streamOf(seed, SALT.bootstrap, b), atLeast);
    const run = recluster(selectRows(m, rows), settings);
    if (run.method === null) allNoise++;
    else methods.add(run.method);
    const baseline = Int32Array.from(rows, (i) => base.labels[i]);
    scoreReplicate(baseline, run.labels, K, jaccards, b);
    const { mapping } = matchToReference(baseline, run.labels);
    // a replicate cluster without a baseline partner is slot K: a move that names no alternative
    const matched = run.labels.map((c) => (c < 0 ? c : mapping[c] >= 0 ? mapping[c] : K));
    tallyReplicate(tally, rows, baseline, matched);
    options.onProgress?.((b + 1) / replicates, `bootstrap replicate ${b + 1} of ${replicates}`);
  }
  const summarise = (c: number, size: number): ClusterStability => {
    const js = jaccards[c < 0 ? K : c];
    let sum = 0;
    let counted = 0;
    let dissolved = 0;
    let recovered = 0;
    for (const j of js) {
      if (Number.isNaN(j)) continue;
      sum += j;
      counted++;
      if (j <= DISSOLVED_AT) dissolved++;
      if (j > RECOVERED_ABOVE) recovered++;
    }
    const meanJaccard = counted ? sum / counted : NaN;
    const band = c < 0 || !counted ? null : stabilityBand(meanJaccard);
    return { cluster: c, size, meanJaccard, dissolved, recovered, replicates: counted, band, jaccards: js };
  };
  const clusters = base.sizes.map((size, c) => summarise(c, size));
  const issues: AnalyticsIssue[] = [];
  if (settings.algorithm === 'dbscan') {
    issues.push({
      code: 'dbscan-density',
      message:
        'A replicate keeps about 63% of the customers, so DBSCAN sees lower densities at the same eps: expect more noise in replicates than in the baseline.',
    });
  }
  if (allNoise > 0) {
    issues.push({
      code: 'replicates-all-noise',
      message: `In ${allNoise} of ${replicates} replicates DBSCAN found no cluster at all; every cluster counts as dissolved there.`,
    });
  }
  const unseen = clusters.filter((c) => c.replicates === 0).map((c) => c.cluster);
  if (unseen.length > 0) {
    issues.push({
      code: 'never-drawn',
      message: `Cluster${unseen.length === 1 ? '' : 's'} ${unseen.join(', ')} had no customer in any replicate; no stability is given for ${unseen.length === 1 ? 'it' : 'them'}.`,
    });
  }
  return {
    replicates,
    seed,
    settings,
    clusters,
    noise: base.noise > 0 ? summarise(-1, base.noise) : null,
    customers: finishConfidence(tally, base.labels),
    method: `${[...methods].join(' / ')} on each replicate of about 63% distinct customers (bootstrap, repeats dropped)`,
    warmStart: false,
    issues,
  };
}

/**
 * Writes replicate b's Jaccard of every baseline cluster present in it into `jaccards[c][b]`
 * (slot K = the noise group, compared with the replicate's noise only).
 */
function scoreReplicate(
  baseline: Int32Array,
  labels: Int32Array,
  K: number,
  jaccards: Float64Array[],
  b: number,
): void {
  let kr = 0;
  for (const c of labels) if (c + 1 > kr) kr = c + 1;
  // counts[(c + 1) * (kr + 1) + (c' + 1)]: row and column 0 hold noise
  const width = kr + 1;
  const counts = new Int32Array((K + 1) * width);
  for (let r = 0; r < baseline.length; r++) counts[(baseline[r] + 1) * width + labels[r] + 1]++;
  const rowSum = new Int32Array(K + 1);
  const colSum = new Int32Array(width);
  for (let a = 0; a <= K; a++) {
    for (let c = 0; c < width; c++) {
      rowSum[a] += counts[a * width + c];
      colSum[c] += counts[a * width + c];
    }
  }
  for (let c = 0; c < K; c++) {
    const a = c + 1;
    if (rowSum[a] === 0) continue;
    let best = 0;
    for (let t = 1; t < width; t++) {
      const j = jaccardFromCounts(counts[a * width + t], rowSum[a], colSum[t]);
      if (j > best) best = j;
    }
    jaccards[c][b] = best;
  }
  if (rowSum[0] > 0) jaccards[K][b] = jaccardFromCounts(counts[0], rowSum[0], colSum[0]);
}
