import * as Plot from '@observablehq/plot';
import type { EpsSuggestion } from '../../analytics/cluster/k-distance.ts';
import { formatCount, formatPercent } from '../format.ts';
import { chartMessage } from './k-metrics-chart.ts';

/** The sorted k-distance curve, as from `kDistance(m, k)`. */
export interface KDistancePlotData {
  /** Distance of every point to its k-th nearest neighbour, sorted ascending. */
  readonly distances: Float64Array;
  /** The neighbour rank the distances are for. */
  readonly k: number;
  /** The DBSCAN radius currently chosen, drawn as a horizontal rule. */
  readonly eps?: number;
  /** The eps the analytics suggest at the knee of the curve (`suggestEps`), marked and labelled. */
  readonly suggested?: EpsSuggestion | null;
}

export interface KDistancePlotOptions {
  /** In CSS pixels (default 640). */
  readonly width?: number;
  /** In CSS pixels (default 360). */
  readonly height?: number;
  readonly document?: Document;
  /** Above this many points the curve is thinned to about this many (default 2,000). */
  readonly maxPoints?: number;
}

interface Point {
  /** Rank of the point in the sorted curve, 0-based. */
  readonly i: number;
  readonly d: number;
}

/**
 * `count` indices spread evenly over `0…length-1`, always including the first and the last, in
 * ascending order; all indices when `count >= length`. Thinning a curve this way keeps its ends,
 * where the interesting bends of k-distance, whale and silhouette curves are.
 */
export function evenIndices(length: number, count: number): number[] {
  if (count >= length) return Array.from({ length }, (_, i) => i);
  if (count <= 0) return [];
  if (count === 1) return [0];
  const picked: number[] = [];
  for (let j = 0; j < count; j++) picked.push(Math.round((j * (length - 1)) / (count - 1)));
  return picked;
}

const significant = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/** Distances span units from 0.001 to 10,000: three significant digits, whole numbers from 100. */
function formatDistance(d: number): string {
  return Math.abs(d) >= 100 ? formatCount(d) : significant.format(d);
}

/**
 * The sorted k-distance curve for choosing DBSCAN's eps: the suggested eps (computed by the
 * analytics, `suggestEps`) is marked and labelled; the current eps is a labelled horizontal rule.
 * Long curves are thinned to about `maxPoints` points, keeping both ends.
 */
export function kDistancePlot(
  data: KDistancePlotData,
  options: KDistancePlotOptions = {},
): SVGSVGElement | HTMLElement {
  const { distances, k, eps, suggested } = data;
  const { width = 640, height = 360, document, maxPoints = 2000 } = options;
  const n = distances.length;
  if (n === 0) return chartMessage('No k-distances to show: there are no points.', document);

  const points: Point[] = evenIndices(n, maxPoints).map((i) => ({ i, d: distances[i] }));
  const knee: Point | null = suggested ? { i: suggested.rank, d: suggested.eps } : null;
  const label = knee ? `suggested eps ≈ ${formatDistance(knee.d)}` : '';

  const parts = [
    `Distance from each of ${formatCount(n)} points to its ${ordinal(k)} nearest neighbour, sorted.`,
  ];
  if (knee) parts.push(`The curve bends at ${formatDistance(knee.d)}: a suggested eps.`);
  if (eps !== undefined) {
    const above = n - upperBound(distances, eps);
    parts.push(
      `At the current eps ${formatDistance(eps)}, ${formatCount(above)} points (${formatPercent(above / n)}) have their ${ordinal(k)} nearest neighbour farther away than that.`,
    );
  }
  if (points.length < n) parts.push(`The line is drawn through ${formatCount(points.length)} of the points.`);
  const caption = parts.join(' ');

  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: '#d0d4da' }),
    Plot.line(points, { x: 'i', y: 'd', stroke: '#4e79a7', strokeWidth: 1.5, className: 'tb-k-distance' }),
  ];
  if (eps !== undefined) {
    marks.push(
      Plot.ruleY([eps], { stroke: '#1d2530', strokeDasharray: '5,3', className: 'tb-eps' }),
      Plot.text([eps], {
        y: (d: number) => d,
        text: () => `eps = ${formatDistance(eps)}`,
        frameAnchor: 'left',
        textAnchor: 'start',
        dx: 4,
        dy: -7,
        fill: '#1d2530',
        stroke: 'white',
        strokeWidth: 3,
        className: 'tb-eps-label',
      }),
    );
  }
  if (knee) {
    marks.push(
      Plot.dot([knee], {
        x: 'i',
        y: 'd',
        r: 5,
        fill: '#e15759',
        stroke: 'white',
        strokeWidth: 1.5,
        className: 'tb-knee',
      }),
      Plot.text([knee], {
        x: 'i',
        y: 'd',
        text: () => label,
        textAnchor: 'end',
        dx: -8,
        dy: -8,
        fill: '#b8323a',
        fontWeight: 'bold',
        stroke: 'white',
        strokeWidth: 3,
        className: 'tb-knee-label',
      }),
    );
  }
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 52,
    marginRight: 16,
    ariaLabel: `Sorted ${ordinal(k)}-nearest-neighbour distances for choosing DBSCAN eps`,
    ariaDescription: caption,
    caption,
    x: { label: 'Points, sorted by k-distance', labelArrow: 'none', domain: [0, Math.max(1, n - 1)] },
    y: { label: `Distance to ${ordinal(k)} nearest neighbour`, labelArrow: 'none', grid: true, nice: true },
    marks,
  });
}

/** Count of sorted values <= x. */
function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function ordinal(k: number): string {
  const tens = k % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][k % 10] ?? 'th');
  return `${k}${suffix}`;
}
