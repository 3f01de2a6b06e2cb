/**
 * Tier KPIs: per tier, customers, revenue share, GM %, CTS %, the CTS differential against the
 * company (CTS %_tier − CTS %_company, percentage points), net profit, on-time rate, returns
 * rate and lines per order; optionally the same per group (region, product line). Every rate
 * is a ratio of sums over the tier's rows, so tiers add up to the company and merging tiers
 * merges their sums. A ratio only uses rows where both its sums are known.
 */
import type { KpiRows } from './customer-measures.ts';

/** Label of the row holding customers without a tier. */
export const NO_TIER = '(no tier)';
/** Label of rows whose group value is missing. */
export const NO_GROUP = '(none)';

export interface TierKpi {
  /** Tier name, `(no tier)`, or `All customers`. */
  readonly tier: string;
  readonly customers: number;
  readonly revenue: number;
  /** Revenue / revenue of the reference (the company, or the group in a breakdown), fraction. */
  readonly revenueShare: number;
  readonly grossMargin: number;
  /** Percent of revenue. */
  readonly gmPct: number;
  readonly cts: number;
  /** Percent of revenue. */
  readonly ctsPct: number;
  /** ctsPct − the company's ctsPct, percentage points. */
  readonly ctsDifferential: number;
  readonly netProfit: number;
  /** Fractions 0–1. */
  readonly onTimeRate: number;
  readonly returnsRate: number;
  readonly linesPerOrder: number;
}

export interface GroupKpis {
  readonly group: string;
  readonly total: TierKpi;
  /** One per tier (tiers without rows in the group included), then `(no tier)` when present. */
  readonly tiers: readonly TierKpi[];
}

export interface TierKpiTable {
  readonly company: TierKpi;
  readonly tiers: readonly TierKpi[];
  /** Present when a grouping was given; groups sorted by name, `(none)` last. */
  readonly groups?: readonly GroupKpis[];
}

/** A grouping of the KPI rows: a code per row into `dictionary` (-1 = missing). */
export interface KpiGrouping {
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

class Acc {
  /** Distinct customers added. */
  customers = 0;
  // A mark per customer index (a Set add per row cost most of the KPIs' time); a Set for any index outside.
  private seen: Uint8Array | null = null;
  private others: Set<number> | null = null;
  revenue = 0;
  netProfit = 0;
  ratios = new Float64Array(10); // num/den pairs: gm, cts, onTime, returns, lines
  constructor(private readonly customerCount: number) {}
  private addCustomer(c: number): void {
    if (c >= 0 && c < this.customerCount) {
      const seen = (this.seen ??= new Uint8Array(this.customerCount));
      if (seen[c] === 0) {
        seen[c] = 1;
        this.customers++;
      }
      return;
    }
    const others = (this.others ??= new Set());
    if (!others.has(c)) {
      others.add(c);
      this.customers++;
    }
  }
  add(r: KpiRows, i: number): void {
    this.addCustomer(r.customer[i]);
    const rev = r.revenue[i];
    if (Number.isFinite(rev)) this.revenue += rev;
    if (Number.isFinite(r.netProfit[i])) this.netProfit += r.netProfit[i];
    this.pair(0, r.grossMargin[i], rev);
    this.pair(1, r.cts[i], rev);
    this.pair(2, r.onTimeOrders[i], r.dueOrders[i]);
    this.pair(3, r.returnedUnits[i], r.units[i]);
    this.pair(4, r.lines[i], r.orders[i]);
  }
  private pair(k: number, num: number, den: number): void {
    if (Number.isFinite(num) && Number.isFinite(den)) {
      this.ratios[2 * k] += num;
      this.ratios[2 * k + 1] += den;
    }
  }
  kpi(tier: string, reference: number, companyCtsPct: number | null): TierKpi {
    const ratio = (k: number, scale = 1) => (this.ratios[2 * k + 1] !== 0 ? (this.ratios[2 * k] / this.ratios[2 * k + 1]) * scale : NaN);
    const ctsPct = ratio(1, 100);
    return {
      tier,
      customers: this.customers,
      revenue: this.revenue,
      revenueShare: reference !== 0 ? this.revenue / reference : NaN,
      grossMargin: this.ratios[0],
      gmPct: ratio(0, 100),
      cts: this.ratios[2],
      ctsPct,
      ctsDifferential: ctsPct - (companyCtsPct ?? ctsPct),
      netProfit: this.netProfit,
      onTimeRate: ratio(2),
      returnsRate: ratio(3),
      linesPerOrder: ratio(4),
    };
  }
}

function tierRows(accs: Acc[], none: Acc, names: readonly string[], reference: number, companyCts: number): TierKpi[] {
  const out = accs.map((a, t) => a.kpi(names[t], reference, companyCts));
  if (none.customers > 0) out.push(none.kpi(NO_TIER, reference, companyCts));
  return out;
}

/**
 * KPIs of `rows` by tier: `tierOfCustomer[c]` is the tier (index into `names`, -1 = none) of
 * customer c, and each row belongs to customer `rows.customer[i]`.
 */
export function tierKpis(rows: KpiRows, tierOfCustomer: Int32Array, names: readonly string[], grouping?: KpiGrouping): TierKpiTable {
  const acc = () => new Acc(tierOfCustomer.length);
  const company = acc();
  const accs = names.map(acc);
  const none = acc();
  const G = grouping ? grouping.dictionary.length + 1 : 0;
  const groupAccs = Array.from({ length: G }, () => ({ total: acc(), tiers: names.map(acc), none: acc() }));
  for (let i = 0; i < rows.n; i++) {
    const t = tierOfCustomer[rows.customer[i]];
    company.add(rows, i);
    (t >= 0 ? accs[t] : none).add(rows, i);
    if (grouping) {
      const code = grouping.codes[i];
      const g = groupAccs[code >= 0 ? code : G - 1];
      g.total.add(rows, i);
      (t >= 0 ? g.tiers[t] : g.none).add(rows, i);
    }
  }
  const all = company.kpi('All customers', company.revenue, null);
  const table: TierKpiTable = { company: all, tiers: tierRows(accs, none, names, company.revenue, all.ctsPct) };
  if (!grouping) return table;
  const labels = [...grouping.dictionary, NO_GROUP];
  const order = labels
    .map((label, g) => ({ label, g }))
    .filter(({ g }) => groupAccs[g].total.customers > 0)
    .sort((x, y) => (x.g === G - 1 ? 1 : 0) - (y.g === G - 1 ? 1 : 0) || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
  const groups = order.map(({ label, g }): GroupKpis => {
    const ga = groupAccs[g];
    const total = ga.total.kpi('All customers', ga.total.revenue, all.ctsPct);
    return { group: label, total, tiers: tierRows(ga.tiers, ga.none, names, ga.total.revenue, all.ctsPct) };
  });
  return { ...table, groups };
}

/** Codes for a text column (one value per row), dictionary sorted; '' is missing (-1). */
export function groupingOf(values: readonly string[]): KpiGrouping {
  const dictionary = [...new Set(values.filter((v) => v !== ''))].sort();
  const index = new Map(dictionary.map((v, i) => [v, i]));
  return { codes: Int32Array.from(values, (v) => (v === '' ? -1 : (index.get(v) as number))), dictionary };
}
