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

/**
 * PC1/PC2 scatter of customers coloured by cluster (colours kept steady through `memory`), with centroid
 * markers, optional loading arrows, a legend and a caption. Large inputs draw a stratified sample
 * and say so in the caption. Returns Plot's `<figure>`.
 */
export function pcaScatter(
  data: PcaScatterData,
  options: PcaScatterOptions = {},
): SVGSVGElement | HTMLElement {
  checkLengths(data);
  const { width = 640, height = 440, document, maxPoints = 5000, memory, xDomain, yDomain, presentation = false, names } = options;
  const nameOf = (id: number): string => (id >= 0 && names?.[id] !== undefined ? names[id] : clusterName(id));
  const n = data.labels.length;
  const picked = stratifiedSample(data.labels, maxPoints);
  const byCluster = new Map<number, Point[]>();
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
    if (list) list.push(point);
    else byCluster.set(cluster, [point]);
  }
  const centroids = data.centroids ?? [];
  const ids = [...byCluster.keys(), ...centroids.map((c) => c.label)];
  const color = clusterColorScale(ids, colourSlots(memory, data.ids, data.labels));

  // Biggest clusters first, so small ones are drawn on top and stay visible.
  const layers = [...byCluster].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
  const dots = layers.map(([cluster, points]) =>
    Plot.dot(points, {
      x: 'x',
      y: 'y',
      r: presentation ? 4 : 2.5,
      fill: () => nameOf(cluster),
      fillOpacity: 0.7,
      className: `tb-dots ${clusterClass(cluster)}`,
      ariaLabel: (p: Point) => p.name,
    }),
  );

  const marks: Plot.Markish[] = [
    Plot.ruleX([0], { stroke: '#d0d4da' }),
    Plot.ruleY([0], { stroke: '#d0d4da' }),
    ...dots,
  ];

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

  const loadings = data.loadings ?? [];
  if (loadings.length > 0) {
    const longest = Math.max(...loadings.map((l) => Math.hypot(l.x, l.y))) || 1;
    const scale = (0.9 * cloudRadius(all)) / longest;
    const tips = loadings.map((l) => ({ feature: l.feature, x: l.x * scale, y: l.y * scale }));
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

  const sampled = picked.length < n;
  const k = color.domain.length;
  const caption = sampled
    ? `Showing ${formatCount(picked.length)} of ${formatCount(n)} customers (a stratified sample by cluster); all ${formatCount(centroids.length)} centroids shown.`
    : `${formatCount(n)} customers in ${formatCount(k)} ${k === 1 ? 'cluster' : 'clusters'}.`;

  const figure = Plot.plot({
    document,
    width,
    height,
    marginRight: 24,
    grid: true,
    ariaLabel: 'PCA scatter of customers coloured by cluster',
    ariaDescription: caption,
    caption,
    ...(presentation ? { style: { fontSize: '18px' }, marginLeft: 64, marginBottom: 48 } : {}),
    x: { label: `PC1 (${formatPercent(data.explained[0])})`, labelArrow: 'none', nice: true, ...(xDomain ? { domain: [...xDomain] } : {}) },
    y: { label: `PC2 (${formatPercent(data.explained[1])})`, labelArrow: 'none', nice: true, ...(yDomain ? { domain: [...yDomain] } : {}) },
    // The scale's domain lists ids ascending (as clusterColorScale does), by display name.
    color: { type: 'categorical', domain: names ? [...new Set(ids)].sort((a, b) => a - b).map(nameOf) : color.domain, range: color.range, legend: true },
    marks,
  });
  // A plain attribute per dot lets browser tests and styles count clusters without knowing Plot's DOM.
  for (const cluster of byCluster.keys()) {
    for (const circle of figure.querySelectorAll(`g.${clusterClass(cluster)} circle`)) {
      circle.setAttribute('data-cluster', String(cluster));
    }
  }
  return figure;
}
