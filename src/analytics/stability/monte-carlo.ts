import { normalizeClusterSpec, type ClusterSpec, type NormalizedClusterSpec } from '../cluster/cluster.ts';
import type { Matrix } from '../matrix.ts';
import { quantileSorted } from '../prepare/quantile.ts';
import { resolveBaseline } from './baseline.ts';
import { SALT, streamOf } from './resample.ts';
import { normalizeThresholds, type NormalizedThresholds, type SensitivityThresholds } from './sensitivity.ts';
import type { TaskOptions } from './task.ts';
import { share, wholeNumber } from './validate.ts';
import { compareVariants } from './variants.ts';
import { normalizeWeighting, reweigh, reweighMatrix, type Weighting } from './weights.ts';

/** Monte Carlo weight sensitivity options. */
export interface MonteCarloSpec extends Weighting {
  readonly cluster: ClusterSpec;
  /** Random weight vectors. Default 100. */
  readonly draws?: number;
  /** Each weight is multiplied by a uniform factor in [1 - range, 1 + range]. Default 0.2 (±20%). */
  readonly range?: number;
  /** Seed of the draws. Default 0. */
  readonly seed?: number;
  /** `minAri` says which draws count as a different segmentation. Default 0.80. */
  readonly thresholds?: SensitivityThresholds;
  /** Baseline labels per row (-1 = noise). Default `cluster(m, spec.cluster)`. */
  readonly baseline?: ArrayLike<number>;
}

/** Five-number summary of a distribution. */
export interface Quantiles {
  readonly min: number;
  readonly p05: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

export interface MonteCarloResult {
  readonly settings: NormalizedClusterSpec;
  readonly draws: number;
  readonly range: number;
  readonly seed: number;
  readonly thresholds: NormalizedThresholds;
  /** ARI against the baseline of each draw. */
  readonly ari: Float64Array;
  /** Share of customers changed (after Hungarian matching) of each draw. */
  readonly shareChanged: Float64Array;
  readonly summary: { readonly ari: Quantiles; readonly shareChanged: Quantiles };
  /** Share of draws whose ARI is below `thresholds.minAri`. */
  readonly belowMinAri: number;
  readonly warmStart: false;
}

function quantiles(values: Float64Array): Quantiles {
  const s = Float64Array.from(values).sort();
  const q = (p: number) => quantileSorted(s, p);
  return { min: q(0), p05: q(0.05), median: q(0.5), p95: q(0.95), max: q(1) };
}

/**
 * Monte Carlo weight sensitivity: `draws` random weight vectors, every weight multiplied by its
 * own uniform factor within ±range and the total renormalised, each reclustered with the same
 * seed and k and compared with the baseline. Answers "how much could reasonable disagreement on
 * all the weights at once move the segments?".
 */
export function monteCarloWeights(m: Matrix, spec: MonteCarloSpec, options: TaskOptions = {}): MonteCarloResult {
  const { weights } = normalizeWeighting(m, spec);
  const draws = wholeNumber('draws', spec.draws ?? 100, 1, 10_000);
  const range = share('range', spec.range ?? 0.2, false, '0.2 for ±20%');
  const seed = wholeNumber('seed', spec.seed ?? 0, 0);
  const thresholds = normalizeThresholds(spec.thresholds);
  const settings = normalizeClusterSpec(spec.cluster, m.n);
  const baseline = resolveBaseline(m, settings, spec.baseline);
  const variants = Array.from({ length: draws }, (_, t) => ({
    label: `draw ${t + 1} of ${draws}`,
    matrix: () => {
      const random = streamOf(seed, SALT.monteCarlo, t);
      const drawn = reweigh(
        weights,
        weights.map(() => 1 + range * (2 * random() - 1)),
      );
      return reweighMatrix(m, weights, drawn);
    },
  }));
  const agreements = compareVariants(variants, settings, baseline, 'Monte Carlo weights', options);
  const ari = Float64Array.from(agreements, (a) => a.ari);
  const shareChanged = Float64Array.from(agreements, (a) => a.shareChanged);
  return {
    settings,
    draws,
    range,
    seed,
    thresholds,
    ari,
    shareChanged,
    summary: { ari: quantiles(ari), shareChanged: quantiles(shareChanged) },
    belowMinAri: shareBelow(ari, thresholds.minAri),
    warmStart: false,
  };
}

/** The draws read against another minimum ARI (`belowMinAri`; nothing is reclustered). */
export function withMinAri(result: MonteCarloResult, minAri: number): MonteCarloResult {
  const thresholds = normalizeThresholds({ ...result.thresholds, minAri });
  return { ...result, thresholds, belowMinAri: shareBelow(result.ari, thresholds.minAri) };
}

/** Share of the draws whose ARI is below `minAri`. */
function shareBelow(ari: Float64Array, minAri: number): number {
  return ari.reduce((s, x) => s + (x < minAri ? 1 : 0), 0) / ari.length;
}
