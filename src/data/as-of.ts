/** The default as-of date: the end of the data, robust to a few future-dated typos. */

const DAY = 86_400_000;
/** How far past the 99th-percentile order date the as-of date may reach. */
export const AS_OF_GAP_DAYS = 31;

/**
 * The latest order date (start of its day) that is at most 31 days after the 99th-percentile
 * order date, among rows alive and within [lo, hi). A handful of far-future dates cannot move it.
 */
export function defaultAsOf(dates: Float64Array, alive: Uint8Array, lo: number, hi: number): number {
  const xs: number[] = [];
  for (let i = 0; i < dates.length; i++) {
    const t = dates[i];
    if (alive[i] && t >= lo && t < hi) xs.push(t);
  }
  if (xs.length === 0) return 0;
  const sorted = Float64Array.from(xs).sort();
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor(0.99 * (sorted.length - 1)))];
  const limit = p99 + AS_OF_GAP_DAYS * DAY;
  let best = p99;
  for (let k = sorted.length - 1; k >= 0; k--) {
    if (sorted[k] <= limit) {
      best = sorted[k];
      break;
    }
  }
  return Math.floor(best / DAY) * DAY;
}
