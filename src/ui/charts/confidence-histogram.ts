import * as Plot from '@observablehq/plot';
import { chartMessage } from './k-metrics-chart.ts';
import { clusterColorScale, clusterName } from './palette.ts';

/** Per-customer confidence with each customer's cluster (as from `BootstrapResult.customers` and the baseline). */
export interface ConfidenceHistogramData {
  /** Confidence per customer in [0, 1]; NaN when the customer was never drawn (left out). */
  readonly confidence: ArrayLike<number>;
  /** Baseline cluster per customer; -1 = noise. */
  readonly labels: ArrayLike<number>;
}

export interface ConfidenceHistogramOptions {
  /** In CSS pixels (default 640). */
  readonly width?: number;
  /** Height of each cluster's panel (default 70). */
  readonly panelHeight?: number;
  readonly document?: Document;
  /** Colour slot per cluster id (`rememberedSlots`), so the panels match the scatter's colours. */
  readonly slots?: ReadonlyMap<number, number>;
}

/**
 * Histogram of per-customer confidence (bins of 0.05) in one panel per cluster, in the cluster's
 * colour: a cluster whose customers pile up near 1 holds together; mass to the left marks the
 * customers most likely to move.
 */
export function confidenceHistogram(data: ConfidenceHistogramData, options: ConfidenceHistogramOptions = {}): SVGSVGElement | HTMLElement {
  const { document, width = 640, panelHeight = 70 } = options;
  const rows: { name: string; cluster: number; confidence: number }[] = [];
  for (let i = 0; i < data.confidence.length; i++) {
    const c = data.confidence[i];
    if (Number.isFinite(c)) rows.push({ name: clusterName(data.labels[i]), cluster: data.labels[i], confidence: c });
  }
  if (rows.length === 0) return chartMessage('No customer confidence to show yet: run the bootstrap.', document);
  const color = clusterColorScale(rows.map((r) => r.cluster), options.slots);
  // noise last, as in the other robustness charts
  const noise = clusterName(-1);
  const panels = [...color.domain.filter((n) => n !== noise), ...color.domain.filter((n) => n === noise)];
  return Plot.plot({
    document,
    width,
    height: panels.length * panelHeight + 60,
    marginLeft: 50,
    marginRight: 80,
    ariaLabel: 'Per-customer confidence by cluster',
    x: { domain: [0, 1], label: 'Share of replicates in its own cluster', labelArrow: 'none' },
    y: { label: 'Customers', labelArrow: 'none', grid: true },
    fy: { label: null, domain: panels },
    color: { type: 'categorical', domain: color.domain, range: color.range },
    marks: [
      Plot.rectY(rows, Plot.binX<Plot.RectYOptions>({ y: 'count' }, { x: 'confidence', thresholds: 20, domain: [0, 1], fy: 'name', fill: 'name', className: 'tb-confidence-bins' })),
      Plot.ruleY([0]),
    ],
  });
}
