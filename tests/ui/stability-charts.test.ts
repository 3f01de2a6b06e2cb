// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { confidenceHistogram } from '../../src/ui/charts/confidence-histogram.ts';
import { clusterColor } from '../../src/ui/charts/palette.ts';
import { stabilityChart } from '../../src/ui/charts/stability-chart.ts';
import { tornadoChart } from '../../src/ui/charts/tornado-chart.ts';

const texts = (el: Element, selector: string) => [...el.querySelectorAll(selector)].map((t) => t.textContent);

describe('stabilityChart', () => {
  it('draws one bar per cluster in its colour over the four bands, noise last', () => {
    const svg = stabilityChart([
      { cluster: 1, meanJaccard: 0.62, size: 40 },
      { cluster: -1, meanJaccard: 0.9, size: 3 },
      { cluster: 0, meanJaccard: 0.97, size: 60 },
    ]);
    const bars = [...svg.querySelectorAll('g.tb-stability-bars rect')];
    expect(bars).toHaveLength(3);
    expect(bars.map((b) => b.getAttribute('fill'))).toEqual([clusterColor(0), clusterColor(1), clusterColor(-1)]);
    expect(svg.querySelectorAll('g.tb-stability-band rect')).toHaveLength(4);
    const labels = texts(svg, 'text');
    for (const t of ['do not trust', 'pattern', 'stable', 'highly stable', '0.97', '0.62', 'Cluster 1', 'Cluster 2', 'Noise']) {
      expect(labels).toContain(t);
    }
  });

  it('says what to do when nothing ran', () => {
    expect(stabilityChart([{ cluster: 0, meanJaccard: null, size: 0 }]).textContent).toContain('run the bootstrap');
  });
});

describe('tornadoChart', () => {
  const steps = [
    { feature: 'revenue', change: -0.2, shareChanged: 0.04 },
    { feature: 'revenue', change: -0.1, shareChanged: 0.01 },
    { feature: 'revenue', change: 0.1, shareChanged: 0.02 },
    { feature: 'revenue', change: 0.2, shareChanged: 0.03 },
    { feature: 'cts_pct', change: -0.2, shareChanged: 0.3 },
    { feature: 'cts_pct', change: -0.1, shareChanged: 0.12 },
    { feature: 'cts_pct', change: 0.1, shareChanged: 0 },
    { feature: 'cts_pct', change: 0.2, shareChanged: 0.05 },
  ];

  it('ranks features by their largest share changed, lowered weights to the left', () => {
    const fig = tornadoChart(steps, { maxShareChanged: 0.1 });
    const ticks = texts(fig, 'g[aria-label="y-axis tick label"] text');
    expect(ticks).toEqual(['cts_pct', 'revenue']);
    const bars = [...fig.querySelectorAll('g.tb-tornado-bars rect')];
    expect(bars).toHaveLength(8);
    const titles = texts(fig, 'g.tb-tornado-bars title');
    expect(titles).toContain('cts_pct −20%: 30.0% changed');
    // the -20% bar of cts_pct reaches left of the zero rule, the +20% bar right of it
    const x = (title: string) => {
      const bar = bars[titles.indexOf(title)];
      return Number(bar.getAttribute('x'));
    };
    expect(x('cts_pct −20%: 30.0% changed')).toBeLessThan(x('cts_pct +20%: 5.0% changed'));
    expect(fig.querySelectorAll('g.tb-tornado-limit line')).toHaveLength(2);
    // without a limit (the thresholds are judged elsewhere, and can change after the run) no rules
    expect(tornadoChart(steps).querySelectorAll('g.tb-tornado-limit line')).toHaveLength(0);
  });

  it('draws the longest bar first, so a larger step that moved fewer customers stays visible on top', () => {
    const fig = tornadoChart([
      { feature: 'x', change: -0.1, shareChanged: 0.3 },
      { feature: 'x', change: -0.2, shareChanged: 0.1 },
    ]);
    const titles = [...fig.querySelectorAll('g.tb-tornado-bars rect')].map((r) => r.querySelector('title')?.textContent);
    expect(titles).toEqual(['x −10%: 30.0% changed', 'x −20%: 10.0% changed']);
  });

  it('says what to do when nothing ran', () => {
    expect(tornadoChart([]).textContent).toContain('run the weight sensitivity');
  });
});

describe('confidenceHistogram', () => {
  it('draws one panel per cluster and leaves out customers never drawn', () => {
    const confidence = [1, 1, 0.95, 0.4, NaN, 1, 0.5, 0.55];
    const labels = [0, 0, 0, 0, 0, 1, 1, -1];
    const fig = confidenceHistogram({ confidence, labels });
    const fills = new Set([...fig.querySelectorAll('g.tb-confidence-bins rect')].map((r) => r.getAttribute('fill')));
    expect(fills).toEqual(new Set([clusterColor(0), clusterColor(1), clusterColor(-1)]));
    expect(texts(fig, 'g[aria-label="fy-axis tick label"] text')).toEqual(['Cluster 1', 'Cluster 2', 'Noise']);
    expect(confidenceHistogram({ confidence: [NaN], labels: [0] }).textContent).toContain('run the bootstrap');
  });
});
