/**
 * Demand streams per tier and product for safety stock. A stream is one tier x one product
 * (a SKU when the data has one, else a product line, else the tier as a whole). Per stream:
 * monthly demand, i.e. units net of returns by order-date month over the data window (every
 * month from the first to the last, months without demand count as 0), its mean and sample
 * standard deviation; the lead time in days from order to ship date, its mean and sample
 * standard deviation over the stream's sales lines; and the unit cost (units-weighted mean).
 */
import type { AnalyticsIssue } from '../issues.ts';

/** Order lines reduced to what demand needs, independent of tiers (built from clean order lines). */
export interface DemandBase {
  /** Customer-table row of each line's customer (-1 when the customer is not in the table). */
  readonly customer: Int32Array;
  /** Product of each line: index into `products`, -1 when missing. */
  readonly product: Int32Array;
  readonly products: readonly string[];
  /** What a product is: a SKU column, the product line, or nothing (the tier as a whole). */
  readonly basis: 'sku' | 'product_line' | 'tier';
  /** Month of the order date, 0 = `firstMonth`. */
  readonly month: Int32Array;
  /** Months in the window (first to last order month). */
  readonly months: number;
  /** First month of the window, `YYYY-MM`. */
  readonly firstMonth: string;
  /** 1 for a return or cancellation line, 0 for a sale. */
  readonly isReturn: Uint8Array;
  /** Units net of returns: a sale's qty minus its returned qty; a return line's units negative. */
  readonly qty: Float64Array;
  /** Units shipped on a sale line (qty before returns; 0 for return lines): the weights of the unit cost. */
  readonly units: Float64Array;
  /** Days from order to ship date; NaN when unknown and for return lines. */
  readonly leadDays: Float64Array;
  /** Cost per unit; NaN when unknown and for return lines. */
  readonly unitCost: Float64Array;
}

/** One stream's statistics. Monthly figures in units per month, lead times in days. */
export interface DemandStream {
  /** Tier index. */
  readonly tier: number;
  /** Product label: the SKU, the product line, `all` (tier as a whole) or `(unknown)`. */
  readonly stream: string;
  /** Sales lines in the stream. */
  readonly lines: number;
  readonly meanMonthlyDemand: number;
  /** Sample standard deviation (n − 1) over the window's months; NaN with fewer than 2 months. */
  readonly sdMonthlyDemand: number;
  /** Mean over sales lines with a ship date; NaN when none has one. */
  readonly leadTimeDays: number;
  /** Sample standard deviation; 0 with a single shipped line, NaN with none. */
  readonly sdLeadTimeDays: number;
  /** Units-weighted mean cost of the stream's sales lines with a known cost; NaN when none. */
  readonly unitCost: number;
}

export interface DemandStreams {
  readonly basis: DemandBase['basis'];
  readonly months: number;
  readonly firstMonth: string;
  /** Streams by tier, then by product label. */
  readonly streams: readonly DemandStream[];
  /** Lines whose customer has no tier (or is not in the table): left out of every stream, counted here. */
  readonly linesLeftOut: number;
  readonly issues: readonly AnalyticsIssue[];
}

const UNKNOWN = '(unknown)';

/** Streams of `base` for the tier of each customer-table row (`tierOfRow`, -1 = none). */
export function demandStreams(base: DemandBase, tierOfRow: Int32Array, tiers: number): DemandStreams {
  const P = base.products.length + 1; // the last product slot holds lines without a product
  const n = base.qty.length;
  const slot = new Int32Array(tiers * P).fill(-1);
  const keys: number[] = [];
  const lineStream = new Int32Array(n);
  let leftOut = 0;
  for (let i = 0; i < n; i++) {
    const row = base.customer[i];
    const t = row >= 0 ? tierOfRow[row] : -1;
    if (t < 0) {
      lineStream[i] = -1;
      leftOut++;
      continue;
    }
    const p = base.product[i];
    const key = t * P + (p >= 0 ? p : P - 1);
    if (slot[key] < 0) {
      slot[key] = keys.length;
      keys.push(key);
    }
    lineStream[i] = slot[key];
  }
  const S = keys.length;
  const M = base.months;
  const monthly = new Float64Array(S * M);
  const sales = new Float64Array(S);
  const lead = new Float64Array(S * 3); // count, mean, sum of squared deviations
  const cost = new Float64Array(S * 2); // units, units × cost
  for (let i = 0; i < n; i++) {
    const s = lineStream[i];
    if (s < 0) continue;
    const q = base.qty[i];
    const m = base.month[i];
    if (m >= 0 && m < M) monthly[s * M + m] += q;
    if (base.isReturn[i]) continue;
    sales[s]++;
    const d = base.leadDays[i];
    if (!Number.isNaN(d)) {
      // Welford's running mean and sum of squared deviations.
      const c = ++lead[3 * s];
      const delta = d - lead[3 * s + 1];
      lead[3 * s + 1] += delta / c;
      lead[3 * s + 2] += delta * (d - lead[3 * s + 1]);
    }
    const uc = base.unitCost[i];
    const units = base.units[i];
    if (!Number.isNaN(uc) && units > 0) {
      cost[2 * s] += units;
      cost[2 * s + 1] += units * uc;
    }
  }
  const streams = keys.map((key, s): DemandStream => {
    const tier = Math.floor(key / P);
    const p = key % P;
    let sum = 0;
    for (let m = 0; m < M; m++) sum += monthly[s * M + m];
    const mean = sum / M;
    let ss = 0;
    for (let m = 0; m < M; m++) ss += (monthly[s * M + m] - mean) ** 2;
    const c = lead[3 * s];
    return {
      tier,
      stream: base.basis === 'tier' ? (p === P - 1 ? 'all' : base.products[p]) : p === P - 1 ? UNKNOWN : base.products[p],
      lines: sales[s],
      meanMonthlyDemand: mean,
      sdMonthlyDemand: M >= 2 ? Math.sqrt(ss / (M - 1)) : NaN,
      leadTimeDays: c > 0 ? lead[3 * s + 1] : NaN,
      sdLeadTimeDays: c > 1 ? Math.sqrt(lead[3 * s + 2] / (c - 1)) : c === 1 ? 0 : NaN,
      unitCost: cost[2 * s] > 0 ? cost[2 * s + 1] / cost[2 * s] : NaN,
    };
  });
  streams.sort((a, b) => a.tier - b.tier || (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));
  const issues: AnalyticsIssue[] = [];
  if (leftOut > 0) issues.push({ code: 'lines-without-tier', message: `${leftOut.toLocaleString('en-US')} order line(s) belong to customers without a tier; they are in no demand stream.` });
  if (M < 2) issues.push({ code: 'one-month', message: 'The data covers a single month: monthly demand has no standard deviation, so safety stock cannot be computed. Load at least two months of order lines.' });
  return { basis: base.basis, months: M, firstMonth: base.firstMonth, streams, linesLeftOut: leftOut, issues };
}
