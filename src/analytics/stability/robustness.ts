import { normalizeClusterSpec, type ClusterSpec } from '../cluster/cluster.ts';
import type { Matrix } from '../matrix.ts';
import { resolveBaseline, type Baseline } from './baseline.ts';
import { bootstrapStability, type BootstrapResult, type BootstrapSpec } from './bootstrap.ts';
import { dropOneFeature, type DropOneResult } from './drop-one.ts';
import { holdoutValidation, type HoldoutResult, type HoldoutSpec } from './holdout.ts';
import { monteCarloWeights, type MonteCarloResult, type MonteCarloSpec } from './monte-carlo.ts';
import { normalizeSteps, weightSensitivity, type SensitivityResult, type SensitivitySpec } from './sensitivity.ts';
import { subTask, type TaskOptions } from './task.ts';
import type { Weighting } from './weights.ts';

/** Every analysis on one prepared matrix, each switchable; `false` leaves one out. */
export interface RobustnessSpec extends Weighting {
  /** The clustering under test (as the notebook or `tierbook cluster` runs it). */
  readonly cluster: ClusterSpec;
  /** Baseline labels (-1 = noise). Default `cluster(m, spec.cluster)`, computed once for all analyses. */
  readonly baseline?: ArrayLike<number>;
  /** Bootstrap stability and per-customer confidence. Default on, 100 replicates, seed 0. */
  readonly bootstrap?: Pick<BootstrapSpec, 'replicates' | 'seed'> | false;
  /** One-at-a-time weight steps. Default on, ±10% and ±20%. */
  readonly sensitivity?: Pick<SensitivitySpec, 'steps' | 'thresholds'> | false;
  /** Drop one feature at a time. Default on. */
  readonly dropOne?: boolean;
  /** Holdout validation. Default on, 20% held out, seed 0. */
  readonly holdout?: Pick<HoldoutSpec, 'share' | 'seed'> | false;
  /** Monte Carlo weight draws. Default off. */
  readonly monteCarlo?: Pick<MonteCarloSpec, 'draws' | 'range' | 'seed' | 'thresholds'> | false;
}

/** Everything `robustness` ran; an analysis left out is null. */
export interface RobustnessResult {
  readonly baseline: Baseline;
  readonly bootstrap: BootstrapResult | null;
  readonly sensitivity: SensitivityResult | null;
  readonly dropOne: DropOneResult | null;
  readonly holdout: HoldoutResult | null;
  readonly monteCarlo: MonteCarloResult | null;
}

/**
 * Runs the chosen analyses one after another against one baseline, with one progress bar
 * (each analysis gets a share of it by its number of reclusterings) and one Cancel. The
 * `tierbook stability` command and a "Run all" button use this.
 */
export function robustness(m: Matrix, spec: RobustnessSpec, options: TaskOptions = {}): RobustnessResult {
  const settings = normalizeClusterSpec(spec.cluster, m.n);
  const baseline = resolveBaseline(m, settings, spec.baseline);
  const labels = baseline.labels;
  const d = spec.features.length;
  const weightsOn = (w: number | undefined) => (spec.weights ? spec.weights.filter((x) => x > 0).length : d) * (w ?? 0);
  // Cost of each analysis in full-size reclusterings (a replicate is about 63% of the customers).
  const cost = {
    bootstrap: spec.bootstrap === false ? 0 : 0.63 * (spec.bootstrap?.replicates ?? 100),
    sensitivity: spec.sensitivity === false ? 0 : weightsOn(normalizeSteps(spec.sensitivity?.steps).length),
    dropOne: spec.dropOne === false ? 0 : d,
    holdout: spec.holdout === false ? 0 : 0.8,
    monteCarlo: spec.monteCarlo ? (spec.monteCarlo.draws ?? 100) : 0,
  };
  const total = Object.values(cost).reduce((s, c) => s + c, 0) || 1;
  let done = 0;
  const part = (name: keyof typeof cost): TaskOptions => {
    const from = done / total;
    done += cost[name];
    return subTask(options, from, done / total);
  };
  const common = { cluster: settings, baseline: labels };
  const weighting = { features: spec.features, weights: spec.weights };
  return {
    baseline,
    bootstrap: spec.bootstrap === false ? null : bootstrapStability(m, { ...common, ...spec.bootstrap }, part('bootstrap')),
    sensitivity:
      spec.sensitivity === false ? null : weightSensitivity(m, { ...common, ...weighting, ...spec.sensitivity }, part('sensitivity')),
    dropOne: spec.dropOne === false ? null : dropOneFeature(m, { ...common, ...weighting }, part('dropOne')),
    holdout: spec.holdout === false ? null : holdoutValidation(m, { ...common, ...spec.holdout }, part('holdout')),
    monteCarlo: spec.monteCarlo ? monteCarloWeights(m, { ...common, ...weighting, ...spec.monteCarlo }, part('monteCarlo')) : null,
  };
}
