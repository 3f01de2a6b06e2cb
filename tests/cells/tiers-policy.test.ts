// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { tierAgreement, tierKpisByRegion, tierMap, tierMatrix, tiers, tieringSpecOf } from '../../cells/tiers.ts';
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
    const a = await allocation.run({ policy: p, supply: '1000', openDemand: 'Platinum=500,Gold=400,Silver=300', allocationRule: 'priority-prorata' }, context);
    expect(a?.tiers.map((x) => x.allocated)).toEqual([500, 286, 214]);
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
    const differing = agreement.querySelector('tb-table') as unknown as HTMLElement & { rows: { id: string }[] };
    const first = differing.rows[0]?.id;
    if (first) {
      search.value = first;
      search.dispatchEvent(new Event('input'));
      expect(differing.rows.map((r) => r.id)).toEqual([first]);
    }
    expect((tierKpisByRegion.view?.(t, view) as Element).querySelectorAll('g.tb-kpi-cell rect').length).toBeGreaterThan(0);
    const p = await policy.run({ tiers: t, orderData: null, rateOrder: 25, policyTable: {}, carryingRate: 25, baselineServiceLevel: 95 }, context);
    expect(policy.view?.(p, view)).toBeTruthy();
    const ss = await safetyStock.run({ policy: p }, context);
    expect((safetyStock.view?.(ss, view) as Element).textContent).toContain('needs order lines');
  });
});
