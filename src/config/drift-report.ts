/**
 * Drift of new data against a config: per feature, PSI over the config's reference decile bins
 * and KS D against its percentile sketch (raw values, before transform and scaling); PSI of the
 * segment mix (tiers when the config has a tier map, else clusters, plus the Strategic
 * segment) between the config's cluster sizes and the new data scored with the frozen config;
 * and whether the trigger rule calls for re-segmentation.
 */
import { binShares } from '../analytics/monitor/distribution.ts';
import { ksAgainstSketch } from '../analytics/monitor/ks.ts';
import { psi, psiBand, segmentShares, type PsiBand } from '../analytics/monitor/psi.ts';
import { evaluateDriftRule, type DriftRule } from '../analytics/monitor/drift-rule.ts';
import { applyConfig, type ScoringTable } from './apply-config.ts';
import type { SegmentationConfig } from './config-schema.ts';
import { STRATEGIC } from './segmentation-config.ts';

export interface FeatureDrift {
  readonly feature: string;
  readonly psi: number;
  readonly psiBand: PsiBand;
  /** KS distance D against the reference (within 0.01 of the exact two-sample D). */
  readonly ks: number;
  readonly ksPValue: number;
  /** Customers with a value, and without. */
  readonly customers: number;
  readonly missing: number;
  /** Current share per reference bin. */
  readonly shares: number[];
}

export interface SegmentMixDrift {
  /** Null when the segment mix could not be scored (a DBSCAN config). */
  readonly psi: number | null;
  readonly psiBand: PsiBand | null;
  readonly segments: { segment: string; reference: number; current: number }[];
  /** Customers scored into a segment (not clustered ones are left out of both mixes). */
  readonly customers: number;
  readonly note?: string;
}

export interface DriftReport {
  readonly features: FeatureDrift[];
  readonly segmentMix: SegmentMixDrift;
  readonly rule: DriftRule;
  readonly triggered: boolean;
  readonly reasons: string[];
  /** How the figures were computed, for people. */
  readonly method: string[];
}

export const DRIFT_METHOD = [
  'PSI = sum (A - E) ln(A / E) over the reference decile bins of each raw feature (a value equal to an edge is in the lower bin); zero shares count as 1e-4. Below 0.10 stable, 0.10 to 0.25 moderate, 0.25 or more significant.',
  "KS D against the reference CDF rebuilt from 101 stored percentiles (within 0.01 of the exact D); p-value from the asymptotic Kolmogorov distribution with Stephens' correction, which assumes continuous values.",
  'Segment mix: reference shares from the config’s cluster sizes (and Strategic accounts), current shares from scoring the new data with the frozen preparation and centroids.',
];

export const NO_REFERENCE =
  'the config has no reference distributions (a version 1 config, or one exported before they were recorded); export it again from Tierbook';

function referenceMix(config: SegmentationConfig): Map<string, number> {
  const mix = new Map<string, number>();
  const add = (segment: string | null, n: number) => segment !== null && mix.set(segment, (mix.get(segment) ?? 0) + n);
  const map = config.tierMap;
  config.model.sizes.forEach((n, c) => add(map ? map.clusters[c] : String(c + 1), n));
  if (config.strategic.length > 0) add(map ? map.strategic : 'strategic', config.strategic.length);
  return mix;
}

function segmentMix(config: SegmentationConfig, table: ScoringTable): SegmentMixDrift {
  const reference = referenceMix(config);
  if (config.model.algorithm === 'dbscan') {
    return { psi: null, psiBand: null, segments: [], customers: 0, note: 'not computed: a DBSCAN config cannot score new customers' };
  }
  const scored = applyConfig(config, table);
  const current = new Map<string, number>();
  let customers = 0;
  scored.labels.forEach((l, i) => {
    const segment = scored.tiers ? scored.tiers[i] : l === STRATEGIC ? 'strategic' : l >= 0 ? String(l + 1) : null;
    if (segment === null) return;
    customers++;
    current.set(segment, (current.get(segment) ?? 0) + 1);
  });
  const order = [...new Set([...(config.tierMap?.order ?? []), ...reference.keys(), ...current.keys()])].filter((s) => reference.has(s) || current.has(s));
  const e = segmentShares(reference, order);
  const a = segmentShares(current, order);
  const value = psi(e, a);
  return { psi: value, psiBand: psiBand(value), segments: order.map((segment, i) => ({ segment, reference: e[i], current: a[i] })), customers };
}

/** Drift of `table` against the config's reference; throws when the config has no reference section. */
export function driftReport(config: SegmentationConfig, table: ScoringTable, rule: DriftRule): DriftReport {
  const ref = config.reference;
  if (!ref) throw new Error(NO_REFERENCE);
  const absent = ref.features.filter((f) => !table.columns[f.name]).map((f) => `"${f.name}"`);
  if (absent.length > 0) throw new Error(`the data has no numeric column ${absent.join(', ')}, which the reference distributions describe`);
  const features = ref.features.map((f): FeatureDrift => {
    const values = table.columns[f.name];
    const bins = binShares(values, f.edges);
    const value = psi(f.shares, bins.shares);
    const ks = ksAgainstSketch(f.percentiles, f.count, values);
    return { feature: f.name, psi: value, psiBand: psiBand(value), ks: ks.d, ksPValue: ks.pValue, customers: bins.count, missing: values.length - bins.count, shares: bins.shares };
  });
  const mix = segmentMix(config, table);
  const { triggered, reasons } = evaluateDriftRule(rule, { features, segmentPsi: mix.psi });
  return { features, segmentMix: mix, rule, triggered, reasons, method: DRIFT_METHOD };
}
