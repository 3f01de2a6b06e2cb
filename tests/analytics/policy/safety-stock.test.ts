import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zForServiceLevel } from '../../../src/analytics/policy/inverse-normal.ts';
import { daysToMonths, safetyStock } from '../../../src/analytics/policy/safety-stock.ts';
import { workingCapitalChange } from '../../../src/analytics/policy/working-capital.ts';
import { breakEvenOrderValue } from '../../../src/analytics/policy/break-even.ts';

describe('safety stock', () => {
  const z95 = zForServiceLevel(0.95);

  it('is z · σ_d · √L without lead-time variability: 1.6449 × 20 × 3 = 98.7 units', () => {
    // σ_d = 20 units/day, L = 9 days, 95 %.
    const ss = safetyStock({ z: z95, meanDemand: 100, sdDemand: 20, leadTime: 9, sdLeadTime: 0 });
    expect(ss.toFixed(1)).toBe('98.7');
  });

  it('adds d̄² σ_L²: 1.6449 × √(9 × 400 + 100² × 2²) = 1.6449 × √43,600 = 343.5 units', () => {
    const ss = safetyStock({ z: z95, meanDemand: 100, sdDemand: 20, leadTime: 9, sdLeadTime: 2 });
    expect(ss.toFixed(1)).toBe('343.5');
  });

  it('never falls when the service level rises', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
        fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 24, noNaN: true }),
        fc.double({ min: 0, max: 12, noNaN: true }),
        (p, q, d, sd, L, sdL) => {
          const [lo, hi] = p <= q ? [p, q] : [q, p];
          const at = (level: number) => safetyStock({ z: zForServiceLevel(level), meanDemand: d, sdDemand: sd, leadTime: L, sdLeadTime: sdL });
          expect(at(hi)).toBeGreaterThanOrEqual(at(lo));
        },
      ),
    );
  });

  it('measures lead time in months of 30.4375 days so units match monthly demand', () => {
    expect(daysToMonths(30.4375)).toBe(1);
    expect(daysToMonths(365.25)).toBe(12);
  });

  it('is NaN for a negative deviation or lead time', () => {
    expect(safetyStock({ z: 1, meanDemand: 1, sdDemand: -1, leadTime: 1, sdLeadTime: 0 })).toBeNaN();
  });
});

describe('working capital of a service-level change', () => {
  it('95% → 99% with σ_d = 20, L = 9 at $50 and 25%/yr: ΔSS 40.9 units, ΔWC $2,044, carrying $511/yr', () => {
    const ss = (level: number) => safetyStock({ z: zForServiceLevel(level), meanDemand: 0, sdDemand: 20, leadTime: 9, sdLeadTime: 0 });
    const wc = workingCapitalChange(ss(0.99), ss(0.95), 50, 0.25);
    // (2.32635 − 1.64485) × 20 × 3 = 0.681494 × 60 = 40.890 units; × $50 = $2,044.48; × 25 % = $511.12.
    expect(wc.deltaUnits.toFixed(1)).toBe('40.9');
    expect(Math.round(wc.deltaValue)).toBe(2044);
    expect(Math.round(wc.annualCarryingCost)).toBe(511);
  });
});

describe('break-even order value', () => {
  it('is per-order CTS / GM %: ($25 + 3 × $1.50 + $45) / 0.30 = $248', () => {
    const perOrder = 25 + 3 * 1.5 + 45;
    expect(perOrder).toBe(74.5);
    expect(Math.round(breakEvenOrderValue(perOrder, 0.3))).toBe(248);
  });

  it('is undefined without a positive margin', () => {
    expect(breakEvenOrderValue(74.5, 0)).toBeNaN();
    expect(breakEvenOrderValue(74.5, -0.1)).toBeNaN();
  });
});
