// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createEngine, slider, type Notebook } from '../../../src/runtime/index.ts';
import { chooseScenario, outcomeOf } from '../../../src/app/workshop/evaluate.ts';
import { compareScenarios } from '../../../src/analytics/scenarios/compare.ts';
import { comparisonView } from '../../../src/ui/presentation/comparison-view.ts';
import { tierCardsView } from '../../../src/ui/presentation/tier-cards-view.ts';
import { workshopStore, workshopKey } from '../../../src/app/workshop/workshop-store.ts';
import type { Scenario } from '../../../src/app/workshop/scenario-schema.ts';
import type { PcaResult } from '../../../src/analytics/project/pca.ts';
import type { Prepared } from '../../../src/analytics/prepare/prepare.ts';
import type { CustomerTable } from '../../../src/data/customers/customer-table.ts';
import { memoryStorage } from '../../runtime/helpers.ts';

const XSS = '<img src=x onerror=alert(1)>';

/** Five customers: rows 0-2 clustered (row 1 is DBSCAN noise), row 3 Strategic, row 4 left out. */
function computed(labels: number[]) {
  const table = { ids: ['a', XSS, 'c', 'd', 'e'], columns: { revenue: Float64Array.from([10, 20, 30, 40, 50]) } } as unknown as CustomerTable;
  const prepared = { rows: Int32Array.from([0, 1, 2]), isolatedRows: Int32Array.from([3]) } as unknown as Prepared;
  const projection = { components: 2, scores: Float64Array.from([1, 2, 3, 4, 5, 6]), explainedVarianceRatio: [0.5, 0.25] } as unknown as PcaResult;
  return { table, prepared, clustering: { labels: Int32Array.from(labels), k: 2 }, projection };
}

describe('a scenario outcome from its computed cells', () => {
  it('takes clusters as provisional tiers, the Strategic accounts as a segment, noise and left-out rows as none', () => {
    const o = outcomeOf({ id: 's1', name: 'Base' }, computed([0, -1, 1]));
    expect(Array.from(o.clusters)).toEqual([0, -1, 1, -2, -1]);
    expect(o.segments.names).toEqual(['Cluster 1', 'Cluster 2', 'Strategic']);
    expect(Array.from(o.segments.of)).toEqual([0, -1, 1, 2, -1]);
    expect(Array.from(o.projection.x)).toEqual([1, 3, 5]);
    expect(Array.from(o.projection.y)).toEqual([2, 4, 6]);
    expect(o.projection.explained).toEqual([0.5, 0.25]);
  });
});

describe('choosing a scenario', () => {
  const k = slider({ name: 'k', min: 2, max: 8, value: 4 });
  const nb: Notebook = { id: 'c', title: 'c', items: [k] };
  const scenario = (inputs: Record<string, unknown>): Scenario => ({ id: 's1', name: 'Ops', savedAt: '2026-01-01T00:00:00.000Z', inputs, data: { source: 'x.csv', fingerprint: null }, compare: false, chosen: false });

  it('applies its settings as one engine action and names the ones this notebook does not have', async () => {
    const engine = createEngine(nb);
    const result = await engine.act(chooseScenario, scenario({ k: 6, gone: 1 }));
    expect(engine.getInput('k')).toBe(6);
    expect(result.notes).toEqual(['"gone" is not a setting of this notebook; left out.']);
    engine.dispose();
  });

  it('is refused as a whole when it would move a locked input', async () => {
    const engine = createEngine(nb);
    engine.lock('k');
    await expect(engine.act(chooseScenario, scenario({ k: 6 }))).rejects.toThrow('locked at 4');
    expect(engine.getInput('k')).toBe(4);
    engine.dispose();
  });
});

describe('workshop views render data as text', () => {
  it('the comparison: scenario names, segment names and customer ids never become HTML', () => {
    const a = outcomeOf({ id: 's1', name: XSS }, computed([0, 0, 1]));
    const b = outcomeOf({ id: 's2', name: 'Other' }, computed([1, 1, 0]));
    const view = comparisonView(compareScenarios([a, b]), { document });
    expect(view.querySelectorAll('img')).toHaveLength(0);
    expect(view.textContent).toContain(XSS);
    expect(view.querySelector('.tb-migration-matrix caption')?.textContent).toBe(`Who moves: rows ${XSS}, columns Other (customers)`);
    expect(view.querySelectorAll('.tb-multiple')).toHaveLength(2);
  });

  it('the tier cards: tier names and example ids never become HTML', () => {
    const view = tierCardsView(
      {
        cards: [{ tier: XSS, rank: 0, customers: 2, customerShare: 0.5, revenueShare: 0.25, profitShare: null, typical: { cadence: 'orders weekly', traits: [], phrases: ['orders weekly'], sentence: 'Orders weekly.' }, policy: ['next-day delivery'], examples: [XSS] }],
        pseudonymised: false,
        notes: [],
      },
      { document },
    );
    expect(view.querySelectorAll('img')).toHaveLength(0);
    expect(view.querySelector('.tb-card-name')?.textContent).toBe(XSS);
    expect(view.querySelector('.tb-card-examples')?.textContent).toBe(`For example: ${XSS}`);
    expect(view.textContent).toContain('Revenue25.0% of all');
  });
});

describe('the workshop store', () => {
  it('keeps scenarios, decisions and locks under a tierbook name and sets aside what no longer reads', () => {
    const storage = memoryStorage();
    const store = workshopStore(storage, 'segmentation');
    expect(workshopKey('segmentation').startsWith('tierbook')).toBe(true);
    expect(store.load()).toEqual({ state: { scenarios: [], decisions: [], locks: [] } });
    store.save({ scenarios: [], decisions: [], locks: ['k'] });
    expect(store.load().state.locks).toEqual(['k']);
    storage.setItem(workshopKey('segmentation'), JSON.stringify({ scenarios: [{ id: 'x' }], decisions: [], locks: [] }));
    const loaded = store.load();
    expect(loaded.state.scenarios).toEqual([]);
    expect(loaded.problem).toMatch(/^Set aside because they no longer read: saved scenarios: /);
    storage.setItem(workshopKey('segmentation'), '{');
    expect(store.load().problem).toMatch(/not JSON/);
  });
});
