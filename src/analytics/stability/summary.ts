/**
 * The robustness evidence that travels with an exported segmentation config: the settings of
 * each analysis and its headline results, as plain JSON (NaN becomes null), with a zod schema
 * to validate it when a config is loaded.
 */
import { z } from '../../data/zod.ts';
import { ALGORITHMS } from '../cluster/cluster.ts';
import { STABILITY_BANDS } from './bands.ts';
import type { PeriodStabilityResult } from './periods.ts';
import type { RobustnessResult } from './robustness.ts';

export const ROBUSTNESS_KIND = 'tierbook-robustness';
export const ROBUSTNESS_VERSION = 1;

/** A finite number, or null where the value is undefined (e.g. a cluster never drawn). */
const measure = z.number().refine(Number.isFinite, 'must be a finite number').nullable();
const share = z.number().min(0).max(1);
const count = z.number().int().min(0);

const clusterStability = z.object({
  /** Baseline cluster id; -1 = DBSCAN noise. */
  cluster: z.number().int().min(-1),
  /** Customers in the baseline cluster. */
  size: count,
  /** Mean bootstrap Jaccard; null when never drawn. */
  meanJaccard: measure,
  /** Replicates with Jaccard <= 0.5. */
  dissolved: count,
  /** Replicates with Jaccard > 0.75. */
  recovered: count,
  /** Band of the mean Jaccard; null for noise. */
  band: z.enum(STABILITY_BANDS).nullable(),
});

const agreement = z.object({ ari: measure, shareChanged: measure });

export const robustnessSummarySchema = z.object({
  kind: z.literal(ROBUSTNESS_KIND),
  version: z.literal(ROBUSTNESS_VERSION),
  /** How the tested clustering was run. */
  cluster: z.object({
    algorithm: z.enum(ALGORITHMS),
    k: count,
    seed: count,
    restarts: count,
    eps: z.number().positive(),
    minPoints: count,
  }),
  bootstrap: z
    .object({
      replicates: count,
      /** Seed of the resampling. */
      seed: count,
      /** What ran on each replicate. */
      method: z.string(),
      clusters: z.array(clusterStability),
      /** DBSCAN's noise group; null without noise. */
      noise: clusterStability.nullable(),
    })
    .nullable(),
  sensitivity: z
    .object({
      /** Relative weight changes, e.g. -0.1. */
      steps: z.array(z.number()),
      thresholds: z.object({ minAri: z.number(), maxShareChanged: share, atStep: z.number().positive() }),
      weights: z.array(agreement.extend({ feature: z.string(), change: z.number() })),
      verdicts: z.array(z.object({ feature: z.string(), verdict: z.enum(['pass', 'fail']).nullable(), reason: z.string() })),
      /** Every judged feature passed; null when none could be judged. */
      pass: z.boolean().nullable(),
    })
    .nullable(),
  dropOne: z.array(agreement.extend({ feature: z.string() })).nullable(),
  holdout: z
    .object({
      /** Share of customers held out. */
      share,
      seed: count,
      heldOut: count,
      /** ARI on the held-out customers against the clustering of all. */
      ari: measure,
      shareChanged: measure,
      /** What "nearest fitted cluster" meant. */
      assignment: z.string(),
    })
    .nullable(),
  monteCarlo: z
    .object({
      draws: count,
      range: share,
      seed: count,
      ari: z.object({ min: measure, p05: measure, median: measure, p95: measure, max: measure }),
      /** Share of draws below the minimum ARI. */
      belowMinAri: share,
    })
    .nullable(),
  periods: z
    .object({
      /** How the order dates were split, e.g. `halves`. */
      kind: z.string(),
      reference: z.string(),
      labels: z.array(z.string()),
      /** ARI between consecutive periods on the customers clustered in both. */
      consecutive: z.array(z.object({ from: z.string(), to: z.string(), common: count, ari: measure })),
      /** Share of the customers clustered in the first and the last period that kept their cluster. */
      stayed: measure,
    })
    .nullable(),
});

export type RobustnessSummary = z.infer<typeof robustnessSummarySchema>;

/** NaN (undefined values) as null, for JSON. */
const orNull = (x: number | null): number | null => (x === null || Number.isNaN(x) ? null : x);

/** The summary of what ran; `periods` when stability across periods ran too (with how the dates were split). */
export function summarizeRobustness(
  result: Omit<RobustnessResult, 'baseline'>,
  periods?: { readonly result: PeriodStabilityResult; readonly kind: string },
): RobustnessSummary {
  const { bootstrap: b, sensitivity: s, dropOne, holdout: h, monteCarlo: mc } = result;
  const settings = b?.settings ?? s?.settings ?? dropOne?.settings ?? h?.settings ?? mc?.settings ?? periods?.result.settings;
  if (!settings) throw new Error('nothing to summarise: no robustness analysis ran');
  const cs = (c: NonNullable<typeof b>['clusters'][number]) => ({
    cluster: c.cluster,
    size: c.size,
    meanJaccard: orNull(c.meanJaccard),
    dissolved: c.dissolved,
    recovered: c.recovered,
    band: c.band,
  });
  const ag = (a: { ari: number; shareChanged: number }) => ({ ari: orNull(a.ari), shareChanged: orNull(a.shareChanged) });
  return {
    kind: ROBUSTNESS_KIND,
    version: ROBUSTNESS_VERSION,
    cluster: { ...settings },
    bootstrap: b && { replicates: b.replicates, seed: b.seed, method: b.method, clusters: b.clusters.map(cs), noise: b.noise && cs(b.noise) },
    sensitivity: s && {
      steps: [...s.steps],
      thresholds: { ...s.thresholds },
      weights: s.weights.map((w) => ({ feature: w.feature, change: w.change, ...ag(w) })),
      verdicts: s.features.map((f) => ({ feature: f.feature, verdict: f.verdict, reason: f.reason })),
      pass: s.pass,
    },
    dropOne: dropOne && dropOne.dropOne.map((f) => ({ feature: f.feature, ...ag(f) })),
    holdout: h && { share: h.share, seed: h.seed, heldOut: h.heldOut, ...ag(h), assignment: h.assignment },
    monteCarlo: mc && {
      draws: mc.draws,
      range: mc.range,
      seed: mc.seed,
      ari: {
        min: orNull(mc.summary.ari.min),
        p05: orNull(mc.summary.ari.p05),
        median: orNull(mc.summary.ari.median),
        p95: orNull(mc.summary.ari.p95),
        max: orNull(mc.summary.ari.max),
      },
      belowMinAri: mc.belowMinAri,
    },
    periods: periods
      ? {
          kind: periods.kind,
          reference: periods.result.reference,
          labels: periods.result.periods.map((p) => p.label),
          consecutive: periods.result.consecutive.map((p) => ({ from: p.from, to: p.to, common: p.common, ari: p.ari })),
          stayed: orNull(periods.result.migration.stayed),
        }
      : null,
  };
}

/** Reads a robustness summary (e.g. from an imported config); throws `invalid robustness summary: <where>: <what>`. */
export function loadRobustnessSummary(document: unknown): RobustnessSummary {
  const parsed = robustnessSummarySchema.safeParse(document);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first.path.length > 0 ? first.path.join('.') : 'document';
    throw new Error(`invalid robustness summary: ${where}: ${first.message}`);
  }
  return parsed.data;
}
