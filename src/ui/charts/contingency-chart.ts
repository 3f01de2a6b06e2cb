import * as Plot from '@observablehq/plot';
import { formatCount, formatNumber, formatPercent } from '../format.ts';
import { chartMessage } from './k-metrics-chart.ts';

/** A contingency table of two partitions, as from `contingency(a, b)` with display labels. */
export interface ContingencyChartData {
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  /** counts[i][j]: customers in row i and column j. */
  readonly counts: readonly (readonly number[])[];
  /** Adjusted Rand index of the two partitions, shown in the caption with its band. */
  readonly ari?: number;
  /** What the rows are, e.g. "k-means". */
  readonly rowTitle: string;
  /** What the columns are, e.g. "Ward". */
  readonly columnTitle: string;
}

export interface ContingencyChartOptions {
  /** In CSS pixels. Default: 56 px per column plus the row labels, at least 320. */
  readonly width?: number;
  /** In CSS pixels. Default: 32 px per row plus the axes. */
  readonly height?: number;
  readonly document?: Document;
}

interface Cell {
  readonly row: string;
  readonly column: string;
  readonly count: number;
  readonly rowShare: number;
}

/** Agreement bands of DOMAIN §5.6. */
export function ariBand(ari: number): 'excellent' | 'good' | 'moderate' | 'poor' {
  if (ari >= 0.9) return 'excellent';
  if (ari >= 0.8) return 'good';
  if (ari >= 0.65) return 'moderate';
  return 'poor';
}

// On the Blues scheme a cell past ~55% of the maximum is dark enough for white text.
const DARK_FROM = 0.55;

function check(data: ContingencyChartData): void {
  const { rowLabels, columnLabels, counts } = data;
  if (counts.length !== rowLabels.length)
    throw new Error(
      `invalid contingencyChart data: ${counts.length} count rows but ${rowLabels.length} row labels`,
    );
  counts.forEach((row, i) => {
    if (row.length !== columnLabels.length)
      throw new Error(
        `invalid contingencyChart data: row ${i + 1} has ${row.length} counts but there are ${columnLabels.length} column labels`,
      );
  });
  for (const [name, labels] of [
    ['row', rowLabels],
    ['column', columnLabels],
  ] as const) {
    const duplicate = labels.find((l, i) => labels.indexOf(l) !== i);
    if (duplicate !== undefined)
      throw new Error(`invalid contingencyChart data: duplicate ${name} label "${duplicate}"`);
  }
}

/**
 * Heatmap of a contingency table: one cell per (row, column) pair shaded by its count, the count
 * written in the cell in a colour that stays readable on light and dark cells, and the ARI with its
 * agreement band in the caption.
 */
export function contingencyChart(
  data: ContingencyChartData,
  options: ContingencyChartOptions = {},
): SVGSVGElement | HTMLElement {
  check(data);
  const { rowLabels, columnLabels, counts, ari, rowTitle, columnTitle } = data;
  const { document } = options;
  if (rowLabels.length === 0 || columnLabels.length === 0)
    return chartMessage('No contingency table to show: one of the partitions is empty.', document);

  const cells: Cell[] = [];
  let max = 0;
  let total = 0;
  counts.forEach((row, i) => {
    const rowTotal = row.reduce((s, c) => s + c, 0);
    row.forEach((count, j) => {
      cells.push({
        row: rowLabels[i],
        column: columnLabels[j],
        count,
        rowShare: rowTotal > 0 ? count / rowTotal : 0,
      });
      max = Math.max(max, count);
      total += count;
    });
  });

  const longest = Math.max(...rowLabels.map((l) => l.length));
  const marginLeft = Math.min(180, 24 + 7 * longest);
  const {
    width = Math.max(320, marginLeft + 20 + 56 * columnLabels.length),
    height = 70 + 32 * rowLabels.length,
  } = options;

  const parts = [
    `${formatCount(total)} customers by ${rowTitle} (rows, ${rowLabels.length}) and ${columnTitle} (columns, ${columnLabels.length}); darker cells hold more customers.`,
  ];
  if (ari !== undefined && Number.isFinite(ari))
    parts.push(
      `Adjusted Rand index ${formatNumber(ari)}: ${ariBand(ari)} agreement (excellent from 0.90, good from 0.80, moderate from 0.65).`,
    );
  const caption = parts.join(' ');

  return Plot.plot({
    document,
    width,
    height,
    marginLeft,
    marginRight: 12,
    marginTop: 40,
    marginBottom: 8,
    padding: 0.04,
    ariaLabel: `Contingency table of ${rowTitle} against ${columnTitle}`,
    ariaDescription: caption,
    caption,
    x: { axis: 'top', label: columnTitle, labelArrow: 'none', domain: [...columnLabels], tickSize: 0 },
    y: { label: rowTitle, labelArrow: 'none', domain: [...rowLabels], tickSize: 0 },
    color: { type: 'linear', scheme: 'blues', domain: [0, Math.max(1, max)] },
    marks: [
      Plot.cell(cells, {
        x: 'column',
        y: 'row',
        fill: 'count',
        className: 'tb-contingency-cells',
        title: (c: Cell) =>
          `${rowTitle} ${c.row}, ${columnTitle} ${c.column}: ${formatCount(c.count)} (${formatPercent(c.rowShare)} of the row)`,
      }),
      // Two marks with constant fills: a fill channel would go through the blues colour scale.
      ...[false, true].map((dark) =>
        Plot.text(
          cells.filter((c) => (max > 0 && c.count / max > DARK_FROM) === dark),
          {
            x: 'column',
            y: 'row',
            text: (c: Cell) => formatCount(c.count),
            fill: dark ? 'white' : '#1d2530',
            className: 'tb-contingency-counts',
          },
        ),
      ),
    ],
  });
}
