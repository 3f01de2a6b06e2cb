/** Customer features (DOMAIN.md §1–2) from clean order lines: one row per customer or parent account. */
import type { CanonicalField } from '../map/canonical-fields.ts';
import type { CustomerTable } from '../customers/customer-table.ts';
import { formatDate } from '../read/date-parse.ts';
import { formatCount, type DataIssue } from '../errors.ts';
import { aggregateLines } from './feature-aggregate.ts';
import { FEATURE_DICTIONARY, unavailableFeatures, type UnavailableFeature } from './feature-dictionary.ts';
import { normalizeFeatureOptions, type FeatureOptions, type FeatureSpec } from './feature-options.ts';
import type { OrderLines } from '../quality/order-lines.ts';
import { resolveParents } from './parent-rollup.ts';
import { nameRecord } from '../name-record.ts';
import { screenUnusableValues } from '../customers/unclusterable.ts';
import { abcClasses } from '../../analytics/tiers/abc.ts';
import { xyzClasses } from '../../analytics/tiers/xyz.ts';
import { demandCv, monthlySpread } from '../../analytics/tiers/demand-variability.ts';

const DAY = 86_400_000;

/** out[g] = f(a[g], g) with a plain loop (TypedArray.from with a map function iterates generically and is slow). */
function mapTo(a: Float64Array, f: (v: number, g: number) => number): Float64Array {
  const out = new Float64Array(a.length);
  for (let g = 0; g < a.length; g++) out[g] = f(a[g], g);
  return out;
}

/** The feature table: a `CustomerTable` (so segmentation can use it directly) plus what was left out and why. */
export interface CustomerFeatures extends CustomerTable {
  level: 'customer' | 'parent';
  /** Features that need a column the file lacks. */
  unavailable: UnavailableFeature[];
  /** Months in the window (first order month … as-of month). */
  months: number;
  asOf: string;
  options: FeatureOptions;
}

function mode(codes: Int32Array | undefined, dictionary: string[] | undefined, lines: OrderLines, groupOf: Int32Array, groups: number): string[] | undefined {
  if (!codes || !dictionary) return undefined;
  const k = dictionary.length;
  const best = new Int32Array(groups).fill(-1);
  if (k * groups <= 4_000_000) {
    const counts = new Int32Array(k * groups);
    const bestN = new Int32Array(groups);
    for (let i = 0; i < lines.rowCount; i++) {
      const c = codes[i];
      if (c < 0) continue;
      const g = groupOf[lines.customer[i]];
      const v = ++counts[g * k + c];
      if (v > bestN[g]) [best[g], bestN[g]] = [c, v];
    }
  } else {
    // Too many categories for a dense table: keep the first value seen.
    for (let i = 0; i < lines.rowCount; i++) {
      const g = groupOf[lines.customer[i]];
      if (best[g] < 0) best[g] = codes[i];
    }
  }
  return Array.from(best, (c) => (c < 0 ? '' : dictionary[c]));
}

/** Builds the features. Features needing a missing optional column are left out and listed in `unavailable`. */
export function buildCustomerFeatures(lines: OrderLines, spec: FeatureSpec = {}): CustomerFeatures {
  const opts = normalizeFeatureOptions(spec);
  const issues: DataIssue[] = [];
  const note = (code: string, message: string, count = 1) => issues.push({ code, severity: 'info', message, file: lines.source, count, examples: [] });
  let groupOf: Int32Array = Int32Array.from(lines.customerIds.keys());
  let ids = lines.customerIds;
  let level = opts.level;
  if (level === 'parent') {
    if (!lines.parent) {
      note('no-parent-column', 'Roll-up to parent accounts needs a parent_id column; features are per customer.');
      level = 'customer';
    } else {
      const p = resolveParents(lines);
      groupOf = p.groupOf;
      ids = p.ids;
      if (p.cycles.length) note('parent-cycle', `${p.cycles.length} customer(s) have a parent chain that loops back (e.g. ${p.cycles.slice(0, 3).join(', ')}); they stand alone.`, p.cycles.length);
    }
  }
  const G = ids.length;
  const s = aggregateLines(lines, groupOf, G);
  const has = (f: CanonicalField) => Boolean(lines.mapping[f]);
  const unavailable = unavailableFeatures(lines.mapping);
  const skip = new Set(unavailable.map((u) => u.feature));
  const ratio = (a: Float64Array, b: Float64Array, k = 1) => mapTo(a, (v, g) => (b[g] ? (v / b[g]) * k : NaN));
  const hasCost = has('unit_cost');
  const { rates } = opts;
  const ctsOrder = mapTo(s.orders, (v) => v * rates.order);
  const ctsLines = mapTo(s.lines, (v) => v * rates.line);
  const ctsReturns = mapTo(s.returnLines, (v) => v * rates.returnLine);
  const [chargedFreight, discountLines, feeLines, adjustments] = s.nonProduct;
  // Line amounts are signed as money from the customer: a fee paid or a discount given is negative.
  const ctsFees = mapTo(feeLines, (v) => -v);
  const discounts = mapTo(discountLines, (v) => -v);
  // Without a shipping_cost column freight sums to 0: cost to serve is the activity-rate components (noted by the shipping rule).
  const cts = mapTo(ctsOrder, (v, g) => v + ctsLines[g] + ctsReturns[g] + s.freight[g] + ctsFees[g]);
  let gmTotal = 0;
  for (const v of s.grossMargin) gmTotal += v;
  const cv = new Float64Array(G);
  for (let g = 0; g < G; g++) cv[g] = demandCv(monthlySpread(s.monthly, g * s.months, s.months));
  const all: Record<string, Float64Array> = {
    orders: s.orders,
    order_lines: s.lines,
    units: s.units,
    active_months: s.activeMonths,
    order_frequency: mapTo(s.orders, (v) => v / s.months),
    recency_days: mapTo(s.lastOrder, (t) => (Number.isFinite(t) ? Math.floor(lines.asOf / DAY) - Math.floor(t / DAY) : NaN)),
    revenue: s.revenue,
    avg_order_value: ratio(s.revenue, s.orders),
    lines_per_order: ratio(s.lines, s.orders),
    gross_margin: s.grossMargin,
    gross_margin_pct: ratio(s.grossMargin, s.revenue, 100),
    margin_contribution_pct: mapTo(s.grossMargin, (v) => (gmTotal ? (v / gmTotal) * 100 : NaN)),
    cts_order: ctsOrder,
    cts_lines: ctsLines,
    cts_returns: ctsReturns,
    cts_freight: s.freight,
    cts,
    cts_per_order: ratio(cts, s.orders),
    cts_pct: ratio(cts, s.revenue, 100),
    cts_fees: ctsFees,
    net_profit: mapTo(s.grossMargin, (v, g) => v - cts[g] + chargedFreight[g] - discounts[g]),
    freight_imputed_share: ratio(s.freightImputed, s.freight),
    charged_freight: chargedFreight,
    discounts,
    adjustments,
    return_lines: s.returnLines,
    // Units returned beyond the units bought in the window were bought before it: capped here, counted apart.
    returns_rate: mapTo(s.returnedUnits, (v, g) => (s.units[g] ? Math.min(v, s.units[g]) / s.units[g] : NaN)),
    returns_before_window: mapTo(s.returnedUnits, (v, g) => Math.max(0, v - s.units[g])),
    demand_cv: cv,
    lead_time_days: ratio(s.leadDays, s.leadLines),
    on_time_rate: ratio(s.ordersOnTime, s.ordersWithDue),
  };
  const columns = nameRecord<Float64Array>();
  const numericColumns: string[] = [];
  for (const def of FEATURE_DICTIONARY) {
    if (def.categorical || skip.has(def.name)) continue;
    columns[def.name] = all[def.name];
    numericColumns.push(def.name);
  }
  const abcBasis = opts.abcBasis === 'gross_margin' && hasCost ? 'gross_margin' : 'revenue';
  if (abcBasis !== opts.abcBasis) note('abc-by-revenue', 'ABC classes rank by revenue because the file has no unit_cost column (gross margin is preferred).');
  let costMissing = 0;
  for (const v of s.costMissing) costMissing += v;
  if (hasCost && costMissing) note('unknown-cost', `${costMissing} line(s) have no unit cost; their margin is left out of gross margin.`, costMissing);
  const categorical = nameRecord<string[]>([
    ['abc_class', abcClasses(abcBasis === 'gross_margin' ? s.grossMargin : s.revenue, opts.abcShares)],
    ['xyz_class', xyzClasses(cv, opts.xyzLimits)],
  ]);
  for (const [name, cat] of [['region', lines.region], ['channel', lines.channel]] as const) {
    const m = mode(cat?.codes, cat?.dictionary, lines, groupOf, G);
    if (m) categorical[name] = m;
  }
  let prior = 0;
  let priorUnits = 0;
  for (const v of all.returns_before_window) if (v > 0) [prior, priorUnits] = [prior + 1, priorUnits + v];
  if (prior) note('returns-before-window', `${formatCount(prior)} ${level === 'parent' ? 'account(s)' : 'customer(s)'} returned more units than they bought in the window (${formatCount(priorUnits)} units in all): returns of earlier purchases. They are counted in returns_before_window, and returns_rate is capped at 1.`, prior);
  for (const u of unavailable) note('feature-unavailable', u.note);
  // Sums cannot overflow (line amounts are bounded), but a feature can still be too large to cluster on.
  const screened = screenUnusableValues(lines.source, ids, columns, numericColumns);
  issues.push(...screened.issues);
  return {
    source: lines.source, idColumn: level === 'parent' ? 'parent_id' : 'customer_id', ids, numericColumns, columns, categorical, rowCount: G, issues, unclusterable: screened.unclusterable,
    inputRows: lines.rowCount, delimiter: '', decimal: '.', level, unavailable, months: s.months, asOf: formatDate(lines.asOf), options: opts,
  };
}
