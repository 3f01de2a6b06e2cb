/**
 * Scenarios side by side: each scenario's segment (tier) sizes and KPIs, the agreement between
 * every pair (Adjusted Rand Index on the customers both hold), who moves between any two (the
 * migration matrix of src/analytics/monitor) and one PCA layout for small multiples, so a
 * customer sits at the same place in every panel and only its colour changes. Customers are
 * matched by id, so scenarios with different import settings (other rows) still compare.
 */
import { adjustedRandIndex } from '../agreement/ari.ts';
import { alignById, migrationMatrix, type MigrationMatrix } from '../monitor/migration.ts';
import type { TierKpi } from '../tiers/tier-kpis.ts';

/** One scenario's results on its own table rows (what evaluating its settings gives). */
export interface ScenarioOutcome {
  readonly id: string;
  readonly name: string;
  /** Customer id of each table row. */
  readonly ids: readonly string[];
  /** Cluster of each row: canonical id from 0; -1 not clustered; -2 Strategic. */
  readonly clusters: ArrayLike<number>;
  readonly k: number;
  /** What is compared: tiers (names best first), or clusters standing in for tiers. */
  readonly segments: {
    readonly kind: 'tiers' | 'clusters';
    readonly names: readonly string[];
    /** Index into `names` per row; negative: none. */
    readonly of: ArrayLike<number>;
  };
  /** Tier KPIs (one per tier), when the tiers ran. */
  readonly kpis: readonly TierKpi[] | null;
  /** Revenue per row, or null without a revenue column. */
  readonly revenue: ArrayLike<number> | null;
  /** The PCA of the scenario's prepared matrix: the table row of each point and its coordinates. */
  readonly projection: {
    readonly rows: ArrayLike<number>;
    readonly x: ArrayLike<number>;
    readonly y: ArrayLike<number>;
    readonly explained: readonly [number, number];
  };
  /** Settings that could not be used, and similar, for people. */
  readonly notes: readonly string[];
}

export interface SegmentSize {
  readonly segment: string;
  readonly customers: number;
  /** Of the scenario's customers, 0–1. */
  readonly share: number;
}

export interface ScenarioSummary {
  readonly id: string;
  readonly name: string;
  readonly k: number;
  readonly kind: 'tiers' | 'clusters';
  readonly customers: number;
  readonly sizes: readonly SegmentSize[];
  /** Customers in no segment. */
  readonly unassigned: number;
  readonly kpis: readonly TierKpi[] | null;
  readonly notes: readonly string[];
}

export interface PairAgreement {
  /** Indexes into `scenarios`, a < b. */
  readonly a: number;
  readonly b: number;
  /** ARI of the segments on the customers both scenarios hold (no segment counts as one). */
  readonly ari: number;
  /** ARI of the clusters on the same customers. */
  readonly clusterAri: number;
  /** Customers both hold. */
  readonly compared: number;
  /** Of those, customers whose segment name differs. */
  readonly moved: number;
}

/** One layout for every panel: the first scenario's PCA, points sampled once for all panels. */
export interface SharedScatter {
  /** The scenario whose PCA places the customers. */
  readonly base: string;
  readonly ids: readonly string[];
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly explained: readonly [number, number];
  readonly domain: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  /** Per scenario, the segment of each point: an index into `order`, -1 when it has none there. */
  readonly panels: readonly { readonly name: string; readonly labels: Int32Array }[];
  /** Customers of the base PCA not drawn (the sample) . */
  readonly notDrawn: number;
}

export interface ScenarioComparison {
  readonly scenarios: readonly ScenarioSummary[];
  /** Every pair, (0,1), (0,2), … */
  readonly pairs: readonly PairAgreement[];
  /** Every segment name of the scenarios in one order, best first where they agree. */
  readonly order: readonly string[];
  readonly scatter: SharedScatter;
  /** The outcomes compared, for the migration between any two. */
  readonly outcomes: readonly ScenarioOutcome[];
}

/**
 * The names of several best-first lists in one order: the first list, then each name of the
 * next lists placed right after the nearest name before it in its own list (or first).
 */
export function mergeOrder(lists: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  for (const list of lists) {
    let after = -1;
    for (const name of list) {
      const at = out.indexOf(name);
      if (at >= 0) after = at;
      else out.splice(++after, 0, name);
    }
  }
  return out;
}

function segmentName(o: ScenarioOutcome, row: number): string | null {
  const s = o.segments.of[row];
  return s >= 0 && s < o.segments.names.length ? o.segments.names[s] : null;
}

function rowIndex(o: ScenarioOutcome): Map<string, number> {
  return new Map(o.ids.map((id, r) => [id, r]));
}

function summary(o: ScenarioOutcome): ScenarioSummary {
  const counts = new Array<number>(o.segments.names.length).fill(0);
  let unassigned = 0;
  for (let r = 0; r < o.ids.length; r++) {
    const s = o.segments.of[r];
    if (s >= 0 && s < counts.length) counts[s]++;
    else unassigned++;
  }
  const n = o.ids.length;
  return {
    id: o.id,
    name: o.name,
    k: o.k,
    kind: o.segments.kind,
    customers: n,
    sizes: o.segments.names.map((segment, i) => ({ segment, customers: counts[i], share: n > 0 ? counts[i] / n : 0 })),
    unassigned,
    kpis: o.kpis,
    notes: o.notes,
  };
}

function agreement(a: ScenarioOutcome, b: ScenarioOutcome, ia: number, ib: number, order: readonly string[]): PairAgreement {
  const inB = rowIndex(b);
  const code = (name: string | null) => (name === null ? -1 : order.indexOf(name));
  const sa: number[] = [];
  const sb: number[] = [];
  const ca: number[] = [];
  const cb: number[] = [];
  let moved = 0;
  a.ids.forEach((id, ra) => {
    const rb = inB.get(id);
    if (rb === undefined) return;
    const x = segmentName(a, ra);
    const y = segmentName(b, rb);
    sa.push(code(x));
    sb.push(code(y));
    ca.push(a.clusters[ra]);
    cb.push(b.clusters[rb]);
    if (x !== y) moved++;
  });
  const ari = (p: number[], q: number[]) => (p.length > 0 ? adjustedRandIndex(p, q) : NaN);
  return { a: ia, b: ib, ari: ari(sa, sb), clusterAri: ari(ca, cb), compared: sa.length, moved };
}

/** `m` indexes spread evenly over 0..n-1 (all of them when m >= n). */
function spread(n: number, m: number): number[] {
  if (m >= n) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: m }, (_, j) => Math.floor((j * n) / m));
}

function sharedScatter(outcomes: readonly ScenarioOutcome[], order: readonly string[], maxPoints: number): SharedScatter {
  const base = outcomes[0];
  const p = base.projection;
  const picked = spread(p.rows.length, maxPoints);
  const x = Float64Array.from(picked, (i) => p.x[i]);
  const y = Float64Array.from(picked, (i) => p.y[i]);
  const ids = picked.map((i) => base.ids[p.rows[i]]);
  const range = (v: Float64Array): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const t of v) if (Number.isFinite(t)) [lo, hi] = [Math.min(lo, t), Math.max(hi, t)];
    return Number.isFinite(lo) ? [lo, hi] : [0, 1];
  };
  const panels = outcomes.map((o) => {
    const rows = rowIndex(o);
    const labels = Int32Array.from(ids, (id) => {
      const r = rows.get(id);
      const name = r === undefined ? null : segmentName(o, r);
      return name === null ? -1 : order.indexOf(name);
    });
    return { name: o.name, labels };
  });
  return { base: base.name, ids, x, y, explained: p.explained, domain: { x: range(x), y: range(y) }, panels, notDrawn: p.rows.length - picked.length };
}

export interface CompareOptions {
  /** Points per small multiple (the same customers in each). Default 1,500. */
  readonly maxPoints?: number;
}

/** Compares two to four scenario outcomes. */
export function compareScenarios(outcomes: readonly ScenarioOutcome[], options: CompareOptions = {}): ScenarioComparison {
  if (outcomes.length < 2 || outcomes.length > 4) throw new Error(`invalid comparison: ${outcomes.length} scenarios (compare two to four)`);
  const order = mergeOrder(outcomes.map((o) => o.segments.names));
  const pairs: PairAgreement[] = [];
  for (let a = 0; a < outcomes.length; a++) for (let b = a + 1; b < outcomes.length; b++) pairs.push(agreement(outcomes[a], outcomes[b], a, b, order));
  return { scenarios: outcomes.map(summary), pairs, order, scatter: sharedScatter(outcomes, order, options.maxPoints ?? 1500), outcomes };
}

/** A customer whose segment differs between two scenarios. */
export interface Mover {
  readonly id: string;
  readonly from: string | null;
  readonly to: string | null;
  /** Revenue in the `to` scenario's data (null when unknown). */
  readonly revenue: number | null;
}

export interface ScenarioMigration {
  readonly from: string;
  readonly to: string;
  /** Rows = segment in `from`, columns = segment in `to`, best first; cells = customers (and revenue). */
  readonly matrix: MigrationMatrix;
  /** The customers who move, by revenue (largest first), ties by id. */
  readonly movers: readonly Mover[];
}

/** Who moves between scenario `from` and scenario `to` (indexes into the comparison). */
export function scenarioMigration(comparison: ScenarioComparison, from: number, to: number): ScenarioMigration {
  const a = comparison.outcomes[from];
  const b = comparison.outcomes[to];
  if (!a || !b) throw new Error(`invalid migration: scenarios ${from + 1} and ${to + 1} of ${comparison.outcomes.length}`);
  const aligned = alignById(
    { ids: a.ids, segments: a.ids.map((_, r) => segmentName(a, r)) },
    { ids: b.ids, segments: b.ids.map((_, r) => segmentName(b, r)) },
  );
  const inB = rowIndex(b);
  const revenue = b.revenue ? aligned.ids.map((id) => (inB.has(id) ? (b.revenue as ArrayLike<number>)[inB.get(id) as number] : NaN)) : undefined;
  const matrix = migrationMatrix(aligned, comparison.order, revenue);
  const movers: Mover[] = [];
  aligned.ids.forEach((id, i) => {
    if (aligned.before[i] === aligned.after[i]) return;
    const r = revenue?.[i];
    movers.push({ id, from: aligned.before[i], to: aligned.after[i], revenue: r !== undefined && Number.isFinite(r) ? r : null });
  });
  movers.sort((x, y) => (y.revenue ?? -Infinity) - (x.revenue ?? -Infinity) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { from: a.name, to: b.name, matrix, movers };
}
