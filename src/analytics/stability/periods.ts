import { adjustedRandIndex } from '../agreement/ari.ts';
import { normalizeClusterSpec, type ClusterSpec, type NormalizedClusterSpec } from '../cluster/cluster.ts';
import type { AnalyticsIssue } from '../issues.ts';
import { applyPreparation, type PreparationParams } from '../prepare/apply-preparation.ts';
import { prepare } from '../prepare/prepare.ts';
import type { PreparationSpec } from '../prepare/preparation-spec.ts';
import { matchToReference, renamed } from './agreement.ts';
import { migrationMatrix, type MigrationMatrix } from './migration.ts';
import { recluster } from './recluster.ts';
import { checkAborted, type TaskOptions } from './task.ts';
import { wholeNumber } from './validate.ts';

/** One period's customer table (e.g. `periodFeatures` from `src/data/features/periods.ts`). */
export interface PeriodTable {
  /** Shown in results, e.g. `2024-Q1`. */
  readonly label: string;
  /** Customer id per row. */
  readonly ids: readonly string[];
  /** Raw numeric feature columns, one value per row. */
  readonly columns: Readonly<Record<string, ArrayLike<number>>>;
}

/** Stability across periods: how to prepare and cluster every period. */
export interface PeriodStabilitySpec {
  /** Features, transforms, scaling, weights, outliers: fitted on the reference period, then frozen. Row isolation does not carry across periods and is ignored. */
  readonly preparation: PreparationSpec;
  /** Clustering settings of every period. */
  readonly cluster: ClusterSpec;
  /** Index of the reference period (scaling fitted there; cluster ids matched to it). Default 0, the first. */
  readonly reference?: number;
  /** Column holding revenue, for the migration matrix. Default `revenue`; missing = customers only. */
  readonly revenue?: string;
  /**
   * A clustering of the same customers whose cluster ids the reference period takes (Hungarian
   * matching on the customers they share), e.g. the notebook's clustering of the whole data, so
   * every period speaks of its clusters. Default none: the reference period's own canonical ids.
   */
  readonly ids?: { readonly ids: readonly string[]; readonly labels: ArrayLike<number> };
}

/** One period, clustered. */
export interface PeriodClustering {
  readonly label: string;
  /** Customers in the period's table. */
  readonly customers: number;
  /** Customer ids of the clustered rows (customers left out by the frozen preparation are not among them). */
  readonly ids: readonly string[];
  /** Cluster per clustered row, renamed to the reference period's ids (Hungarian matching on shared customers); -1 = noise. */
  readonly labels: Int32Array;
  /** Clusters found. */
  readonly clusters: number;
  readonly noise: number;
  readonly issues: readonly AnalyticsIssue[];
}

/** Agreement of two periods on the customers clustered in both. */
export interface PeriodPair {
  readonly from: string;
  readonly to: string;
  /** Customers clustered in both periods. */
  readonly common: number;
  /** ARI on those customers; null with fewer than 2. */
  readonly ari: number | null;
  /** Share of them in another cluster (ids matched to the reference); null with none in common. */
  readonly shareChanged: number | null;
}

export interface PeriodStabilityResult {
  readonly settings: NormalizedClusterSpec;
  /** Label of the reference period. */
  readonly reference: string;
  /** The preparation fitted on the reference period and applied frozen to every period. */
  readonly preparation: PreparationParams;
  readonly periods: readonly PeriodClustering[];
  /** Each period against the next. */
  readonly consecutive: readonly PeriodPair[];
  /** Each period against the reference. */
  readonly toReference: readonly PeriodPair[];
  /** First period against the last, customers and revenue. */
  readonly migration: MigrationMatrix & { readonly from: string; readonly to: string };
  readonly issues: readonly AnalyticsIssue[];
}

/** Pairs up the customers of two periods by id: the rows of `a` and `b` holding the same customer. */
function shared(a: readonly string[], b: readonly string[]): { ra: number[]; rb: number[] } {
  const at = new Map(b.map((id, r) => [id, r]));
  const ra: number[] = [];
  const rb: number[] = [];
  a.forEach((id, r) => {
    const t = at.get(id);
    if (t === undefined) return;
    ra.push(r);
    rb.push(t);
  });
  return { ra, rb };
}

function pair(a: PeriodClustering, b: PeriodClustering): PeriodPair {
  const { ra, rb } = shared(a.ids, b.ids);
  const la = ra.map((r) => a.labels[r]);
  const lb = rb.map((r) => b.labels[r]);
  const changed = la.reduce((s, c, i) => s + (c === lb[i] ? 0 : 1), 0);
  return {
    from: a.label,
    to: b.label,
    common: ra.length,
    ari: ra.length >= 2 ? adjustedRandIndex(la, lb) : null,
    shareChanged: ra.length ? changed / ra.length : null,
  };
}

/** The labels of `period` renamed to the clusters of `to` they share the most customers with (unmatched ones after them). */
function adopt(to: { readonly ids: readonly string[]; readonly labels: ArrayLike<number> }, period: { ids: readonly string[]; labels: Int32Array }): Int32Array {
  const { ra, rb } = shared(to.ids, period.ids);
  const { mapping } = matchToReference(
    ra.map((r) => to.labels[r]),
    rb.map((r) => period.labels[r]),
  );
  let own = 0;
  for (const c of period.labels) own = Math.max(own, c + 1);
  let k = 0;
  for (let i = 0; i < to.labels.length; i++) k = Math.max(k, to.labels[i] + 1);
  return renamed(period.labels, Int32Array.from({ length: own }, (_, c) => (c < mapping.length ? mapping[c] : -1)), k);
}

/**
 * Stability across periods: prepare every period with the preparation fitted on the reference
 * period (frozen, so a shift in the data is not scaled away), cluster each with the same
 * settings, match each period's cluster ids to the reference's (Hungarian, on shared customers),
 * then compare consecutive periods on the customers clustered in both (ARI, share changed) and
 * cross-tabulate the first period against the last (customers and revenue).
 */
export function periodStability(
  tables: readonly PeriodTable[],
  spec: PeriodStabilitySpec,
  options: TaskOptions = {},
): PeriodStabilityResult {
  if (tables.length < 2) throw new Error(`stability across periods needs at least 2 periods (got ${tables.length})`);
  const ref = wholeNumber('reference period', spec.reference ?? 0, 0, tables.length - 1);
  const issues: AnalyticsIssue[] = [];
  const { isolateRows, isolateTop, ...preparation } = spec.preparation;
  if ((isolateRows?.length ?? 0) > 0 || isolateTop) {
    issues.push({ code: 'isolation-ignored', message: 'Accounts set aside by row do not carry across periods; every customer of each period is clustered.' });
  }
  const revenueColumn = spec.revenue ?? 'revenue';
  if (spec.revenue !== undefined && !tables.every((t) => t.columns[revenueColumn])) {
    throw new Error(`unknown column: "${revenueColumn}" (the revenue column for the migration matrix)`);
  }
  const fitted = prepare(tables[ref].columns, preparation);
  const settings = normalizeClusterSpec(spec.cluster, fitted.matrix.n);
  const raw = tables.map((t, p) => {
    checkAborted(options.signal, 'period stability');
    const prepared = p === ref ? fitted : applyPreparation(fitted.params, t.columns);
    let labels: Int32Array;
    try {
      labels = recluster(prepared.matrix, normalizeClusterSpec(settings, prepared.matrix.n)).labels;
    } catch (error) {
      throw new Error(`period ${t.label}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    options.onProgress?.((p + 1) / tables.length, `clustered ${t.label}`);
    const ids = Array.from(prepared.rows, (r) => t.ids[r]);
    const revenue = t.columns[revenueColumn];
    return {
      label: t.label,
      customers: t.ids.length,
      ids,
      labels,
      revenue: revenue ? Array.from(prepared.rows, (r) => revenue[r]) : null,
      issues: prepared.issues,
    };
  });
  const reference = raw[ref];
  if (spec.ids) reference.labels = adopt(spec.ids, reference);
  const referenceIds = new Set(reference.ids);
  const periods: PeriodClustering[] = raw.map((p, i) => {
    const found = new Set<number>();
    let noise = 0;
    for (const c of p.labels) {
      if (c < 0) noise++;
      else found.add(c);
    }
    let labels = p.labels;
    if (i !== ref) {
      if (!p.ids.some((id) => referenceIds.has(id))) {
        issues.push({ code: 'no-shared-customers', message: `${p.label} shares no customer with ${reference.label}; its cluster ids are not matched.` });
      }
      labels = adopt(reference, p);
    }
    return { label: p.label, customers: p.customers, ids: p.ids, labels, clusters: found.size, noise, issues: p.issues };
  });
  const first = periods[0];
  const last = periods[periods.length - 1];
  return {
    settings,
    reference: reference.label,
    preparation: fitted.params,
    periods,
    consecutive: periods.slice(1).map((p, i) => pair(periods[i], p)),
    toReference: periods.map((p) => pair(periods[ref], p)),
    migration: {
      from: first.label,
      to: last.label,
      ...migrationMatrix(
        { ids: first.ids, labels: first.labels, revenue: raw[0].revenue },
        { ids: last.ids, labels: last.labels, revenue: raw[raw.length - 1].revenue },
      ),
    },
    issues,
  };
}
