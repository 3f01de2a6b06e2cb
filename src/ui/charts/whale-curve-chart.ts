import * as Plot from '@observablehq/plot';
import { formatPercent } from '../format.ts';
import { evenIndices } from './k-distance-plot.ts';
import { chartMessage } from './k-metrics-chart.ts';

/** A whale curve: customers sorted from most to least profitable, cumulative profit against them. */
export interface WhaleCurveChartData {
  /** Cumulative share of customers, 0…1, ascending. */
  readonly x: Float64Array;
  /** Cumulative profit at each x: a share of total profit (1 = 100%), or money when `absolute`. */
  readonly y: Float64Array;
  /** The highest point of the curve. */
  readonly peak: { readonly x: number; readonly y: number };
  /** When true, `y` is money rather than a share of total profit. Default false. */
  readonly absolute?: boolean;
}

export interface WhaleCurveChartOptions {
  /** In CSS pixels (default 640). */
  readonly width?: number;
  /** In CSS pixels (default 380). */
  readonly height?: number;
  readonly document?: Document;
  /** Above this many points the curve is thinned to about this many, keeping the ends and the peak (default 2,000). */
  readonly maxPoints?: number;
}

interface Point {
  readonly x: number;
  readonly y: number;
}

const money = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 });

/** Shares round to whole percents, as whale curves are read; money is compact (`1.42M`). */
function formatY(y: number, absolute: boolean): string {
  return absolute ? money.format(y) : `${Math.round(y * 100)}%`;
}

function shareOfCustomers(x: number): string {
  return x > 0 && x < 0.01 ? formatPercent(x) : `${Math.round(x * 100)}%`;
}

function describe(peak: Point, total: number, absolute: boolean): string {
  const top = shareOfCustomers(peak.x);
  const rest = shareOfCustomers(1 - peak.x);
  const loss = peak.y - total;
  if (loss <= 0 || peak.x >= 1)
    return `Cumulative profit rises all the way: no group of customers loses money overall. Total ${formatY(total, absolute)}.`;
  return absolute
    ? `The most profitable ${top} of customers earn ${formatY(peak.y, true)}; the other ${rest} lose ${formatY(loss, true)} of it, leaving ${formatY(total, true)} in total.`
    : `The most profitable ${top} of customers earn ${formatY(peak.y, false)} of total profit; the other ${rest} lose ${Math.round(loss * 100)} percentage points of it.`;
}

/**
 * The whale curve: cumulative profit against the cumulative share of customers, most profitable
 * first. The 100% line (total profit, in money when `absolute`) and the peak are marked and
 * labelled; the caption describes how much the unprofitable tail gives back.
 */
export function whaleCurveChart(
  data: WhaleCurveChartData,
  options: WhaleCurveChartOptions = {},
): SVGSVGElement | HTMLElement {
  const { x, y, peak } = data;
  const absolute = data.absolute ?? false;
  if (x.length !== y.length)
    throw new Error(`invalid whaleCurveChart data: x has ${x.length} values but y has ${y.length}`);
  const { width = 640, height = 380, document, maxPoints = 2000 } = options;
  if (x.length === 0) return chartMessage('No whale curve to show: there are no customers.', document);

  const points: Point[] = evenIndices(x.length, maxPoints).map((i) => ({ x: x[i], y: y[i] }));
  if (!points.some((p) => p.x === peak.x && p.y === peak.y)) {
    points.push({ x: peak.x, y: peak.y });
    points.sort((a, b) => a.x - b.x);
  }
  const total = y[y.length - 1];
  const peakLabel = `peak ${formatY(peak.y, absolute)} at ${shareOfCustomers(peak.x)} of customers`;
  const caption = describe(peak, total, absolute);
  const reference = absolute ? total : 1;
  const referenceLabel = absolute ? `total profit ${formatY(total, true)}` : '100% of total profit';

  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 56,
    marginRight: 20,
    marginTop: 24,
    ariaLabel: 'Whale curve: cumulative profit against the share of customers, most profitable first',
    ariaDescription: caption,
    caption,
    x: { label: 'Customers, most profitable first (%)', labelArrow: 'none', percent: true, domain: [0, 100] },
    y: absolute
      ? {
          label: 'Cumulative profit',
          labelArrow: 'none',
          grid: true,
          nice: true,
          tickFormat: (v: number) => money.format(v),
        }
      : {
          label: 'Cumulative profit (% of total)',
          labelArrow: 'none',
          grid: true,
          nice: true,
          percent: true,
        },
    marks: [
      Plot.ruleY([0], { stroke: '#8a8f98' }),
      Plot.ruleY([reference], { stroke: '#1d2530', strokeDasharray: '5,3', className: 'tb-whale-total' }),
      Plot.text([reference], {
        y: (d: number) => d,
        text: () => referenceLabel,
        frameAnchor: 'right',
        textAnchor: 'end',
        dx: -4,
        dy: 9,
        fill: '#1d2530',
        stroke: 'white',
        strokeWidth: 3,
        className: 'tb-whale-total-label',
      }),
      Plot.areaY(points, { x: 'x', y: 'y', fill: '#4e79a7', fillOpacity: 0.12 }),
      Plot.line(points, { x: 'x', y: 'y', stroke: '#4e79a7', strokeWidth: 2, className: 'tb-whale-curve' }),
      Plot.dot([peak], {
        x: 'x',
        y: 'y',
        r: 5,
        fill: '#e15759',
        stroke: 'white',
        strokeWidth: 1.5,
        className: 'tb-whale-peak',
      }),
      Plot.text([peak], {
        x: 'x',
        y: 'y',
        text: () => peakLabel,
        textAnchor: peak.x > 0.6 ? 'end' : 'start',
        dx: peak.x > 0.6 ? -8 : 8,
        dy: -10,
        fill: '#b8323a',
        fontWeight: 'bold',
        stroke: 'white',
        strokeWidth: 3,
        className: 'tb-whale-peak-label',
      }),
    ],
  });
}
