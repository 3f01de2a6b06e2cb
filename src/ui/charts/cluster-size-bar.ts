import * as Plot from '@observablehq/plot';
import { formatCount } from '../format.ts';
import { clusterColorScale, clusterName } from './palette.ts';

export interface ClusterSizeBarOptions {
  /** In CSS pixels (default 640). */
  readonly width?: number;
  /** Default: 28 px per cluster plus axes. */
  readonly height?: number;
  readonly document?: Document;
}

/**
 * Horizontal bars of customers per cluster, in the clusters' fixed colours, each labelled with
 * its count and share. `sizes` as from `clusterSizes(labels)`.
 */
export function clusterSizeBar(
  sizes: readonly { readonly cluster: number; readonly count: number }[],
  options: ClusterSizeBarOptions = {},
): SVGSVGElement | HTMLElement {
  const total = sizes.reduce((s, d) => s + d.count, 0) || 1;
  const rows = [...sizes]
    .sort((a, b) => a.cluster - b.cluster)
    .map((d) => ({
      ...d,
      name: clusterName(d.cluster),
      text: `${formatCount(d.count)} (${((100 * d.count) / total).toFixed(1)}%)`,
    }));
  const color = clusterColorScale(rows.map((d) => d.cluster));
  const { width = 640, height = 28 * rows.length + 50, document } = options;
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 80,
    marginRight: 90,
    ariaLabel: 'Customers per cluster',
    x: { label: 'Customers', labelArrow: 'none', grid: true },
    y: { label: null, domain: rows.map((d) => d.name) },
    color: { type: 'categorical', domain: color.domain, range: color.range },
    marks: [
      Plot.barX(rows, { x: 'count', y: 'name', fill: 'name', className: 'tb-size-bars' }),
      Plot.text(rows, { x: 'count', y: 'name', text: 'text', dx: 6, textAnchor: 'start', fill: '#1d2530' }),
      Plot.ruleX([0]),
    ],
  });
}
