import * as Plot from '@observablehq/plot';
import { formatCount } from '../format.ts';
import { chartMessage } from './k-metrics-chart.ts';

/** A migration matrix between two clusterings (as `MigrationMatrix` of the stability analytics). */
export interface MigrationChartData {
  /** Row and column names, e.g. `Cluster 1`, `Noise`, `Absent`. */
  readonly groups: readonly string[];
  /** values[from][to]. */
  readonly values: readonly (readonly number[])[];
  /** What the values are: `customers` or `revenue` (rounded to whole units for the labels). */
  readonly measure: 'customers' | 'revenue';
  /** The earlier clustering (rows), e.g. `2024-01..2024-06`. */
  readonly from: string;
  /** The later clustering (columns). */
  readonly to: string;
}

export interface MigrationChartOptions {
  /** In CSS pixels. Default: 80 px per column plus the row labels. */
  readonly width?: number;
  readonly document?: Document;
}

/**
 * Heatmap of a migration matrix: rows the earlier clustering, columns the later one, each cell
 * shaded by its value and labelled with it; the diagonal is what stayed.
 */
export function migrationChart(data: MigrationChartData, options: MigrationChartOptions = {}): SVGSVGElement | HTMLElement {
  const { document } = options;
  const { groups, values, measure, from, to } = data;
  if (groups.length === 0) return chartMessage('No customers to compare.', document);
  const cells = groups.flatMap((row, i) => groups.map((column, j) => ({ row, column, value: values[i][j], text: formatCount(Math.round(values[i][j])) })));
  const max = Math.max(1, ...cells.map((c) => c.value));
  const marginLeft = 24 + 7 * Math.max(...groups.map((g) => g.length), from.length / 2);
  const { width = Math.max(360, marginLeft + 30 + 80 * groups.length) } = options;
  return Plot.plot({
    document,
    width,
    height: 80 + 34 * groups.length,
    marginLeft,
    marginTop: 50,
    padding: 0.04,
    ariaLabel: `Migration of ${measure} from ${from} to ${to}`,
    x: { axis: 'top', label: `${to} →`, labelArrow: 'none', domain: [...groups], tickSize: 0 },
    y: { label: `${from} ↓`, labelArrow: 'none', domain: [...groups], tickSize: 0 },
    color: { type: 'linear', scheme: 'blues', domain: [0, max] },
    marks: [
      Plot.cell(cells, { x: 'column', y: 'row', fill: 'value', className: 'tb-migration-cells', title: (c) => `${c.row} → ${c.column}: ${measure === 'revenue' ? `revenue ${c.text}` : `${c.text} customer${c.value === 1 ? '' : 's'}`}` }),
      // Dark text on light cells, white on dark ones (past ~55% of the maximum on the blues
      // scheme); two marks with constant fills, as a fill channel would go through the colour scale.
      ...[false, true].map((dark) =>
        Plot.text(
          cells.filter((c) => c.value / max > 0.55 === dark),
          { x: 'column', y: 'row', text: 'text', fill: dark ? 'white' : '#1d2530' },
        ),
      ),
    ],
  });
}
