/**
 * Demand streams per tier and product for safety stock. A stream is one tier x one product
 * (a SKU when the data has one, else a product line, else the tier as a whole). Per stream:
 * monthly demand, i.e. units net of returns by order-date month over the data window (every
 * month of it, months without demand count as 0), its mean and sample standard deviation (see
 * `demand-variability.ts`); the lead time in days from order to ship date, its mean and sample
 * standard deviation over the stream's sales lines; and the unit cost (units-weighted mean).
 */
import type { AnalyticsIssue } from '../issues.ts';
import { monthlySpread } from '../tiers/demand-variability.ts';
import type { DemandBase } from './demand-base.ts';


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
  const pairs = base.pairCustomer.length;
  const slot = new Int32Array(tiers * P).fill(-1);
  const keys: number[] = [];
  const pairStream = new Int32Array(pairs);
  let leftOut = 0;
  for (let q = 0; q < pairs; q++) {
    const row = base.pairCustomer[q];
    const t = row >= 0 ? tierOfRow[row] : -1;
    if (t < 0) {
      pairStream[q] = -1;
      leftOut += base.pairLines[q];
      continue;
    }
    const p = base.pairProduct[q];
    const key = t * P + (p >= 0 ? p : P - 1);
    if (slot[key] < 0) {
      slot[key] = keys.length;
      keys.push(key);
    }
    pairStream[q] = slot[key];
  }
  const S = keys.length;
  const M = base.months;
  const monthly = new Float64Array(S * M);
  for (let c = 0; c < base.cellPair.length; c++) {
    const s = pairStream[base.cellPair[c]];
    const m = base.cellMonth[c];
    if (s >= 0 && m >= 0 && m < M) monthly[s * M + m] += base.cellQty[c];
  }
  const sales = new Float64Array(S);
  const lead = new Float64Array(S * 3); // count, mean, sum of squared deviations
  const cost = new Float64Array(S * 2); // units, units × cost
  for (let q = 0; q < pairs; q++) {
    const s = pairStream[q];
    if (s < 0) continue;
    sales[s] += base.pairSales[q];
    combineSpread(lead, s, base.leadCount[q], base.leadMean[q], base.leadM2[q]);
    cost[2 * s] += base.costUnits[q];
    cost[2 * s + 1] += base.costValue[q];
  }
  const streams = keys.map((key, s): DemandStream => {
    const tier = Math.floor(key / P);
    const p = key % P;
    const { mean, sd } = monthlySpread(monthly, s * M, M);
    const c = lead[3 * s];
    return {
      tier,
      stream: base.basis === 'tier' ? (p === P - 1 ? 'all' : base.products[p]) : p === P - 1 ? UNKNOWN : base.products[p],
      lines: sales[s],
      meanMonthlyDemand: mean,
      sdMonthlyDemand: sd,
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

/**
 * Adds a group (count, mean, sum of squared deviations) into `acc` at slot `s` by Chan et al.'s
 * pairwise update, so the spread of many pairs is exactly that of all their lines at once.
 */
export function combineSpread(acc: Float64Array, s: number, n: number, mean: number, m2: number): void {
  if (n === 0) return;
  const na = acc[3 * s];
  const total = na + n;
  const delta = mean - acc[3 * s + 1];
  acc[3 * s] = total;
  acc[3 * s + 1] += (delta * n) / total;
  acc[3 * s + 2] += m2 + (delta * delta * na * n) / total;
}
