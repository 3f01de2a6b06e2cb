/**
 * Splitting clean order lines into periods by order date (halves, calendar quarters or rolling
 * windows of whole months) and building the customer features of each period, for stability
 * across time.
 */
import { daysFromCivil, formatDate } from '../read/date-parse.ts';
import type { DataIssue } from '../errors.ts';
import { buildCustomerFeatures, type CustomerFeatures } from './customer-features.ts';
import { monthOf } from './feature-aggregate.ts';
import type { FeatureSpec } from './feature-options.ts';
import { gather, gatherCategories, gatherInt, gatherU8, type Categories, type OrderLines } from '../quality/order-lines.ts';

const DAY = 86_400_000;

/** How to cut the order-date range into periods. */
export const PERIOD_KINDS = ['halves', 'quarters', 'rolling'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Period options; `normalizePeriodSpec` holds the defaults. */
export interface PeriodSpec {
  /** `halves`: the months of the data in two; `quarters`: calendar quarters; `rolling`: windows of `windowMonths` every `stepMonths`. Default halves. */
  readonly kind?: PeriodKind;
  /** Rolling window length in months. Default 6. */
  readonly windowMonths?: number;
  /** Months between the starts of consecutive rolling windows. Default 3. */
  readonly stepMonths?: number;
}

export interface NormalizedPeriodSpec {
  readonly kind: PeriodKind;
  readonly windowMonths: number;
  readonly stepMonths: number;
}

/** One period: whole calendar months [start, end). */
export interface Period {
  /** `2024-Q1`, or `2024-01..2024-06`. */
  readonly label: string;
  /** First day, epoch ms (UTC midnight). */
  readonly start: number;
  /** The day after the last, epoch ms (exclusive). */
  readonly end: number;
  /** Calendar months covered. */
  readonly months: number;
  /** Order lines whose order date falls in the period (indexes into the clean lines). */
  readonly rows: Int32Array;
}

export interface PeriodSplit {
  readonly spec: NormalizedPeriodSpec;
  readonly periods: readonly Period[];
  /** Lines in no period (order date after the as-of month); rolling windows may also skip the tail. */
  readonly outside: number;
  readonly issues: readonly DataIssue[];
}

/** A period's customer features. */
export interface PeriodFeatures extends Omit<Period, 'rows'> {
  /** Order lines in the period. */
  readonly lines: number;
  /** Customers with at least one line in the period, and their features (recency measured to the period's end). */
  readonly features: CustomerFeatures;
}

function whole(name: string, value: number): number {
  if (!(Number.isInteger(value) && value >= 1 && value <= 120)) {
    throw new Error(`invalid ${name}: ${value} (expected a whole number of months from 1 to 120)`);
  }
  return value;
}

export function normalizePeriodSpec(spec: PeriodSpec = {}): NormalizedPeriodSpec {
  const kind = spec.kind ?? 'halves';
  if (!(PERIOD_KINDS as readonly string[]).includes(kind)) {
    throw new Error(`invalid periods: ${JSON.stringify(kind)} (expected halves, quarters or rolling)`);
  }
  return { kind, windowMonths: whole('window', spec.windowMonths ?? 6), stepMonths: whole('step', spec.stepMonths ?? 3) };
}

/** Epoch ms of the first day of month index `m` (year x 12 + month 0-11). */
function monthStart(m: number): number {
  return daysFromCivil(Math.floor(m / 12), (m % 12) + 1, 1) * DAY;
}

const monthLabel = (m: number) => formatDate(monthStart(m)).slice(0, 7);

/** Month ranges [first, last] (inclusive month indexes) of the periods. */
function monthRanges(spec: NormalizedPeriodSpec, first: number, last: number): { from: number; to: number; label: string }[] {
  const span = last - first + 1;
  const range = (from: number, to: number) => ({ from, to, label: `${monthLabel(from)}..${monthLabel(to)}` });
  if (spec.kind === 'halves') {
    if (span < 2) throw new Error(`the order lines span ${span} month; halves need at least 2 months`);
    const mid = first + Math.ceil(span / 2);
    return [range(first, mid - 1), range(mid, last)];
  }
  if (spec.kind === 'quarters') {
    const out: { from: number; to: number; label: string }[] = [];
    for (let q = Math.floor(first / 3); q <= Math.floor(last / 3); q++) {
      out.push({ from: Math.max(q * 3, first), to: Math.min(q * 3 + 2, last), label: `${Math.floor(q / 4)}-Q${(q % 4) + 1}` });
    }
    if (out.length < 2) throw new Error(`the order lines span one calendar quarter (${out[0].label}); choose halves to compare periods`);
    return out;
  }
  const { windowMonths: w, stepMonths: s } = spec;
  const out: { from: number; to: number; label: string }[] = [];
  for (let from = first; from + w - 1 <= last; from += s) out.push(range(from, from + w - 1));
  if (out.length < 2) {
    throw new Error(`the order lines span ${span} months; rolling windows of ${w} months every ${s} need at least ${w + s}`);
  }
  return out;
}

/**
 * Splits clean order lines into periods of whole calendar months, from the month of the first
 * order to the as-of month. Halves: the months in two (the first half takes the odd month).
 * Quarters: calendar quarters (a partial first or last quarter is reported). Rolling: windows
 * of `windowMonths` starting every `stepMonths` (they overlap when the step is shorter).
 */
export function splitPeriods(lines: OrderLines, spec: PeriodSpec = {}): PeriodSplit {
  const s = normalizePeriodSpec(spec);
  const n = lines.rowCount;
  if (n === 0) throw new Error(`${lines.source}: no order lines to split into periods`);
  let minDate = Infinity;
  for (let i = 0; i < n; i++) if (lines.orderDate[i] < minDate) minDate = lines.orderDate[i];
  const ranges = monthRanges(s, monthOf(minDate), monthOf(lines.asOf));
  const month = Int32Array.from(lines.orderDate, (t) => monthOf(t));
  const covered = new Uint8Array(n);
  const periods = ranges.map(({ from, to, label }) => {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) {
      if (month[i] >= from && month[i] <= to) {
        rows.push(i);
        covered[i] = 1;
      }
    }
    return { label, start: monthStart(from), end: monthStart(to + 1), months: to - from + 1, rows: Int32Array.from(rows) };
  });
  const outside = n - covered.reduce((t, c) => t + c, 0);
  const issues: DataIssue[] = [];
  const note = (code: string, message: string, count: number) =>
    issues.push({ code, severity: 'info', message, file: lines.source, column: lines.mapping.order_date, count, examples: [] });
  if (outside > 0) {
    note('outside-periods', `${outside} order line(s) fall in no period (after the as-of month ${monthLabel(monthOf(lines.asOf))}, or past the last whole rolling window); they are left out of the period comparison.`, outside);
  }
  for (const p of periods) {
    if (s.kind === 'quarters' && p.months < 3) note('partial-quarter', `${p.label} covers ${p.months} of its 3 months in the data.`, 1);
    if (p.rows.length === 0) note('empty-period', `${p.label} has no order lines.`, 1);
  }
  return { spec: s, periods, outside, issues };
}

function isCategories(value: unknown): value is Categories {
  return typeof value === 'object' && value !== null && 'codes' in value && (value as Categories).codes instanceof Int32Array;
}

/**
 * The order lines at `rows` as order lines of their own: every per-line column gathered, customer
 * codes renumbered to the customers present (in the original code order), recency measured to `asOf`.
 */
export function subsetOrderLines(lines: OrderLines, rows: Int32Array, asOf: number): OrderLines {
  const n = lines.rowCount;
  // Every typed per-line column is gathered, including any a later version adds, so none is left misaligned.
  const out: Record<string, unknown> = { ...lines };
  for (const [key, value] of Object.entries(lines)) {
    if (value instanceof Float64Array && value.length === n) out[key] = gather(value, rows);
    else if (value instanceof Int32Array && value.length === n) out[key] = gatherInt(value, rows);
    else if (value instanceof Uint8Array && value.length === n) out[key] = gatherU8(value, rows);
    else if (isCategories(value) && value.codes.length === n) out[key] = gatherCategories(value.codes, value.dictionary, rows);
  }
  const remap = new Int32Array(lines.customerIds.length).fill(-1);
  for (const r of rows) remap[lines.customer[r]] = 0;
  const customerIds: string[] = [];
  remap.forEach((v, c) => {
    if (v === 0) {
      remap[c] = customerIds.length;
      customerIds.push(lines.customerIds[c]);
    }
  });
  out.customer = Int32Array.from(rows, (r) => remap[lines.customer[r]]);
  out.customerIds = customerIds;
  out.rowCount = rows.length;
  out.asOf = asOf;
  return out as unknown as OrderLines;
}

/**
 * Customer features per period, built by the same feature builder as the whole file, over
 * the lines of each period; recency is measured to the last day of each period.
 */
export function periodFeatures(
  lines: OrderLines,
  spec: PeriodSpec = {},
  features: FeatureSpec = {},
): { periods: PeriodFeatures[]; split: Omit<PeriodSplit, 'periods'> } {
  const { periods, ...split } = splitPeriods(lines, spec);
  return {
    split,
    periods: periods.map(({ rows, ...p }) => ({
      ...p,
      lines: rows.length,
      features: buildCustomerFeatures(subsetOrderLines(lines, rows, Math.min(lines.asOf, p.end - DAY)), features),
    })),
  };
}
