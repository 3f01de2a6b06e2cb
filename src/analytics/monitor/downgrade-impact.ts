/**
 * What a downgrade puts at risk, before it is decided. Definitions: customers affected = those
 * moving down; revenue at risk = p x the 12-month revenue of the movers, p the assumed churn
 * probability (the movers' revenue itself is reported too); gross margin at risk likewise; CTS
 * saved = sum over the movers of (current CTS - CTS under the new tier's policy); net effect =
 * CTS saved - p x gross margin of the movers. Broken down by any categorical attribute (region,
 * channel).
 */
import { csvDocument, csvNumber, csvText } from '../../data/csv-write.ts';
import { moveDirection, type AlignedSegments } from './migration.ts';

export interface DowngradeImpactSpec {
  /** Segments best first (a move towards the end is a downgrade). */
  readonly order: readonly string[];
  /** Assumed probability that a downgraded customer leaves, in [0, 1]. */
  readonly churnProbability: number;
  /** 12-month revenue per customer (aligned with the segments). */
  readonly revenue: ArrayLike<number>;
  /** 12-month gross margin per customer. */
  readonly grossMargin: ArrayLike<number>;
  /** Current cost-to-serve per customer; with `ctsAfter`, gives CTS saved. Optional. */
  readonly ctsNow?: ArrayLike<number>;
  /** Cost-to-serve under the new tier's policy. Optional. */
  readonly ctsAfter?: ArrayLike<number>;
  /** Categorical attributes to break the figures down by, e.g. {region: [...], channel: [...]}. */
  readonly groups?: Readonly<Record<string, readonly string[]>>;
}

export interface ImpactFigures {
  /** Customers moving down. */
  readonly customers: number;
  /** Revenue of the movers. */
  readonly revenue: number;
  /** churnProbability x revenue. */
  readonly revenueAtRisk: number;
  readonly grossMargin: number;
  /** churnProbability x gross margin. */
  readonly marginAtRisk: number;
  /** Sum of (current - new) CTS over the movers; null without CTS figures. */
  readonly ctsSaved: number | null;
  /** ctsSaved - marginAtRisk; null without CTS figures. */
  readonly net: number | null;
}

export interface DowngradedCustomer {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly revenue: number;
  readonly grossMargin: number;
  readonly ctsSaved: number | null;
  /** The customer's value of each breakdown attribute. */
  readonly groups: Readonly<Record<string, string>>;
}

export interface DowngradeImpact {
  readonly churnProbability: number;
  readonly totals: ImpactFigures;
  /** Per attribute, the figures per group value (groups with no downgrade are listed with zeros). */
  readonly breakdown: { attribute: string; groups: ({ group: string } & ImpactFigures)[] }[];
  /** Every downgraded customer, largest revenue first (ties by id). */
  readonly downgraded: DowngradedCustomer[];
  /** The assumptions the figures rest on, as sentences to show next to them. */
  readonly assumptions: string[];
}

const value = (a: ArrayLike<number> | undefined, i: number) => (a && Number.isFinite(a[i]) ? a[i] : 0);

function figures(movers: readonly DowngradedCustomer[], p: number, withCts: boolean): ImpactFigures {
  let revenue = 0;
  let grossMargin = 0;
  let cts = 0;
  for (const m of movers) {
    revenue += m.revenue;
    grossMargin += m.grossMargin;
    cts += m.ctsSaved ?? 0;
  }
  return {
    customers: movers.length,
    revenue,
    revenueAtRisk: p * revenue,
    grossMargin,
    marginAtRisk: p * grossMargin,
    ctsSaved: withCts ? cts : null,
    net: withCts ? cts - p * grossMargin : null,
  };
}

/** The pre-downgrade impact of moving from `aligned.before` to `aligned.after`. */
export function downgradeImpact(aligned: AlignedSegments, spec: DowngradeImpactSpec): DowngradeImpact {
  const p = spec.churnProbability;
  if (!(p >= 0 && p <= 1)) throw new Error(`invalid churn probability: ${p} (expected a fraction in [0, 1])`);
  const pos = new Map(spec.order.map((s, i) => [s, i]));
  const withCts = spec.ctsNow !== undefined && spec.ctsAfter !== undefined;
  const groups = spec.groups ?? {};
  const n = aligned.ids.length;
  for (const [name, column] of Object.entries(groups)) {
    if (column.length !== n) throw new Error(`invalid groups: "${name}" has ${column.length} values for ${n} customers`);
  }
  const downgraded: DowngradedCustomer[] = [];
  for (let i = 0; i < n; i++) {
    const b = aligned.before[i];
    const a = aligned.after[i];
    if (b === null || a === null) continue;
    const from = pos.get(b);
    const to = pos.get(a);
    if (from === undefined || to === undefined) throw new Error(`invalid segment "${from === undefined ? b : a}" (customer ${aligned.ids[i]}): not among ${spec.order.join(', ')}`);
    if (moveDirection(from, to) !== -1) continue;
    downgraded.push({
      id: aligned.ids[i],
      from: b,
      to: a,
      revenue: value(spec.revenue, i),
      grossMargin: value(spec.grossMargin, i),
      ctsSaved: withCts ? value(spec.ctsNow, i) - value(spec.ctsAfter, i) : null,
      groups: Object.fromEntries(Object.entries(groups).map(([name, column]) => [name, column[i]])),
    });
  }
  downgraded.sort((x, y) => y.revenue - x.revenue || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const breakdown = Object.entries(groups).map(([attribute, column]) => {
    const values = [...new Set(column)].sort();
    return {
      attribute,
      groups: values.map((group) => ({ group, ...figures(downgraded.filter((d) => d.groups[attribute] === group), p, withCts) })),
    };
  });
  const assumptions = [
    `Each downgraded customer leaves with probability ${p} (assumed, not estimated); revenue and gross margin at risk are ${p} x the movers' 12-month figures.`,
    withCts
      ? 'CTS saved is each mover’s current cost-to-serve minus its cost-to-serve under the new tier’s policy, as supplied.'
      : 'CTS saved and the net effect need the cost-to-serve under the new tier’s policy; none was supplied.',
    'Upgrades and customers entering or leaving the segmentation are not counted here.',
  ];
  return { churnProbability: p, totals: figures(downgraded, p, withCts), breakdown, downgraded, assumptions };
}

/** The downgraded customers as CSV (through the one CSV writer), for review. */
export function downgradedCsv(impact: DowngradeImpact, idColumn = 'customer_id'): string {
  const attributes = impact.breakdown.map((b) => b.attribute);
  const header = [idColumn, 'from_tier', 'to_tier', 'revenue', 'gross_margin', 'cts_saved', ...attributes];
  const rows = impact.downgraded.map((d) => [
    csvText(d.id),
    csvText(d.from),
    csvText(d.to),
    csvNumber(d.revenue),
    csvNumber(d.grossMargin),
    csvNumber(d.ctsSaved),
    ...attributes.map((a) => csvText(d.groups[a] ?? '')),
  ]);
  return csvDocument(header, rows);
}
