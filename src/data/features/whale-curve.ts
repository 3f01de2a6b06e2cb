/** The whale curve of cumulative profit (DOMAIN.md §1.4). */

export interface WhaleCurve {
  /** `relative`: y is a share of total profit (1 = 100%); `absolute` when total profit ≤ 0 (y in currency). */
  mode: 'relative' | 'absolute';
  /** Customers counted (finite profit), sorted by profit, largest first. */
  customers: number;
  totalProfit: number;
  /** (0, 0) then one point per customer: x = i / N, y = cumulative profit (share or absolute). */
  x: Float64Array;
  y: Float64Array;
  /** Highest y (e.g. 1.4 = 140% of total profit). */
  peak: number;
  /** Number of customers up to and including the peak. */
  customersAtPeak: number;
  /** Profit the customers after the peak destroy: peak − 1 (relative) or peak − total (absolute). */
  tailLoss: number;
  /** Customers whose profit was NaN and left out. */
  skipped: number;
}

/** Sorts profits descending and accumulates. */
export function whaleCurve(profit: ArrayLike<number>): WhaleCurve {
  const xs: number[] = [];
  let skipped = 0;
  for (let i = 0; i < profit.length; i++) {
    const v = profit[i];
    if (Number.isFinite(v)) xs.push(v);
    else skipped++;
  }
  xs.sort((a, b) => b - a);
  const n = xs.length;
  const total = xs.reduce((s, v) => s + v, 0);
  const mode = total > 0 ? 'relative' : 'absolute';
  const scale = mode === 'relative' ? total : 1;
  const x = new Float64Array(n + 1);
  const y = new Float64Array(n + 1);
  let cum = 0;
  let peak = 0;
  let at = 0;
  for (let i = 0; i < n; i++) {
    cum += xs[i];
    x[i + 1] = (i + 1) / n;
    y[i + 1] = cum / scale;
    if (y[i + 1] > peak) {
      peak = y[i + 1];
      at = i + 1;
    }
  }
  const end = n ? y[n] : 0;
  return { mode, customers: n, totalProfit: total, x, y, peak, customersAtPeak: at, tailLoss: peak - end, skipped };
}
