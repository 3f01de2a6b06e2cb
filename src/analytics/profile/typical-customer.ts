/**
 * What a typical customer of a group (a tier) looks like, in words a mixed room reads at a
 * glance: "Orders weekly, high margin, few returns." The words come from the group's median
 * customer: how often it orders (in absolute terms) and where its median sits in the company's
 * distribution of each trait (relative terms: "high margin" means a median above two thirds of
 * all customers). A trait the table lacks is left out; nothing is guessed.
 */
import { median, sortedFinite } from '../prepare/quantile.ts';

/** A relative trait: the feature and the words for a high and a low median. */
export interface TraitRule {
  readonly feature: string;
  readonly high: string;
  readonly low: string;
}

/** Relative traits, in the order they are named when equally distinctive. */
export const TRAITS: readonly TraitRule[] = [
  { feature: 'gross_margin_pct', high: 'high margin', low: 'low margin' },
  { feature: 'returns_rate', high: 'many returns', low: 'few returns' },
  { feature: 'cts_pct', high: 'costly to serve', low: 'cheap to serve' },
  { feature: 'avg_order_value', high: 'large orders', low: 'small orders' },
  { feature: 'revenue', high: 'large accounts', low: 'small accounts' },
  { feature: 'demand_cv', high: 'erratic demand', low: 'steady demand' },
  { feature: 'lines_per_order', high: 'many lines per order', low: 'few lines per order' },
];

/** The column holding orders per month (how often a customer orders). */
export const CADENCE_FEATURE = 'order_frequency';

/** A median above this share of all customers is "high", below one minus it "low". */
export const DISTINCT = 2 / 3;
/** At most this many relative traits are named (after the cadence). */
export const MAX_TRAITS = 3;

/** Average days in a month (365.25 / 12), to turn orders per month into days between orders. */
const DAYS_PER_MONTH = 30.4375;

/**
 * How often a customer orders, from orders per month: by the days between orders, ≤ 4.5 several
 * times a week, ≤ 10.5 weekly, ≤ 21 every two to three weeks, ≤ 45 monthly, ≤ 120 every few
 * months, else a few times a year or less. Null for a missing or non-positive rate.
 */
export function cadencePhrase(ordersPerMonth: number): string | null {
  if (!Number.isFinite(ordersPerMonth) || ordersPerMonth <= 0) return null;
  const days = DAYS_PER_MONTH / ordersPerMonth;
  if (days <= 4.5) return 'orders several times a week';
  if (days <= 10.5) return 'orders weekly';
  if (days <= 21) return 'orders every two to three weeks';
  if (days <= 45) return 'orders monthly';
  if (days <= 120) return 'orders every few months';
  return 'orders a few times a year or less';
}

/**
 * Where `value` sits among ascending `sorted` values, in [0, 1]: the share below it plus half
 * the share equal to it (the mid-rank), so a value shared by most customers sits near the middle.
 */
export function percentileOf(sorted: ArrayLike<number>, value: number): number {
  const n = sorted.length;
  if (n === 0 || !Number.isFinite(value)) return NaN;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  const below = lo;
  hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return (below + (lo - below) / 2) / n;
}

/** Every customer's value of each trait feature, sorted: the company's distributions. */
export type Distributions = ReadonlyMap<string, Float64Array>;

/** The company distributions of the traits (and the cadence) the table has. */
export function distributions(columns: Readonly<Record<string, ArrayLike<number>>>): Distributions {
  const out = new Map<string, Float64Array>();
  for (const feature of [CADENCE_FEATURE, ...TRAITS.map((t) => t.feature)]) {
    const column = columns[feature];
    if (column) out.set(feature, sortedFinite(column));
  }
  return out;
}

/** One named trait of a group. */
export interface Trait {
  readonly feature: string;
  readonly phrase: string;
  readonly level: 'high' | 'low';
  /** The group's median value, in the feature's units. */
  readonly median: number;
  /** Where that median sits among all customers, 0–1. */
  readonly percentile: number;
}

export interface TypicalCustomer {
  /** How often the median customer orders, or null without an order-frequency column. */
  readonly cadence: string | null;
  /** The most distinctive relative traits, most distinctive first (at most `MAX_TRAITS`). */
  readonly traits: readonly Trait[];
  /** Cadence then traits, e.g. ["orders weekly", "high margin", "few returns"]. */
  readonly phrases: readonly string[];
  /** The phrases as one sentence: "Orders weekly, high margin, few returns." */
  readonly sentence: string;
}

function values(column: ArrayLike<number>, rows: readonly number[]): Float64Array {
  return Float64Array.from(rows, (r) => column[r]);
}

/**
 * The typical customer of the group of table rows `rows`, against the company distributions
 * `company` (from `distributions(columns)`).
 */
export function typicalCustomer(rows: readonly number[], columns: Readonly<Record<string, ArrayLike<number>>>, company: Distributions): TypicalCustomer {
  const cadenceColumn = columns[CADENCE_FEATURE];
  const cadence = cadenceColumn && rows.length > 0 ? cadencePhrase(median(values(cadenceColumn, rows))) : null;
  const found: (Trait & { order: number })[] = [];
  TRAITS.forEach((rule, order) => {
    const column = columns[rule.feature];
    const all = company.get(rule.feature);
    if (!column || !all || all.length === 0) return;
    const m = median(values(column, rows));
    const percentile = percentileOf(all, m);
    if (!Number.isFinite(percentile)) return;
    if (percentile >= DISTINCT) found.push({ feature: rule.feature, phrase: rule.high, level: 'high', median: m, percentile, order });
    else if (percentile <= 1 - DISTINCT) found.push({ feature: rule.feature, phrase: rule.low, level: 'low', median: m, percentile, order });
  });
  // Distinctiveness rounded, so float noise (7.5/9 - 0.5 vs 0.5 - 1.5/9) never decides an order.
  const distinct = (t: Trait) => Math.round(Math.abs(t.percentile - 0.5) * 1e9);
  const traits = found
    .sort((a, b) => distinct(b) - distinct(a) || a.order - b.order)
    .slice(0, MAX_TRAITS)
    .map(({ order: _order, ...trait }) => trait);
  const phrases = [...(cadence ? [cadence] : []), ...traits.map((t) => t.phrase)];
  const text = phrases.length > 0 ? phrases.join(', ') : 'close to the average customer';
  const sentence = `${text.charAt(0).toUpperCase()}${text.slice(1)}${traits.length === 0 && phrases.length > 0 ? '; otherwise close to the average customer' : ''}.`;
  return { cadence, traits, phrases, sentence };
}
