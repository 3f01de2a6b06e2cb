import * as Plot from '@observablehq/plot';
import { formatNumber } from '../format.ts';
import { chartMessage } from './k-metrics-chart.ts';

export interface AriDistributionOptions {
  /** The pass line (minimum ARI), drawn as a dashed rule; none when absent. */
  readonly minAri?: number;
  /** In CSS pixels (default 640). */
  readonly width?: number;
  /** Default 220. */
  readonly height?: number;
  readonly document?: Document;
}

/**
 * Histogram of the ARI of Monte Carlo weight draws against the baseline (bins of 0.02 up to 1),
 * with the minimum ARI as a dashed rule: mass left of it is draws that gave another segmentation.
 */
export function ariDistributionChart(ari: ArrayLike<number>, options: AriDistributionOptions = {}): SVGSVGElement | HTMLElement {
  const { document, minAri, width = 640, height = 220 } = options;
  const values = Array.from(ari).filter(Number.isFinite);
  if (values.length === 0) return chartMessage('No Monte Carlo draws to show yet: run it.', document);
  const low = Math.min(0, Math.floor(Math.min(...values) * 10) / 10);
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 50,
    ariaLabel: 'Agreement with the baseline of random weight vectors',
    x: { domain: [low, 1], label: 'ARI against the clusters above, per random weight vector', labelArrow: 'none' },
    y: { label: 'Draws', labelArrow: 'none', grid: true },
    marks: [
      Plot.rectY(values.map((v) => ({ ari: v })), Plot.binX<Plot.RectYOptions>({ y: 'count' }, { x: 'ari', thresholds: Math.round((1 - low) / 0.02), domain: [low, 1], fill: '#4e79a7', className: 'tb-ari-bins' })),
      Plot.ruleY([0]),
      ...(minAri === undefined
        ? []
        : [
            Plot.ruleX([minAri], { stroke: '#c0392b', strokeDasharray: '4,3', className: 'tb-ari-limit' }),
            Plot.text([minAri], { x: (d: number) => d, text: (d: number) => `ARI ${formatNumber(d)}`, frameAnchor: 'top', dx: -4, textAnchor: 'end', fill: '#c0392b' }),
          ]),
    ],
  });
}
