import { normalizeClusterSpec, type ClusterSpec, type NormalizedClusterSpec } from '../cluster/cluster.ts';
import type { AnalyticsIssue } from '../issues.ts';
import type { Matrix } from '../matrix.ts';
import type { Agreement } from './agreement.ts';
import { resolveBaseline } from './baseline.ts';
import type { TaskOptions } from './task.ts';
import { compareVariants } from './variants.ts';
import { normalizeWeighting, reweighMatrix, stepWeight, type Weighting } from './weights.ts';

/** Default weight steps: -20%, -10%, +10%, +20%. */
export const DEFAULT_STEPS: readonly number[] = [-0.2, -0.1, 0.1, 0.2];

/** When a feature's weight counts as safe to argue about; every field optional. */
export interface SensitivityThresholds {
  /** Lowest acceptable ARI against the baseline. Default 0.80 (the "good" ARI band). */
  readonly minAri?: number;
  /** Highest acceptable share of customers changing cluster. Default 0.10. */
  readonly maxShareChanged?: number;
  /** The verdict looks at the steps of at most this size (either sign). Default 0.10, i.e. ±10%. */
  readonly atStep?: number;
}

export type NormalizedThresholds = Required<SensitivityThresholds>;

/** Weight sensitivity options: the clustering, the prepared matrix's features and weights, the steps. */
export interface SensitivitySpec extends Weighting {
  /** The clustering under test; rerun with the same seed and k for every step. */
  readonly cluster: ClusterSpec;
  /** Relative weight changes, each > -1 (e.g. 0.1 = +10%). Default `DEFAULT_STEPS`. */
  readonly steps?: readonly number[];
  readonly thresholds?: SensitivityThresholds;
  /** Baseline labels per row (-1 = noise). Default `cluster(m, spec.cluster)`. */
  readonly baseline?: ArrayLike<number>;
}

/** One feature's weight changed by one step. */
export interface WeightStep extends Agreement {
  readonly feature: string;
  /** The relative change, e.g. -0.1. */
  readonly change: number;
  /** The feature's weight after the change and renormalisation. */
  readonly weight: number;
}

/** Verdict on one feature. */
export interface FeatureVerdict {
  readonly feature: string;
  /** Its weight in the baseline. */
  readonly weight: number;
  /** Largest share changed over all steps (the tornado chart's bar). */
  readonly maxShareChanged: number;
  /** Lowest ARI over all steps. */
  readonly minAri: number;
  /** Pass or fail at the steps within ±atStep; null when no step is that small or the weight is 0. */
  readonly verdict: 'pass' | 'fail' | null;
  /** Why, in a sentence. */
  readonly reason: string;
}

export interface SensitivityResult {
  readonly settings: NormalizedClusterSpec;
  readonly steps: readonly number[];
  readonly thresholds: NormalizedThresholds;
  /** Every feature x step, features in column order, steps in the given order. */
  readonly weights: readonly WeightStep[];
  /** One verdict per feature, in column order. */
  readonly features: readonly FeatureVerdict[];
  /** True when every judged feature passes, false when one fails, null when none could be judged. */
  readonly pass: boolean | null;
  /** Always false: each step is clustered from k-means++ with the baseline's seed (see `BootstrapResult.warmStart`). */
  readonly warmStart: false;
  readonly issues: readonly AnalyticsIssue[];
}

/** Resolves the default thresholds and checks them. */
export function normalizeThresholds(t: SensitivityThresholds = {}): NormalizedThresholds {
  const out = { minAri: t.minAri ?? 0.8, maxShareChanged: t.maxShareChanged ?? 0.1, atStep: t.atStep ?? 0.1 };
  if (!(out.minAri >= -1 && out.minAri <= 1)) throw new Error(`invalid minAri: ${out.minAri} (expected a number from -1 to 1)`);
  if (!(out.maxShareChanged >= 0 && out.maxShareChanged <= 1)) {
    throw new Error(`invalid maxShareChanged: ${out.maxShareChanged} (expected a share from 0 to 1)`);
  }
  if (!(out.atStep > 0 && Number.isFinite(out.atStep))) throw new Error(`invalid atStep: ${out.atStep} (expected a number > 0)`);
  return out;
}

/** Checks the steps: finite, above -1 (a weight cannot go below 0), no repeats. */
export function normalizeSteps(steps: readonly number[] = DEFAULT_STEPS): readonly number[] {
  if (steps.length === 0) throw new Error('invalid steps: none given');
  for (const s of steps) {
    if (!(Number.isFinite(s) && s >= -1)) throw new Error(`invalid step: ${s} (expected a relative change >= -1, e.g. 0.1 for +10%)`);
  }
  if (new Set(steps).size !== steps.length) throw new Error(`invalid steps: ${steps.join(', ')} (a step is listed twice)`);
  return steps;
}

/**
 * Steps from their sizes: `0.1,0.2` (±10% and ±20%) gives -0.2, -0.1, 0.1, 0.2, each size tried
 * both ways. The form of `tierbook stability --steps` and of the notebook's weight-steps input;
 * `name` is the option named in the message for a bad size.
 */
export function stepsFromSizes(text: string, name = 'steps'): number[] {
  const sizes = text.split(',').map((part) => {
    const v = part.trim() === '' ? NaN : Number(part);
    if (!(v > 0 && v < 1)) throw new Error(`invalid ${name}: "${part.trim()}" (expected sizes between 0 and 1, e.g. 0.1,0.2 for ±10% and ±20%)`);
    return v;
  });
  return [...new Set(sizes.flatMap((s) => [-s, s]))].sort((a, b) => a - b);
}

/** The verdict of one feature from its steps. */
function judge(feature: string, weight: number, rows: readonly WeightStep[], t: NormalizedThresholds): FeatureVerdict {
  // a feature with weight 0 has no rows: nothing moved
  const maxShareChanged = Math.max(0, ...rows.map((r) => r.shareChanged));
  const minAri = Math.min(1, ...rows.map((r) => r.ari));
  const base = { feature, weight, maxShareChanged, minAri };
  if (weight === 0) return { ...base, verdict: null, reason: 'weight 0: the feature does not take part in the clustering' };
  const judged = rows.filter((r) => r.change !== 0 && Math.abs(r.change) <= t.atStep + 1e-12);
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  if (judged.length === 0) return { ...base, verdict: null, reason: `no step within ±${pct(t.atStep)}` };
  const bad = judged.find((r) => r.ari < t.minAri || r.shareChanged > t.maxShareChanged);
  if (!bad) {
    return { ...base, verdict: 'pass', reason: `ARI >= ${t.minAri} and at most ${pct(t.maxShareChanged)} changed at every step within ±${pct(t.atStep)}` };
  }
  const sign = bad.change > 0 ? '+' : '';
  return {
    ...base,
    verdict: 'fail',
    reason: `at ${sign}${pct(bad.change)}: ARI ${bad.ari.toFixed(3)}, ${pct(bad.shareChanged)} changed (limits ARI >= ${t.minAri}, at most ${pct(t.maxShareChanged)})`,
  };
}

/**
 * One-at-a-time weight sensitivity (DOMAIN 5.7): each feature's weight changed by each step,
 * the weights renormalised to the same total, the customers reclustered with the same seed and
 * k, and compared with the baseline (ARI; share changed after Hungarian matching). The matrix
 * is rescaled column by column, which equals preparing the data again with the new weights.
 */
export function weightSensitivity(m: Matrix, spec: SensitivitySpec, options: TaskOptions = {}): SensitivityResult {
  const { features, weights } = normalizeWeighting(m, spec);
  const steps = normalizeSteps(spec.steps);
  const thresholds = normalizeThresholds(spec.thresholds);
  const settings = normalizeClusterSpec(spec.cluster, m.n);
  const baseline = resolveBaseline(m, settings, spec.baseline);
  const plan = features.flatMap((feature, j) =>
    weights[j] === 0 ? [] : steps.map((change) => ({ feature, j, change, weights: stepWeight(weights, j, change) })),
  );
  const agreements = compareVariants(
    plan.map((p) => ({
      label: `${p.feature} ${p.change > 0 ? '+' : ''}${Math.round(p.change * 100)}%`,
      matrix: () => reweighMatrix(m, weights, p.weights),
    })),
    settings,
    baseline,
    'weight sensitivity',
    options,
  );
  const rows: WeightStep[] = plan.map((p, i) => ({ feature: p.feature, change: p.change, weight: p.weights[p.j], ...agreements[i] }));
  const issues: AnalyticsIssue[] = features
    .filter((_, j) => weights[j] === 0)
    .map((feature) => ({ code: 'zero-weight', feature, message: `"${feature}" has weight 0, so changing it by a share changes nothing; it was not tested.` }));
  const verdicts = judgeAll(features, weights, rows, thresholds);
  return { settings, steps, thresholds, weights: rows, ...verdicts, warmStart: false, issues };
}

/** Every feature's verdict and the overall one. */
function judgeAll(
  features: readonly string[],
  weights: readonly number[],
  rows: readonly WeightStep[],
  thresholds: NormalizedThresholds,
): Pick<SensitivityResult, 'features' | 'pass'> {
  const verdicts = features.map((feature, j) =>
    judge(
      feature,
      weights[j],
      rows.filter((r) => r.feature === feature),
      thresholds,
    ),
  );
  const judged = verdicts.filter((v) => v.verdict !== null);
  return { features: verdicts, pass: judged.length === 0 ? null : judged.every((v) => v.verdict === 'pass') };
}

/**
 * The same steps judged against other thresholds (verdicts and `pass` only; nothing is
 * reclustered), so thresholds can be edited after a run.
 */
export function judgeSensitivity(result: SensitivityResult, thresholds: SensitivityThresholds): SensitivityResult {
  const t = normalizeThresholds(thresholds);
  const features = result.features.map((f) => f.feature);
  const weights = result.features.map((f) => f.weight);
  return { ...result, thresholds: t, ...judgeAll(features, weights, result.weights, t) };
}
