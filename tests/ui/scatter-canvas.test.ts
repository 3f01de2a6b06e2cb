// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pcaScatter } from '../../src/ui/charts/pca-scatter.ts';
import { blobs } from './scatter-data.ts';
import { drawDots, type DotsContext } from '../../src/ui/charts/scatter-canvas.ts';
import { clusterColor } from '../../src/ui/charts/palette.ts';

/** A 2D context that records what is drawn (jsdom has no canvas). */
function recorder() {
  const arcs: { x: number; y: number; r: number; fill: string; alpha: number }[] = [];
  let pending: { x: number; y: number; r: number } | null = null;
  const context: DotsContext & { transform: number[] } = {
    fillStyle: '#000',
    globalAlpha: 1,
    transform: [],
    setTransform(...args: number[]) {
      this.transform = args;
    },
    clearRect() {},
    beginPath() {
      pending = null;
    },
    arc(x: number, y: number, r: number) {
      pending = { x, y, r };
    },
    fill() {
      if (pending) arcs.push({ ...pending, fill: String(this.fillStyle), alpha: this.globalAlpha });
    },
  } as DotsContext & { transform: number[] };
  return { context, arcs };
}

/** Cluster 0 largest, then 1, then 2. */
const unequal = (n: number) => blobs(n, (i) => (i % 3 === 2 && i % 9 !== 2 ? 0 : i % 3));

afterEach(() => vi.restoreAllMocks());

describe('drawDots', () => {
  it('maps data to pixels linearly and fills one circle per point, layer by layer', () => {
    const { context, arcs } = recorder();
    drawDots(
      context,
      {
        x: [0, 5, 10],
        y: [0, 5, 10],
        layers: [
          { cluster: 1, colour: '#111111', points: [0, 2] },
          { cluster: 0, colour: '#222222', points: [1] },
        ],
        // x: 0..10 -> 40..616 px; y: 0..10 -> 410..20 px (upwards)
        xScale: { domain: [0, 10], range: [40, 616] },
        yScale: { domain: [0, 10], range: [410, 20] },
        radius: 2.5,
        opacity: 0.7,
      },
      640,
      440,
      2,
    );
    expect(context.transform).toEqual([2, 0, 0, 2, 0, 0]);
    expect(arcs).toEqual([
      { x: 40, y: 410, r: 2.5, fill: '#111111', alpha: 0.7 },
      { x: 616, y: 20, r: 2.5, fill: '#111111', alpha: 0.7 },
      { x: 328, y: 215, r: 2.5, fill: '#222222', alpha: 0.7 },
    ]);
    expect(context.globalAlpha).toBe(1);
  });
});

describe('pcaScatter on a canvas', () => {
  it('keeps the SVG frame, legend and caption, draws the dots on the canvas and the centroids above', () => {
    const { context, arcs } = recorder();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as unknown as CanvasRenderingContext2D);
    const data = unequal(3000);
    const fig = pcaScatter(data, { width: 600, height: 400, maxPoints: 2500, render: 'canvas' });
    expect(fig.tagName.toLowerCase()).toBe('figure');
    // No dot is an SVG circle; the canvas drew the 2,500 sampled points.
    expect(fig.querySelectorAll('circle')).toHaveLength(0);
    const canvas = fig.querySelector('canvas.tb-scatter-dots') as HTMLCanvasElement;
    const counts = JSON.parse(canvas.dataset.counts ?? '{}') as Record<string, number>;
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(2500);
    expect(arcs).toHaveLength(2500);
    // Largest cluster first, so smaller clusters are drawn on top; each in its colour.
    const order = [...new Set(arcs.map((a) => a.fill))];
    expect(order).toEqual([clusterColor(0), clusterColor(1), clusterColor(2)]);
    expect(fig.querySelector('figcaption')?.textContent).toBe(
      'Showing 2,500 of 3,000 customers (a stratified sample by cluster); all 3 centroids shown.',
    );
    const labels = [...fig.querySelectorAll('g[aria-label$="axis label"] text')].map((t) => t.textContent);
    expect(labels.sort()).toEqual(['PC1 (41.2%)', 'PC2 (20.0%)']);
    expect([...fig.querySelectorAll('[class$="-swatch"]')].map((s) => s.textContent)).toEqual(['Cluster 1', 'Cluster 2', 'Cluster 3']);
    // Layers in order: frame SVG, canvas, overlay SVG with centroids, arrows and labels.
    const box = fig.querySelector('.tb-scatter-layers') as HTMLElement;
    expect([...box.children].map((c) => c.tagName.toLowerCase())).toEqual(['svg', 'canvas', 'svg']);
    const overlay = box.children[2];
    expect(overlay.querySelectorAll('g.tb-centroids path')).toHaveLength(3);
    expect(overlay.querySelectorAll('g.tb-loadings path')).toHaveLength(2);
    expect(box.children[0].querySelectorAll('g.tb-centroids')).toHaveLength(0);
  });

  it('puts the centroids of the overlay where the frame scales put them, and the dots too', () => {
    const { context, arcs } = recorder();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as unknown as CanvasRenderingContext2D);
    const data = unequal(1200);
    const fig = pcaScatter(data, { width: 500, height: 300, render: 'canvas' }) as HTMLElement & { scale(name: string): { apply(v: number): number } };
    const x = fig.scale('x');
    const y = fig.scale('y');
    const diamonds = [...fig.querySelectorAll('.tb-scatter-layers > svg:last-child g.tb-centroids path')];
    diamonds.forEach((path, c) => {
      const [, tx, ty] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(path.getAttribute('transform') ?? '') ?? [];
      expect(Number(tx)).toBeCloseTo(x.apply(data.centroids![c].x), 6);
      expect(Number(ty)).toBeCloseTo(y.apply(data.centroids![c].y), 6);
    });
    const first = arcs.find((a) => a.fill === clusterColor(1))!;
    const i = [...data.labels].indexOf(1);
    expect(first.x).toBeCloseTo(x.apply(data.x[i]), 9);
    expect(first.y).toBeCloseTo(y.apply(data.y[i]), 9);
  });

  it('stays SVG in a document without a canvas (reports, Node) unless asked', () => {
    const fig = pcaScatter(unequal(3000), { width: 600, height: 400, maxPoints: 2500 });
    expect(fig.querySelectorAll('canvas')).toHaveLength(0);
    expect(fig.querySelectorAll('circle[data-cluster]')).toHaveLength(2500);
  });
});
