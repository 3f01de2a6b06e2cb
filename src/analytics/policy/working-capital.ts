/**
 * What a change of service level costs in stock: ΔWC = ΔSS × unit cost, and the annual
 * carrying cost = ΔWC × carrying rate.
 */

/** Default annual carrying rate (cost of capital, storage, obsolescence) as a fraction of stock value per year. */
export const DEFAULT_CARRYING_RATE = 0.25;

export interface WorkingCapitalChange {
  /** Safety stock at the policy's level minus at the baseline, units. */
  readonly deltaUnits: number;
  /** deltaUnits × unit cost, currency (positive = more capital tied up). */
  readonly deltaValue: number;
  /** deltaValue × carrying rate, currency per year. */
  readonly annualCarryingCost: number;
}

/** The change from `baselineUnits` to `policyUnits` of safety stock at `unitCost` and `carryingRate` per year. */
export function workingCapitalChange(policyUnits: number, baselineUnits: number, unitCost: number, carryingRate = DEFAULT_CARRYING_RATE): WorkingCapitalChange {
  const deltaUnits = policyUnits - baselineUnits;
  const deltaValue = deltaUnits * unitCost;
  return { deltaUnits, deltaValue, annualCarryingCost: deltaValue * carryingRate };
}
