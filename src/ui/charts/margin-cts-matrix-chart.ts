import * as Plot from '@observablehq/plot';
import { chartMessage } from './k-metrics-chart.ts';
import { stratifiedSample } from './sample.ts';
import { tierColors } from './tier-palette.ts';

/** The margin x cost-to-serve matrix, as from `marginCtsMatrix` plus a tiering. */
export interface MarginCtsChartData {
  /** Per customer, percent. */
  readonly gmPct: ArrayLike<number>;
  readonly ctsPct: ArrayLike<number>;
  /** Per customer, bubble size. */
  readonly revenue: ArrayLike<number>;
  /** Tier index per customer (-1: no tier, drawn grey). */
  readonly tier: ArrayLike<number>;
  readonly tierNames: readonly string[];
  /** Cut-offs, percent. */
  readonly gmCut: number;
  readonly ctsCut: number;
}

export interface MarginCtsChartOptions {
  /** In CSS pixels (default 640). */
  readonly width?: number;
  /** In CSS pixels (default 460). */
  readonly height?: number;
  readonly document?: Document;
  /** Above this many customers a deterministic sample per tier is drawn (default 3,000). */
  readonly maxPoints?: number;
}

interface Dot {
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly tier: string;
}

/**
 * GM % (up) against CTS % (right), one bubble per customer sized by revenue and coloured by
 * tier, the two cut-offs drawn, and the four zones named in their corners: Protect (top left),
 * Fix CTS (top right), Build (bottom left), Danger (bottom right).
 */
export function marginCtsMatrixChart(data: MarginCtsChartData, options: MarginCtsChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 460, document, maxPoints = 3000 } = options;
  const n = data.gmPct.length;
  if (data.ctsPct.length !== n || data.revenue.length !== n || data.tier.length !== n) {
    throw new Error(`invalid marginCtsMatrixChart data: ${n} GM %, ${data.ctsPct.length} CTS %, ${data.revenue.length} revenues, ${data.tier.length} tiers`);
  }
  const dots: Dot[] = [];
  for (const i of stratifiedSample(data.tier, maxPoints)) {
    const x = data.ctsPct[i];
    const y = data.gmPct[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const t = data.tier[i];
    dots.push({ x, y, r: Math.max(0, data.revenue[i]), tier: t >= 0 ? data.tierNames[t] : 'No tier' });
  }
  if (dots.length === 0) return chartMessage('No customer has both GM % and CTS %: the matrix is empty.', document);
  const domain = [...data.tierNames, ...(dots.some((d) => d.tier === 'No tier') ? ['No tier'] : [])];
  const zones = [
    { label: 'Protect', frameAnchor: 'top-left' },
    { label: 'Fix CTS', frameAnchor: 'top-right' },
    { label: 'Build', frameAnchor: 'bottom-left' },
    { label: 'Danger', frameAnchor: 'bottom-right' },
  ] as const;
  const caption = `Cut-offs: GM ${data.gmCut.toFixed(1)}%, CTS ${data.ctsCut.toFixed(1)}%. Bubble size: revenue.${dots.length < n ? ` ${dots.length.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} customers drawn.` : ''}`;
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 52,
    ariaLabel: 'Margin x cost-to-serve matrix: GM % against CTS % per customer, coloured by tier',
    ariaDescription: caption,
    caption,
    x: { label: 'CTS % of revenue', labelArrow: 'none', grid: true, nice: true },
    y: { label: 'Gross margin %', labelArrow: 'none', grid: true, nice: true },
    r: { range: [1.5, 14] },
    color: { domain, range: [...tierColors(data.tierNames), '#c9ccd1'], legend: true },
    marks: [
      Plot.ruleX([data.ctsCut], { stroke: '#1d2530', strokeDasharray: '5,3', className: 'tb-matrix-cut' }),
      Plot.ruleY([data.gmCut], { stroke: '#1d2530', strokeDasharray: '5,3', className: 'tb-matrix-cut' }),
      Plot.dot(dots, { x: 'x', y: 'y', r: 'r', fill: 'tier', fillOpacity: 0.6, stroke: 'white', strokeWidth: 0.5, className: 'tb-matrix-dot' }),
      ...zones.map((z) =>
        Plot.text([z.label], { text: (d: string) => d, frameAnchor: z.frameAnchor, dx: z.frameAnchor.endsWith('left') ? 6 : -6, dy: z.frameAnchor.startsWith('top') ? 6 : -6, fontSize: 14, fontWeight: 'bold', fill: '#1d2530', stroke: 'white', strokeWidth: 3, className: 'tb-matrix-zone' }),
      ),
    ],
  });
}
