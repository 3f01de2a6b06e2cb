// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pcaScatter, updatePcaScatter, type PcaScatterData } from '../../src/ui/charts/pca-scatter.ts';
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

/** A canvas scatter of `n` points drawn on a recording context, 500 x 300. */
function canvasFigure(n = 1200) {
  const { context, arcs } = recorder();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as unknown as CanvasRenderingContext2D);
  const data = unequal(n);
  const options = { width: 500, height: 300, render: 'canvas' } as const;
  return { data, options, arcs, fig: pcaScatter(data, options) as HTMLElement & { scale(name: string): { domain: number[] } } };
}

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

describe('updatePcaScatter', () => {
  /** The same points scaled by `f` and moved by (dx, dy), e.g. a drag step; the clusters unchanged. */
  const moved = (data: PcaScatterData, f: number, dx: number, dy: number): PcaScatterData => ({
    ...data,
    x: Float64Array.from(data.x, (v) => v * f + dx),
    y: Float64Array.from(data.y, (v) => v * f + dy),
    centroids: data.centroids?.map((c) => ({ ...c, x: c.x * f + dx, y: c.y * f + dy })),
    explained: [0.4, 0.3],
  });
  const diamonds = (fig: Element) => [...fig.querySelectorAll('.tb-scatter-layers > svg:last-child g.tb-centroids path')];
  const translation = (path: Element) => (/translate\(([-\d.]+),([-\d.]+)\)/.exec(path.getAttribute('transform') ?? '') ?? []).slice(1).map(Number);

  it('repaints the dots and moves the centroids in the same figure, canvas and axes', () => {
    const { context, arcs } = recorder();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as unknown as CanvasRenderingContext2D);
    const memory = {};
    const data = unequal(3000);
    const options = { width: 600, height: 400, maxPoints: 2500, render: 'canvas', memory } as const;
    const fig = pcaScatter(data, options) as HTMLElement & { scale(name: string): { apply(v: number): number } };
    const canvas = fig.querySelector('canvas');
    const frame = fig.querySelector('.tb-scatter-layers > svg');
    arcs.length = 0;
    // Drawn on [-2.5, 2.5] x [-1.5, 2.5]: 10% closer to the origin keeps those rounded axes.
    const next = moved(data, 0.9, 0, 0);
    expect(updatePcaScatter(fig, next, options)).toBe(true);
    // Same elements: nothing new for the page to lay out but the marks above the dots.
    expect(fig.querySelector('canvas')).toBe(canvas);
    expect(fig.querySelector('.tb-scatter-layers > svg')).toBe(frame);
    expect(arcs).toHaveLength(2500);
    const x = fig.scale('x');
    const y = fig.scale('y');
    const i = [...next.labels].indexOf(1);
    const dot = arcs.find((a) => a.fill === clusterColor(1))!;
    expect(dot.x).toBeCloseTo(x.apply(next.x[i]), 9);
    expect(dot.y).toBeCloseTo(y.apply(next.y[i]), 9);
    diamonds(fig).forEach((path, c) => {
      const [tx, ty] = translation(path);
      expect(tx).toBeCloseTo(x.apply(next.centroids![c].x), 6);
      expect(ty).toBeCloseTo(y.apply(next.centroids![c].y), 6);
    });
    const labels = [...fig.querySelectorAll('g[aria-label$="axis label"] text')].map((t) => t.textContent);
    expect(labels.sort()).toEqual(['PC1 (40.0%)', 'PC2 (30.0%)']);
    expect(fig.querySelectorAll('figcaption')).toHaveLength(1);
  });

  it('rebuilds the axes when the points outgrow them, as a new drawing would draw them', () => {
    const { data, options, fig } = canvasFigure();
    const frame = fig.querySelector('.tb-scatter-layers > svg');
    const next = moved(data, 1, 5, 3);
    expect(updatePcaScatter(fig, next, options)).toBe(true);
    expect(fig.querySelector('.tb-scatter-layers > svg')).not.toBe(frame);
    expect(fig.querySelectorAll('.tb-scatter-layers > svg')).toHaveLength(2);
    const fresh = pcaScatter(next, options) as typeof fig;
    expect(fig.scale('x').domain).toEqual(fresh.scale('x').domain);
    expect(fig.scale('y').domain).toEqual(fresh.scale('y').domain);
    const ticks = (f: Element) => [...f.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks(fig)).toEqual(ticks(fresh));
  });

  it('declines, changing nothing, when the figure would be another one', () => {
    const { data, options, fig } = canvasFigure();
    const before = fig.outerHTML;
    // Another size, an SVG drawing, a cluster more (another legend).
    expect(updatePcaScatter(fig, data, { ...options, width: 400 })).toBe(false);
    expect(updatePcaScatter(fig, data, { ...options, render: 'svg' })).toBe(false);
    expect(updatePcaScatter(fig, { ...data, labels: Int32Array.from(data.labels, (l, i) => (i === 0 ? 3 : l)) }, options)).toBe(false);
    expect(updatePcaScatter(pcaScatter(data, { ...options, render: 'svg' }), data, options)).toBe(false);
    expect(fig.outerHTML).toBe(before);
  });
});

describe('the marks above the canvas', () => {
  const numbers = (d: string | null) => (d ?? '').match(/-?\d+(\.\d+)?(e-?\d+)?/g)?.map(Number) ?? [];

  it('draw the centroid diamonds and loading arrows as Plot draws them in the SVG version', () => {
    const { context } = recorder();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as unknown as CanvasRenderingContext2D);
    const data = unequal(1200);
    const options = { width: 500, height: 300 } as const;
    const canvasFig = pcaScatter(data, { ...options, render: 'canvas' });
    const svgFig = pcaScatter(data, { ...options, render: 'svg' });
    const marks = canvasFig.querySelector('.tb-scatter-marks')!;
    for (const selector of ['g.tb-centroids path', 'g.tb-loadings path']) {
      const mine = [...marks.querySelectorAll(selector)];
      const plot = [...svgFig.querySelectorAll(selector)];
      expect(mine).toHaveLength(plot.length);
      // Plot writes 3 decimals.
      const close = (a: string | null, b: string | null) => expect(numbers(a)).toEqual(numbers(b).map((v) => expect.closeTo(v, 2)));
      mine.forEach((path, i) => {
        close(path.getAttribute('d'), plot[i].getAttribute('d'));
        close(path.getAttribute('transform'), plot[i].getAttribute('transform'));
      });
    }
    expect([...marks.querySelectorAll('g.tb-loading-labels text')].map((t) => [t.textContent, t.getAttribute('text-anchor')])).toEqual([
      ['margin', 'start'],
      ['cts', 'end'],
    ]);
  });

  it('build the tooltip when the pointer first moves over the chart, again after a redraw', () => {
    const { data, options, fig } = canvasFigure();
    const box = fig.querySelector('.tb-scatter-layers')!;
    expect(box.querySelector('.tb-scatter-tip')).toBeNull();
    box.dispatchEvent(new Event('pointermove', { bubbles: true }));
    const tip = box.querySelector('.tb-scatter-tip');
    expect(tip).not.toBeNull();
    expect(box.lastElementChild).toBe(tip);
    expect(updatePcaScatter(fig, data, options)).toBe(true);
    expect(box.querySelector('.tb-scatter-tip')).toBeNull();
    box.dispatchEvent(new Event('pointermove', { bubbles: true }));
    expect(box.querySelectorAll('.tb-scatter-tip')).toHaveLength(1);
  });
});
