// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { marginCtsMatrixChart } from '../../src/ui/charts/margin-cts-matrix-chart.ts';
import { workingCapitalChart } from '../../src/ui/charts/working-capital-chart.ts';
import { policyCostChart } from '../../src/ui/charts/policy-cost-chart.ts';
import { tierKpiHeatmap } from '../../src/ui/charts/tier-kpi-heatmap.ts';
import { tierColor } from '../../src/ui/charts/tier-palette.ts';
import { customerMeasures } from '../../src/analytics/tiers/customer-measures.ts';
import { groupingOf, tierKpis } from '../../src/analytics/tiers/tier-kpis.ts';
import { EIGHT } from '../analytics/tiers/fixture.ts';

const texts = (el: Element, selector: string) => [...el.querySelectorAll(selector)].map((t) => t.textContent);

describe('marginCtsMatrixChart', () => {
  const m = customerMeasures(EIGHT);
  const tier = Int32Array.of(2, 2, 2, 1, 1, 3, 3, -1);
  const fig = marginCtsMatrixChart({ gmPct: m.gmPct, ctsPct: m.ctsPct, revenue: m.revenue, tier, tierNames: ['Strategic', 'Platinum', 'Gold', 'Standard'], gmCut: 30, ctsCut: 10 }, { width: 500, height: 360 });

  it('draws one bubble per customer in its tier colour, the cut-offs and the four zones', () => {
    const dots = [...fig.querySelectorAll('g.tb-matrix-dot circle')];
    expect(dots).toHaveLength(8);
    expect(dots.filter((d) => d.getAttribute('fill') === tierColor('Gold', 2))).toHaveLength(3);
    expect(fig.querySelectorAll('g.tb-matrix-cut line')).toHaveLength(2);
    expect(texts(fig, 'g.tb-matrix-zone text')).toEqual(['Protect', 'Fix CTS', 'Build', 'Danger']);
    expect(fig.textContent).toContain('Cut-offs: GM 30.0%, CTS 10.0%.');
  });

  it('samples large tables deterministically and says how many it drew', () => {
    const n = 5000;
    const a = Float64Array.from({ length: n }, (_, i) => i % 50);
    const chart = marginCtsMatrixChart({ gmPct: a, ctsPct: a, revenue: a, tier: new Int32Array(n), tierNames: ['Gold'], gmCut: 1, ctsCut: 1 }, { maxPoints: 500 });
    expect(chart.querySelectorAll('g.tb-matrix-dot circle')).toHaveLength(500);
    expect(chart.textContent).toContain('500 of 5,000 customers drawn.');
  });
});

describe('workingCapitalChart', () => {
  it('draws a bar per tier, the baseline as a tick and the difference', () => {
    const fig = workingCapitalChart(
      [
        { tier: 'Platinum', value: 15000, baselineValue: 10600 },
        { tier: 'Standard', value: 2400, baselineValue: 3100 },
      ],
      { baselineServiceLevel: 0.95 },
    );
    expect(fig.querySelectorAll('g.tb-wc-bar rect')).toHaveLength(2);
    expect(texts(fig, 'g.tb-wc-delta text')).toEqual(['+4.4K', '−700']);
    expect(fig.textContent).toContain('ticks: the value at a uniform 95%. The tier policies tie up 3.7K in all.');
  });
});

describe('policyCostChart', () => {
  it('marks the cheapest k and repeats what the totals leave out', () => {
    const fig = policyCostChart([{ k: 2, total: 900 }, { k: 3, total: 700 }, { k: 4, total: 800 }], { selectedK: 4, gaps: ['Safety stock needs order lines.'] });
    expect(fig.querySelectorAll('g.tb-cost-best circle')).toHaveLength(1);
    expect(fig.textContent).toContain('Lowest modelled cost at k = 3 (700 a year). Safety stock needs order lines.');
  });
});

describe('tierKpiHeatmap', () => {
  it('shows one labelled cell per tier and region with customers', () => {
    const m = customerMeasures(EIGHT);
    const names = ['Strategic', 'Platinum', 'Gold', 'Standard'];
    const k = tierKpis(m, Int32Array.of(2, 2, 2, 1, 1, 3, 3, 0), names, groupingOf(EIGHT.categorical?.region ?? []));
    const fig = tierKpiHeatmap(k.groups ?? [], names, { groupTitle: 'Region' });
    // North: rows 0, 1 (Gold), 4 (Platinum), 7 (Strategic); South: 2 (Gold), 3 (Platinum), 6 (Standard); (none): 5 (Standard).
    expect(fig.querySelectorAll('g.tb-kpi-cell rect')).toHaveLength(7);
    // Gold in North: CTS 400 / revenue 3,000 = 13.3 %.
    expect(texts(fig, 'g.tb-kpi-label text')).toContain('13.3%');
  });
});
