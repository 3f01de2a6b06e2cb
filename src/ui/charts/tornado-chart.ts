import * as Plot from '@observablehq/plot';
import { formatPercent } from '../format.ts';
import { chartMessage } from './k-metrics-chart.ts';

/** One weight step, as in `SensitivityResult.weights`. */
export interface TornadoStep {
  readonly feature: string;
  /** Relative weight change, e.g. -0.1. */
  readonly change: number;
  /** Share of customers in another cluster, in [0, 1]. */
  readonly shareChanged: number;
}

export interface TornadoChartOptions {
  /** The pass limit on the share changed, drawn as dashed rules on both sides; none when absent. */
  readonly maxShareChanged?: number;
  /** In CSS pixels (default 640). */
  readonly width?: number;
  /** Default: 36 px per feature plus axes. */
  readonly height?: number;
  readonly document?: Document;
}

/**
 * Tornado chart of weight sensitivity: one row per feature, ranked by its largest share of
 * customers changing cluster; lowered weights extend to the left, raised ones to the right,
 * larger steps in lighter shades, with the pass limit as dashed rules.
 */
export function tornadoChart(steps: readonly TornadoStep[], options: TornadoChartOptions = {}): SVGSVGElement | HTMLElement {
  const { document, maxShareChanged } = options;
  const shown = steps.filter((s) => s.change !== 0);
  if (shown.length === 0) return chartMessage('No weight steps to show yet: run the weight sensitivity.', document);
  const worst = new Map<string, number>();
  for (const s of shown) worst.set(s.feature, Math.max(worst.get(s.feature) ?? 0, s.shareChanged));
  const features = [...worst.keys()].sort((a, b) => (worst.get(b) as number) - (worst.get(a) as number) || a.localeCompare(b));
  const sizes = [...new Set(shown.map((s) => Math.abs(s.change)))].sort((a, b) => a - b);
  // the smallest step darkest
  const shades = ['#08519c', '#3182bd', '#9ecae1', '#c6dbef'];
  // Longest bars first, so every shorter bar is drawn on top of it and stays visible: usually the
  // larger step moves more customers, but not always (a smaller step may turn the cut already).
  const data = [...shown]
    .sort((a, b) => b.shareChanged - a.shareChanged || Math.abs(b.change) - Math.abs(a.change))
    .map((s) => ({
      feature: s.feature,
      x: Math.sign(s.change) * s.shareChanged,
      step: `${s.change > 0 ? '+' : '−'}${Math.round(Math.abs(s.change) * 100)}%`,
      size: `±${Math.round(Math.abs(s.change) * 100)}%`,
      text: formatPercent(s.shareChanged),
    }));
  const limit = Math.max(maxShareChanged ?? 0, 0.01, ...shown.map((s) => s.shareChanged)) * 1.15;
  const { width = 640, height = 36 * features.length + 70 } = options;
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 130,
    ariaLabel: 'Customers changing cluster when one weight changes, by feature',
    x: { domain: [-limit, limit], label: '← weight lowered · customers changing cluster · weight raised →', labelArrow: 'none', tickFormat: (v: number) => formatPercent(Math.abs(v)) },
    y: { label: null, domain: features },
    color: { type: 'ordinal', domain: sizes.map((s) => `±${Math.round(s * 100)}%`), range: sizes.map((_, i) => shades[Math.min(i, shades.length - 1)]), legend: true },
    marks: [
      maxShareChanged === undefined ? null : Plot.ruleX([-maxShareChanged, maxShareChanged], { stroke: '#c0392b', strokeDasharray: '4,3', className: 'tb-tornado-limit' }),
      Plot.barX(data, { x1: 0, x2: 'x', y: 'feature', fill: 'size', title: (d) => `${d.feature} ${d.step}: ${d.text} changed`, className: 'tb-tornado-bars' }),
      Plot.ruleX([0]),
    ],
  });
}
