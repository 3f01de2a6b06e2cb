import * as Plot from '@observablehq/plot';
import type { KSuggestion } from '../../analytics/choose-k/suggest.ts';
import { formatCount, formatNumber } from '../format.ts';

/** One k of a sweep. Absent metrics may be `undefined` or `null` (as `SweepPoint` has them). */
export interface KMetricsRow {
  readonly k: number;
  /** Within-cluster sum of squares. */
  readonly inertia?: number | null;
  /** Mean silhouette in [-1, 1]. */
  readonly silhouette?: number | null;
  readonly calinskiHarabasz?: number | null;
  readonly daviesBouldin?: number | null;
  /** Customers the silhouette was computed on, when it was estimated from a sample. */
  readonly silhouetteSampleSize?: number | null;
}

export interface KMetricsChartOptions {
  /**
   * The k each metric recommends, as computed by the analytics (`suggestK`): marked in its panel.
   * The chart computes none itself; a metric without a pick is drawn without a marker.
   */
  readonly picks?: Partial<KSuggestion>;
  /** The k currently chosen, drawn as a dashed vertical rule in every panel. */
  readonly selectedK?: number;
  /** Business limit on the number of tiers; k above it is shaded "beyond tier limit". */
  readonly maxTiers?: number;
  /**
   * Customers clustered. When given, the silhouette counts as sampled only if its sample size is
   * smaller; without it any `silhouetteSampleSize` counts as a sample.
   */
  readonly customers?: number;
  /** Width of the whole chart in CSS pixels (default 640); 4 panels in a row from 900 px, else 2x2. */
  readonly width?: number;
  /** Height of each panel in CSS pixels (default 200). */
  readonly height?: number;
  readonly document?: Document;
}

type MetricKey = 'inertia' | 'silhouette' | 'calinskiHarabasz' | 'daviesBouldin';

interface Metric {
  readonly key: MetricKey;
  readonly name: string;
  readonly title: string;
  /** How the metric picks its k: the knee, the maximum or the minimum. */
  readonly pick: 'knee' | 'max' | 'min';
  /** Axis ticks in SI units for metrics that run into thousands or millions. */
  readonly tickFormat?: string;
}

const METRICS: readonly Metric[] = [
  { key: 'inertia', name: 'elbow knee', title: 'Elbow: inertia', pick: 'knee', tickFormat: '~s' },
  { key: 'silhouette', name: 'silhouette', title: 'Silhouette (higher is better)', pick: 'max' },
  {
    key: 'calinskiHarabasz',
    name: 'Calinski-Harabasz',
    title: 'Calinski-Harabasz (higher is better)',
    pick: 'max',
    tickFormat: '~s',
  },
  { key: 'daviesBouldin', name: 'Davies-Bouldin', title: 'Davies-Bouldin (lower is better)', pick: 'min' },
];

interface Point {
  readonly k: number;
  readonly value: number;
}

/**
 * A short note in place of a chart (e.g. "No k sweep to show."), so callers always get an element.
 * Shared by the chart functions of this folder.
 */
export function chartMessage(text: string, document: Document = globalThis.document): HTMLElement {
  const p = document.createElement('p');
  p.className = 'tb-chart-empty';
  p.setAttribute('role', 'note');
  p.textContent = text;
  return p;
}

function pointsOf(rows: readonly KMetricsRow[], key: MetricKey): Point[] {
  const points: Point[] = [];
  for (const row of rows) {
    const value = row[key];
    if (typeof value === 'number' && Number.isFinite(value)) points.push({ k: row.k, value });
  }
  return points;
}

const PICK_OF: Record<MetricKey, keyof KSuggestion> = {
  inertia: 'knee',
  silhouette: 'silhouette',
  calinskiHarabasz: 'calinskiHarabasz',
  daviesBouldin: 'daviesBouldin',
};

/** The k the analytics recommend for a metric, when it is among the drawn points. */
function bestK(metric: Metric, points: readonly Point[], picks: Partial<KSuggestion> | undefined): number | undefined {
  const k = picks?.[PICK_OF[metric.key]];
  return typeof k === 'number' && points.some((p) => p.k === k) ? k : undefined;
}

function sampleSizeOf(rows: readonly KMetricsRow[], customers: number | undefined): number | undefined {
  let size: number | undefined;
  for (const row of rows) {
    const s = row.silhouetteSampleSize;
    if (typeof s === 'number' && (customers === undefined || s < customers)) size = Math.max(size ?? 0, s);
  }
  return size;
}

function describe(
  picks: readonly { metric: Metric; k: number }[],
  sampleSize: number | undefined,
  selectedK: number | undefined,
  maxTiers: number | undefined,
): string {
  const parts: string[] = [];
  const ks = new Set(picks.map((p) => p.k));
  const list = picks.map((p) => `${p.metric.name} k = ${p.k}`).join(', ');
  if (ks.size > 1) parts.push(`The metrics disagree on the best k: ${list}.`);
  else if (picks.length > 1) parts.push(`All ${picks.length} metrics point to k = ${picks[0].k}.`);
  else if (picks.length === 1) parts.push(`Best k by ${list}.`);
  if (maxTiers !== undefined) {
    const beyond = picks.filter((p) => p.k > maxTiers).map((p) => p.metric.name);
    if (beyond.length > 0)
      parts.push(`Beyond the limit of ${formatCount(maxTiers)} tiers: the pick of ${beyond.join(', ')}.`);
  }
  if (selectedK !== undefined) parts.push(`The dashed line marks the selected k = ${selectedK}.`);
  if (sampleSize !== undefined)
    parts.push(`Silhouette on a stratified sample of ${formatCount(sampleSize)}.`);
  return parts.join(' ');
}

function panel(
  metric: Metric,
  points: readonly Point[],
  best: number | undefined,
  ks: readonly number[],
  options: KMetricsChartOptions & { readonly width: number; readonly height: number },
): SVGSVGElement | HTMLElement {
  const { width, height, document, selectedK, maxTiers } = options;
  const kMin = ks[0];
  const kMax = ks[ks.length - 1];
  const marks: Plot.Markish[] = [];
  const values = points.map((p) => p.value);
  const mid = (Math.min(...values) + Math.max(...values)) / 2;
  if (maxTiers !== undefined && maxTiers < kMax) {
    const x1 = Math.max(maxTiers, kMin - 1) + 0.5;
    const region = [{ x1, x2: kMax + 0.5 }];
    // The label goes to whichever end of the region the curve leaves free.
    const inside = points.filter((p) => p.k > x1);
    const high = inside.length > 0 && inside.reduce((s, p) => s + p.value, 0) / inside.length > mid;
    marks.push(
      Plot.rect(region, { x1: 'x1', x2: 'x2', fill: '#e6e8ec', className: 'tb-tier-limit' }),
      Plot.text(region, {
        x: 'x2',
        text: () => 'beyond\ntier limit',
        frameAnchor: high ? 'bottom' : 'top',
        lineAnchor: high ? 'bottom' : 'top',
        textAnchor: 'end',
        dx: -3,
        dy: high ? -3 : 3,
        fill: '#5b6470',
        fontSize: 10,
        stroke: '#e6e8ec',
        strokeWidth: 3,
        className: 'tb-tier-limit-label',
      }),
    );
  }
  if (selectedK !== undefined) {
    marks.push(
      Plot.ruleX([selectedK], { stroke: '#1d2530', strokeDasharray: '4,3', className: 'tb-selected-k' }),
    );
  }
  const bestPoint = points.filter((p) => p.k === best);
  marks.push(
    Plot.line(points, { x: 'k', y: 'value', stroke: '#4e79a7', strokeWidth: 1.5 }),
    Plot.dot(points, {
      x: 'k',
      y: 'value',
      r: 2.5,
      fill: '#4e79a7',
      title: (p: Point) => `k = ${p.k}\n${metric.name}: ${formatNumber(p.value)}`,
    }),
    Plot.dot(bestPoint, {
      x: 'k',
      y: 'value',
      r: 5,
      fill: '#e15759',
      stroke: 'white',
      strokeWidth: 1.5,
      className: metric.pick === 'knee' ? 'tb-knee tb-best' : 'tb-best',
    }),
  );
  if (metric.pick === 'knee') {
    // Above and right of a falling convex curve is empty space.
    marks.push(
      Plot.text(bestPoint, {
        x: 'k',
        y: 'value',
        text: () => 'knee',
        textAnchor: 'start',
        dx: 7,
        dy: -9,
        fill: '#b8323a',
        fontWeight: 'bold',
        stroke: 'white',
        strokeWidth: 3,
        className: 'tb-knee-label',
      }),
    );
  }
  const subtitle =
    best === undefined
      ? 'no best k'
      : metric.pick === 'knee'
        ? `knee at k = ${best}`
        : `best at k = ${best} (${formatNumber(bestPoint[0].value)})`;
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 44,
    marginRight: 12,
    title: metric.title,
    subtitle,
    ariaLabel: metric.title,
    ariaDescription: `${metric.title} against k; ${subtitle}.`,
    x: {
      label: 'k',
      labelArrow: 'none',
      domain: [kMin - 0.5, kMax + 0.5],
      ticks: ks,
      tickFormat: 'd',
    },
    y: { label: null, grid: true, nice: true, tickFormat: metric.tickFormat, ticks: 4 },
    marks,
  });
}

/** Compact headings and no figure margins, so the panels fill their grid cells and line up. */
function applyPanelStyle(chart: SVGSVGElement | HTMLElement): void {
  chart.style.margin = '0';
  const [title, subtitle] = chart.querySelectorAll<HTMLElement>('h2, h3');
  if (title) title.style.cssText = 'font-size:13px;font-weight:600;margin:0;line-height:1.3';
  if (subtitle) subtitle.style.cssText = 'font-size:12px;font-weight:normal;margin:0 0 4px;color:#5b6470';
}

/**
 * The metrics that help choose k, one small panel each over the same integer k axis: the elbow
 * (inertia, knee marked), silhouette, Calinski-Harabasz and Davies-Bouldin, each with the k the
 * analytics recommend (`options.picks`) highlighted, the selected k as a dashed rule and k above `maxTiers` shaded. Metrics absent from
 * every row are left out. Returns a `<figure>` holding one `.tb-k-panel` figure per metric and a
 * caption that says whether the metrics agree.
 */
export function kMetricsChart(rows: readonly KMetricsRow[], options: KMetricsChartOptions = {}): HTMLElement {
  const doc = options.document ?? globalThis.document;
  const sorted = [...rows].filter((r) => Number.isFinite(r.k)).sort((a, b) => a.k - b.k);
  const present = METRICS.map((metric) => ({ metric, points: pointsOf(sorted, metric.key) })).filter(
    (m) => m.points.length > 0,
  );
  if (present.length === 0) return chartMessage('No k sweep to show: no metric was computed for any k.', doc);

  const width = options.width ?? 640;
  const columns = width >= 900 ? Math.min(4, present.length) : Math.min(2, present.length);
  const gap = 12;
  const panelWidth = Math.floor((width - gap * (columns - 1)) / columns);
  const height = options.height ?? 200;
  const ks = [...new Set(sorted.map((r) => r.k))];
  const picks: { metric: Metric; k: number }[] = [];

  const figure = doc.createElement('figure');
  figure.className = 'tb-k-metrics';
  figure.style.margin = '0';
  const grid = doc.createElement('div');
  grid.className = 'tb-k-panels';
  grid.style.cssText = `display:grid;grid-template-columns:repeat(${columns},${panelWidth}px);gap:${gap}px`;
  for (const { metric, points } of present) {
    const best = bestK(metric, points, options.picks);
    if (best !== undefined) picks.push({ metric, k: best });
    const chart = panel(metric, points, best, ks, { ...options, width: panelWidth, height });
    chart.classList.add('tb-k-panel');
    applyPanelStyle(chart);
    chart.dataset.metric = metric.key;
    grid.append(chart);
  }
  const caption = describe(
    picks,
    sampleSizeOf(sorted, options.customers),
    options.selectedK,
    options.maxTiers,
  );
  const figcaption = doc.createElement('figcaption');
  figcaption.textContent = caption;
  figure.setAttribute('role', 'group');
  figure.setAttribute('aria-label', 'Metrics for choosing the number of clusters k');
  figure.setAttribute('aria-description', caption);
  figure.append(grid, figcaption);
  return figure;
}
