/**
 * One slot per (order id, customer group) pair: an order id that two customers share (order
 * numbers kept per branch or per customer) is two orders, each with its own month and lateness.
 * The first group of an order uses the order's own slot; further groups get extra slots.
 */

/** Lateness of an order slot: unknown, on time, late. */
export const DUE_UNKNOWN = 0;
export const DUE_ON_TIME = 1;
export const DUE_LATE = 2;

export class OrderSlots {
  /** Group per slot (-1 = unused). */
  group: Int32Array;
  /** Month index (in the window) of the slot's first sales line. */
  month: Int32Array;
  /** DUE_UNKNOWN, DUE_ON_TIME or DUE_LATE. */
  due: Uint8Array;
  /** Slots in use: orders, then extra pairs. */
  size: number;
  private readonly extra = new Map<number, Map<number, number>>();

  constructor(readonly orders: number) {
    this.group = new Int32Array(orders).fill(-1);
    this.month = new Int32Array(orders);
    this.due = new Uint8Array(orders);
    this.size = orders;
  }

  /** The slot of order `o` for group `g`, opened with month `m` when new. */
  slot(o: number, g: number, m: number): number {
    const first = this.group[o];
    if (first === g) return o;
    if (first < 0) {
      this.group[o] = g;
      this.month[o] = m;
      return o;
    }
    let byGroup = this.extra.get(o);
    if (!byGroup) this.extra.set(o, (byGroup = new Map()));
    const known = byGroup.get(g);
    if (known !== undefined) return known;
    const s = this.size++;
    if (s === this.group.length) this.grow();
    this.group[s] = g;
    this.month[s] = m;
    byGroup.set(g, s);
    return s;
  }

  /** Records a line's lateness on its slot: one late line makes the order late. */
  markDue(slot: number, late: boolean): void {
    if (late) this.due[slot] = DUE_LATE;
    else if (this.due[slot] === DUE_UNKNOWN) this.due[slot] = DUE_ON_TIME;
  }

  private grow(): void {
    const cap = Math.max(16, this.group.length * 2);
    const group = new Int32Array(cap).fill(-1);
    group.set(this.group);
    const month = new Int32Array(cap);
    month.set(this.month);
    const due = new Uint8Array(cap);
    due.set(this.due);
    this.group = group;
    this.month = month;
    this.due = due;
  }
}
