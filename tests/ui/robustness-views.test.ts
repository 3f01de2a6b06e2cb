// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Mover } from '../../src/analytics/stability/movers.ts';
import { filterMovers, moversView } from '../../src/ui/views/movers-view.ts';
import { periodView } from '../../src/ui/views/period-view.ts';
import { dropOneView } from '../../src/ui/views/robustness-views.ts';
import { migrationChart } from '../../src/ui/charts/migration-chart.ts';
import { periodAgreementChart } from '../../src/ui/charts/period-agreement-chart.ts';
import { ariDistributionChart } from '../../src/ui/charts/ari-distribution-chart.ts';

const XSS = '<img src=x onerror=alert(1)>';
const movers: Mover[] = [
  { row: 3, id: XSS, cluster: 0, confidence: 0.2, alternative: 1, drawn: 10 },
  { row: 1, id: 'C001', cluster: 1, confidence: 0.5, alternative: null, drawn: 8 },
  { row: 2, id: 'C010', cluster: -1, confidence: 0.9, alternative: 0, drawn: 9 },
];

describe('movers view', () => {
  it('finds customers by id or by cluster name, case-insensitively', () => {
    expect(filterMovers(movers, '').map((m) => m.row)).toEqual([3, 1, 2]);
    expect(filterMovers(movers, 'c00').map((m) => m.row)).toEqual([1]);
    expect(filterMovers(movers, 'cluster 2').map((m) => m.row)).toEqual([3, 1]); // in it, or moving to it
    expect(filterMovers(movers, 'NOISE').map((m) => m.row)).toEqual([2]);
  });

  it('sets every id as text, counts the movers and downloads them all', () => {
    const downloaded: Mover[][] = [];
    const view = moversView(movers, { document, idColumn: 'customer_id', customers: 40, download: (m) => downloaded.push([...m]) });
    expect(view.querySelector('img')).toBeNull();
    expect(view.textContent).toContain('3 of 40 customers left their cluster in at least one replicate; 2 stayed in fewer than 75% of them and 1 in fewer than half.');
    view.querySelector<HTMLButtonElement>('button.tb-movers-download')?.click();
    expect(downloaded).toEqual([movers]);
  });
});

describe('period view and charts', () => {
  it('says a customer table needs order lines', () => {
    const view = periodView({ needs: 'order-lines' }, { document, width: 600 });
    expect(view.textContent).toContain('Stability across periods needs order lines');
  });

  it('labels the migration cells and the period bars, and says when nothing compares', () => {
    const fig = migrationChart({ groups: ['Cluster 1', 'Absent'], values: [[5, 1], [2, 0]], measure: 'customers', from: 'H1', to: 'H2' }, { document });
    expect([...fig.querySelectorAll('g.tb-migration-cells title')].map((t) => t.textContent)).toEqual([
      'Cluster 1 → Cluster 1: 5 customers',
      'Cluster 1 → Absent: 1 customer',
      'Absent → Cluster 1: 2 customers',
      'Absent → Absent: 0 customers',
    ]);
    const bars = periodAgreementChart([{ from: 'Q1', to: 'Q2', common: 12, ari: 0.91 }, { from: 'Q2', to: 'Q3', common: 1, ari: null }], { document });
    expect(bars.querySelectorAll('g.tb-period-bars rect')).toHaveLength(1);
    expect(bars.textContent).toContain('0.91 (12 customers)');
    expect(periodAgreementChart([], { document }).textContent).toContain('No two periods share enough customers');
    expect(ariDistributionChart([], { document }).textContent).toContain('No Monte Carlo draws');
  });
});

describe('drop-one view', () => {
  it('names the features the segmentation rests on, most moving first', () => {
    const view = dropOneView(
      [
        { feature: 'a', ari: 0.95, shareChanged: 0.02 },
        { feature: 'b', ari: 0.4, shareChanged: 0.3 },
      ],
      0.8,
      { document },
    );
    expect(view.textContent).toContain('The segmentation rests on b: without it the ARI falls below 0.8.');
    expect([...view.querySelectorAll('tbody tr td:first-child')].map((td) => td.textContent)).toEqual(['b', 'a']);
  });
});
