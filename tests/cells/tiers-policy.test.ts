// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { tierAgreement, tierCustomerTable, tierKpisByRegion, tierMap, tierMatrix, tiers, tieringSpecOf } from '../../cells/tiers.ts';
import { policyCostK } from '../../cells/policy-k.ts';
import { clusterTierMap } from '../../src/analytics/tiers/tier-map.ts';
import { allocation, policy, policySpecOf, policyTable, safetyStock } from '../../cells/policy.ts';
import { STRATEGIC } from '../../src/config/segmentation-config.ts';
import { isNeedsData } from '../../src/analytics/policy/needs-data.ts';
import type { RunContext } from '../../src/runtime/index.ts';
import type { CustomerTable } from '../../src/data/customers/customer-table.ts';
import { EIGHT } from '../analytics/tiers/fixture.ts';

const context: RunContext = { signal: new AbortController().signal, progress: () => {}, lane: 'interactive' };
const table = { ...EIGHT, source: 'eight.csv', idColumn: 'customer_id', numericColumns: Object.keys(EIGHT.columns), rowCount: 8, issues: [], inputRows: 8, delimiter: ',', decimal: '.' } as unknown as CustomerTable;
const assignments = { idColumn: 'customer_id', ids: EIGHT.ids, labels: Int32Array.of(0, 0, 0, 1, 1, 2, 2, STRATEGIC) };
const inputs = { tiering: 'clusters' as const, tierMeasure: 'net_profit' as const, tierNames: '', strategicTier: 'Strategic', maxTiers: 6, abcA: 70, abcB: 95, ctsReference: 'median', gmCut: 'median', ctsCut: 'median' };

describe('tiers cell', () => {
  it('turns the inputs into one tiering spec', () => {
    expect(tieringSpecOf({ ...inputs, ctsReference: '15' })).toEqual({
      method: 'clusters',
      clusters: { measure: 'net_profit', names: undefined, maxTiers: 6, strategicTier: 'Strategic' },
      thresholds: { abcCuts: [0.7, 0.95], ctsReference: 15 },
      matrix: { gmCut: 'median', ctsCut: 'median' },
    });
  });

  it('tiers the clusters with the Strategic accounts on top, and the thresholds when asked', async () => {
    const t = await tiers.run({ table, assignments, orderData: null, tierMap: {}, ...inputs }, context);
    if (isNeedsData(t.carried)) throw new Error(t.carried.message);
    expect(t.carried.names).toEqual(['Strategic', 'Platinum', 'Gold', 'Standard']);
    const top = await tiers.run({ table, assignments, orderData: null, tierMap: {}, ...inputs, tiering: 'thresholds' }, context);
    expect(isNeedsData(top.carried) ? null : top.carried.method).toBe('thresholds');
  });
});

describe('tier map and policy table inputs', () => {
  it('rename and merge cluster tiers by rank, and give the config its cluster-to-tier map', async () => {
    const plain = await tiers.run({ table, assignments, orderData: null, tierMap: {}, ...inputs }, context);
    if (isNeedsData(plain.clusters)) throw new Error(plain.clusters.message);
    const map = tierMap.parse('Key,Key');
    expect(map).toEqual({ 1: 'Key', 2: 'Key' });
    expect(tierMap.keyed?.apply(map, [['tierMap.3', 'Rest']])).toEqual({ 1: 'Key', 2: 'Key', 3: 'Rest' });
    const t = await tiers.run({ table, assignments, orderData: null, tierMap: { 1: 'Key', 2: 'Key', 3: 'Rest' }, ...inputs }, context);
    if (isNeedsData(t.carried) || isNeedsData(t.clusters)) throw new Error('no tiers');
    expect(t.carried.names).toEqual(['Strategic', 'Key', 'Rest']);
    expect(t.spec.clusters.byRank).toEqual(['Key', 'Key', 'Rest']);
    const strategic = Array.from(assignments.labels, (l) => l === STRATEGIC);
    const m = clusterTierMap(t.clusters, 3, strategic);
    expect(m.order).toEqual(['Strategic', 'Key', 'Rest']);
    expect(m.strategic).toBe('Strategic');
    expect([...m.clusters].sort()).toEqual(['Key', 'Key', 'Rest']);
  });

  it('read the policy table one cell at a time, and clear a cell back to the default', () => {
    const v = policyTable.keyed?.apply({}, [['serviceLevel.Gold', '98%'], ['leadTimeDays.Gold', '3']]) ?? {};
    expect(v).toEqual({ Gold: { serviceLevel: 0.98, leadTimeDays: 3 } });
    expect(policyTable.keyed?.entries(v)).toEqual([['leadTimeDays.Gold', '3'], ['serviceLevel.Gold', '0.98']]);
    expect(policyTable.keyed?.apply(v, [['serviceLevel.Gold', ''], ['leadTimeDays.Gold', '']])).toEqual({});
    expect(() => policyTable.parse('carryingRate=0.3')).toThrow('invalid policy: "carryingRate=0.3"');
    expect(policyTable.validate({ Gold: { serviceLevel: 1.5 } })).toBe('invalid serviceLevel of Gold: 1.5 (expected a fraction between 0 and 1, e.g. 0.95)');
  });
});

describe('policy cells', () => {
  it('reads the policy settings and says safety stock needs order lines', async () => {
    expect(policySpecOf(policyTable.parse('serviceLevel.Gold=0.97, minimumOrder.Standard=250'), 20, 95)).toEqual({ tiers: { Gold: { serviceLevel: 0.97 }, Standard: { minimumOrder: 250 } }, carryingRate: 0.2, baselineServiceLevel: 0.95 });
    const t = await tiers.run({ table, assignments, orderData: null, tierMap: {}, ...inputs }, context);
    const p = await policy.run({ tiers: t, orderData: null, rateOrder: 25, policyTable: { Gold: { serviceLevel: 0.97 } }, carryingRate: 25, baselineServiceLevel: 95 }, context);
    expect(p?.policy.tiers.map((x) => x.serviceLevel)).toEqual([0.99, 0.99, 0.97, 0.9]);
    expect(p && isNeedsData(p.safetyStock)).toBe(true);
    // One summary per tier for cards: KPIs, policy, and no safety stock without order lines.
    expect(p?.summaries.map((x) => [x.tier, x.customers, x.policy.serviceLevel, x.safetyStockValue])).toEqual([
      ['Strategic', 1, 0.99, null],
      ['Platinum', 2, 0.99, null],
      ['Gold', 3, 0.97, null],
      ['Standard', 2, 0.9, null],
    ]);
    const a = await allocation.run({ policy: p, orderData: null, supply: '1000', openDemand: 'Platinum=500,Gold=400,Silver=300', allocationRule: 'priority-prorata' }, context);
    expect(a?.allocation.tiers.map((x) => x.allocated)).toEqual([500, 286, 214]);
    // Nothing typed and no order lines: illustrative demand by priority, supply 80% of it.
    const b = await allocation.run({ policy: p, orderData: null, supply: '', openDemand: '', allocationRule: 'priority' }, context);
    expect(b?.allocation.tiers.map((x) => [x.tier, x.demand])).toEqual([['Strategic', 500], ['Platinum', 400], ['Gold', 300], ['Standard', 200]]);
    expect(b?.allocation.supply).toBe(1120);
    expect(b?.supplySource).toBe('Supply: 80% of the open demand (1,120 of 1,400 units).');
  });
});

describe('choosing k by policy cost', () => {
  it('costs every k of the sweep on the table rows, names the lowest and offers it as k', async () => {
    const t = await tiers.run({ table, assignments, orderData: null, tierMap: {}, ...inputs }, context);
    const sweep = { points: [{ k: 2, labels: Int32Array.of(0, 0, 0, 1, 1, 1, 1) }, { k: 3, labels: Int32Array.of(0, 0, 0, 1, 1, 2, 2) }] };
    const prepared = { rows: [0, 1, 2, 3, 4, 5, 6], isolatedRows: [7] };
    const v = { sweep, prepared, tiers: t, orderData: null, policyTable: {}, carryingRate: 25, baselineServiceLevel: 95, rateOrder: 25, k: 3 } as unknown as Parameters<typeof policyCostK.run>[0];
    const c = await policyCostK.run(v, context);
    expect(c.points.map((p) => p.k)).toEqual([2, 3]);
    expect(c.points[1].tiers).toEqual(['Strategic', 'Platinum', 'Gold', 'Standard']);
    expect(c.gaps).toHaveLength(2);
    const lowest = c.points.reduce((a, b) => (b.total < a.total ? b : a));
    expect(c.bestK).toBe(lowest.k);
    const offered = policyCostK.suggest?.(c) ?? [];
    expect(offered.map((s) => s.value)).toEqual(c.bestK === 3 ? [] : [c.bestK]);
  });
});

describe('tier and policy views', () => {
  it('render plain text and charts without throwing', async () => {
    const view = { document, width: 800, memory: {} } as unknown as Parameters<NonNullable<typeof tiers.view>>[1];
    const t = await tiers.run({ table, assignments, orderData: null, tierMap: {}, ...inputs }, context);
    expect(tiers.view?.(t, view)).toBeTruthy();
    expect((tierMatrix.view?.(t, view) as Element).querySelectorAll('g.tb-matrix-dot circle')).toHaveLength(8);
    const agreement = tierAgreement.view?.(t.agreement, view) as Element;
    expect(agreement.textContent).toContain('customer(s) get a different tier name');
    const search = agreement.querySelector('input[type=search]') as HTMLInputElement;
    const differing = agreement.querySelector('tb-table') as unknown as { rows: readonly { id: string }[] };
    const first = differing.rows[0]?.id;
    if (first) {
      search.value = first;
      search.dispatchEvent(new Event('input'));
      expect(differing.rows.map((r) => r.id)).toEqual([first]);
    }
    expect((tierKpisByRegion.view?.(t, view) as Element).querySelectorAll('g.tb-kpi-cell rect').length).toBeGreaterThan(0);
    const customers = tierCustomerTable.view?.(await tierCustomerTable.run({ tiers: t, table }, context), view) as unknown as { rows: Record<string, string>[] };
    expect(customers.rows).toHaveLength(8);
    expect(Object.keys(customers.rows[0])).toEqual(['id', 'clusters', 'thresholds', 'abc', 'xyz', 'rfm']);
    expect(customers.rows[7].clusters).toBe('Strategic');
    const p = await policy.run({ tiers: t, orderData: null, rateOrder: 25, policyTable: {}, carryingRate: 25, baselineServiceLevel: 95 }, context);
    expect(policy.view?.(p, view)).toBeTruthy();
    const ss = await safetyStock.run({ policy: p }, context);
    expect((safetyStock.view?.(ss, view) as Element).textContent).toContain('needs order lines');
  });
});
