/**
 * The per-customer measures tiers and KPIs need, read from a customer table's columns whatever
 * the table's origin: features built from order lines carry sums (`gross_margin`, `cts`,
 * `order_lines`, `units`), a ready customer table often only rates (`gross_margin_pct`,
 * `cts_pct`, `lines_per_order`). Sums are derived from rates where needed, and every
 * derivation is listed in `notes`.
 */

/** A customer table as plain columns (a `CustomerTable` or `CustomerFeatures` fits). */
export interface CustomerColumns {
  readonly ids: readonly string[];
  readonly columns: Readonly<Record<string, Float64Array>>;
  readonly categorical?: Readonly<Record<string, readonly string[]>>;
}

/** Additive per-customer (or per-slice) sums; rates are ratios of sums, so any grouping of rows adds up exactly. NaN = unknown. */
export interface KpiRows {
  readonly n: number;
  /** The customer of each row (rows of one customer count it once). */
  readonly customer: Int32Array;
  /** Net revenue, currency. */
  readonly revenue: Float64Array;
  readonly grossMargin: Float64Array;
  /** Cost-to-serve, currency. */
  readonly cts: Float64Array;
  readonly netProfit: Float64Array;
  readonly orders: Float64Array;
  readonly lines: Float64Array;
  /** Units (or the weight standing for them, see notes) and units returned. */
  readonly units: Float64Array;
  readonly returnedUnits: Float64Array;
  /** Orders (or weight) on time, of `dueOrders` with both dates. */
  readonly onTimeOrders: Float64Array;
  readonly dueOrders: Float64Array;
}

export interface CustomerMeasures extends KpiRows {
  /** GM % of revenue (percent). */
  readonly gmPct: Float64Array;
  /** CTS % of revenue (percent). */
  readonly ctsPct: Float64Array;
  /** Coefficient of variation of monthly demand. */
  readonly demandCv: Float64Array;
  /** Days since the last order. */
  readonly recencyDays: Float64Array;
  /** Orders (or order frequency) for RFM. */
  readonly frequency: Float64Array;
  /** Measures the table could not give at all (all NaN). */
  readonly missing: readonly string[];
  /** How sums were derived from rates, for people. */
  readonly notes: readonly string[];
}

const nan = (n: number) => new Float64Array(n).fill(NaN);

function combine(n: number, f: (i: number) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}

/** Reads the measures from `table`; a measure the table cannot give is all NaN and listed in `missing`. */
export function customerMeasures(table: CustomerColumns): CustomerMeasures {
  const n = table.ids.length;
  const col = (name: string): Float64Array | undefined => table.columns[name];
  const notes: string[] = [];
  const missing: string[] = [];
  const revenue = col('revenue') ?? nan(n);
  if (!col('revenue')) missing.push('revenue');
  const fromPct = (sum: string, pct: string, label: string): Float64Array => {
    const s = col(sum);
    if (s) return s;
    const p = col(pct);
    if (p && col('revenue')) {
      notes.push(`${label} = revenue × ${pct} / 100 (the table has no ${sum} column).`);
      return combine(n, (i) => (revenue[i] * p[i]) / 100);
    }
    missing.push(sum);
    return nan(n);
  };
  const grossMargin = fromPct('gross_margin', 'gross_margin_pct', 'Gross margin');
  const cts = fromPct('cts', 'cts_pct', 'Cost-to-serve');
  const pctOf = (pct: string, sum: Float64Array) => col(pct) ?? combine(n, (i) => (revenue[i] !== 0 ? (sum[i] / revenue[i]) * 100 : NaN));
  let netProfit = col('net_profit');
  if (!netProfit) {
    netProfit = combine(n, (i) => grossMargin[i] - cts[i]);
    if (!missing.includes('gross_margin') && !missing.includes('cts')) notes.push('Net profit = gross margin − cost-to-serve (the table has no net_profit column).');
    else missing.push('net_profit');
  }
  const orders = col('orders') ?? nan(n);
  if (!col('orders')) missing.push('orders');
  let lines = col('order_lines');
  if (!lines) {
    const lpo = col('lines_per_order');
    lines = lpo && col('orders') ? combine(n, (i) => lpo[i] * orders[i]) : nan(n);
    if (lpo && col('orders')) notes.push('Order lines = lines_per_order × orders.');
    else missing.push('lines');
  }
  // Rates without their denominators are averaged with a stated weight.
  const weight = col('orders') ? orders : new Float64Array(n).fill(1);
  const weightName = col('orders') ? 'orders' : 'customers (equal weights)';
  const units = col('units') ?? weight;
  const returnsRate = col('returns_rate');
  const returnedUnits = returnsRate ? combine(n, (i) => returnsRate[i] * units[i]) : nan(n);
  if (!returnsRate) missing.push('returns_rate');
  else if (!col('units')) notes.push(`Returns rate per tier is the mean of the customers' rates weighted by ${weightName} (the table has no units column).`);
  const onTime = col('on_time_rate');
  const onTimeOrders = onTime ? combine(n, (i) => onTime[i] * weight[i]) : nan(n);
  if (!onTime) missing.push('on_time_rate');
  else notes.push(`On-time rate per tier is the mean of the customers' rates weighted by ${weightName}.`);
  const frequency = col('orders') ?? col('order_frequency') ?? nan(n);
  return {
    n,
    customer: Int32Array.from({ length: n }, (_, i) => i),
    revenue,
    grossMargin,
    cts,
    netProfit,
    orders,
    lines,
    units,
    returnedUnits,
    onTimeOrders,
    dueOrders: onTime ? weight : nan(n),
    gmPct: pctOf('gross_margin_pct', grossMargin),
    ctsPct: pctOf('cts_pct', cts),
    demandCv: col('demand_cv') ?? nan(n),
    recencyDays: col('recency_days') ?? nan(n),
    frequency,
    missing,
    notes,
  };
}

/** The per-customer values of a value measure (`net_profit`, `gross_margin` or `revenue`). */
export function measureValues(m: CustomerMeasures, measure: 'net_profit' | 'gross_margin' | 'revenue'): Float64Array {
  return measure === 'net_profit' ? m.netProfit : measure === 'gross_margin' ? m.grossMargin : m.revenue;
}
