import { normalizeClusterSpec, type ClusterSpec, type NormalizedClusterSpec } from '../cluster/cluster.ts';
import type { AnalyticsIssue } from '../issues.ts';
import type { Matrix } from '../matrix.ts';
import type { Agreement } from './agreement.ts';
import { resolveBaseline } from './baseline.ts';
import type { TaskOptions } from './task.ts';
import { compareVariants } from './variants.ts';
import { normalizeWeighting, reweigh, reweighMatrix, type Weighting } from './weights.ts';

/** Drop-one-feature options. */
export interface DropOneSpec extends Weighting {
  /** The clustering under test; rerun with the same seed and k without each feature in turn. */
  readonly cluster: ClusterSpec;
  /** Baseline labels per row (-1 = noise). Default `cluster(m, spec.cluster)`. */
  readonly baseline?: ArrayLike<number>;
}

/** The clustering without one feature, against the baseline. */
export interface DroppedFeature extends Agreement {
  readonly feature: string;
}

export interface DropOneResult {
  readonly settings: NormalizedClusterSpec;
  /** One row per feature that could be dropped, in column order. Low ARI = the segmentation rests on it. */
  readonly dropOne: readonly DroppedFeature[];
  readonly warmStart: false;
  readonly issues: readonly AnalyticsIssue[];
}

/**
 * Reclusters without each feature in turn (same seed and k; the remaining weights renormalised
 * to the same total, as in the weight steps) and compares with the baseline. The features whose
 * removal moves the most customers are the ones the segmentation actually rests on.
 */
export function dropOneFeature(m: Matrix, spec: DropOneSpec, options: TaskOptions = {}): DropOneResult {
  const { features, weights } = normalizeWeighting(m, spec);
  const settings = normalizeClusterSpec(spec.cluster, m.n);
  const baseline = resolveBaseline(m, settings, spec.baseline);
  const issues: AnalyticsIssue[] = [];
  if (features.length < 2) {
    issues.push({ code: 'single-feature', message: 'With one feature there is nothing left to cluster on when it is dropped.' });
  }
  const droppable = features
    .map((feature, j) => ({ feature, j }))
    .filter(({ j }) => features.length > 1 && weights.some((w, t) => t !== j && w > 0));
  if (features.length > 1 && droppable.length < features.length) {
    issues.push({ code: 'only-weighted-feature', message: 'The only feature with a weight above 0 cannot be dropped: nothing would be left.' });
  }
  const agreements = compareVariants(
    droppable.map(({ feature, j }) => ({
      label: `without ${feature}`,
      matrix: () => {
        const kept = reweigh(
          weights,
          weights.map((_, t) => (t === j ? 0 : 1)),
        );
        return reweighMatrix(
          m,
          weights,
          kept.map((w, t) => (t === j ? null : w)),
        );
      },
    })),
    settings,
    baseline,
    'drop one feature',
    options,
  );
  return {
    settings,
    dropOne: droppable.map(({ feature }, i) => ({ feature, ...agreements[i] })),
    warmStart: false,
    issues,
  };
}
