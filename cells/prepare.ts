import { cell, choice, multiselect, select, slider, SuggestingError, text, weights as weightsInput } from '../src/runtime/index.ts';
import { prepare, type Prepared } from '../src/analytics/prepare/prepare.ts';
import {
  OUTLIER_POLICIES,
  SCALINGS,
  TRANSFORMS,
  type OutlierPolicy,
  type PreparationSpec,
  type Scaling,
  type Transform,
} from '../src/analytics/prepare/preparation-spec.ts';
import { orList } from '../src/analytics/keyword.ts';
import { numericColumns, table } from './data.ts';
import { textBlock } from './view-helpers.ts';
import { keywordPairs } from './keyword-pairs.ts';

/** Features of the bundled sample chosen when a notebook opens for the first time. */
export const DEFAULT_FEATURES = ['revenue', 'order_frequency', 'gross_margin_pct', 'cts_pct', 'returns_rate'];

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

const list = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/**
 * The chosen features, checked against the data. A feature the data lacks is an error naming it
 * (never a silent switch to other columns), with a one-click fix keeping the ones it has.
 */
export const activeFeatures = cell({
  name: 'activeFeatures',
  title: 'Features',
  hidden: true,
  inputs: { features, numericColumns },
  run: ({ features: chosen, numericColumns }): readonly string[] => {
    if (numericColumns.length === 0) throw new Error('The data has no numeric column to cluster on.');
    const missing = chosen.filter((f) => !numericColumns.includes(f));
    if (missing.length === 0) return chosen;
    const present = chosen.filter((f) => numericColumns.includes(f));
    const what = missing.length === 1 ? `Feature ${list(missing)} is` : `Features ${list(missing)} are`;
    throw new SuggestingError(
      `${what} not a numeric column of this data. Choose among: ${numericColumns.join(', ')}.`,
      present.length > 0 ? [{ input: features, value: present, label: `Keep ${present.join(', ')}`, reason: 'the chosen features this data has' }] : [],
    );
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

/** Parses `feature=<transform>,...`, naming the part at fault. */
export function parseTransforms(textValue: string): Record<string, (typeof TRANSFORMS)[number]> {
  return keywordPairs(textValue, TRANSFORMS, 'per-feature transforms', orList(TRANSFORMS.map((t) => `feature=${t}`)));
}

export const transformOverrides = text({
  name: 'transforms',
  title: 'Per-feature transforms',
  description: 'Exceptions to the transform above, e.g. revenue=log1p,cts_pct=none.',
  check: parseTransforms,
});

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

/** The named Strategic accounts found in the data (rows), and ids that named no customer. */
export interface Strategic {
  readonly rows: readonly number[];
  readonly unknownIds: readonly string[];
}

/** Resolves the listed account ids to rows (ids compare without case); top-N is `prepare`'s. */
export const strategic = cell({
  name: 'strategicRows',
  title: 'Strategic accounts',
  hidden: true,
  inputs: { table, strategicIds },
  run: ({ table, strategicIds }): Strategic => {
    const wanted = strategicIds.split(',').map((s) => s.trim()).filter((s) => s !== '');
    const index = new Map(table.ids.map((id, row) => [id.toUpperCase(), row]));
    const rows = new Set<number>();
    const unknownIds: string[] = [];
    for (const id of wanted) {
      const row = index.get(id.toUpperCase());
      if (row === undefined) unknownIds.push(id);
      else rows.add(row);
    }
    return { rows: [...rows].sort((a, b) => a - b), unknownIds };
  },
});

/** The preparation inputs' values, as `preparationSpecOf` reads them. */
export interface PreparationChoices {
  readonly activeFeatures: readonly string[];
  readonly scaling: Scaling;
  readonly transform: Transform;
  readonly transformOverrides: string;
  readonly weights: Readonly<Record<string, number>>;
  readonly outlierPolicy: OutlierPolicy;
  readonly outlierPercentile: number;
}

/** The inputs `preparationSpecOf` reads: a cell that prepares data as `prepared` does lists these. */
export const preparationInputs = { activeFeatures, scaling, transform, transformOverrides, weights, outlierPolicy, outlierPercentile };

/**
 * The preparation the notebook's inputs ask for, without the Strategic accounts (which are rows
 * of one table): what `prepared` fits, and what stability across periods fits on each period.
 */
export function preparationSpecOf(v: PreparationChoices): PreparationSpec {
  const used = Object.fromEntries(Object.entries(v.weights).filter(([f]) => v.activeFeatures.includes(f)));
  const upper = v.outlierPercentile / 100;
  const overrides = parseTransforms(v.transformOverrides);
  return {
    features: v.activeFeatures.map((f) => (overrides[f] ? { name: f, transform: overrides[f] } : f)),
    scaling: v.scaling,
    transform: v.transform,
    weights: used,
    outliers: { policy: v.outlierPolicy, lower: Math.max(0, 1 - upper), upper },
  };
}

export const prepared = cell({
  name: 'prepared',
  title: 'Prepared matrix',
  inputs: {
    table,
    ...preparationInputs,
    strategic,
    strategicTop,
    strategicBy,
  },
  run: (v): Prepared => {
    if (v.strategicTop > 0 && !v.table.numericColumns.includes(v.strategicBy)) {
      throw new Error(`Strategic accounts: "${v.strategicBy}" is not a numeric column of this data; choose "Largest by" among: ${v.table.numericColumns.join(', ')}.`);
    }
    const result = prepare(v.table.columns, {
      ...preparationSpecOf(v),
      isolateRows: v.strategic.rows,
      isolateTop: { feature: v.strategicBy, n: v.strategicTop },
    });
    const unknown = v.strategic.unknownIds;
    if (unknown.length === 0) return result;
    const issue = {
      code: 'unknown-strategic-ids',
      message: `${unknown.length} Strategic account id${unknown.length === 1 ? ' names' : 's name'} no customer of this data: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}.`,
    };
    return { ...result, issues: [issue, ...result.issues] };
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
