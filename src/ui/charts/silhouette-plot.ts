import * as Plot from '@observablehq/plot';
import { formatCount, formatNumber, formatPercent } from '../format.ts';
import { evenIndices } from './k-distance-plot.ts';
import { chartMessage } from './k-metrics-chart.ts';
import { clusterColorScale, clusterName } from './palette.ts';
import { stratifiedSample } from './sample.ts';

/** Per-customer silhouette values, as from `silhouette()` or `sampledSilhouette()`. */
export interface SilhouettePlotData {
  /** Silhouette of each customer, in [-1, 1]. */
  readonly values: Float64Array;
  /** Cluster id of each customer (0-based); negative ids (noise) are left out. */
  readonly labels: Int32Array;
  /** Mean silhouette, drawn as a rule. */
  readonly mean: number;
  /** Customers the silhouette was computed on, when it was estimated from a sample of `total`. */
  readonly sampleSize?: number;
  /** Customers clustered, when the values are a sample of them. */
  readonly total?: number;
}

export interface SilhouettePlotOptions {
  /** In CSS pixels (default 640). */
  readonly width?: number;
  /** In CSS pixels (default 420). */
  readonly height?: number;
  readonly document?: Document;
  /** Above this many customers an even sample per cluster is drawn (default 3,000). */
  readonly maxBars?: number;
  /** Colour slot per cluster id, to match another chart's colours (`rememberedSlots`); default: by id. */
  readonly slots?: ReadonlyMap<number, number>;
}

interface Bar {
  readonly cluster: number;
  readonly name: string;
  readonly value: number;
  /** Vertical position: bars are stacked from the top, one unit each, with a gap between clusters. */
  readonly y: number;
}

/**
 * The classic silhouette plot: one horizontal bar per customer, sorted descending within each
 * cluster, clusters stacked top to bottom in their fixed colours, a dashed rule at the mean and a
 * rule at 0 so negative silhouettes (customers closer to another cluster) stand out. Above
 * `maxBars` customers, an even sample of each cluster's sorted values is drawn (the best and worst
 * value of every cluster are always kept) and the caption says so.
 */
export function silhouettePlot(
  data: SilhouettePlotData,
  options: SilhouettePlotOptions = {},
): SVGSVGElement | HTMLElement {
  const { values, labels, mean } = data;
  if (values.length !== labels.length)
    throw new Error(
      `invalid silhouettePlot data: values has ${values.length} entries but labels has ${labels.length}`,
    );
  const { width = 640, height = 420, document, maxBars = 3000 } = options;

  const members = new Map<number, number[]>();
  let noise = 0;
  for (let i = 0; i < values.length; i++) {
    if (labels[i] < 0 || !Number.isFinite(values[i])) {
      noise++;
      continue;
    }
    const list = members.get(labels[i]);
    if (list) list.push(values[i]);
    else members.set(labels[i], [values[i]]);
  }
  const n = values.length - noise;
  if (n === 0) return chartMessage('No silhouette values to show.', document);

  // How many bars each cluster gets: the same proportional apportionment as the scatter's sample.
  const clustered = labels.filter((l, i) => l >= 0 && Number.isFinite(values[i]));
  const quota = new Map<number, number>();
  for (const i of stratifiedSample(clustered, maxBars))
    quota.set(clustered[i], (quota.get(clustered[i]) ?? 0) + 1);

  const ids = [...members.keys()].sort((a, b) => a - b);
  const bars: Bar[] = [];
  const ticks: { y: number; text: string }[] = [];
  const gap = Math.max(1, Math.round(Math.min(n, maxBars) * 0.02));
  let y = 0;
  let negative = 0;
  for (const cluster of ids) {
    const sorted = members.get(cluster)!.sort((a, b) => b - a);
    negative += sorted.filter((v) => v < 0).length;
    const name = clusterName(cluster);
    const start = y;
    for (const j of evenIndices(sorted.length, quota.get(cluster) ?? sorted.length)) {
      bars.push({ cluster, name, value: sorted[j], y: y++ });
    }
    const clusterMean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
    ticks.push({ y: (start + y) / 2, text: `${name} (${formatNumber(clusterMean)})` });
    y += gap;
  }
  const color = clusterColorScale(ids, options.slots);
  const meanText = formatNumber(mean);

  const parts = [
    `Silhouette of ${formatCount(n)} customers in ${formatCount(ids.length)} ${ids.length === 1 ? 'cluster' : 'clusters'}, sorted within each cluster (cluster means in brackets); mean ${meanText}.`,
    negative > 0
      ? `${formatCount(negative)} ${negative === 1 ? 'customer' : 'customers'} (${formatPercent(negative / n)}) ${negative === 1 ? 'has' : 'have'} a negative silhouette: closer to another cluster than to their own.`
      : 'No customer has a negative silhouette.',
  ];
  if (bars.length < n)
    parts.push(`Showing ${formatCount(bars.length)} of ${formatCount(n)} bars (an even sample per cluster).`);
  if (data.sampleSize !== undefined && data.total !== undefined && data.sampleSize < data.total)
    parts.push(
      `Computed on a stratified sample of ${formatCount(data.sampleSize)} of ${formatCount(data.total)} customers.`,
    );
  if (noise > 0) parts.push(`${formatCount(noise)} noise points left out.`);
  const caption = parts.join(' ');

  const lo = Math.min(0, ...bars.map((b) => b.value));
  const byY = new Map(ticks.map((t) => [t.y, t.text]));
  return Plot.plot({
    document,
    width,
    height,
    marginTop: 28,
    marginLeft: 130,
    marginRight: 16,
    ariaLabel: 'Silhouette of each customer by cluster',
    ariaDescription: caption,
    caption,
    x: {
      label: 'Silhouette',
      labelArrow: 'none',
      domain: [Math.min(-0.2, Math.floor(lo * 5) / 5), 1],
      grid: true,
    },
    y: {
      label: null,
      reverse: true,
      domain: [0, y - gap],
      ticks: ticks.map((t) => t.y),
      tickFormat: (v: number) => byY.get(v) ?? '',
      tickSize: 0,
    },
    color: { type: 'categorical', domain: color.domain, range: color.range },
    marks: [
      Plot.rectX(bars, {
        x1: 0,
        x2: 'value',
        y1: 'y',
        y2: (b: Bar) => b.y + 1,
        fill: 'name',
        // Thousands of sub-pixel bars would otherwise blend into a washed-out colour at their seams.
        shapeRendering: 'crispEdges',
        className: 'tb-silhouette-bars',
      }),
      Plot.ruleX([0], { stroke: '#1d2530' }),
      Plot.ruleX([mean], { stroke: '#b8323a', strokeDasharray: '5,3', className: 'tb-silhouette-mean' }),
      Plot.text([mean], {
        x: (d: number) => d,
        text: () => `mean ${meanText}`,
        frameAnchor: 'top',
        dy: -10,
        fill: '#b8323a',
        className: 'tb-silhouette-mean-label',
      }),
    ],
  });
}
