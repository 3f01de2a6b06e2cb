import { cell, multiselect, select, weights as weightsInput } from '../src/runtime/index.ts';
import { prepare, type Prepared } from '../src/analytics/prepare.ts';
import { SCALINGS, TRANSFORMS } from '../src/analytics/preparation-spec.ts';
import { numericColumns, table } from './data.ts';
import { textBlock } from './view-helpers.ts';

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
  value: 'none',
  description: 'log1p = ln(1 + x) tames skewed money and volume columns before scaling.',
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

export const prepared = cell({
  name: 'prepared',
  title: 'Prepared matrix',
  inputs: { table, activeFeatures, scaling, transform, weights },
  run: ({ table, activeFeatures, scaling, transform, weights }): Prepared => {
    const used = Object.fromEntries(Object.entries(weights).filter(([f]) => activeFeatures.includes(f)));
    return prepare(table.columns, { features: activeFeatures, scaling, transform, weights: used });
  },
  view: (p, { document }) =>
    textBlock(document, [
      `${p.matrix.n.toLocaleString('en-US')} customers × ${p.features.length} features, ` +
        p.params.features.map((f) => `${f.name} ×${f.weight}`).join(', '),
      ...(p.excludedRows.length > 0 ? [`${p.excludedRows.length} customers left out (see below).`] : []),
      ...p.issues.map((i) => `⚠ ${i.message}`),
    ]),
});
