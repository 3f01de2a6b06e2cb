/** One pass over clean order lines accumulating per-group sums (typed arrays, integer keys). */
import type { OrderLines } from '../quality/order-lines.ts';
import { DUE_ON_TIME, DUE_UNKNOWN, OrderSlots } from './order-slots.ts';

const DAY = 86_400_000;

export interface GroupSums {
  groups: number;
  months: number;
  /** Month index 0 = the first month of the window (year × 12 + month). */
  firstMonth: number;
  orders: Float64Array;
  lines: Float64Array;
  units: Float64Array;
  revenue: Float64Array;
  grossMargin: Float64Array;
  /** Lines whose unit cost is unknown (their margin is left out). */
  costMissing: Float64Array;
  freight: Float64Array;
  freightImputed: Float64Array;
  returnLines: Float64Array;
  returnedUnits: Float64Array;
  lastOrder: Float64Array;
  leadDays: Float64Array;
  leadLines: Float64Array;
  ordersWithDue: Float64Array;
  ordersOnTime: Float64Array;
  activeMonths: Float64Array;
  /** groups × months units net of returns (see `demand-variability.ts`), row-major. */
  monthly: Float64Array;
  /** Σ qty × unit_price of non-product lines per bucket (NON_PRODUCT_BUCKETS order), signed as in the file. */
  nonProduct: Float64Array[];
}

/** Calendar month index (year × 12 + month 0–11) of epoch ms, by integer arithmetic (H. Hinnant's civil_from_days). */
export function monthOf(ms: number): number {
  const z = Math.floor(ms / DAY) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 12 + m - 1;
}

/** Sums per group; `groupOf` maps customer code → group. */
export function aggregateLines(lines: OrderLines, groupOf: Int32Array, groups: number): GroupSums {
  const n = lines.rowCount;
  let minDate = Infinity;
  for (let i = 0; i < n; i++) if (lines.orderDate[i] < minDate) minDate = lines.orderDate[i];
  const firstMonth = Number.isFinite(minDate) ? monthOf(minDate) : monthOf(lines.asOf);
  const months = Math.max(1, monthOf(lines.asOf) - firstMonth + 1);
  const z = () => new Float64Array(groups);
  // Line sums are accumulated row-wise (one block of F values per group): lines arrive in date
  // order, so groups are hit at random and a block keeps each line's updates in one cache line or two.
  const F = 12;
  const [LINES, UNITS, REV, GM, NOCOST, FREIGHT, IMPUTED, RLINES, RUNITS, LAST, LEAD, LEADN] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  /** Σ qty × unit_price per group and non-product bucket k (1-based, as in lines.nonProduct) at g * 4 + k - 1; only with product codes. */
  const buckets = new Float64Array(lines.nonProduct ? groups * 4 : 0);
  const acc = new Float64Array(groups * F);
  for (let g = 0; g < groups; g++) acc[g * F + LAST] = -Infinity;
  const monthly = new Float64Array(groups * months);
  // Per (order, group): month of its first sales line and lateness. Orders count per customer.
  const slots = new OrderSlots(lines.orderIds.length);
  const { isReturn, nonProduct, customer, order, orderDate, qty, unitPrice, unitCost, shippingCost, freightLevel, returnedQty, shipDate, promisedDate } = lines;
  let lastDay = NaN;
  let lastMonth = 0;
  for (let i = 0; i < n; i++) {
    const g = groupOf[customer[i]];
    const b = g * F;
    const q = qty[i];
    const p = unitPrice[i];
    if (nonProduct && nonProduct[i]) {
      // Postage, discounts, fees, adjustments: their own buckets, nothing else.
      buckets[g * 4 + nonProduct[i] - 1] += q * p;
      continue;
    }
    const c = unitCost ? unitCost[i] : NaN;
    if (shippingCost) {
      const f = shippingCost[i];
      if (!Number.isNaN(f)) {
        acc[b + FREIGHT] += f;
        if (freightLevel && freightLevel[i] > 0) acc[b + IMPUTED] += f;
      }
    }
    if (isReturn[i]) {
      // Monthly demand is net of returns: a return takes its units out of its own order month.
      const rm = monthOf(orderDate[i]) - firstMonth;
      if (rm >= 0 && rm < months) monthly[g * months + rm] -= q;
      acc[b + REV] -= q * p;
      if (Number.isNaN(c)) acc[b + NOCOST]++;
      else acc[b + GM] -= q * (p - c);
      acc[b + RLINES]++;
      acc[b + RUNITS] += q;
      continue;
    }
    const r = returnedQty ? returnedQty[i] : 0;
    acc[b + LINES]++;
    acc[b + UNITS] += q;
    acc[b + REV] += (q - r) * p;
    if (Number.isNaN(c)) acc[b + NOCOST]++;
    else acc[b + GM] += (q - r) * (p - c);
    if (r > 0) {
      acc[b + RLINES]++;
      acc[b + RUNITS] += r;
    }
    const od = orderDate[i];
    if (od > acc[b + LAST]) acc[b + LAST] = od;
    const day = Math.floor(od / DAY);
    if (day !== lastDay) {
      lastDay = day;
      lastMonth = monthOf(od) - firstMonth;
    }
    const m = lastMonth;
    if (m >= 0 && m < months) monthly[g * months + m] += q - r;
    const o = slots.slot(order[i], g, m);
    if (shipDate) {
      const sd = shipDate[i];
      if (!Number.isNaN(sd)) {
        acc[b + LEAD] += Math.floor(sd / DAY) - day;
        acc[b + LEADN]++;
        if (promisedDate) {
          const pd = promisedDate[i];
          if (!Number.isNaN(pd)) {
            slots.markDue(o, Math.floor(sd / DAY) > Math.floor(pd / DAY));
          }
        }
      }
    }
  }
  const field = (k: number) => {
    const out = new Float64Array(groups);
    for (let g = 0; g < groups; g++) out[g] = acc[g * F + k];
    return out;
  };
  const s: GroupSums = {
    groups, months, firstMonth,
    orders: z(), lines: field(LINES), units: field(UNITS), revenue: field(REV), grossMargin: field(GM), costMissing: field(NOCOST), freight: field(FREIGHT),
    freightImputed: field(IMPUTED), returnLines: field(RLINES), returnedUnits: field(RUNITS), lastOrder: field(LAST), leadDays: field(LEAD), leadLines: field(LEADN),
    ordersWithDue: z(), ordersOnTime: z(), activeMonths: z(), monthly,
    nonProduct: [0, 1, 2, 3].map((k) => {
      const out = new Float64Array(groups);
      if (buckets.length) for (let g = 0; g < groups; g++) out[g] = buckets[g * 4 + k];
      return out;
    }),
  };
  const active = new Uint8Array(groups * months);
  for (let o = 0; o < slots.size; o++) {
    const g = slots.group[o];
    if (g < 0) continue;
    s.orders[g]++;
    if (slots.due[o] !== DUE_UNKNOWN) {
      s.ordersWithDue[g]++;
      if (slots.due[o] === DUE_ON_TIME) s.ordersOnTime[g]++;
    }
    const m = slots.month[o];
    if (m >= 0 && m < months && !active[g * months + m]) {
      active[g * months + m] = 1;
      s.activeMonths[g]++;
    }
  }
  return s;
}
