// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { tierAgreement, tierKpisByRegion, tierMatrix, tiers, tieringSpecOf } from '../../cells/tiers.ts';
import { allocation, policy, policySpecOf, safetyStock } from '../../cells/policy.ts';
import { STRATEGIC } from '../../src/config/segmentation-config.ts';
import { isNeedsData } from '../../src/analytics/policy/needs-data.ts';
import type { RunContext } from '../../src/runtime/index.ts';
import type { CustomerTable } from '../../src/data/customers/customer-table.ts';
import { EIGHT } from '../analytics/tiers/fixture.ts';

const context: RunContext = { signal: new AbortController().signal, progress: () => {}, lane: 'interactive' };
const table = { ...EIGHT, source: 'eight.csv', idColumn: 'customer_id', numericColumns: Object.keys(EIGHT.columns), rowCount: 8, issues: [], inputRows: 8, delimiter: ',', decimal: '.' } as unknown as CustomerTable;
const assignments = { idColumn: 'customer_id', ids: EIGHT.ids, labels: Int32Array.of(0, 0, 0, 1, 1, 2, 2, STRATEGIC) };
const inputs = { tiering: 'clusters' as const, tierMeasure: 'net_profit' as const, tierNames: '', tierMap: '', strategicTier: 'Strategic', maxTiers: 6, abcA: 70, abcB: 95, ctsReference: 'median', gmCut: 'median', ctsCut: 'median' };

describe('tiers cell', () => {
  it('turns the inputs into one tiering spec', () => {
    expect(tieringSpecOf({ ...inputs, tierMap: 'Gold, Gold,Standard', ctsReference: '15' })).toEqual({
      method: 'clusters',
      clusters: { measure: 'net_profit', names: undefined, byRank: ['Gold', 'Gold', 'Standard'], maxTiers: 6, strategicTier: 'Strategic' },
      thresholds: { abcCuts: [0.7, 0.95], ctsReference: 15 },
      matrix: { gmCut: 'median', ctsCut: 'median' },
    });
  });

  it('tiers the clusters with the Strategic accounts on top, and the thresholds when asked', async () => {
    const t = await tiers.run({ table, assignments, ...inputs }, context);
    if (isNeedsData(t.carried)) throw new Error(t.carried.message);
    expect(t.carried.names).toEqual(['Strategic', 'Platinum', 'Gold', 'Standard']);
    const top = await tiers.run({ table, assignments, ...inputs, tiering: 'thresholds' }, context);
    expect(isNeedsData(top.carried) ? null : top.carried.method).toBe('thresholds');
  });
});

describe('policy cells', () => {
  it('reads the policy settings and says safety stock needs order lines', async () => {
    expect(policySpecOf('serviceLevel.Gold=0.97, minimumOrder.Standard=250', 20, 95)).toEqual({ tiers: { Gold: { serviceLevel: 0.97 }, Standard: { minimumOrder: 250 } }, carryingRate: 0.2, baselineServiceLevel: 0.95 });
    const t = await tiers.run({ table, assignments, ...inputs }, context);
    const p = await policy.run({ tiers: t, rateOrder: 25, policySettings: 'serviceLevel.Gold=0.97', carryingRate: 25, baselineServiceLevel: 95 }, context);
    expect(p?.policy.tiers.map((x) => x.serviceLevel)).toEqual([0.99, 0.99, 0.97, 0.9]);
    expect(p && isNeedsData(p.safetyStock)).toBe(true);
    const a = await allocation.run({ policy: p, supply: '1000', openDemand: 'Platinum=500,Gold=400,Silver=300', allocationRule: 'priority-prorata' }, context);
    expect(a?.tiers.map((x) => x.allocated)).toEqual([500, 286, 214]);
  });
});

describe('tier and policy views', () => {
  it('render plain text and charts without throwing', async () => {
    const view = { document, width: 800 } as unknown as Parameters<NonNullable<typeof tiers.view>>[1];
    const t = await tiers.run({ table, assignments, ...inputs }, context);
    expect(tiers.view?.(t, view)).toBeTruthy();
    expect((tierMatrix.view?.(t, view) as Element).querySelectorAll('g.tb-matrix-dot circle')).toHaveLength(8);
    expect((tierAgreement.view?.(t.agreement, view) as Element).textContent).toContain('customer(s) get a different tier name');
    expect((tierKpisByRegion.view?.(t, view) as Element).querySelectorAll('g.tb-kpi-cell rect').length).toBeGreaterThan(0);
    const p = await policy.run({ tiers: t, rateOrder: 25, policySettings: '', carryingRate: 25, baselineServiceLevel: 95 }, context);
    expect(policy.view?.(p, view)).toBeTruthy();
    const ss = await safetyStock.run({ policy: p }, context);
    expect((safetyStock.view?.(ss, view) as Element).textContent).toContain('needs order lines');
  });
});
