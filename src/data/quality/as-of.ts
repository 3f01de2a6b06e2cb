/** The default as-of date: the end of the data, robust to a few future-dated typos. */

const DAY = 86_400_000;
/** How far past the 99th-percentile order date the as-of date may reach. */
export const AS_OF_GAP_DAYS = 31;

/**
 * The latest order date (start of its day) that is at most 31 days after the 99th-percentile
 * order date, among rows alive and within [lo, hi). A handful of far-future dates cannot move it.
 */
export function defaultAsOf(dates: Float64Array, alive: Uint8Array, lo: number, hi: number): number {
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
  if (total === 0) return 0;
  const rank = Math.floor(0.99 * (total - 1));
  let cum = 0;
  let p99 = 0;
  for (let d = 0; d < counts.length; d++) {
    cum += counts[d];
    if (cum > rank) {
      p99 = d;
      break;
    }
  }
  let best = p99;
  for (let d = Math.min(counts.length - 1, p99 + AS_OF_GAP_DAYS); d > p99; d--) {
    if (counts[d]) {
      best = d;
      break;
    }
  }
  return (best + lowDay) * DAY;
}
