// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ariBand, contingencyChart } from '../../src/ui/charts/contingency-chart.ts';
import { explainedVarianceChart } from '../../src/ui/charts/explained-variance-chart.ts';
import { evenIndices, kDistancePlot } from '../../src/ui/charts/k-distance-plot.ts';
import { kMetricsChart, type KMetricsRow } from '../../src/ui/charts/k-metrics-chart.ts';
import { clusterColor } from '../../src/ui/charts/palette.ts';
import { kneeIndex } from '../../src/analytics/choose-k/knee.ts';
import { suggestK } from '../../src/analytics/choose-k/suggest.ts';
import { suggestEps } from '../../src/analytics/cluster/k-distance.ts';
import { silhouettePlot } from '../../src/ui/charts/silhouette-plot.ts';
import { whaleCurveChart } from '../../src/ui/charts/whale-curve-chart.ts';
import { XSS } from './helpers.ts';

const caption = (el: Element) => el.querySelector('figcaption')?.textContent ?? '';
const texts = (el: Element, selector: string) => [...el.querySelectorAll(selector)].map((t) => t.textContent);
const round3 = (v: string | null) => Math.round(Number(v) * 1000) / 1000;

/** A sweep over k = 2…8 where silhouette and Davies-Bouldin pick 3, Calinski-Harabasz 4. */
const sweep: KMetricsRow[] = [2, 3, 4, 5, 6, 7, 8].map((k, i) => ({
  k,
  inertia: [900, 500, 300, 260, 230, 210, 195][i],
  silhouette: [0.41, 0.52, 0.49, 0.44, 0.4, 0.38, 0.37][i],
  calinskiHarabasz: [2100, 2650, 2900, 2600, 2400, 2200, 2050][i],
  daviesBouldin: [0.95, 0.78, 0.81, 0.86, 0.9, 0.95, 0.98][i],
}));

/** What the analytics recommend for a set of rows (the chart draws these, computing none). */
function picked(rows: readonly KMetricsRow[]) {
  const withInertia = rows.filter((r) => typeof r.inertia === 'number');
  const knee = withInertia.length >= 3 ? withInertia[kneeIndex(withInertia.map((r) => r.k), withInertia.map((r) => r.inertia as number))].k : null;
  const points = rows.map((r) => ({ k: r.k, silhouette: r.silhouette ?? null, calinskiHarabasz: r.calinskiHarabasz ?? null, daviesBouldin: r.daviesBouldin ?? null }));
  return suggestK({ kneeK: knee, points });
}
const chart = (rows: readonly KMetricsRow[], options: Parameters<typeof kMetricsChart>[1] = {}) => kMetricsChart(rows, { picks: picked(rows), ...options });

describe('kMetricsChart', () => {
  it('draws one panel per metric with the best k of each highlighted', () => {
    const fig = chart(sweep);
    const panels = [...fig.querySelectorAll('.tb-k-panel')];
    expect(panels.map((p) => p.getAttribute('data-metric'))).toEqual([
      'inertia',
      'silhouette',
      'calinskiHarabasz',
      'daviesBouldin',
    ]);
    expect(panels.map((p) => p.querySelectorAll('g.tb-best circle').length)).toEqual([1, 1, 1, 1]);
    expect(texts(fig, 'h3')).toEqual([
      'knee at k = 4',
      'best at k = 3 (0.52)',
      'best at k = 4 (2,900)',
      'best at k = 3 (0.78)',
    ]);
    expect(texts(fig, 'h2')).toContain('Davies-Bouldin (lower is better)');
  });

  it('marks and labels the knee the analytics give it, and computes none itself', () => {
    const fig = chart(sweep);
    expect(fig.querySelectorAll('g.tb-knee circle')).toHaveLength(1);
    expect(texts(fig, 'g.tb-knee-label text')).toEqual(['knee']);
    expect(texts(kMetricsChart(sweep, { picks: { knee: 5 } }), 'h3')[0]).toBe('knee at k = 5');
    const bare = kMetricsChart(sweep);
    expect(bare.querySelectorAll('g.tb-best circle')).toHaveLength(0);
    expect(texts(bare, 'h3')[0]).toBe('no best k');
  });

  it('uses the same integer k axis in every panel', () => {
    const fig = chart(sweep);
    for (const panel of fig.querySelectorAll('.tb-k-panel')) {
      expect(texts(panel, 'g[aria-label="x-axis tick label"] text')).toEqual([
        '2',
        '3',
        '4',
        '5',
        '6',
        '7',
        '8',
      ]);
    }
  });

  it('says plainly when the metrics disagree, and when they agree', () => {
    expect(caption(chart(sweep))).toBe(
      'The metrics disagree on the best k: elbow knee k = 4, silhouette k = 3, Calinski-Harabasz k = 4, Davies-Bouldin k = 3.',
    );
    const agreeing = sweep.map((r) => ({ k: r.k, silhouette: r.silhouette, daviesBouldin: r.daviesBouldin }));
    expect(caption(chart(agreeing))).toBe('All 2 metrics point to k = 3.');
  });

  it('omits panels of absent metrics, including nulls from a sweep', () => {
    const rows = sweep.map((r) => ({
      k: r.k,
      inertia: r.inertia,
      silhouette: null,
      daviesBouldin: undefined,
    }));
    const fig = chart(rows);
    expect(fig.querySelectorAll('.tb-k-panel')).toHaveLength(1);
    expect(caption(fig)).toBe('Best k by elbow knee k = 4.');
  });

  it('draws the selected k as a rule in every panel', () => {
    const fig = chart(sweep, { selectedK: 5 });
    expect(fig.querySelectorAll('g.tb-selected-k line')).toHaveLength(4);
    expect(caption(fig)).toContain('The dashed line marks the selected k = 5.');
    expect(chart(sweep).querySelectorAll('g.tb-selected-k')).toHaveLength(0);
  });

  it('shades k beyond the tier limit only when a limit is given and below the largest k', () => {
    const limited = chart(sweep, { maxTiers: 6 });
    expect(limited.querySelectorAll('g.tb-tier-limit rect')).toHaveLength(4);
    expect(texts(limited, 'g.tb-tier-limit-label text')[0]).toBe('beyondtier limit');
    expect(chart(sweep).querySelectorAll('g.tb-tier-limit')).toHaveLength(0);
    expect(chart(sweep, { maxTiers: 8 }).querySelectorAll('g.tb-tier-limit')).toHaveLength(0);
    expect(caption(chart(sweep, { maxTiers: 3 }))).toContain(
      'Beyond the limit of 3 tiers: the pick of elbow knee, Calinski-Harabasz.',
    );
  });

  it('starts the shaded region halfway between the limit and the next k', () => {
    const panel = chart(sweep, { maxTiers: 6, width: 640 }).querySelector('.tb-k-panel')!;
    const rect = panel.querySelector('g.tb-tier-limit rect')!;
    const ticks = [...panel.querySelectorAll('g[aria-label="x-axis tick"] path')].map((p) =>
      Number(/translate\(([\d.]+)/.exec(p.getAttribute('transform') ?? '')?.[1]),
    );
    const x6 = ticks[4];
    const x7 = ticks[5];
    expect(round3(rect.getAttribute('x'))).toBe(Math.round(((x6 + x7) / 2) * 1000) / 1000);
  });

  it('notes a sampled silhouette, unless the sample was every customer', () => {
    const sampled = sweep.map((r) => ({ ...r, silhouetteSampleSize: 2000 }));
    expect(caption(chart(sampled))).toContain('Silhouette on a stratified sample of 2,000.');
    expect(caption(chart(sampled, { customers: 2000 }))).not.toContain('sample');
    expect(caption(chart(sweep))).not.toContain('sample');
  });

  it('lays out 2x2 in narrow charts and 4 in a row in wide ones', () => {
    const grid = (width: number) =>
      chart(sweep, { width }).querySelector<HTMLElement>('.tb-k-panels')!;
    // (640 - 12) / 2 and (1000 - 3 * 12) / 4, rounded down.
    expect(grid(640).style.gridTemplateColumns).toMatch(/^repeat\(2, ?314px\)$/);
    expect(grid(1000).style.gridTemplateColumns).toMatch(/^repeat\(4, ?241px\)$/);
  });

  it('returns a message element for an empty sweep', () => {
    for (const rows of [[], [{ k: 2 }, { k: 3, silhouette: Number.NaN }]]) {
      const el = chart(rows);
      expect(el.className).toBe('tb-chart-empty');
      expect(el.textContent).toBe('No k sweep to show: no metric was computed for any k.');
    }
  });
});

/** Three clusters; cluster 2 has two customers with negative silhouettes. */
function silhouetteData(perCluster: number) {
  const n = perCluster * 3;
  const values = new Float64Array(n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % 3;
    values[i] = labels[i] === 2 && i < 6 ? -0.15 : 0.2 + ((i * 37) % 60) / 100;
  }
  return { values, labels, mean: values.reduce((s, v) => s + v, 0) / n };
}

/** Bars that start left of the rule at 0 (the first rule mark of the plot). */
function negativeBars(fig: Element): Element[] {
  const zero = Number(fig.querySelector('g[aria-label="rule"] line')?.getAttribute('x1'));
  return [...fig.querySelectorAll('g.tb-silhouette-bars rect')].filter(
    (b) => Number(b.getAttribute('x')) < zero - 0.001,
  );
}

describe('silhouettePlot', () => {
  it('draws one bar per customer, sorted descending within each cluster, in cluster colours', () => {
    const fig = silhouettePlot(silhouetteData(20));
    const bars = [...fig.querySelectorAll('g.tb-silhouette-bars rect')];
    expect(bars).toHaveLength(60);
    const byFill = new Map<string, number[]>();
    for (const b of bars) {
      const fill = b.getAttribute('fill')!;
      const y = Number(b.getAttribute('y'));
      byFill.set(fill, [...(byFill.get(fill) ?? []), y]);
    }
    expect([...byFill.keys()]).toEqual([clusterColor(0), clusterColor(1), clusterColor(2)]);
    // Drawn top to bottom; within a cluster each bar is no longer than the one above it.
    const widths = bars
      .filter((b) => b.getAttribute('fill') === clusterColor(0))
      .map((b) => Number(b.getAttribute('width')));
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
  });

  it('draws clusters in the colours another chart gave them when asked', () => {
    const slots = new Map([[0, 2], [1, 0], [2, 1]]);
    const fills = new Set([...silhouettePlot(silhouetteData(20), { slots }).querySelectorAll('g.tb-silhouette-bars rect')].map((b) => b.getAttribute('fill')));
    expect([...fills]).toEqual([clusterColor(2), clusterColor(0), clusterColor(1)]);
  });

  it('shows negative silhouettes left of zero and counts them in the caption', () => {
    const fig = silhouettePlot(silhouetteData(20));
    expect(negativeBars(fig)).toHaveLength(2);
    expect(caption(fig)).toContain('2 customers (3.3%) have a negative silhouette');
  });

  it('draws the mean as a labelled rule, rounded to 3 decimals', () => {
    const data = { ...silhouetteData(20), mean: 0.4123456 };
    const fig = silhouettePlot(data);
    expect(fig.querySelectorAll('g.tb-silhouette-mean line')).toHaveLength(1);
    expect(texts(fig, 'g.tb-silhouette-mean-label text')).toEqual(['mean 0.412']);
    expect(caption(fig)).toContain('mean 0.412.');
  });

  it('labels clusters with their mean silhouette, rounded to 3 decimals', () => {
    const fig = silhouettePlot({
      values: Float64Array.from([0.5, 0.6, 0.3, 0.25, 0.1, -0.2]),
      labels: Int32Array.from([0, 1, 0, 1, 1, 2]),
      mean: 0.2583,
    });
    // (0.5 + 0.3) / 2, (0.6 + 0.25 + 0.1) / 3 = 0.31667, -0.2 / 1
    expect(texts(fig, 'g[aria-label="y-axis tick label"] text')).toEqual([
      'Cluster 1 (0.4)',
      'Cluster 2 (0.317)',
      'Cluster 3 (-0.2)',
    ]);
  });

  it('draws at most 3,000 bars for large inputs, keeps every cluster extreme and says so', () => {
    const data = silhouetteData(10_000);
    const fig = silhouettePlot({ ...data, sampleSize: 30_000, total: 120_000 });
    const bars = [...fig.querySelectorAll('g.tb-silhouette-bars rect')];
    expect(bars).toHaveLength(3000);
    expect(bars.filter((b) => b.getAttribute('fill') === clusterColor(2))).toHaveLength(1000);
    expect(caption(fig)).toContain('Showing 3,000 of 30,000 bars (an even sample per cluster).');
    expect(caption(fig)).toContain('Computed on a stratified sample of 30,000 of 120,000 customers.');
    // Cluster 3's two negative customers are its worst; the last of them is still drawn.
    expect(negativeBars(fig)).toHaveLength(1);
  });

  it('leaves noise out and says how many', () => {
    const data = silhouetteData(4);
    data.labels[0] = -1;
    const fig = silhouettePlot(data);
    expect(fig.querySelectorAll('g.tb-silhouette-bars rect')).toHaveLength(11);
    expect(caption(fig)).toContain('1 noise points left out.');
  });

  it('returns a message element when there is nothing to draw, and rejects mismatched arrays', () => {
    const empty = silhouettePlot({ values: new Float64Array(0), labels: new Int32Array(0), mean: 0 });
    expect(empty.textContent).toBe('No silhouette values to show.');
    expect(() => silhouettePlot({ values: new Float64Array(2), labels: new Int32Array(1), mean: 0 })).toThrow(
      'invalid silhouettePlot data: values has 2 entries but labels has 1',
    );
  });
});

/** A k-distance curve: slow linear rise, then a sharp bend near the end. */
function kDistances(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => {
    const t = i / (n - 1);
    return 0.2 + 0.3 * t + (t > 0.9 ? ((t - 0.9) * 10) ** 3 * 2.5 : 0);
  });
}

describe('kDistancePlot', () => {
  it('marks the eps the analytics suggest and labels it; it computes none itself', () => {
    const distances = kDistances(200);
    expect(kDistancePlot({ distances, k: 4 }).querySelectorAll('g.tb-knee circle')).toHaveLength(0);
    const fig = kDistancePlot({ distances, k: 4, suggested: suggestEps(distances) });
    expect(fig.querySelectorAll('g.tb-knee circle')).toHaveLength(1);
    const [label] = texts(fig, 'g.tb-knee-label text');
    expect(label).toMatch(/^suggested eps ≈ 0\.\d{1,3}$/);
    expect(fig.querySelectorAll('g.tb-eps')).toHaveLength(0);
  });

  it('draws the current eps as a labelled rule and counts the points above it', () => {
    const fig = kDistancePlot({ distances: Float64Array.from([0.1, 0.2, 0.3, 0.4, 2]), k: 3, eps: 0.35 });
    expect(fig.querySelectorAll('g.tb-eps line')).toHaveLength(1);
    expect(texts(fig, 'g.tb-eps-label text')).toEqual(['eps = 0.35']);
    expect(caption(fig)).toContain(
      'At the current eps 0.35, 2 points (40.0%) have their 3rd nearest neighbour farther away than that.',
    );
    expect(caption(fig)).toContain('Distance from each of 5 points to its 3rd nearest neighbour, sorted.');
  });

  it('rounds small distances to 3 significant digits', () => {
    const fig = kDistancePlot({
      distances: Float64Array.from([0.0001, 0.0002, 0.00031234, 0.0004, 0.01]),
      k: 2,
      eps: 0.000123456,
    });
    expect(texts(fig, 'g.tb-eps-label text')).toEqual(['eps = 0.000123']);
  });

  it('thins long curves to about 2,000 points and keeps the last', () => {
    const distances = kDistances(100_000);
    const fig = kDistancePlot({ distances, k: 4 });
    const d = fig.querySelector('g.tb-k-distance path')?.getAttribute('d') ?? '';
    expect(d.split(/[ML]/).filter(Boolean)).toHaveLength(2000);
    expect(caption(fig)).toContain('The line is drawn through 2,000 of the points.');
    expect(evenIndices(100_000, 2000).at(-1)).toBe(99_999);
  });

  it('returns a message element for no points', () => {
    expect(kDistancePlot({ distances: new Float64Array(0), k: 4 }).textContent).toBe(
      'No k-distances to show: there are no points.',
    );
  });
});

describe('evenIndices', () => {
  it('spreads indices evenly and keeps both ends', () => {
    expect(evenIndices(11, 3)).toEqual([0, 5, 10]);
    expect(evenIndices(3, 10)).toEqual([0, 1, 2]);
    expect(evenIndices(5, 1)).toEqual([0]);
  });
});

const table = {
  rowLabels: ['Cluster 1', 'Cluster 2', 'Cluster 3'],
  columnLabels: ['A', 'B'],
  counts: [
    [90, 10],
    [5, 45],
    [0, 30],
  ],
  ari: 0.643,
  rowTitle: 'k-means',
  columnTitle: 'Ward',
};

describe('contingencyChart', () => {
  it('draws one cell per pair with the count written in it', () => {
    const fig = contingencyChart(table);
    expect(fig.querySelectorAll('g.tb-contingency-cells rect')).toHaveLength(6);
    expect(texts(fig, 'g.tb-contingency-counts text').sort()).toEqual(['0', '10', '30', '45', '5', '90']);
  });

  it('writes white on dark cells and dark text on light ones', () => {
    const fig = contingencyChart(table);
    const fills = new Map(
      [...fig.querySelectorAll('g.tb-contingency-counts')].flatMap((g) =>
        [...g.querySelectorAll('text')].map((t) => [t.textContent, g.getAttribute('fill')] as const),
      ),
    );
    expect(fills.get('90')).toBe('white');
    expect(fills.get('10')).toBe('#1d2530');
    expect(fills.get('45')).toBe('#1d2530');
  });

  it('states the ARI and its DOMAIN band in words', () => {
    expect(caption(contingencyChart(table))).toBe(
      '180 customers by k-means (rows, 3) and Ward (columns, 2); darker cells hold more customers. Adjusted Rand index 0.643: poor agreement (excellent from 0.90, good from 0.80, moderate from 0.65).',
    );
    expect([0.95, 0.9, 0.85, 0.8, 0.7, 0.65, 0.64].map(ariBand)).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'moderate',
      'moderate',
      'poor',
    ]);
    expect(caption(contingencyChart({ ...table, ari: undefined }))).not.toContain('Rand');
  });

  it('keeps labels as text, never markup', () => {
    const fig = contingencyChart({ ...table, rowLabels: [XSS, 'b', 'c'], rowTitle: XSS });
    expect(fig.querySelector('img')).toBeNull();
    expect(texts(fig, 'g[aria-label="y-axis tick label"] text')).toContain(XSS);
    expect(caption(fig)).toContain(XSS);
  });

  it('returns a message element for an empty table and rejects ragged ones', () => {
    const empty = contingencyChart({ ...table, rowLabels: [], counts: [] });
    expect(empty.textContent).toBe('No contingency table to show: one of the partitions is empty.');
    expect(() => contingencyChart({ ...table, counts: [[1, 2], [3], [4, 5]] })).toThrow(
      'invalid contingencyChart data: row 2 has 1 counts but there are 2 column labels',
    );
    expect(() => contingencyChart({ ...table, columnLabels: ['A', 'A'] })).toThrow(
      'duplicate column label "A"',
    );
  });
});

describe('explainedVarianceChart', () => {
  const ratios = [0.41234, 0.2, 0.12, 0.09, 0.06];

  it('draws a bar per component, the cumulative line and percent labels', () => {
    const fig = explainedVarianceChart(ratios);
    expect(fig.querySelectorAll('g.tb-variance-bars rect')).toHaveLength(5);
    expect(fig.querySelectorAll('g.tb-cumulative path')).toHaveLength(1);
    expect(texts(fig, 'g.tb-variance-labels text').sort()).toEqual([
      '12.0%',
      '20.0%',
      '41.2%',
      '6.0%',
      '9.0%',
    ]);
    expect(texts(fig, 'g.tb-cumulative-labels text')).toEqual(['61.2%', '73.2%', '82.2%', '88.2%']);
    expect(caption(fig)).toBe(
      'PC1 explains 41.2% of the variance. PC1 and PC2 together explain 61.2%. Components needed: 4 for 80%.',
    );
  });

  it('labels every few components when there are many', () => {
    const many = Array.from({ length: 40 }, () => 0.025);
    const fig = explainedVarianceChart(many, { width: 640 });
    expect(fig.querySelectorAll('g.tb-variance-bars rect')).toHaveLength(40);
    const labels = fig.querySelectorAll('g.tb-variance-labels text').length;
    expect(labels).toBeGreaterThan(5);
    expect(labels).toBeLessThanOrEqual(15);
  });

  it('returns a message element for no components and rejects bad ratios', () => {
    expect(explainedVarianceChart([]).textContent).toBe('No principal components to show.');
    expect(() => explainedVarianceChart([0.5, -0.1])).toThrow(
      'invalid explainedVarianceChart ratio: PC2 is -0.1',
    );
    expect(() => explainedVarianceChart([0.8, 0.7])).toThrow('they sum to 1.500 (expected at most 1)');
  });
});

/** A whale curve that peaks at 142% of total profit after 23% of customers, then falls to 100%. */
function whale(n: number) {
  const x = new Float64Array(n + 1);
  const y = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    x[i] = t;
    y[i] = t <= 0.23 ? 1.42 * (1 - (1 - t / 0.23) ** 2) : 1.42 - 0.42 * ((t - 0.23) / 0.77);
  }
  return { x, y, peak: { x: 0.23, y: 1.42 } };
}

describe('whaleCurveChart', () => {
  it('marks and labels the peak and draws the 100% line', () => {
    const fig = whaleCurveChart(whale(100));
    expect(fig.querySelectorAll('g.tb-whale-peak circle')).toHaveLength(1);
    expect(texts(fig, 'g.tb-whale-peak-label text')).toEqual(['peak 142% at 23% of customers']);
    expect(fig.querySelectorAll('g.tb-whale-total line')).toHaveLength(1);
    expect(texts(fig, 'g.tb-whale-total-label text')).toEqual(['100% of total profit']);
  });

  it('describes the tail loss in the caption', () => {
    expect(caption(whaleCurveChart(whale(100)))).toBe(
      'The most profitable 23% of customers earn 142% of total profit; the other 77% lose 42 percentage points of it.',
    );
  });

  it('puts money on the y axis when absolute', () => {
    const data = whale(100);
    const fig = whaleCurveChart({
      x: data.x,
      y: data.y.map((v) => v * 1_000_000),
      peak: { x: 0.23, y: 1_420_000 },
      absolute: true,
    });
    expect(texts(fig, 'g.tb-whale-peak-label text')).toEqual(['peak 1.42M at 23% of customers']);
    expect(texts(fig, 'g.tb-whale-total-label text')).toEqual(['total profit 1M']);
    expect(texts(fig, 'g[aria-label="y-axis tick label"] text')).toContain('1M');
    expect(caption(fig)).toBe(
      'The most profitable 23% of customers earn 1.42M; the other 77% lose 420K of it, leaving 1M in total.',
    );
  });

  it('thins long curves but keeps the peak', () => {
    const data = whale(50_000);
    const fig = whaleCurveChart(
      { ...data, peak: { x: data.x[11_500], y: data.y[11_500] } },
      { maxPoints: 500 },
    );
    const d = fig.querySelector('g.tb-whale-curve path')?.getAttribute('d') ?? '';
    expect(d.split(/[ML]/).filter(Boolean)).toHaveLength(501);
  });

  it('says so when no customers lose money', () => {
    const x = Float64Array.from([0, 0.5, 1]);
    const y = Float64Array.from([0, 0.7, 1]);
    expect(caption(whaleCurveChart({ x, y, peak: { x: 1, y: 1 } }))).toBe(
      'Cumulative profit rises all the way: no group of customers loses money overall. Total 100%.',
    );
  });

  it('returns a message element for no customers and rejects mismatched arrays', () => {
    const empty = whaleCurveChart({ x: new Float64Array(0), y: new Float64Array(0), peak: { x: 0, y: 0 } });
    expect(empty.textContent).toBe('No whale curve to show: there are no customers.');
    expect(() =>
      whaleCurveChart({ x: new Float64Array(2), y: new Float64Array(1), peak: { x: 0, y: 0 } }),
    ).toThrow('invalid whaleCurveChart data: x has 2 values but y has 1');
  });
});
