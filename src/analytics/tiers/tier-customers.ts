/**
 * Everything the Tiers section shows, from a customer table, its clustering and a tiering
 * spec, in one pure call: both tierings side by side, the one carried forward, their agreement,
 * the margin x cost-to-serve matrix, RFM scores, tier KPIs (overall, by region when the table
 * has one, by product line when order-line slices are given) and the text of tiers.csv.
 */
import { isNeedsData, needsData, type NeedsData } from '../policy/needs-data.ts';
import { clusterTiers, type ClusterTiering, type RankedCluster } from './cluster-tiers.ts';
import { resolveRankTiers, type RankTiers } from './rank-tiers.ts';
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
  /** Tier names a person gave cluster ranks (renames and merges); resolved into `spec.clusters.byRank`. */
  readonly rankTiers?: RankTiers;
  /** Customer x product-line slices (from order lines), for the KPIs by product line. */
  readonly productLines?: { readonly rows: KpiRows; readonly grouping: KpiGrouping } | null;
  /** `customerMeasures(table)` when the caller already has it (it depends on the table only); computed here otherwise. */
  readonly measures?: CustomerMeasures;
}

export interface TierCustomers {
  /** The spec applied, with the named ranks resolved into `clusters.byRank` (what a config records). */
  readonly spec: NormalizedTiering;
  /** The clusters by value rank with their default tiers, before any rank was named (the rows a person names). */
  readonly ranking: readonly RankedCluster[];
  /** The default tier names of `ranking` (indexes of `RankedCluster.tier`). */
  readonly defaultNames: readonly string[];
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
  let spec = normalizeTiering(input.spec);
  const { table } = input;
  const n = table.ids.length;
  const measures = input.measures ?? customerMeasures(table);
  const strategic = input.strategic ?? new Array<boolean>(n).fill(false);
  let clusters: ClusterTiering | NeedsData = needsData(['a clustering'], 'Bottom-up tiers rank clusters; cluster the customers first.');
  let plain: ClusterTiering | null = null;
  if (input.labels) {
    const value = measureValues(measures, spec.clusters.measure);
    plain = clusterTiers(input.labels, value, strategic, spec.clusters);
    const byRank = resolveRankTiers(plain, input.rankTiers ?? {});
    if (byRank) spec = { ...spec, clusters: { ...spec.clusters, byRank } };
    clusters = byRank ? clusterTiers(input.labels, value, strategic, spec.clusters) : plain;
  }
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
  return { spec, ranking: plain?.ranking ?? [], defaultNames: plain?.names ?? [], measures, clusters, thresholds, carried, agreement, matrix: marginCtsMatrix(measures, spec.matrix), rfm, kpis, kpisByProductLine, csv };
}
