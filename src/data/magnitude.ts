/**
 * How large a number Tierbook computes with. Beyond these limits a value is an export artefact
 * (Excel's 1E+308, 9.99E+307 sentinels) or an overflow, and the sums, products and squares built
 * from it would become Infinity or NaN far from where it entered; such values are counted and
 * left out where they enter instead.
 */

/**
 * Largest magnitude of an amount on an order line (quantity, prices, costs): line amounts stay
 * below 1e200 and their sums over billions of lines below 1e210, far from the 1.8e308 limit.
 */
export const MAX_LINE_MAGNITUDE = 1e100;

/**
 * Largest magnitude of a customer feature that can be clustered: scaling and distances sum
 * squares, and 1e150² over 1e6 customers is 1e306, still finite.
 */
export const MAX_FEATURE_MAGNITUDE = 1e150;

/** Why a customer's feature value cannot be used for clustering. */
export type UnusableReason = 'non-finite' | 'too-large';

/** `undefined` for a usable value or a missing one (NaN), else why it cannot be used. */
export function unusable(v: number, limit = MAX_FEATURE_MAGNITUDE): UnusableReason | undefined {
  if (Number.isNaN(v)) return undefined;
  if (!Number.isFinite(v)) return 'non-finite';
  return Math.abs(v) > limit ? 'too-large' : undefined;
}
