/**
 * Safety stock per tier and demand stream at each tier's cycle service level, in units and at
 * unit cost, against a uniform baseline service level: the change in safety-stock value (the
 * working capital) and its annual carrying cost. Lead time in months = days / 30.4375, so the
 * units match the monthly demand. A stream without ship dates uses the tier's promised lead
 * time with no variability (stated in `issues`).
 */
import type { AnalyticsIssue } from '../issues.ts';
import type { DemandBase } from './demand-base.ts';
import { demandStreams, type DemandStreams } from './demand-streams.ts';
import { needsOrderLines, type NeedsData } from './needs-data.ts';
import { zForServiceLevel } from './inverse-normal.ts';
import type { NormalizedPolicy } from './policy-spec.ts';
import { daysToMonths, safetyStock } from './safety-stock.ts';

export interface SafetyStockRow {
  readonly tier: string;
  readonly stream: string;
  readonly meanMonthlyDemand: number;
  readonly sdMonthlyDemand: number;
  /** Days; from ship dates, or the tier's promised lead time (see `leadTimeSource`). */
  readonly leadTimeDays: number;
  readonly sdLeadTimeDays: number;
  readonly leadTimeSource: 'ship dates' | 'promised';
  /** The tier's cycle service level, fraction. */
  readonly serviceLevel: number;
  readonly z: number;
  readonly safetyStockUnits: number;
  /** Units × unit cost; NaN without a unit cost. */
  readonly safetyStockValue: number;
  /** Safety stock at the baseline service level, units and value. */
  readonly baselineUnits: number;
  readonly baselineValue: number;
  /** safetyStockValue − baselineValue: the working capital the tier policy adds (negative: frees). */
  readonly deltaValue: number;
  /** deltaValue × carrying rate, per year. */
  readonly deltaCarryingCost: number;
}

/** Sums over streams (NaN values left out and counted in `unvalued`). */
export interface SafetyStockTotal {
  readonly tier: string;
  readonly streams: number;
  readonly units: number;
  readonly value: number;
  readonly baselineValue: number;
  readonly deltaValue: number;
  /** Value × carrying rate, per year: what holding the policy's safety stock costs. */
  readonly carryingCost: number;
  readonly deltaCarryingCost: number;
  /** Streams whose value is unknown (no unit cost or no variability estimate). */
  readonly unvalued: number;
}

export interface SafetyStockTable {
  readonly rows: readonly SafetyStockRow[];
  /** One per tier that has streams, in tier order. */
  readonly tiers: readonly SafetyStockTotal[];
  readonly total: SafetyStockTotal;
  readonly carryingRate: number;
  readonly baselineServiceLevel: number;
  readonly issues: readonly AnalyticsIssue[];
}

function totalOf(tier: string, rows: readonly SafetyStockRow[], carryingRate: number): SafetyStockTotal {
  let units = 0;
  let value = 0;
  let baselineValue = 0;
  let unvalued = 0;
  for (const r of rows) {
    if (Number.isFinite(r.safetyStockUnits)) units += r.safetyStockUnits;
    if (Number.isFinite(r.safetyStockValue) && Number.isFinite(r.baselineValue)) {
      value += r.safetyStockValue;
      baselineValue += r.baselineValue;
    } else unvalued++;
  }
  return {
    tier,
    streams: rows.length,
    units,
    value,
    baselineValue,
    deltaValue: value - baselineValue,
    carryingCost: value * carryingRate,
    deltaCarryingCost: (value - baselineValue) * carryingRate,
    unvalued,
  };
}

/** The table for `streams` (tiers indexed into `policy.tiers`). */
export function safetyStockTable(streams: DemandStreams, policy: NormalizedPolicy): SafetyStockTable {
  const issues: AnalyticsIssue[] = [...streams.issues];
  const zBase = zForServiceLevel(policy.baselineServiceLevel);
  let promised = 0;
  let noCost = 0;
  const rows = streams.streams.map((s): SafetyStockRow => {
    const p = policy.tiers[s.tier];
    const fromShips = !Number.isNaN(s.leadTimeDays);
    if (!fromShips) promised++;
    const leadDays = fromShips ? s.leadTimeDays : p.leadTimeDays;
    const sdLeadDays = fromShips ? s.sdLeadTimeDays : 0;
    const z = zForServiceLevel(p.serviceLevel);
    const at = (zz: number) =>
      safetyStock({ z: zz, meanDemand: s.meanMonthlyDemand, sdDemand: s.sdMonthlyDemand, leadTime: daysToMonths(leadDays), sdLeadTime: daysToMonths(sdLeadDays) });
    const units = at(z);
    const baselineUnits = at(zBase);
    if (Number.isNaN(s.unitCost)) noCost++;
    const value = units * s.unitCost;
    const baselineValue = baselineUnits * s.unitCost;
    return {
      tier: p.tier,
      stream: s.stream,
      meanMonthlyDemand: s.meanMonthlyDemand,
      sdMonthlyDemand: s.sdMonthlyDemand,
      leadTimeDays: leadDays,
      sdLeadTimeDays: sdLeadDays,
      leadTimeSource: fromShips ? 'ship dates' : 'promised',
      serviceLevel: p.serviceLevel,
      z,
      safetyStockUnits: units,
      safetyStockValue: value,
      baselineUnits,
      baselineValue,
      deltaValue: value - baselineValue,
      deltaCarryingCost: (value - baselineValue) * policy.carryingRate,
    };
  });
  if (promised > 0) {
    issues.push({
      code: 'promised-lead-time',
      message: `${promised.toLocaleString('en-US')} stream(s) have no ship dates: their lead time is the tier's promised lead time, taken as fixed (no lead-time variability).`,
    });
  }
  if (noCost > 0) issues.push({ code: 'no-unit-cost', message: `${noCost.toLocaleString('en-US')} stream(s) have no unit cost: their safety stock is in units only, left out of the values.` });
  const tiers = policy.tiers
    .map((t) => totalOf(t.tier, rows.filter((r) => r.tier === t.tier), policy.carryingRate))
    .filter((t) => t.streams > 0);
  return { rows, tiers, total: totalOf('All tiers', rows, policy.carryingRate), carryingRate: policy.carryingRate, baselineServiceLevel: policy.baselineServiceLevel, issues };
}

/** The table from order lines reduced to `base`, or a "needs order lines" outcome when there are none (a customer table). */
export function safetyStockFromOrders(base: DemandBase | null, tierOfRow: Int32Array, policy: NormalizedPolicy): SafetyStockTable | NeedsData {
  if (!base) return needsOrderLines('Safety stock from demand');
  return safetyStockTable(demandStreams(base, tierOfRow, policy.tiers.length), policy);
}
