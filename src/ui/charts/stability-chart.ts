import * as Plot from '@observablehq/plot';
import { BAND_FLOORS, STABILITY_BANDS, type StabilityBand } from '../../analytics/stability/bands.ts';
import { formatNumber } from '../format.ts';
import { chartMessage } from './k-metrics-chart.ts';
import { clusterColorScale, clusterName } from './palette.ts';

/** One cluster's bootstrap stability, as in `BootstrapResult.clusters` (and `noise`). */
export interface StabilityChartRow {
  /** Cluster id; -1 = noise. */
  readonly cluster: number;
  /** Mean Jaccard in [0, 1]; NaN or null when the cluster was never drawn. */
  readonly meanJaccard: number | null;
  readonly size: number;
}

export interface StabilityChartOptions {
  /** In CSS pixels (default 640). */
  readonly width?: number;
  /** Default: 30 px per cluster plus axes. */
  readonly height?: number;
  readonly document?: Document;
  /** Colour slot per cluster id (`rememberedSlots`), so the bars match the scatter's colours. */
  readonly slots?: ReadonlyMap<number, number>;
}

/** Background of each band, weakest first: red, amber, light green, green (light tints, so bars stay readable). */
const BAND_FILLS: Readonly<Record<StabilityBand, string>> = {
  unstable: '#fbe3e1',
  pattern: '#fdf0d5',
  stable: '#e3f1de',
  'highly-stable': '#cfe8c6',
};

const BAND_TITLES: Readonly<Record<StabilityBand, string>> = {
  unstable: 'do not trust',
  pattern: 'pattern',
  stable: 'stable',
  'highly-stable': 'highly stable',
};

/**
 * Mean bootstrap Jaccard per cluster as horizontal bars in the clusters' colours, over the
 * clusterboot bands drawn as shaded columns (below 0.6 do not trust; 0.6-0.75 pattern;
 * 0.75-0.85 stable; 0.85 and more highly stable), each bar labelled with its value.
 */
export function stabilityChart(rows: readonly StabilityChartRow[], options: StabilityChartOptions = {}): SVGSVGElement | HTMLElement {
  const { document } = options;
  const drawn = rows.filter((r) => r.meanJaccard !== null && Number.isFinite(r.meanJaccard));
  if (drawn.length === 0) return chartMessage('No bootstrap stability to show yet: run the bootstrap.', document);
  const data = [...drawn]
    .sort((a, b) => (a.cluster < 0 ? 1 : b.cluster < 0 ? -1 : a.cluster - b.cluster))
    .map((r) => ({ ...r, name: clusterName(r.cluster), text: formatNumber(Math.round((r.meanJaccard as number) * 1000) / 1000) }));
  const bands = STABILITY_BANDS.map((band, i) => ({
    band,
    x1: BAND_FLOORS[band],
    x2: i + 1 < STABILITY_BANDS.length ? BAND_FLOORS[STABILITY_BANDS[i + 1]] : 1,
    title: BAND_TITLES[band],
  }));
  const color = clusterColorScale(data.map((d) => d.cluster), options.slots);
  const { width = 640, height = 30 * data.length + 70 } = options;
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 80,
    marginRight: 40,
    marginTop: 30,
    ariaLabel: 'Mean bootstrap Jaccard per cluster, with stability bands',
    x: { domain: [0, 1], label: 'Mean Jaccard over bootstrap replicates', labelArrow: 'none', grid: false },
    y: { label: null, domain: data.map((d) => d.name) },
    color: { type: 'categorical', domain: color.domain, range: color.range },
    marks: [
      Plot.rectX(bands, { x1: 'x1', x2: 'x2', fill: (d) => BAND_FILLS[d.band as StabilityBand], className: 'tb-stability-band' }),
      Plot.text(bands, { x: (d) => (d.x1 + d.x2) / 2, text: 'title', frameAnchor: 'top', dy: -18, fill: '#4a5361' }),
      Plot.barX(data, { x: 'meanJaccard', y: 'name', fill: 'name', insetTop: 6, insetBottom: 6, className: 'tb-stability-bars' }),
      Plot.text(data, { x: 'meanJaccard', y: 'name', text: 'text', dx: 4, textAnchor: 'start', fill: '#1d2530' }),
      Plot.ruleX([0]),
    ],
  });
}
