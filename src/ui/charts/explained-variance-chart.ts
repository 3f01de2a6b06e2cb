import * as Plot from '@observablehq/plot';
import { formatCount, formatPercent } from '../format.ts';
import { chartMessage } from './k-metrics-chart.ts';

export interface ExplainedVarianceChartOptions {
  /** In CSS pixels (default 640). */
  readonly width?: number;
  /** In CSS pixels (default 320). */
  readonly height?: number;
  readonly document?: Document;
}

interface Component {
  readonly name: string;
  readonly ratio: number;
  readonly cumulative: number;
  /** Whether its labels are drawn; crowded charts label every few components. */
  readonly labelled: boolean;
}

// A percent label such as "41.2%" needs about this many pixels to stay clear of its neighbours.
const LABEL_PX = 40;
// Bars at least this tall (px) carry their label inside, at the top; shorter ones above.
const INSIDE_PX = 18;

/** How many leading components it takes to reach `share`, or undefined if they never do. */
function componentsFor(components: readonly Component[], share: number): number | undefined {
  const i = components.findIndex((c) => c.cumulative >= share - 1e-9);
  return i < 0 ? undefined : i + 1;
}

function describe(components: readonly Component[]): string {
  const n = components.length;
  const first = components[0];
  const parts = [`${first.name} explains ${formatPercent(first.ratio)} of the variance.`];
  if (n > 1)
    parts.push(
      `${first.name} and ${components[1].name} together explain ${formatPercent(components[1].cumulative)}.`,
    );
  const reach = [0.8, 0.9]
    .map((share) => ({ share, count: componentsFor(components, share) }))
    .filter((r) => r.count !== undefined)
    .map((r) => `${formatCount(r.count!)} for ${formatPercent(r.share).replace('.0%', '%')}`);
  if (reach.length > 0) parts.push(`Components needed: ${reach.join(', ')}.`);
  else parts.push(`All ${formatCount(n)} components explain ${formatPercent(components[n - 1].cumulative)}.`);
  return parts.join(' ');
}

/**
 * Share of variance explained per principal component (bars) with the running total (line),
 * each labelled in percent. `ratios` are fractions, PC1 first.
 */
export function explainedVarianceChart(
  ratios: readonly number[],
  options: ExplainedVarianceChartOptions = {},
): SVGSVGElement | HTMLElement {
  const { width = 640, height = 320, document } = options;
  const bad = ratios.findIndex((r) => !Number.isFinite(r) || r < 0);
  if (bad >= 0)
    throw new Error(
      `invalid explainedVarianceChart ratio: PC${bad + 1} is ${ratios[bad]} (expected a fraction >= 0)`,
    );
  if (ratios.length === 0) return chartMessage('No principal components to show.', document);
  const sum = ratios.reduce((a, b) => a + b, 0);
  if (sum > 1 + 1e-6)
    throw new Error(
      `invalid explainedVarianceChart ratios: they sum to ${sum.toFixed(3)} (expected at most 1)`,
    );

  const marginLeft = 48;
  const step = Math.max(1, Math.ceil((ratios.length * LABEL_PX) / (width - marginLeft - 16)));
  let cumulative = 0;
  const components: Component[] = ratios.map((ratio, i) => {
    cumulative += ratio;
    return { name: `PC${i + 1}`, ratio, cumulative, labelled: i % step === 0 };
  });
  const labelled = components.filter((c) => c.labelled);
  const caption = describe(components);
  const marginTop = 24;
  const marginBottom = 30;
  const inside = (c: Component) => c.ratio * (height - marginTop - marginBottom) >= INSIDE_PX;

  return Plot.plot({
    document,
    width,
    height,
    marginLeft,
    marginRight: 16,
    marginTop,
    marginBottom,
    ariaLabel: 'Variance explained by each principal component, with the cumulative share',
    ariaDescription: caption,
    caption,
    x: {
      label: null,
      domain: components.map((c) => c.name),
      ticks: labelled.map((c) => c.name),
      padding: 0.2,
    },
    y: { label: 'Variance explained (%)', labelArrow: 'none', percent: true, domain: [0, 100], grid: true },
    marks: [
      Plot.barY(components, { x: 'name', y: 'ratio', fill: '#a0cbe8', className: 'tb-variance-bars' }),
      Plot.ruleY([0]),
      ...[true, false].map((within) =>
        Plot.text(
          labelled.filter((c) => inside(c) === within),
          {
            x: 'name',
            y: 'ratio',
            text: (c: Component) => formatPercent(c.ratio),
            dy: within ? 4 : -4,
            lineAnchor: within ? 'top' : 'bottom',
            fill: '#1d2530',
            fontSize: 10,
            className: 'tb-variance-labels',
          },
        ),
      ),
      Plot.line(components, {
        x: 'name',
        y: 'cumulative',
        stroke: '#1f4e79',
        strokeWidth: 1.5,
        className: 'tb-cumulative',
      }),
      Plot.dot(components, { x: 'name', y: 'cumulative', r: 3, fill: '#1f4e79' }),
      // PC1's running total equals its bar, so its label would only repeat the bar's.
      Plot.text(
        labelled.filter((c) => c !== components[0]),
        {
          x: 'name',
          y: 'cumulative',
          text: (c: Component) => formatPercent(c.cumulative),
          // Up and to the left of a rising, flattening line is clear of it.
          textAnchor: 'end',
          dx: -5,
          dy: -7,
          fill: '#1f4e79',
          fontSize: 10,
          stroke: 'white',
          strokeWidth: 3,
          className: 'tb-cumulative-labels',
        },
      ),
    ],
  });
}
