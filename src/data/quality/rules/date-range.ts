/** Dates out of range: implausible years, order dates after the as-of date, ships before orders. */
import { defaultAsOf } from '../as-of.ts';
import type { QualityLedger } from '../ledger.ts';
import type { OrderFields } from '../order-fields.ts';
import type { QualityOptions, RuleInfo } from '../rule-types.ts';

export const info: RuleInfo = {
  title: 'Dates out of range',
  action: 'exclude',
  switchable: true,
  description: 'Rows with a date outside the plausible years (default 1990–2090), an order date after the as-of date, or a ship date before the order date are quarantined. The as-of date is set in the options, else it is the last order date in the data, unless the last dates lie beyond a gap with no orders longer than 31 days and 10 median gaps between order days and hold at most 1% of the lines (10% after a gap of over a year): those are taken as future-dated and the as-of date is the last order date before the gap.',
};

const DAY = 86_400_000;

/** The plausible range [lo, hi) and the as-of date, epoch ms, with why that date. */
export interface DateWindow {
  lo: number;
  hi: number;
  asOf: number;
  /** How the as-of date was chosen: the option, or the rule over the data (see as-of.ts). */
  source: 'option' | 'data';
  reason: string;
}

/** The window the rule checks against: the as-of date is the option's, else derived from the rows still kept. */
export function dateWindow(fields: OrderFields, ledger: QualityLedger, options: QualityOptions): DateWindow {
  const lo = Date.UTC(options.dates.minYear, 0, 1);
  const hi = Date.UTC(options.dates.maxYear + 1, 0, 1);
  if (options.dates.asOf) return { lo, hi, asOf: Date.parse(`${options.dates.asOf}T00:00:00Z`), source: 'option', reason: 'set in the import options' };
  const derived = defaultAsOf(fields.orderDate.values, ledger.alive, lo, hi);
  return { lo, hi, asOf: derived.asOf, source: 'data', reason: derived.reason };
}

/** Excludes rows with an implausible order, ship or promised date, a future order date, or a ship date before the order date. */
export function excludeDatesOutOfRange(fields: OrderFields, ledger: QualityLedger, window: DateWindow): void {
  const { orderDate, ship, promised, n } = fields;
  const { lo, hi, asOf } = window;
  const plausible = (t: number) => Number.isNaN(t) || (t >= lo && t < hi);
  const { alive } = ledger;
  for (let i = 0; i < n; i++) {
    if (!alive[i]) continue;
    const od = orderDate.values[i];
    const sd = ship ? ship.values[i] : NaN;
    if (!plausible(od) || !plausible(sd) || (promised && !plausible(promised.values[i]))) ledger.exclude(i, 'implausible-date', 'date-range');
    else if (od >= asOf + DAY) ledger.exclude(i, 'future-date', 'date-range');
    else if (Math.floor(sd / DAY) < Math.floor(od / DAY)) ledger.exclude(i, 'ship-before-order', 'date-range');
  }
}
