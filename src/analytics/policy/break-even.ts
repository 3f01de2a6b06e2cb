/**
 * Break-even order value: the order value whose gross margin just pays for serving the order,
 * CTS per order / GM fraction. Below it an order loses money after cost-to-serve; it is the
 * natural floor for a minimum order value or a small-order surcharge threshold.
 */

/** `ctsPerOrder / grossMarginFraction` (e.g. 74.50 / 0.30 = 248.33); NaN unless the margin is positive. */
export function breakEvenOrderValue(ctsPerOrder: number, grossMarginFraction: number): number {
  if (!(grossMarginFraction > 0) || !Number.isFinite(ctsPerOrder)) return NaN;
  return ctsPerOrder / grossMarginFraction;
}
