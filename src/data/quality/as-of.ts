/**
 * The default as-of date: the end of the data. The rule, as documented for users:
 *
 *   The as-of date is the last order date in the data, except that order dates beyond a gap
 *   with no orders are taken as future-dated typos when the gap is longer than 31 days and
 *   longer than 10 times the median gap between order days, and the dates beyond it hold at
 *   most 1% of the order lines (10% when the gap is longer than a year). The as-of date is then
 *   the last order date before that gap.
 *
 * So a sparse file keeps its real last order (its gaps are long everywhere), while a 2052 typo
 * in a 2024 file does not move the as-of date 28 years.
 */
import { formatCount } from '../errors.ts';
import { formatDate } from '../read/date-parse.ts';

const DAY = 86_400_000;
/** A gap must be longer than this many days, and than GAP_FACTOR median gaps, to detach the dates after it. */
export const AS_OF_MIN_GAP_DAYS = 31;
export const AS_OF_GAP_FACTOR = 10;
/** Share of order lines the detached dates may hold; the larger share when the gap exceeds a year. */
export const AS_OF_DETACHED_SHARE = 0.01;
export const AS_OF_DETACHED_SHARE_AFTER_A_YEAR = 0.1;

/** The as-of date derived from the data, and why. */
export interface DerivedAsOf {
  /** Epoch ms (start of the day); 0 when no order date is plausible. */
  asOf: number;
  /** The last plausible order date (epoch ms, start of the day), NaN when none. */
  latest: number;
  /** Order lines dated after the as-of date (taken as future-dated). */
  beyond: number;
  /** One sentence: the rule that chose the date. */
  reason: string;
}

/** Derives the as-of date from the order dates of alive rows within [lo, hi) (see the module comment). */
export function defaultAsOf(dates: Float64Array, alive: Uint8Array, lo: number, hi: number): DerivedAsOf {
  // A histogram of days (the plausible range spans at most a few centuries) instead of a sort.
  const lowDay = Math.floor(lo / DAY);
  const counts = new Int32Array(Math.max(1, Math.ceil((hi - lo) / DAY) + 1));
  let total = 0;
  for (let i = 0; i < dates.length; i++) {
    const t = dates[i];
    if (!alive[i] || !(t >= lo && t < hi)) continue;
    counts[Math.floor(t / DAY) - lowDay]++;
    total++;
  }
  const days: number[] = [];
  for (let d = 0; d < counts.length; d++) if (counts[d]) days.push(d);
  if (days.length === 0) return { asOf: 0, latest: NaN, beyond: 0, reason: 'no order date falls within the plausible years' };
  const ms = (d: number) => (d + lowDay) * DAY;
  const last = days[days.length - 1];
  const gaps = days.slice(1).map((d, k) => d - days[k]).sort((a, b) => a - b);
  const medianGap = gaps.length ? gaps[(gaps.length - 1) >> 1] : 0;
  const minGap = Math.max(AS_OF_MIN_GAP_DAYS, AS_OF_GAP_FACTOR * medianGap);
  let cut = -1;
  let beyond = 0;
  let above = 0;
  for (let k = days.length - 1; k > 0; k--) {
    above += counts[days[k]];
    const share = above / total;
    if (share > AS_OF_DETACHED_SHARE_AFTER_A_YEAR) break;
    const gap = days[k] - days[k - 1];
    if (gap > minGap && (share <= AS_OF_DETACHED_SHARE || (gap > 365 && share <= AS_OF_DETACHED_SHARE_AFTER_A_YEAR))) {
      cut = k;
      beyond = above;
    }
  }
  if (cut < 0) return { asOf: ms(last), latest: ms(last), beyond: 0, reason: 'the last order date in the data' };
  const gap = days[cut] - days[cut - 1];
  return {
    asOf: ms(days[cut - 1]),
    latest: ms(last),
    beyond,
    reason: `the last order date before a gap of ${formatCount(gap)} days without orders; the ${formatCount(beyond)} order line(s) dated ${formatDate(ms(days[cut]))} to ${formatDate(ms(last))} lie beyond it and are taken as future-dated`,
  };
}
