import { select, slider, text } from '../src/runtime/index.ts';
import { DEFAULT_RESTARTS, type Algorithm, type ClusterSpec } from '../src/analytics/cluster/cluster.ts';
import type { Prepared } from '../src/analytics/prepare/prepare.ts';
import type { SensitivityThresholds } from '../src/analytics/stability/sensitivity.ts';
import { stepsFromSizes } from '../src/analytics/stability/sensitivity.ts';
import { PERIOD_KINDS, type PeriodKind, type PeriodSpec } from '../src/data/features/periods.ts';
import { algorithm, eps, k, minPoints, seed } from './cluster.ts';

/** The settings of section 7, Robustness. Percentages are whole numbers, so 80% fitted is exactly 0.2 held out. */

export const weightSteps = text({
  name: 'weightSteps',
  title: 'Weight steps',
  value: '0.1,0.2',
  check: (t) => void stepsFromSizes(t, 'weightSteps'),
  description: 'Sizes of the weight changes, each tried down and up: 0.1,0.2 changes each weight by −20%, −10%, +10% and +20% in turn, the other weights renormalised to the same total.',
});

export const minAri = slider({
  name: 'minAri',
  title: 'Pass: ARI at least',
  min: 0,
  max: 1,
  step: 0.05,
  value: 0.8,
  description: 'A feature’s weight passes when the reclustering agrees with the clusters above at least this much (0.80 is where “good” agreement starts).',
});

export const maxChanged = slider({
  name: 'maxChanged',
  title: 'Pass: customers changing cluster at most',
  min: 0,
  max: 50,
  value: 10,
  unit: '%',
  description: 'and no more than this share of the customers changes cluster.',
});

export const verdictStep = slider({
  name: 'verdictStep',
  title: 'Judged at steps up to',
  min: 5,
  max: 50,
  step: 5,
  value: 10,
  unit: '%',
  description: 'The verdict looks at the steps of at most this size, down and up (the usual rule is ±10%); larger steps are shown for context.',
});

export const mcDraws = slider({
  name: 'mcDraws',
  title: 'Monte Carlo draws (N)',
  min: 10,
  max: 500,
  step: 10,
  value: 100,
  description: 'Random weight vectors, each reclustered: how much could reasonable disagreement on all the weights at once move the segments?',
});

export const mcRange = slider({
  name: 'mcRange',
  title: 'Monte Carlo range (±x%)',
  min: 5,
  max: 50,
  step: 5,
  value: 20,
  unit: '%',
  description: 'Every weight is multiplied by its own random factor within this range.',
});

export const replicates = slider({
  name: 'replicates',
  title: 'Bootstrap replicates (B)',
  min: 10,
  max: 500,
  step: 10,
  value: 100,
  description: 'Resamples of the customers, each clustered again from scratch. 100 is the usual number; more give steadier figures and take proportionally longer.',
});

export const holdoutFit = slider({
  name: 'holdoutFit',
  title: 'Holdout: share of customers fitted',
  min: 50,
  max: 95,
  step: 5,
  value: 80,
  unit: '%',
  description: 'The clustering is fitted on this share of the customers (drawn with the seed); the others are assigned to the fitted clusters, as new customers would be.',
});

export const periods = select({
  name: 'periods',
  title: 'Periods',
  options: PERIOD_KINDS,
  value: 'halves',
  description: 'How the order lines are split by order date: the months in two halves, calendar quarters, or rolling windows (below).',
});

export const periodWindow = slider({ name: 'periodWindow', title: 'Rolling window', min: 1, max: 24, value: 6, unit: 'months', description: 'Length of each rolling window.' });
export const periodStep = slider({ name: 'periodStep', title: 'Rolling step', min: 1, max: 12, value: 3, unit: 'months', description: 'Months between the starts of consecutive rolling windows.' });

/** Section 7's settings in the order the notebook shows them. */
export const ROBUSTNESS_SETTINGS = [weightSteps, minAri, maxChanged, verdictStep, mcDraws, mcRange, replicates, holdoutFit, periods, periodWindow, periodStep] as const;

/** The clustering inputs every analysis reads, so its result turns stale when one changes. */
export const clusterInputs = { algorithm, k, seed, eps, minPoints };

/** The clustering under test, exactly as the Clustering cell runs it. */
export function clusterSpecOf(v: { algorithm: Algorithm; k: number; seed: number; eps: number; minPoints: number }): ClusterSpec {
  return { algorithm: v.algorithm, k: v.k, seed: v.seed, restarts: DEFAULT_RESTARTS, eps: v.eps, minPoints: v.minPoints };
}

/** The prepared matrix's features and the weights it was prepared with. */
export function weightingOf(p: Prepared): { features: readonly string[]; weights: readonly number[] } {
  return { features: p.features, weights: p.params.features.map((f) => f.weight) };
}

/** The pass thresholds as the analytics take them (shares, not percentages). */
export function thresholdsOf(v: { minAri: number; maxChanged: number; verdictStep: number }): SensitivityThresholds {
  return { minAri: v.minAri, maxShareChanged: v.maxChanged / 100, atStep: v.verdictStep / 100 };
}

/** The period split; the window and step matter for rolling windows only. */
export function periodSpecOf(v: { periods: PeriodKind; periodWindow: number; periodStep: number }): PeriodSpec {
  return { kind: v.periods, windowMonths: v.periodWindow, stepMonths: v.periodStep };
}
