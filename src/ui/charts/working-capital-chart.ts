import * as Plot from '@observablehq/plot';
import { chartMessage } from './k-metrics-chart.ts';
import { tierColors } from './tier-palette.ts';

/** Safety-stock value per tier at its policy and at the baseline service level (from `safetyStockTable(...).tiers`). */
export interface WorkingCapitalRow {
  readonly tier: string;
  /** Safety-stock value at the tier's service level, currency. */
  readonly value: number;
  /** At the uniform baseline service level, currency. */
  readonly baselineValue: number;
}

export interface WorkingCapitalChartOptions {
  readonly width?: number;
  /** Default: 44 px per tier plus the axes. */
  readonly height?: number;
  readonly document?: Document;
  /** The baseline service level, shown in the caption (fraction). */
  readonly baselineServiceLevel?: number;
}

const money = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 });

/**
 * Where the working capital goes: one bar per tier for the safety-stock value at the tier's
 * service level, a tick at its value under the uniform baseline, and the difference written at
 * the bar's end (+ ties up more capital, − frees it).
 */
export function workingCapitalChart(rows: readonly WorkingCapitalRow[], options: WorkingCapitalChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 60 + 44 * rows.length, document } = options;
  if (rows.length === 0) return chartMessage('No safety stock to show.', document);
  const names = rows.map((r) => r.tier);
  const delta = (r: WorkingCapitalRow) => r.value - r.baselineValue;
  const total = rows.reduce((s, r) => s + delta(r), 0);
  const base = options.baselineServiceLevel === undefined ? 'the baseline' : `a uniform ${Math.round(options.baselineServiceLevel * 1000) / 10}%`;
  const caption = `Safety-stock value per tier; ticks: the value at ${base}. The tier policies ${total >= 0 ? 'tie up' : 'free'} ${money.format(Math.abs(total))} in all.`;
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 90,
    marginRight: 70,
    ariaLabel: 'Safety-stock value per tier against the baseline service level',
    ariaDescription: caption,
    caption,
    x: { label: 'Safety-stock value', labelArrow: 'none', grid: true, nice: true, tickFormat: (v: number) => money.format(v) },
    y: { label: null, domain: names },
    color: { domain: names, range: tierColors(names) },
    marks: [
      Plot.barX(rows, { y: 'tier', x: 'value', fill: 'tier', className: 'tb-wc-bar' }),
      Plot.tickX(rows, { y: 'tier', x: 'baselineValue', stroke: '#1d2530', strokeWidth: 2, className: 'tb-wc-baseline' }),
      Plot.text(rows, {
        y: 'tier',
        x: (r: WorkingCapitalRow) => Math.max(r.value, r.baselineValue),
        text: (r: WorkingCapitalRow) => `${delta(r) >= 0 ? '+' : '−'}${money.format(Math.abs(delta(r)))}`,
        textAnchor: 'start',
        dx: 6,
        fontSize: 13,
        className: 'tb-wc-delta',
      }),
      Plot.ruleX([0]),
    ],
  });
}
