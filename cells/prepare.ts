import { cell, choice, multiselect, select, slider, text, weights as weightsInput } from '../src/runtime/index.ts';
import { prepare, type Prepared } from '../src/analytics/prepare/prepare.ts';
import { OUTLIER_POLICIES, SCALINGS, TRANSFORMS } from '../src/analytics/prepare/preparation-spec.ts';
import { numericColumns, table } from './data.ts';
import { textBlock } from './view-helpers.ts';
import { keywordPairs } from './keyword-pairs.ts';

/** Features of the bundled sample chosen when a notebook opens for the first time. */
export const DEFAULT_FEATURES = ['revenue', 'order_frequency', 'gross_margin_pct', 'cts_pct', 'returns_rate'];
/** With no chosen feature in the data, this many numeric columns are used, in file order. */
const FALLBACK_FEATURES = 6;

export const features = multiselect({
  name: 'features',
  title: 'Features',
  options: numericColumns,
  value: DEFAULT_FEATURES,
  description: 'Numeric columns that describe a customer for clustering.',
});

export const scaling = select({
  name: 'scaling',
  title: 'Scaling',
  options: SCALINGS,
  value: 'zscore',
  description: 'z-score: (x − mean) / standard deviation; min-max: to [0, 1]; robust: (x − median) / IQR.',
});

export const transform = select({
  name: 'transform',
  title: 'Transform',
  options: TRANSFORMS,
  value: 'signed-log1p',
  description:
    'signed-log1p = sign(x) · ln(1 + |x|) tames skewed money and volume columns before scaling and keeps losses negative (it equals log1p = ln(1 + x) on values ≥ 0); log1p clips negatives to 0.',
});

/** The chosen features that exist in the data; all numeric columns (up to six) when none do. */
export const activeFeatures = cell({
  name: 'activeFeatures',
  title: 'Active features',
  hidden: true,
  inputs: { features, numericColumns },
  run: ({ features, numericColumns }): readonly string[] => {
    const present = features.filter((f) => numericColumns.includes(f));
    if (present.length > 0) return present;
    if (numericColumns.length === 0) throw new Error('the data has no numeric column to cluster on');
    return numericColumns.slice(0, FALLBACK_FEATURES);
  },
});

export const weights = weightsInput({
  name: 'weights',
  title: 'Feature weights',
  keys: activeFeatures,
  min: 0,
  max: 5,
  step: 0.1,
  description: 'A weight w multiplies the feature’s share of the squared distance (column × √w).',
});

export const transformOverrides = text({
  name: 'transforms',
  title: 'Per-feature transforms',
  description: 'Exceptions to the transform above, e.g. revenue=log1p,cts_pct=none.',
});

/** Parses `feature=none|log1p|signed-log1p,...`, naming the part at fault. */
export function parseTransforms(textValue: string): Record<string, (typeof TRANSFORMS)[number]> {
  return keywordPairs(textValue, TRANSFORMS, 'per-feature transforms', 'feature=none, feature=log1p or feature=signed-log1p');
}

export const outlierPolicy = select({
  name: 'outliers',
  title: 'Outliers',
  options: OUTLIER_POLICIES,
  value: 'keep',
  description: 'keep; winsorize (clamp to the percentiles below); exclude (left out of clustering and counted).',
});

export const outlierPercentile = slider({
  name: 'outlierPct',
  title: 'Outlier percentile',
  min: 90,
  max: 99.9,
  step: 0.1,
  value: 99,
  unit: '%',
  description: 'Values above this percentile (and below 100 minus it) count as outliers.',
});

export const strategicIds = text({
  name: 'strategic',
  title: 'Strategic accounts',
  description: 'Customer ids (comma-separated) kept out of clustering as a fixed Strategic segment.',
});

export const strategicTop = slider({
  name: 'strategicTop',
  title: 'Top accounts kept as Strategic',
  min: 0,
  max: 50,
  value: 0,
  description: 'The largest accounts by the column below also form the Strategic segment.',
});

export const strategicBy = choice({ name: 'strategicBy', title: 'Largest by', options: numericColumns, value: 'revenue' });

/** Rows set aside as the Strategic segment, and ids that named no customer. */
export interface Strategic {
  readonly rows: readonly number[];
  readonly unknownIds: readonly string[];
  readonly topBy: string | null;
}

export const strategic = cell({
  name: 'strategicRows',
  title: 'Strategic accounts',
  hidden: true,
  inputs: { table, strategicIds, strategicTop, strategicBy },
  run: ({ table, strategicIds, strategicTop, strategicBy }): Strategic => {
    const wanted = strategicIds.split(',').map((s) => s.trim()).filter((s) => s !== '');
    const index = new Map(table.ids.map((id, row) => [id.toUpperCase(), row]));
    const rows = new Set<number>();
    const unknownIds: string[] = [];
    for (const id of wanted) {
      const row = index.get(id.toUpperCase());
      if (row === undefined) unknownIds.push(id);
      else rows.add(row);
    }
    const by = table.numericColumns.includes(strategicBy) ? strategicBy : (table.numericColumns[0] ?? null);
    if (strategicTop > 0 && by) {
      const col = table.columns[by];
      const order = Array.from({ length: table.rowCount }, (_, i) => i).filter((i) => Number.isFinite(col[i]));
      order.sort((a, b) => col[b] - col[a] || a - b);
      for (const r of order.slice(0, strategicTop)) rows.add(r);
    }
    return { rows: [...rows].sort((a, b) => a - b), unknownIds, topBy: strategicTop > 0 ? by : null };
  },
});

export const prepared = cell({
  name: 'prepared',
  title: 'Prepared matrix',
  inputs: { table, activeFeatures, scaling, transform, transformOverrides, weights, outlierPolicy, outlierPercentile, strategic },
  run: (v): Prepared => {
    const used = Object.fromEntries(Object.entries(v.weights).filter(([f]) => v.activeFeatures.includes(f)));
    const upper = v.outlierPercentile / 100;
    const overrides = parseTransforms(v.transformOverrides);
    return prepare(v.table.columns, {
      features: v.activeFeatures.map((f) => (overrides[f] ? { name: f, transform: overrides[f] } : f)),
      scaling: v.scaling,
      transform: v.transform,
      weights: used,
      outliers: { policy: v.outlierPolicy, lower: Math.max(0, 1 - upper), upper },
      isolateRows: v.strategic.rows,
    });
  },
  view: (p, { document }) =>
    textBlock(document, [
      `${p.matrix.n.toLocaleString('en-US')} customers × ${p.features.length} features, ` +
        p.params.features.map((f) => `${f.name} ×${f.weight}`).join(', '),
      ...(p.excludedRows.length > 0
        ? [`${p.excludedRows.length.toLocaleString('en-US')} customers are not clustered (Strategic accounts, outliers or missing values; see below).`]
        : []),
      ...p.issues.map((i) => `⚠ ${i.message}`),
    ]),
});
