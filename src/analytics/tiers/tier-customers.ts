/**
 * Everything the Tiers section shows, from a customer table, its clustering and a tiering
 * spec, in one pure call: both tierings side by side, the one carried forward, their agreement,
 * the margin x cost-to-serve matrix, RFM scores, tier KPIs (overall, by region when the table
 * has one, by product line when order-line slices are given) and the text of tiers.csv.
 */
import { isNeedsData, needsData, type NeedsData } from '../policy/needs-data.ts';
import { clusterTiers, type ClusterTiering } from './cluster-tiers.ts';
import { customerMeasures, measureValues, type CustomerColumns, type CustomerMeasures, type KpiRows } from './customer-measures.ts';
import { marginCtsMatrix, type MarginCtsMatrix } from './margin-cts-matrix.ts';
import { rfmScores, type RfmScores } from './rfm.ts';
import { thresholdTiers, type ThresholdTiering } from './threshold-tiers.ts';
import { groupingOf, tierKpis, type KpiGrouping, type TierKpiTable } from './tier-kpis.ts';
import { tieringAgreement, type TieringAgreement } from './tiering-agreement.ts';
import { normalizeTiering, type NormalizedTiering, type TieringSpec } from './tiering-spec.ts';
import { tierLabels, type Tiering } from './tiering.ts';
import { tiersCsv } from './tiers-csv.ts';

export interface TierCustomersInput {
  readonly table: CustomerColumns;
  /** Canonical cluster per table row (negative = not clustered); null when there is no clustering. */
  readonly labels: ArrayLike<number> | null;
  /** Strategic accounts per table row (kept out of clustering). Default none. */
  readonly strategic?: ArrayLike<boolean>;
  readonly spec?: TieringSpec;
  /** Customer x product-line slices (from order lines), for the KPIs by product line. */
  readonly productLines?: { readonly rows: KpiRows; readonly grouping: KpiGrouping } | null;
}

export interface TierCustomers {
  readonly spec: NormalizedTiering;
  readonly measures: CustomerMeasures;
  readonly clusters: ClusterTiering | NeedsData;
  readonly thresholds: ThresholdTiering | NeedsData;
  /** The tiering `spec.method` carries forward into policies and the export. */
  readonly carried: Tiering | NeedsData;
  /** Null unless both tierings ran. */
  readonly agreement: TieringAgreement | null;
  readonly matrix: MarginCtsMatrix;
  readonly rfm: RfmScores;
  /** KPIs of the carried tiering (by region when the table has a region column); null when it did not run. */
  readonly kpis: TierKpiTable | null;
  /** KPIs of the carried tiering by product line; null without product-line slices or tiers. */
  readonly kpisByProductLine: TierKpiTable | null;
  /** The text of tiers.csv. */
  readonly csv: string;
}

export function tierCustomers(input: TierCustomersInput): TierCustomers {
  const spec = normalizeTiering(input.spec);
  const { table } = input;
  const n = table.ids.length;
  const measures = customerMeasures(table);
  const strategic = input.strategic ?? new Array<boolean>(n).fill(false);
  const clusters: ClusterTiering | NeedsData = input.labels
    ? clusterTiers(input.labels, measureValues(measures, spec.clusters.measure), strategic, spec.clusters)
    : needsData(['a clustering'], 'Bottom-up tiers rank clusters; cluster the customers first.');
  const thresholds = thresholdTiers(measures, spec.thresholds);
  const carried = spec.method === 'clusters' ? clusters : thresholds;
  const agreement = !isNeedsData(clusters) && !isNeedsData(thresholds) ? tieringAgreement(clusters, thresholds, table.ids) : null;
  const region = table.categorical?.region;
  const kpis = isNeedsData(carried) ? null : tierKpis(measures, carried.tier, carried.names, region ? groupingOf(region) : undefined);
  const pl = input.productLines;
  const kpisByProductLine = isNeedsData(carried) || !pl ? null : tierKpis(pl.rows, carried.tier, carried.names, pl.grouping);
  const rfm = rfmScores(measures.recencyDays, measures.frequency, measures.revenue);
  const topDown = isNeedsData(thresholds) ? null : thresholds;
  const blank = new Array<string>(n).fill('');
  const csv = tiersCsv({
    ids: table.ids,
    cluster: input.labels ?? new Array<number>(n).fill(-1),
    strategic,
    tier: isNeedsData(carried) ? blank : tierLabels(carried),
    abc: topDown ? topDown.abc : blank,
    xyz: topDown ? topDown.xyz : blank,
    rfm: rfm.codes,
  });
  return { spec, measures, clusters, thresholds, carried, agreement, matrix: marginCtsMatrix(measures, spec.matrix), rfm, kpis, kpisByProductLine, csv };
}
