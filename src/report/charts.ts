/**
 * The report's charts as inline SVG trees (see `markup.ts`): horizontal bars and a line over
 * whole-number x (k). Small on purpose: a printed report needs the shape and the figures, and
 * the same function runs in the browser and in Node. Labels are text nodes, never markup.
 */
import { h, type MarkupElement } from './markup.ts';
import { formatFigure } from './format.ts';

export type BarTone = 'default' | 'ok' | 'warn' | 'error' | 'muted';

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Written after the bar instead of the value, e.g. `1,234 (24.7%)`. */
  readonly text?: string;
  readonly tone?: BarTone;
}

export interface BarChartSpec {
  readonly kind: 'bars';
  readonly bars: readonly Bar[];
  /** Axis end; default the largest value. */
  readonly max?: number;
  /** Vertical reference lines, e.g. the stability bands at 0.6, 0.75, 0.85. */
  readonly rules?: readonly { readonly value: number; readonly label: string }[];
  /** What a value is, for the Markdown table header (e.g. `customers`). */
  readonly valueLabel: string;
}

export interface LineChartSpec {
  readonly kind: 'line';
  readonly xLabel: string;
  readonly yLabel: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /** A marked x (e.g. the chosen k), drawn as a dashed rule with its label. */
  readonly marked?: { readonly x: number; readonly label: string };
}

export type ChartSpec = BarChartSpec | LineChartSpec;

const COLOURS: Record<BarTone, string> = {
  default: '#2457c5',
  ok: '#2e7d32',
  warn: '#a15c00',
  error: '#b42318',
  muted: '#8a94a3',
};
const INK = '#1d2530';
const MUTED = '#5b6470';
const WIDTH = 720;

/** At most `n` characters, with an ellipsis; the full text stays in the SVG title. */
function clip(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

function barChart(spec: BarChartSpec, caption: string): MarkupElement {
  const row = 26;
  const top = spec.rules?.length ? 22 : 6;
  const labelWidth = 190;
  const valueWidth = 130;
  const plot = WIDTH - labelWidth - valueWidth;
  const max = spec.max ?? Math.max(0, ...spec.bars.map((b) => b.value));
  const scale = (v: number) => (max > 0 ? (Math.max(0, Math.min(v, max)) / max) * plot : 0);
  const height = top + spec.bars.length * row + 6;
  const bars = spec.bars.map((b, i) => {
    const y = top + i * row;
    const w = scale(b.value);
    return h(
      'g',
      { class: 'bar' },
      h('title', {}, `${b.label}: ${b.text ?? formatFigure(b.value)}`),
      h('text', { x: labelWidth - 8, y: y + 17, 'text-anchor': 'end', fill: INK }, clip(b.label, 26)),
      h('rect', {
        x: labelWidth,
        y: y + 4,
        width: w.toFixed(1),
        height: row - 8,
        fill: COLOURS[b.tone ?? 'default'],
      }),
      h(
        'text',
        { x: (labelWidth + w + 6).toFixed(1), y: y + 17, fill: INK },
        b.text ?? formatFigure(b.value),
      ),
    );
  });
  const rules = (spec.rules ?? []).map((r) =>
    h(
      'g',
      { class: 'rule' },
      h('line', {
        x1: (labelWidth + scale(r.value)).toFixed(1),
        x2: (labelWidth + scale(r.value)).toFixed(1),
        y1: top - 4,
        y2: height - 2,
        stroke: MUTED,
        'stroke-dasharray': '3,3',
      }),
      h(
        'text',
        {
          x: (labelWidth + scale(r.value)).toFixed(1),
          y: 13,
          'text-anchor': 'middle',
          fill: MUTED,
          'font-size': 11,
        },
        r.label,
      ),
    ),
  );
  return h(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${WIDTH} ${height}`,
      width: WIDTH,
      height,
      role: 'img',
      'aria-label': caption,
      'font-size': 13,
      'font-family': 'system-ui, sans-serif',
    },
    h('title', {}, caption),
    h('line', { x1: labelWidth, x2: labelWidth, y1: top, y2: height - 4, stroke: MUTED }),
    ...bars,
    ...rules,
  );
}

/** About four round tick values spanning [lo, hi]. */
export function ticks(lo: number, hi: number): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
    out.push(Number(t.toPrecision(12)));
  return out;
}

function lineChart(spec: LineChartSpec, caption: string): MarkupElement {
  const width = 460;
  const height = 240;
  const m = { left: 64, right: 16, top: 18, bottom: 40 };
  const xs = spec.points.map((p) => p.x);
  const ys = spec.points.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const pad = (y1 - y0) * 0.08;
  [y0, y1] = [y0 - pad, y1 + pad];
  const sx = (x: number) => m.left + (x1 === x0 ? 0.5 : (x - x0) / (x1 - x0)) * (width - m.left - m.right);
  const sy = (y: number) => height - m.bottom - ((y - y0) / (y1 - y0)) * (height - m.top - m.bottom);
  const path = spec.points.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  const yTicks = ticks(y0, y1);
  return h(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-label': caption,
      'font-size': 12,
      'font-family': 'system-ui, sans-serif',
    },
    h('title', {}, caption),
    ...yTicks.map((t) =>
      h(
        'g',
        { class: 'tick' },
        h('line', {
          x1: m.left,
          x2: width - m.right,
          y1: sy(t).toFixed(1),
          y2: sy(t).toFixed(1),
          stroke: '#e3e7ec',
        }),
        h(
          'text',
          { x: m.left - 6, y: (sy(t) + 4).toFixed(1), 'text-anchor': 'end', fill: MUTED },
          formatFigure(t),
        ),
      ),
    ),
    ...xs.map((x) =>
      h(
        'text',
        { x: sx(x).toFixed(1), y: height - m.bottom + 16, 'text-anchor': 'middle', fill: MUTED },
        String(x),
      ),
    ),
    h(
      'text',
      { x: (m.left + width - m.right) / 2, y: height - 6, 'text-anchor': 'middle', fill: INK },
      spec.xLabel,
    ),
    h(
      'text',
      {
        x: 14,
        y: (m.top + height - m.bottom) / 2,
        'text-anchor': 'middle',
        fill: INK,
        transform: `rotate(-90 14 ${(m.top + height - m.bottom) / 2})`,
      },
      spec.yLabel,
    ),
    spec.marked
      ? h(
          'g',
          { class: 'marked' },
          h('line', {
            x1: sx(spec.marked.x).toFixed(1),
            x2: sx(spec.marked.x).toFixed(1),
            y1: m.top,
            y2: height - m.bottom,
            stroke: INK,
            'stroke-dasharray': '4,3',
          }),
          h('text', { x: (sx(spec.marked.x) + 4).toFixed(1), y: m.top + 10, fill: INK }, spec.marked.label),
        )
      : null,
    h('polyline', { points: path, fill: 'none', stroke: COLOURS.default, 'stroke-width': 2 }),
    ...spec.points.map((p) =>
      h(
        'circle',
        { cx: sx(p.x).toFixed(1), cy: sy(p.y).toFixed(1), r: 3, fill: COLOURS.default },
        h('title', {}, `${spec.xLabel} ${p.x}: ${formatFigure(p.y)}`),
      ),
    ),
  );
}

/** The chart as an SVG tree; `caption` is its accessible name. */
export function renderChart(spec: ChartSpec, caption: string): MarkupElement {
  return spec.kind === 'bars' ? barChart(spec, caption) : lineChart(spec, caption);
}

/** The chart's figures as table rows (for Markdown, where a chart cannot go). */
export function chartRows(spec: ChartSpec): { header: [string, string]; rows: [string, string][] } {
  if (spec.kind === 'bars')
    return {
      header: ['', spec.valueLabel],
      rows: spec.bars.map((b) => [b.label, b.text ?? formatFigure(b.value)]),
    };
  return {
    header: [spec.xLabel, spec.yLabel],
    rows: spec.points.map((p) => [String(p.x), formatFigure(p.y)]),
  };
}
