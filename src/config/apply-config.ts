/**
 * Scoring customers with a config, frozen: the config's fitted preparation (transforms,
 * outlier bounds, imputation, scaling parameters, weights; never refitted), its centroids
 * (nearest centroid, squared Euclidean, lowest cluster id on ties) and its tier map. Named
 * Strategic accounts keep their fixed segment. On the data a k-means config was built from,
 * this gives back its assignments exactly: the settled k-means labels are the nearest centroids.
 *
 * Ward: every customer goes to the nearest cluster mean. Ward's merge tree cannot be replayed
 * for new customers, so near a boundary this can differ from Ward's own label on the original
 * data. DBSCAN is refused: its clusters are defined by density (chains of core points), which
 * a nearest mean does not reproduce.
 */
import { applyPreparation } from '../analytics/prepare/apply-preparation.ts';
import { assignNearest } from '../analytics/cluster/assign.ts';
import { fromRows } from '../analytics/matrix.ts';
import { transformValue } from '../analytics/prepare/transform.ts';
import type { AnalyticsIssue } from '../analytics/issues.ts';
import type { SegmentationConfig } from './config-schema.ts';
import { STRATEGIC } from './segmentation-config.ts';

/** A customer table as the scoring needs it: ids and numeric columns by name. */
export interface ScoringTable {
  readonly idColumn: string;
  readonly ids: readonly string[];
  readonly columns: Readonly<Record<string, ArrayLike<number>>>;
}

export interface ApplySpec {
  /**
   * A value is far outside the reference range when, after the feature's transform, it lies
   * more than this fraction of the reference range below its minimum or above its maximum.
   * Default 0.25.
   */
  readonly farMargin?: number;
}

/** One feature value far outside what the config was built on. */
export interface FarOutside {
  readonly row: number;
  readonly id: string;
  readonly feature: string;
  readonly value: number;
  /** Reference minimum and maximum of the raw value. */
  readonly min: number;
  readonly max: number;
}

export interface ScoredCustomers {
  readonly idColumn: string;
  readonly ids: readonly string[];
  /** Cluster per customer (0-based), `STRATEGIC`, or -1 when not clustered (missing value, excluded outlier). */
  readonly labels: Int32Array;
  /** Tier per customer when the config has a tier map; null for customers without a tier. */
  readonly tiers: (string | null)[] | null;
  readonly counts: { customers: number; clustered: number; strategic: number; notClustered: number };
  /** Values far outside the reference range (empty when the config has no reference section). */
  readonly far: FarOutside[];
  /** Per feature, customers below the reference minimum and above the maximum (raw values). */
  readonly outsideRange: { feature: string; below: number; above: number }[];
  /** What happened on the way: missing values, clamped or excluded outliers, notes on the method. */
  readonly issues: AnalyticsIssue[];
}

export const DBSCAN_REFUSAL =
  'a DBSCAN config cannot be applied to new customers: DBSCAN clusters are chains of dense neighbours, and assigning the nearest cluster mean would not be DBSCAN. Run the notebook on the new data instead, or export a k-means or Ward config.';

/** Every default of `applyConfig` in one place. */
export function normalizeApplySpec(spec: ApplySpec = {}): Required<ApplySpec> {
  const farMargin = spec.farMargin ?? 0.25;
  if (!(farMargin >= 0 && Number.isFinite(farMargin))) throw new Error(`invalid far margin: ${farMargin} (expected a number >= 0, e.g. 0.25)`);
  return { farMargin };
}

function farOutside(config: SegmentationConfig, table: ScoringTable, margin: number) {
  const far: FarOutside[] = [];
  const outsideRange: ScoredCustomers['outsideRange'] = [];
  for (const ref of config.reference?.features ?? []) {
    const column = table.columns[ref.name];
    if (!column) continue;
    const transform = config.preparation.features.find((f) => f.name === ref.name)?.transform ?? 'none';
    const min = ref.percentiles[0];
    const max = ref.percentiles[100];
    const lo = transformValue(transform, min);
    const hi = transformValue(transform, max);
    const slack = margin * (hi - lo);
    let below = 0;
    let above = 0;
    for (let i = 0; i < column.length; i++) {
      const v = column[i];
      if (!Number.isFinite(v)) continue;
      if (v < min) below++;
      if (v > max) above++;
      const t = transformValue(transform, v);
      if (t < lo - slack || t > hi + slack) far.push({ row: i, id: table.ids[i], feature: ref.name, value: v, min, max });
    }
    outsideRange.push({ feature: ref.name, below, above });
  }
  return { far, outsideRange };
}

/** Scores every customer of `table` with the frozen config. */
export function applyConfig(config: SegmentationConfig, table: ScoringTable, spec: ApplySpec = {}): ScoredCustomers {
  const { farMargin } = normalizeApplySpec(spec);
  if (config.model.algorithm === 'dbscan') throw new Error(DBSCAN_REFUSAL);
  const absent = config.features.filter((f) => !table.columns[f]);
  if (absent.length > 0) {
    throw new Error(
      `the data has no numeric column ${absent.map((f) => `"${f}"`).join(', ')}, which the config's features need (numeric columns: ${Object.keys(table.columns).join(', ') || 'none'})`,
    );
  }
  const strategicIds = new Set(config.strategic);
  const strategicRows: number[] = [];
  table.ids.forEach((id, row) => {
    if (strategicIds.has(id)) strategicRows.push(row);
  });
  const prepared = applyPreparation(config.preparation, table.columns, { exclude: strategicRows });
  const nearest = assignNearest(prepared.matrix, fromRows(config.model.centroids));
  const labels = new Int32Array(table.ids.length).fill(-1);
  for (const row of strategicRows) labels[row] = STRATEGIC;
  prepared.rows.forEach((row, i) => (labels[row] = nearest[i]));
  const map = config.tierMap;
  const tiers = map ? Array.from(labels, (l) => (l === STRATEGIC ? map.strategic : l >= 0 ? map.clusters[l] : null)) : null;
  const issues: AnalyticsIssue[] = [...prepared.issues];
  if (config.model.algorithm === 'ward') {
    issues.push({
      code: 'nearest-mean',
      message: "Ward clusters were assigned by nearest cluster mean; near a boundary this can differ from Ward's own label on the data the config was built from.",
    });
  }
  if (!config.reference) {
    issues.push({ code: 'no-reference', message: 'The config has no reference distributions (it predates them), so values far outside the reference range are not flagged.' });
  }
  const { far, outsideRange } = farOutside(config, table, farMargin);
  const notClustered = labels.reduce((s, l) => s + (l === -1 ? 1 : 0), 0);
  return {
    idColumn: table.idColumn,
    ids: table.ids,
    labels,
    tiers,
    counts: { customers: table.ids.length, clustered: prepared.rows.length, strategic: strategicRows.length, notClustered },
    far,
    outsideRange,
    issues,
  };
}
