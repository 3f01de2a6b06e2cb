// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { clusterSizeBar } from '../../src/ui/charts/cluster-size-bar.ts';
import { clusterColor, clusterSizes } from '../../src/ui/charts/palette.ts';
import { pcaScatter } from '../../src/ui/charts/pca-scatter.ts';
import { stratifiedSample } from '../../src/ui/charts/sample.ts';
import { blobs } from './scatter-data.ts';

/** Serialises an element with every number rounded to 3 decimals, for stable snapshots. */
function rounded(el: Element): string {
  return el.outerHTML
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/-?\d+\.\d+/g, (m) => String(Math.round(Number(m) * 1000) / 1000));
}

const circles = (fig: Element) => [...fig.querySelectorAll('svg circle')];

describe('pcaScatter', () => {
  it('draws one circle per customer with a fixed colour per cluster', () => {
    const fig = pcaScatter(blobs(300), { width: 500, height: 300 });
    expect(fig.tagName.toLowerCase()).toBe('figure');
    const dots = circles(fig);
    expect(dots).toHaveLength(300);
    expect(new Set(dots.map((c) => c.getAttribute('fill'))).size).toBe(3);
    expect(new Set(dots.map((c) => c.getAttribute('data-cluster')))).toEqual(new Set(['0', '1', '2']));
    expect(fig.querySelectorAll('g.tb-cluster-1 circle')).toHaveLength(100);
    expect(dots.find((c) => c.getAttribute('data-cluster') === '2')?.getAttribute('fill')).toBe(
      clusterColor(2),
    );
  });

  it('labels the axes with explained variance and shows a legend', () => {
    const fig = pcaScatter(blobs(30), {});
    const labels = [...fig.querySelectorAll('g[aria-label$="axis label"] text')].map((t) => t.textContent);
    expect(labels.sort()).toEqual(['PC1 (41.2%)', 'PC2 (20.0%)']);
    const legend = [...fig.querySelectorAll('[class$="-swatch"]')].map((s) => s.textContent);
    expect(legend).toEqual(['Cluster 1', 'Cluster 2', 'Cluster 3']);
    expect(fig.querySelector('figcaption')?.textContent).toBe('30 customers in 3 clusters.');
  });

  it('keeps a cluster colour when other clusters disappear', () => {
    const data = blobs(30);
    const only2 = { ...data, labels: Int32Array.from(data.labels, (l) => (l === 1 ? 0 : l)), centroids: [] };
    const fill2 = (fig: Element) => fig.querySelector('circle[data-cluster="2"]')?.getAttribute('fill');
    expect(fill2(pcaScatter(only2))).toBe(fill2(pcaScatter(data)));
  });

  it('draws centroids and loading arrows with labels', () => {
    const fig = pcaScatter(blobs(60));
    expect(fig.querySelectorAll('g.tb-centroids path')).toHaveLength(3);
    expect(fig.querySelectorAll('g.tb-loadings path')).toHaveLength(2);
    expect([...fig.querySelectorAll('g.tb-loading-labels text')].map((t) => t.textContent)).toEqual([
      'margin',
      'cts',
    ]);
  });

  it('samples 50,000 points down to 5,000, keeps every cluster and says so', () => {
    const fig = pcaScatter(blobs(50_000), { width: 600, height: 400 });
    expect(circles(fig)).toHaveLength(5000);
    expect(fig.querySelectorAll('g.tb-centroids path')).toHaveLength(3);
    expect(fig.querySelector('figcaption')?.textContent).toBe(
      'Showing 5,000 of 50,000 customers (a stratified sample by cluster); all 3 centroids shown.',
    );
  });

  it('rejects mismatched arrays with a message naming them', () => {
    expect(() => pcaScatter({ x: [1, 2], y: [1], labels: [0, 0], explained: [0.5, 0.5] })).toThrow(
      'invalid pcaScatter data: y has 1 values but labels has 2',
    );
  });

  it('matches its snapshot (numbers rounded to 3 decimals)', () => {
    const fig = pcaScatter(blobs(9), { width: 320, height: 240 });
    expect(rounded(fig)).toMatchSnapshot();
  });
});

describe('stratifiedSample', () => {
  it('is deterministic, proportional and keeps tiny clusters', () => {
    const labels = new Int32Array(10_000).map((_, i) => (i < 9_990 ? i % 2 : 2));
    const a = stratifiedSample(labels, 1000);
    expect([...a]).toEqual([...stratifiedSample(labels, 1000)]);
    expect(a.length).toBe(1000);
    const sizes = clusterSizes([...a].map((i) => labels[i]));
    expect(sizes).toEqual([
      { cluster: 0, count: 500 },
      { cluster: 1, count: 499 },
      { cluster: 2, count: 1 },
    ]);
    expect([...a]).toEqual([...a].sort((x, y) => x - y));
  });
});

describe('clusterSizeBar', () => {
  it('draws one bar per cluster in the cluster colours with counts and shares', () => {
    const fig = clusterSizeBar(clusterSizes([0, 0, 1, 2, 2, 2]), { width: 400 });
    const bars = [...fig.querySelectorAll('g.tb-size-bars rect')];
    expect(bars.map((b) => b.getAttribute('fill'))).toEqual([
      clusterColor(0),
      clusterColor(1),
      clusterColor(2),
    ]);
    expect([...fig.querySelectorAll('text')].map((t) => t.textContent)).toEqual(
      expect.arrayContaining(['Cluster 1', '2 (33.3%)', '3 (50.0%)']),
    );
  });
});

describe('tb-plot', () => {
  it('mounts a chart and replaces it with the next one', async () => {
    await import('../../src/ui/tb-plot.ts');
    const el = document.createElement('tb-plot');
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.empty')?.textContent).toBe('No chart yet.');
    const first = pcaScatter(blobs(30));
    el.figure = first;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('figure')).toHaveLength(1);
    expect(el.shadowRoot!.querySelectorAll('circle')).toHaveLength(30);
    el.figure = clusterSizeBar(clusterSizes([0, 1, 1]));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('svg circle')).toHaveLength(0);
    expect(el.shadowRoot!.querySelectorAll('g.tb-size-bars rect')).toHaveLength(2);
    expect(first.isConnected).toBe(false);
    el.remove();
  });
});
