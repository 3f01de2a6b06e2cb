/** Orders as placed, one entry per order with at least one sales line: what order-level policies are tested against. */
export interface OrderHistory {
  /** Customer-table row of the order's customer (-1 when not in the table). */
  readonly customer: Int32Array;
  /** Order value as placed, Σ qty × unit price over its sales lines, currency. */
  readonly value: Float64Array;
  /** Units ordered. */
  readonly units: Float64Array;
  /** Week of the order date, Monday to Sunday (days since 1970-01-01 + 3, divided by 7). */
  readonly week: Int32Array;
}

/** Monday-based week index of an epoch day (1970-01-01 was a Thursday). */
export function weekOfDay(day: number): number {
  return Math.floor((day + 3) / 7);
}
