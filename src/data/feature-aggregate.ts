/** One pass over clean order lines accumulating per-group sums (typed arrays, integer keys). */
import type { OrderLines } from './order-lines.ts';

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
  /** groups × months units, row-major. */
  monthly: Float64Array;
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
  const s: GroupSums = {
    groups, months, firstMonth,
    orders: z(), lines: z(), units: z(), revenue: z(), grossMargin: z(), costMissing: z(), freight: z(), freightImputed: z(),
    returnLines: z(), returnedUnits: z(), lastOrder: z().fill(-Infinity), leadDays: z(), leadLines: z(), ordersWithDue: z(), ordersOnTime: z(),
    activeMonths: z(), monthly: new Float64Array(groups * months),
  };
  const nOrders = lines.orderIds.length;
  // Per order: its group (first sales line), month, and lateness (0 unknown, 1 on time, 2 late).
  const orderGroup = new Int32Array(nOrders).fill(-1);
  const orderMonth = new Int32Array(nOrders);
  const orderDue = new Uint8Array(nOrders);
  const { isReturn, customer, order, orderDate, qty, unitPrice, unitCost, shippingCost, freightLevel, returnedQty, shipDate, promisedDate } = lines;
  let lastDay = NaN;
  let lastMonth = 0;
  for (let i = 0; i < n; i++) {
    const g = groupOf[customer[i]];
    const q = qty[i];
    const p = unitPrice[i];
    const c = unitCost ? unitCost[i] : NaN;
    if (shippingCost) {
      const f = shippingCost[i];
      if (!Number.isNaN(f)) {
        s.freight[g] += f;
        if (freightLevel && freightLevel[i] > 0) s.freightImputed[g] += f;
      }
    }
    if (isReturn[i]) {
      s.revenue[g] -= q * p;
      if (Number.isNaN(c)) s.costMissing[g]++;
      else s.grossMargin[g] -= q * (p - c);
      s.returnLines[g]++;
      s.returnedUnits[g] += q;
      continue;
    }
    const r = returnedQty ? returnedQty[i] : 0;
    s.lines[g]++;
    s.units[g] += q;
    s.revenue[g] += (q - r) * p;
    if (Number.isNaN(c)) s.costMissing[g]++;
    else s.grossMargin[g] += (q - r) * (p - c);
    if (r > 0) {
      s.returnLines[g]++;
      s.returnedUnits[g] += r;
    }
    const od = orderDate[i];
    if (od > s.lastOrder[g]) s.lastOrder[g] = od;
    const day = Math.floor(od / DAY);
    if (day !== lastDay) {
      lastDay = day;
      lastMonth = monthOf(od) - s.firstMonth;
    }
    const m = lastMonth;
    if (m >= 0 && m < months) s.monthly[g * months + m] += q;
    const o = order[i];
    if (orderGroup[o] < 0) {
      orderGroup[o] = g;
      orderMonth[o] = m;
    }
    if (shipDate) {
      const sd = shipDate[i];
      if (!Number.isNaN(sd)) {
        s.leadDays[g] += (Math.floor(sd / DAY) - Math.floor(od / DAY));
        s.leadLines[g]++;
        if (promisedDate) {
          const pd = promisedDate[i];
          if (!Number.isNaN(pd)) {
            const late = Math.floor(sd / DAY) > Math.floor(pd / DAY);
            if (late) orderDue[o] = 2;
            else if (orderDue[o] === 0) orderDue[o] = 1;
          }
        }
      }
    }
  }
  const active = new Uint8Array(groups * months);
  for (let o = 0; o < nOrders; o++) {
    const g = orderGroup[o];
    if (g < 0) continue;
    s.orders[g]++;
    if (orderDue[o]) {
      s.ordersWithDue[g]++;
      if (orderDue[o] === 1) s.ordersOnTime[g]++;
    }
    const m = orderMonth[o];
    if (m >= 0 && m < months && !active[g * months + m]) {
      active[g * months + m] = 1;
      s.activeMonths[g]++;
    }
  }
  return s;
}
