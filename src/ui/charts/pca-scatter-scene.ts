import * as Plot from '@observablehq/plot';
import { formatCount, formatNumber, formatPercent } from '../format.ts';
import { clusterColorScale, clusterName } from './palette.ts';
import { colourSlots } from './colour-memory.ts';
import { stratifiedSample } from './sample.ts';

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

export interface Point {
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

/** Above this many points drawn, the browser gets the canvas version (see `render`). */
export const CANVAS_ABOVE = 1000;

/** Plot's default margins for a left y axis and a bottom x axis (right widened for labels), fixed so layers align. */
const MARGINS = { marginTop: 20, marginRight: 24, marginBottom: 30, marginLeft: 40 } as const;
export const DOT_RADIUS = 2.5;
export const DOT_OPACITY = 0.7;

/**
 * What one drawing of the scatter is made of, derived from the data and the options alike by the
 * first drawing and by an in-place update: the sampled points by cluster, the colours (kept steady
 * through `memory`), the caption, the axis labels and the marks drawn above the dots.
 */
export interface Scene {
  readonly n: number;
  /** The data's coordinates (all points; the layers index into them). */
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** Every sampled point, in index order. */
  readonly all: readonly Point[];
  /** Sampled points and their indices into the data, by cluster, biggest cluster first (drawn first, so small ones stay visible). */
  readonly layers: readonly { readonly cluster: number; readonly points: readonly Point[]; readonly indices: readonly number[] }[];
  readonly centroids: NonNullable<PcaScatterData['centroids']>;
  /** Loading arrow tips, scaled to the cloud. */
  readonly tips: readonly { readonly feature: string; readonly x: number; readonly y: number }[];
  /** The categorical colour scale by display name. */
  readonly colours: { readonly domain: readonly string[]; readonly range: readonly string[] };
  readonly nameOf: (id: number) => string;
  readonly caption: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly radius: number;
  /** Plot options every layer shares: size, margins, look. */
  readonly frame: Plot.PlotOptions & { width: number; height: number; marginLeft: number; marginRight: number; marginTop: number; marginBottom: number };
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

/** Loading arrow tips scaled so the longest reaches 90% of the radius holding 95% of the points. */
function loadingTips(loadings: NonNullable<PcaScatterData['loadings']>, points: readonly Point[]): Scene['tips'] {
  if (loadings.length === 0) return [];
  const longest = Math.max(...loadings.map((l) => Math.hypot(l.x, l.y))) || 1;
  const scale = (0.9 * cloudRadius(points)) / longest;
  return loadings.map((l) => ({ feature: l.feature, x: l.x * scale, y: l.y * scale }));
}

/** Validates the data and derives everything a drawing needs (see `Scene`); records the colours drawn in `memory`. */
export function scene(data: PcaScatterData, options: PcaScatterOptions): Scene {
  checkLengths(data);
  const { width = 640, height = 440, document, maxPoints = 5000, memory, presentation = false, names } = options;
  const nameOf = (id: number): string => (id >= 0 && names?.[id] !== undefined ? names[id] : clusterName(id));
  const n = data.labels.length;
  const picked = stratifiedSample(data.labels, maxPoints);
  const byCluster = new Map<number, { cluster: number; points: Point[]; indices: number[] }>();
  const all: Point[] = [];
  for (const i of picked) {
    const cluster = data.labels[i];
    const point: Point = { x: data.x[i], y: data.y[i], cluster, name: nameOf(cluster), id: data.ids?.[i] };
    all.push(point);
    const layer = byCluster.get(cluster);
    if (layer) {
      layer.points.push(point);
      layer.indices.push(i);
    } else byCluster.set(cluster, { cluster, points: [point], indices: [i] });
  }
  const centroids = data.centroids ?? [];
  const ids = [...byCluster.keys(), ...centroids.map((c) => c.label)];
  const color = clusterColorScale(ids, colourSlots(memory, data.ids, data.labels));
  // The scale's domain lists ids ascending (as clusterColorScale does), by display name.
  const domain = names ? [...new Set(ids)].sort((a, b) => a - b).map(nameOf) : color.domain;
  const layers = [...byCluster.values()].sort((a, b) => b.points.length - a.points.length || a.cluster - b.cluster);
  const k = color.domain.length;
  const caption =
    picked.length < n
      ? `Showing ${formatCount(picked.length)} of ${formatCount(n)} customers (a stratified sample by cluster); all ${formatCount(centroids.length)} centroids shown.`
      : `${formatCount(n)} customers in ${formatCount(k)} ${k === 1 ? 'cluster' : 'clusters'}.`;
  // Presentation (projector) type needs room at the axes; the canvas layers use the same margins.
  const margins = presentation ? { ...MARGINS, marginLeft: 64, marginBottom: 48 } : MARGINS;
  const tips = loadingTips(data.loadings ?? [], all);
  return {
    n,
    x: data.x,
    y: data.y,
    all,
    layers,
    centroids,
    tips,
    colours: { domain, range: color.range },
    nameOf,
    caption,
    xLabel: `PC1 (${formatPercent(data.explained[0])})`,
    yLabel: `PC2 (${formatPercent(data.explained[1])})`,
    radius: presentation ? 4 : DOT_RADIUS,
    frame: {
      document,
      width,
      height,
      ...margins,
      grid: true,
      ariaLabel: 'PCA scatter of customers coloured by cluster',
      ariaDescription: caption,
      // Presentation (projector): larger type.
      ...(presentation ? { style: { fontSize: '18px' } } : {}),
    },
  };
}

/** The grey rules through the origin, under everything. */
export const originRules = (): Plot.Markish[] => [Plot.ruleX([0], { stroke: '#d0d4da' }), Plot.ruleY([0], { stroke: '#d0d4da' })];

/** The marks drawn above the dots in the all-SVG version: centroids, loading arrows with their labels, the tooltip. */
export function topMarks(s: Scene): Plot.Markish[] {
  const { centroids, tips, nameOf } = s;
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
  marks.push(tipMark(s));
  return marks;
}

/** The tooltip of the point nearest the pointer: customer, cluster and coordinates. */
export function tipMark(s: Scene): Plot.Markish {
  return Plot.tip(
    s.all,
    Plot.pointer({
      x: 'x',
      y: 'y',
      title: (p: Point) =>
        [p.id ? `Customer ${p.id}` : null, p.name, `PC1 ${formatNumber(p.x)}`, `PC2 ${formatNumber(p.y)}`]
          .filter(Boolean)
          .join('\n'),
    }),
  );
}

/** Plot's colour options for the scene's clusters, with or without the legend. */
export function colourScale(s: Scene, legend: boolean): Plot.ScaleOptions {
  return { type: 'categorical', domain: [...s.colours.domain], range: [...s.colours.range], legend };
}
