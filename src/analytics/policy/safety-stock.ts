/**
 * Safety stock against demand and lead-time variability:
 * SS = z · √(L · σ_d² + d̄² · σ_L²), with demand per period and lead time in the same periods.
 * With σ_L = 0 it is the textbook z · σ_d · √L.
 */

/** Average days per month (365.25 / 12): lead times in days become months with it, so units match monthly demand. */
export const DAYS_PER_MONTH = 30.4375;

/** Lead time in months from days (`days / 30.4375`). */
export function daysToMonths(days: number): number {
  return days / DAYS_PER_MONTH;
}

export interface SafetyStockInputs {
  /** z of the cycle service level. */
  readonly z: number;
  /** Mean demand per period (d̄), units. */
  readonly meanDemand: number;
  /** Standard deviation of demand per period (σ_d), units. */
  readonly sdDemand: number;
  /** Mean lead time (L), in the same periods as the demand. */
  readonly leadTime: number;
  /** Standard deviation of the lead time (σ_L), same periods; 0 for a fixed lead time. */
  readonly sdLeadTime: number;
}

/** Safety stock in units; NaN when an input is missing or negative (a negative z gives a negative stock, kept as is). */
export function safetyStock({ z, meanDemand, sdDemand, leadTime, sdLeadTime }: SafetyStockInputs): number {
  if (!(sdDemand >= 0 && leadTime >= 0 && sdLeadTime >= 0) || !Number.isFinite(meanDemand)) return NaN;
  return z * Math.sqrt(leadTime * sdDemand * sdDemand + meanDemand * meanDemand * sdLeadTime * sdLeadTime);
}
