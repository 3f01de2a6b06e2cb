import * as Plot from '@observablehq/plot';
import { formatCount, formatNumber, formatPercent } from '../format.ts';
import { clusterColorScale, clusterName } from './palette.ts';
import { colourSlots } from './colour-memory.ts';
import { stratifiedSample } from './sample.ts';
import { canvasSupported, drawDots, stackLayers } from './scatter-canvas.ts';

/** What the PCA scatter draws: one point per customer, in PC1/PC2 coordinates. */
export interface PcaScatterData {
  readonly x: Float64Array | readonly number[];
  readonly y: Float64Array | readonly number[];
  /** Cluster id per point (0-based; negative = noise). */
  readonly labels: Int32Array | readonly number[];
  /** Customer ids, shown in the tooltip when given. */
  readonly ids?: readonly string[];
  /** Cluster centres in the same PC coordinates; always drawn, whatever the sampling. */
  readonly centroids?: readonly { readonly x: number; readonly y: number; readonly label: number }[];
  /** Feature loadings on PC1/PC2, drawn as arrows from the origin (a biplot). */
  readonly loadings?: readonly { readonly feature: string; readonly x: number; readonly y: number }[];
  /** Share of variance explained by PC1 and PC2, as fractions (0.412 = 41.2%). */
  readonly explained: readonly [number, number];
}

export interface PcaScatterOptions {
  /** In CSS pixels (default 640). */
  readonly width?: number;
  /** In CSS pixels (default 440). */
  readonly height?: number;
  /** The document to build in; required outside a browser (e.g. a jsdom window's document). */
  readonly document?: Document;
  /** Above this many points a stratified sample is drawn (default 5,000). */
  readonly maxPoints?: number;
  /**
   * The view's memory (`ViewContext.memory`): with it, clusters keep the colours of the customers
   * they mostly hold from the previous drawing; without it a cluster's colour is fixed by its id.
   */
  readonly memory?: Record<string, unknown>;
  /**
   * `auto` (default): a canvas for the dots in a browser above `CANVAS_ABOVE` points, else SVG;
   * `svg`: every dot an SVG circle (reports, snapshots); `canvas`: always the canvas.
   */
  readonly render?: 'auto' | 'svg' | 'canvas';
  /** Fixed axis ranges (small multiples on shared axes); default: fitted to the points. */
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  /** Display names by label (e.g. tier names best first); default "Cluster <id + 1>". */
  readonly names?: readonly string[];
  /** Presentation look (projector): larger dots and type. Default false. */
  readonly presentation?: boolean;
}

interface Point {
  readonly x: number;
  readonly y: number;
  readonly cluster: number;
  readonly name: string;
  readonly id?: string;
}

/** Each cluster's dots are one mark with this class, so tests and styles can find them. */
export function clusterClass(id: number): string {
  return id < 0 ? 'tb-cluster-noise' : `tb-cluster-${id}`;
}

function checkLengths(data: PcaScatterData): void {
  const n = data.labels.length;
  for (const [name, arr] of [
    ['x', data.x],
    ['y', data.y],
    ...(data.ids ? [['ids', data.ids]] : []),
  ] as const) {
    if (arr.length !== n)
      throw new Error(`invalid pcaScatter data: ${name} has ${arr.length} values but labels has ${n}`);
  }
}

/** The radius holding 95% of the points: arrows scaled to it stay inside the cloud despite outliers. */
function cloudRadius(points: readonly Point[]): number {
  if (points.length === 0) return 1;
  const radii = points.map((p) => Math.hypot(p.x, p.y)).sort((a, b) => a - b);
  return radii[Math.min(radii.length - 1, Math.floor(radii.length * 0.95))] || 1;
}

/** Above this many points drawn, the browser gets the canvas version (see `render`). */
export const CANVAS_ABOVE = 1000;

/** Plot's default margins for a left y axis and a bottom x axis (right widened for labels), fixed so layers align. */
const MARGINS = { marginTop: 20, marginRight: 24, marginBottom: 30, marginLeft: 40 } as const;
const DOT_RADIUS = 2.5;
const DOT_OPACITY = 0.7;

/** The smallest and largest of several lists of numbers. */
function extent(...lists: ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

/**
 * PC1/PC2 scatter of customers coloured by cluster (colours kept steady through `memory`), with centroid
 * markers, optional loading arrows, a legend and a caption. Large inputs draw a stratified sample
 * and say so in the caption. Returns Plot's `<figure>`. In a browser, more than `CANVAS_ABOVE`
 * dots are drawn on a canvas between the SVG frame (axes, grid, legend) and the SVG marks on top
 * (centroids, arrows, tooltip): the same look, a fraction of the repaint time. Without a canvas
 * (Node, jsdom, `render: 'svg'`) every dot is an SVG circle, for reports and snapshots.
 */
export function pcaScatter(
  data: PcaScatterData,
  options: PcaScatterOptions = {},
): SVGSVGElement | HTMLElement {
  checkLengths(data);
  const { width = 640, height = 440, document, maxPoints = 5000, memory, render = 'auto', xDomain: fixedX, yDomain: fixedY, presentation = false, names } = options;
  const nameOf = (id: number): string => (id >= 0 && names?.[id] !== undefined ? names[id] : clusterName(id));
  const n = data.labels.length;
  const picked = stratifiedSample(data.labels, maxPoints);
  const byCluster = new Map<number, Point[]>();
  const indices = new Map<number, number[]>();
  const all: Point[] = [];
  for (const i of picked) {
    const cluster = data.labels[i];
    const point: Point = {
      x: data.x[i],
      y: data.y[i],
      cluster,
      name: nameOf(cluster),
      id: data.ids?.[i],
    };
    all.push(point);
    const list = byCluster.get(cluster);
    if (list) {
      list.push(point);
      indices.get(cluster)?.push(i);
    } else {
      byCluster.set(cluster, [point]);
      indices.set(cluster, [i]);
    }
  }
  const centroids = data.centroids ?? [];
  const ids = [...byCluster.keys(), ...centroids.map((c) => c.label)];
  const color = clusterColorScale(ids, colourSlots(memory, data.ids, data.labels));
  // The scale's domain lists ids ascending (as clusterColorScale does), by display name.
  const colourDomain = names ? [...new Set(ids)].sort((a, b) => a - b).map(nameOf) : color.domain;

  // Biggest clusters first, so small ones are drawn on top and stay visible.
  const layers = [...byCluster].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
  const onTop = topMarks(data, centroids, all, nameOf);
  const rules = [Plot.ruleX([0], { stroke: '#d0d4da' }), Plot.ruleY([0], { stroke: '#d0d4da' })];

  const sampled = picked.length < n;
  const k = color.domain.length;
  const caption = sampled
    ? `Showing ${formatCount(picked.length)} of ${formatCount(n)} customers (a stratified sample by cluster); all ${formatCount(centroids.length)} centroids shown.`
    : `${formatCount(n)} customers in ${formatCount(k)} ${k === 1 ? 'cluster' : 'clusters'}.`;
  // Presentation (projector) type needs room at the axes; the canvas overlay uses the same margins.
  const margins = presentation ? { ...MARGINS, marginLeft: 64, marginBottom: 48 } : MARGINS;
  const frame = {
    document,
    width,
    height,
    ...margins,
    grid: true,
    ariaLabel: 'PCA scatter of customers coloured by cluster',
    ariaDescription: caption,
    caption,
    color: { type: 'categorical', domain: colourDomain, range: color.range, legend: true },
    // Presentation (projector): larger type.
    ...(presentation ? { style: { fontSize: '18px' } } : {}),
  } as const;
  const radius = presentation ? 4 : DOT_RADIUS;
  const xLabel = `PC1 (${formatPercent(data.explained[0])})`;
  const yLabel = `PC2 (${formatPercent(data.explained[1])})`;

  const doc = document ?? globalThis.document;
  const canvas = render === 'canvas' || (render === 'auto' && picked.length > CANVAS_ABOVE && doc !== undefined && canvasSupported(doc));
  if (!canvas) {
    const dots = layers.map(([cluster, points]) =>
      Plot.dot(points, {
        x: 'x',
        y: 'y',
        r: radius,
        fill: () => nameOf(cluster),
        fillOpacity: DOT_OPACITY,
        className: `tb-dots ${clusterClass(cluster)}`,
        ariaLabel: (p: Point) => p.name,
      }),
    );
    const figure = Plot.plot({
      ...frame,
      x: { label: xLabel, labelArrow: 'none', nice: true, ...(fixedX ? { domain: [...fixedX] } : {}) },
      y: { label: yLabel, labelArrow: 'none', nice: true, ...(fixedY ? { domain: [...fixedY] } : {}) },
      marks: [...rules, ...dots, ...onTop],
    });
    // A plain attribute per dot lets tests and styles count clusters without knowing Plot's DOM.
    for (const cluster of byCluster.keys()) {
      for (const circle of figure.querySelectorAll(`g.${clusterClass(cluster)} circle`)) {
        circle.setAttribute('data-cluster', String(cluster));
      }
    }
    return figure;
  }

  // The domain every layer shares: what Plot would take from all the marks of the SVG version.
  const tips = loadingTips(data.loadings ?? [], all);
  const xDomain = fixedX ? [...fixedX] : extent([0], all.map((p) => p.x), centroids.map((c) => c.x), tips.map((t) => t.x));
  const yDomain = fixedY ? [...fixedY] : extent([0], all.map((p) => p.y), centroids.map((c) => c.y), tips.map((t) => t.y));
  const figure = Plot.plot({
    ...frame,
    x: { label: xLabel, labelArrow: 'none', nice: true, domain: xDomain },
    y: { label: yLabel, labelArrow: 'none', nice: true, domain: yDomain },
    marks: rules,
  });
  const xScale = figure.scale('x');
  const yScale = figure.scale('y');
  const overlay = Plot.plot({
    document,
    width,
    height,
    ...margins,
    x: { domain: xScale?.domain, axis: null },
    y: { domain: yScale?.domain, axis: null },
    color: { type: 'categorical', domain: colourDomain, range: color.range },
    marks: onTop,
  });
  const svg = [...figure.children].find((c): c is SVGSVGElement => c.tagName.toLowerCase() === 'svg');
  if (!svg || !xScale?.range || !yScale?.range) return figure;
  const layer = stackLayers(figure, svg, overlay as unknown as SVGSVGElement, width, height);
  const colourOf = new Map(colourDomain.map((name, i) => [name, color.range[i]]));
  const counts: Record<string, number> = {};
  const dotLayers = layers.map(([cluster]) => {
    const points = indices.get(cluster) ?? [];
    counts[cluster] = points.length;
    return { cluster, colour: colourOf.get(nameOf(cluster)) ?? '#000', points };
  });
  // What was drawn, for tests: the canvas keeps no shapes to count.
  layer.dataset.counts = JSON.stringify(counts);
  const context = layer.getContext('2d');
  if (context) {
    const pixelScale = (s: { domain?: unknown; range?: unknown }) => ({
      domain: s.domain as [number, number],
      range: s.range as [number, number],
    });
    drawDots(
      context,
      { x: data.x, y: data.y, layers: dotLayers, xScale: pixelScale(xScale), yScale: pixelScale(yScale), radius, opacity: DOT_OPACITY },
      width,
      height,
      layer.width / width,
    );
  }
  return figure;
}

/** Loading arrow tips scaled so the longest reaches 90% of the radius holding 95% of the points. */
function loadingTips(loadings: NonNullable<PcaScatterData['loadings']>, points: readonly Point[]) {
  if (loadings.length === 0) return [];
  const longest = Math.max(...loadings.map((l) => Math.hypot(l.x, l.y))) || 1;
  const scale = (0.9 * cloudRadius(points)) / longest;
  return loadings.map((l) => ({ feature: l.feature, x: l.x * scale, y: l.y * scale }));
}

/** The marks drawn above the dots: centroids, loading arrows with their labels, the tooltip. */
function topMarks(data: PcaScatterData, centroids: NonNullable<PcaScatterData['centroids']>, all: readonly Point[], nameOf: (id: number) => string): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  if (centroids.length > 0) {
    marks.push(
      Plot.dot(centroids, {
        x: 'x',
        y: 'y',
        symbol: 'diamond',
        r: 7,
        fill: (c: { label: number }) => nameOf(c.label),
        stroke: '#1d2530',
        strokeWidth: 1.5,
        className: 'tb-centroids',
        ariaLabel: (c: { label: number }) => `${nameOf(c.label)} centre`,
      }),
    );
  }
  const tips = loadingTips(data.loadings ?? [], all);
  if (tips.length > 0) {
    marks.push(
      Plot.arrow(tips, {
        x1: 0,
        y1: 0,
        x2: 'x',
        y2: 'y',
        stroke: '#3a4452',
        strokeWidth: 1.25,
        className: 'tb-loadings',
      }),
      // Labels sit beyond each arrow tip, anchored away from the origin so they do not cover the arrow.
      ...(['start', 'end'] as const).map((anchor) =>
        Plot.text(
          tips.filter((t) => (anchor === 'start') === t.x >= 0),
          {
            x: 'x',
            y: 'y',
            text: 'feature',
            dx: anchor === 'start' ? 5 : -5,
            dy: -4,
            textAnchor: anchor,
            fill: '#1d2530',
            stroke: 'white',
            strokeWidth: 3,
            className: 'tb-loading-labels',
          },
        ),
      ),
    );
  }
  marks.push(
    Plot.tip(
      all,
      Plot.pointer({
        x: 'x',
        y: 'y',
        title: (p: Point) =>
          [p.id ? `Customer ${p.id}` : null, p.name, `PC1 ${formatNumber(p.x)}`, `PC2 ${formatNumber(p.y)}`]
            .filter(Boolean)
            .join('\n'),
      }),
    ),
  );
  return marks;
}
