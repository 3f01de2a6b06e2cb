/**
 * Choosing k by policy cost, next to the statistical criteria of "4. Choosing k": for each k of
 * the sweep, the clusters become tiers with their policies and the modelled cost per year is
 * CTS after policy + safety-stock carrying cost − surcharge revenue (`policyCostCurve`). On
 * demand: it tiers and stocks every k of the sweep, so it runs when asked (with Cancel), and
 * stays, marked out of date, when a setting changes afterwards.
 */
import { cell, type Suggestion } from '../src/runtime/index.ts';
import { policyCostCurve, type PolicyCostCurve, type PolicyCostPoint } from '../src/analytics/policy/policy-cost.ts';
import { rateOrder } from './data.ts';
import { prepared } from './prepare.ts';
import { k } from './cluster.ts';
import { sweep } from './diagnostics.ts';
import { orderData, stacked, tiers } from './tiers.ts';
import { baselineServiceLevel, carryingRate, policySpecOf, policyTable } from './policy.ts';
import { textBlock } from './view-helpers.ts';

export const policyCostK = cell({
  name: 'policyCostK',
  title: 'Choosing k by policy cost',
  trigger: 'demand',
  description: 'Runs when you ask: tiers and policies for every k of the sweep, with the modelled cost per year of each.',
  inputs: { sweep, prepared, tiers, orderData, policyTable, carryingRate, baselineServiceLevel, rateOrder, k },
  run: async (v, { signal, progress }): Promise<PolicyCostCurve & { k: number }> => {
    const n = v.tiers.measures.n;
    const strategic = new Array<boolean>(n).fill(false);
    for (const row of v.prepared.isolatedRows) strategic[row] = true;
    const spec = policySpecOf(v.policyTable, v.carryingRate, v.baselineServiceLevel);
    const input = { measures: v.tiers.measures, strategic, tiering: v.tiers.spec.clusters, policy: spec, orders: v.orderData?.history ?? null, demand: v.orderData?.demand ?? null, orderRate: v.rateOrder, windowMonths: v.orderData?.months ?? 12 };
    const points: PolicyCostPoint[] = [];
    let gaps: readonly string[] = [];
    // One k at a time, yielding in between, so Cancel and progress reach the page.
    for (const [i, p] of v.sweep.points.entries()) {
      signal.throwIfAborted();
      progress(i / v.sweep.points.length, `k = ${p.k}`);
      await new Promise((resolve) => setTimeout(resolve, 0));
      const labels = new Int32Array(n).fill(-1);
      v.prepared.rows.forEach((row, j) => (labels[row] = p.labels[j]));
      const curve = policyCostCurve({ ...input, sweep: [{ k: p.k, labels }] });
      points.push(...curve.points);
      gaps = curve.gaps;
    }
    let bestK: number | null = null;
    let best = Infinity;
    for (const p of points) if (p.total < best) [best, bestK] = [p.total, p.k];
    return { points, bestK, gaps, k: v.k };
  },
  view: (c, { document }) => {
    const el = document.createElement('tb-table');
    el.caption = c.bestK === null ? 'Modelled cost per year by k' : `Modelled cost per year by k (lowest at k = ${c.bestK})`;
    const money = (v: unknown) => (v === null ? '–' : Number.isFinite(v as number) ? Math.round(v as number).toLocaleString('en-US') : '–');
    el.columns = [
      { key: 'k', label: 'k', align: 'right' },
      { key: 'tiers', label: 'Tiers' },
      { key: 'ctsAfter', label: 'CTS after policy', align: 'right', format: money },
      { key: 'carryingCost', label: 'Safety-stock carrying', align: 'right', format: money },
      { key: 'surchargeRevenue', label: 'Surcharge revenue', align: 'right', format: money },
      { key: 'total', label: 'Total', align: 'right', format: money },
    ];
    el.rows = c.points.map((p) => ({ ...p, k: p.k === c.bestK ? `${p.k} (lowest)` : String(p.k), tiers: p.tiers.join(', ') }));
    const notes = ['Total = CTS after policy + safety-stock carrying cost − surcharge revenue, per year (window figures scaled to 12 months). Read it next to the statistical criteria above: the cheapest k is not always a stable one.', ...c.gaps];
    return stacked(document, el, textBlock(document, notes));
  },
  suggest: ({ bestK, k: current }): Suggestion<number>[] =>
    bestK === null || bestK === current ? [] : [{ input: k, value: bestK, label: `Use k = ${bestK}`, reason: 'the lowest modelled policy cost per year' }],
});
