/** Dates out of range: implausible years, order dates after the as-of date, ships before orders. */
import { defaultAsOf } from '../as-of.ts';
import type { QualityLedger } from '../ledger.ts';
import type { OrderFields } from '../order-fields.ts';
import type { QualityOptions, RuleInfo } from '../rule-types.ts';

export const info: RuleInfo = {
  title: 'Dates out of range',
  action: 'exclude',
  switchable: true,
  description: 'Rows with a date outside the plausible years, an order date after the as-of date, or a ship date before the order date are quarantined.',
};

const DAY = 86_400_000;

/** The plausible range [lo, hi) and the as-of date, epoch ms. */
export interface DateWindow {
  lo: number;
  hi: number;
  asOf: number;
}

/** The window the rule checks against: the as-of date is the option's, else derived from the rows still kept. */
export function dateWindow(fields: OrderFields, ledger: QualityLedger, options: QualityOptions): DateWindow {
  const lo = Date.UTC(options.dates.minYear, 0, 1);
  const hi = Date.UTC(options.dates.maxYear + 1, 0, 1);
  const asOf = options.dates.asOf ? Date.parse(`${options.dates.asOf}T00:00:00Z`) : defaultAsOf(fields.orderDate.values, ledger.alive, lo, hi);
  return { lo, hi, asOf };
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
