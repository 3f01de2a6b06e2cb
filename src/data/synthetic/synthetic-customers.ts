import { createRandom, type Random } from '../../analytics/random.ts';
import { csvDocument, csvNumber, csvText } from '../csv-write.ts';

/**
 * A seeded generator of a ready customer table (one row per customer, 12-month window) with a
 * few natural segments, for demos and clustering tests. Formulas follow DOMAIN.md §1 with the
 * default activity rates ($25/order, $1.50/line, $12/return line) and freight per order.
 */

/** One synthetic customer. Units: money in account currency, `_pct` in percent, `_rate` as a fraction 0–1. */
export interface SyntheticCustomer {
  customer_id: string;
  region: string;
  channel: string;
  /** Net revenue over 12 months. */
  revenue: number;
  /** Distinct orders over 12 months. */
  orders: number;
  /** orders / 12, orders per month. */
  order_frequency: number;
  /** revenue / orders. */
  avg_order_value: number;
  /** order lines / orders. */
  lines_per_order: number;
  /** gross margin / revenue × 100. */
  gross_margin_pct: number;
  /** cost-to-serve / revenue × 100. */
  cts_pct: number;
  /** gross margin − cost-to-serve. */
  net_profit: number;
  /** returned lines / lines. */
  returns_rate: number;
  /** orders shipped by the promised date / orders. */
  on_time_rate: number;
  /** coefficient of variation of monthly quantity (zero months included). */
  demand_cv: number;
  /** The segment the customer was drawn from (ground truth; not written to the CSV by default). */
  segment: string;
}

/** Options of `generateCustomers`. */
export interface SyntheticCustomersSpec {
  /** Seed of the random stream; default 42. */
  seed?: number;
  /** Number of customers; default 2,000. */
  customers?: number;
}

interface Profile {
  name: string;
  share: number;
  /** Median orders per month and its log-sd. */
  freq: [number, number];
  /** Median order value and its log-sd. */
  aov: [number, number];
  lines: number;
  gm: [number, number];
  onTime: [number, number];
  returns: number;
  cv: [number, number];
  channels: readonly number[];
}

const CHANNELS = ['EDI', 'portal', 'phone', 'email'] as const;
const REGIONS = ['North', 'South', 'East', 'West', 'Central'] as const;
const REGION_WEIGHTS = [0.26, 0.22, 0.2, 0.18, 0.14];

/** The segments the generator draws from. */
export const SYNTHETIC_SEGMENTS: readonly Profile[] = [
  { name: 'key account', share: 0.08, freq: [10, 0.3], aov: [2600, 0.35], lines: 12, gm: [22, 3], onTime: [0.97, 0.015], returns: 0.015, cv: [0.25, 0.08], channels: [0.75, 0.2, 0.03, 0.02] },
  { name: 'mid-market', share: 0.3, freq: [3, 0.3], aov: [800, 0.35], lines: 6, gm: [28, 3], onTime: [0.94, 0.02], returns: 0.03, cv: [0.5, 0.12], channels: [0.3, 0.45, 0.15, 0.1] },
  { name: 'small frequent', share: 0.25, freq: [6, 0.3], aov: [140, 0.4], lines: 2.5, gm: [34, 3], onTime: [0.9, 0.03], returns: 0.06, cv: [0.7, 0.15], channels: [0.05, 0.35, 0.35, 0.25] },
  { name: 'occasional', share: 0.37, freq: [0.5, 0.45], aov: [420, 0.5], lines: 4, gm: [30, 4], onTime: [0.88, 0.04], returns: 0.04, cv: [1.4, 0.3], channels: [0.05, 0.3, 0.3, 0.35] },
];

const RATE_ORDER = 25;
const RATE_LINE = 1.5;
const RATE_RETURN_LINE = 12;

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function drawCustomer(rng: Random, index: number, p: Profile): SyntheticCustomer {
  const freq = rng.lognormal(Math.log(p.freq[0]), p.freq[1]);
  const orders = Math.max(1, rng.poisson(freq * 12));
  const aov = rng.lognormal(Math.log(p.aov[0]), p.aov[1]);
  const lines = orders + rng.poisson(orders * (p.lines - 1));
  const revenue = orders * aov;
  const gmPct = clamp(rng.normal(p.gm[0], p.gm[1]), 5, 60);
  const returnLines = rng.poisson(lines * p.returns);
  const freightPerOrder = rng.lognormal(Math.log(18 + aov * 0.02), 0.3);
  const cts = orders * RATE_ORDER + lines * RATE_LINE + orders * freightPerOrder + returnLines * RATE_RETURN_LINE;
  const gm = (revenue * gmPct) / 100;
  const onTime = clamp(rng.normal(p.onTime[0], p.onTime[1]), 0.5, 1);
  return {
    customer_id: `C${String(index + 1).padStart(6, '0')}`,
    region: rng.weighted(REGIONS, REGION_WEIGHTS),
    channel: rng.weighted(CHANNELS, p.channels),
    revenue: round(revenue, 2),
    orders,
    order_frequency: round(orders / 12, 3),
    avg_order_value: round(aov, 2),
    lines_per_order: round(lines / orders, 3),
    gross_margin_pct: round(gmPct, 2),
    cts_pct: round((cts / revenue) * 100, 2),
    net_profit: round(gm - cts, 2),
    returns_rate: round(returnLines / lines, 4),
    on_time_rate: round(onTime, 4),
    demand_cv: round(Math.max(0.05, rng.normal(p.cv[0], p.cv[1])), 3),
    segment: p.name,
  };
}

/** Generates the customer table; the same spec always gives the same rows. */
export function generateCustomers(spec: SyntheticCustomersSpec = {}): SyntheticCustomer[] {
  const seed = spec.seed ?? 42;
  const n = spec.customers ?? 2000;
  const rng = createRandom(seed);
  const shares = SYNTHETIC_SEGMENTS.map((p) => p.share);
  const rows: SyntheticCustomer[] = [];
  for (let i = 0; i < n; i++) rows.push(drawCustomer(rng, i, rng.weighted(SYNTHETIC_SEGMENTS, shares)));
  return rows;
}

/** Columns written by `customersToCsv`, in order. */
export const SYNTHETIC_CUSTOMER_COLUMNS = [
  'customer_id', 'region', 'channel', 'revenue', 'orders', 'order_frequency', 'avg_order_value', 'lines_per_order',
  'gross_margin_pct', 'cts_pct', 'net_profit', 'returns_rate', 'on_time_rate', 'demand_cv',
] as const satisfies readonly (keyof SyntheticCustomer)[];

/** Writes customers as comma-separated text with a header and `\n` line ends. */
export function customersToCsv(rows: readonly SyntheticCustomer[], withSegment = false): string {
  const cols: (keyof SyntheticCustomer)[] = [...SYNTHETIC_CUSTOMER_COLUMNS];
  if (withSegment) cols.push('segment');
  const cell = (v: string | number) => (typeof v === 'number' ? csvNumber(v) : csvText(v));
  return csvDocument(cols, rows.map((r) => cols.map((c) => cell(r[c]))));
}
