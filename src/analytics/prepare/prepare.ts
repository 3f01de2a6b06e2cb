import {
  applyTransformed,
  featureColumns,
  transformColumn,
  type Columns,
  type FeatureParams,
  type PreparationParams,
  type PreparedData,
  type TransformedColumn,
} from './apply-preparation.ts';
import type { AnalyticsIssue } from '../issues.ts';
import {
  normalizePreparation,
  type NormalizedPreparation,
  type PreparationSpec,
} from './preparation-spec.ts';
import { quantileSorted } from './quantile.ts';
import { fitScaler } from './scale.ts';

/** Prepared data together with the fitted parameters that produced it. */
export interface Prepared extends PreparedData {
  /** Fitted parameters: re-apply with `applyPreparation(params, columns)`. */
  readonly params: PreparationParams;
  /**
   * Input rows set aside before fitting (`isolateRows` plus the top `isolateTop.n` by its raw
   * feature), ascending: the fixed Strategic segment. The one place top-N isolation happens.
   */
  readonly isolatedRows: Int32Array;
}

/** Rows set aside before fitting: the listed rows plus the top-N by a raw feature. */
function isolatedRows(spec: NormalizedPreparation, columns: Columns, n: number): number[] {
  const rows = new Set(spec.isolateRows.filter((r) => r >= 0 && r < n));
  const top = spec.isolateTop;
  if (top && top.n > 0) {
    const [col] = featureColumns(columns, [top.feature]);
    const order = Array.from({ length: n }, (_, i) => i).filter((i) => Number.isFinite(col[i]));
    order.sort((a, b) => col[b] - col[a] || a - b);
    for (const r of order.slice(0, top.n)) rows.add(r);
  }
  return [...rows].sort((a, b) => a - b);
}

/**
 * Fits a preparation on the given (reference) rows and applies it. Order: isolate accounts,
 * transform, missing values, outlier bounds (linear percentiles of the transformed values),
 * winsorize or exclude, then fit each scaler on the kept rows. Zero variance is reported and
 * the column is left at 0. Each column is transformed once, and sorted only when a percentile
 * is needed (median imputation, outlier bounds, robust scaling): a z-score or min-max fit takes
 * two passes, so preparing again on every step of a weight drag stays cheap.
 */
export function prepare(columns: Columns, spec: PreparationSpec): Prepared {
  const s = normalizePreparation(spec);
  const fit = fitOf(columns, s);
  // Weights enter only here: the fit above is the same for every weight (see `fitOf`).
  const params: PreparationParams = { ...fit.params, features: fit.params.features.map((f, j) => ({ ...f, weight: s.features[j].weight })) };
  const applied = applyTransformed(params, fit.transformed, { exclude: fit.isolated });
  const issues = [...fit.issues];
  if (applied.matrix.n === 0 && fit.n > 0) {
    issues.unshift({
      code: 'no-rows',
      message: `All ${fit.n} rows were left out (missing values, outliers or isolation); there is nothing to cluster.`,
    });
  }
  return { ...applied, issues: [...issues, ...applied.issues], params, isolatedRows: Int32Array.from(fit.isolated) };
}

/** Everything a preparation fits before the weights are applied. */
interface Fit {
  readonly n: number;
  readonly isolated: readonly number[];
  readonly transformed: readonly TransformedColumn[];
  readonly params: PreparationParams;
  readonly issues: readonly AnalyticsIssue[];
}

/**
 * The last fit made on each set of columns, by its settings without the weights: a weight drag
 * prepares again on every step, and only the weights change (the transform, the percentile
 * bounds and the correctly rounded mean and deviation cost about 15 ms at 50,000 x 5). Columns are
 * never mutated, so a fit found here is the one a fresh call would compute.
 */
const lastFit = new WeakMap<Columns, { readonly key: string; readonly fit: Fit }>();

function fitOf(columns: Columns, s: NormalizedPreparation): Fit {
  const key = JSON.stringify({ ...s, features: s.features.map((f) => ({ ...f, weight: 0 })) });
  const kept = lastFit.get(columns);
  if (kept?.key === key) return kept.fit;
  const fit = fitPreparation(columns, s);
  lastFit.set(columns, { key, fit });
  return fit;
}

function fitPreparation(columns: Columns, s: NormalizedPreparation): Fit {
  const names = s.features.map((f) => f.name);
  const cols = featureColumns(columns, names);
  const n = cols[0].length;
  const isolated = isolatedRows(s, columns, n);
  const eligible = new Uint8Array(n).fill(1);
  for (const r of isolated) eligible[r] = 0;
  if (s.missing === 'exclude') {
    for (let i = 0; i < n; i++) if (cols.some((c) => !Number.isFinite(c[i]))) eligible[i] = 0;
  }
  const { policy, lower, upper } = s.outliers;
  const transformed = s.features.map((f, j) => transformColumn(f.transform, cols[j]));
  /** The finite values of eligible rows, in row order. */
  const finite = (t: Float64Array): Float64Array => {
    let count = 0;
    for (let i = 0; i < n; i++) if (eligible[i] && Number.isFinite(t[i])) count++;
    const out = new Float64Array(count);
    for (let i = 0, c = 0; i < n; i++) if (eligible[i] && Number.isFinite(t[i])) out[c++] = t[i];
    return out;
  };
  // One sorted copy per column, made only when a percentile is asked for.
  const sortedCache = new Map<number, Float64Array>();
  const sorted = (j: number): Float64Array => {
    let out = sortedCache.get(j);
    if (!out) sortedCache.set(j, (out = finite(transformed[j].values).sort()));
    return out;
  };
  const impute = transformed.map((_, j) => {
    if (s.missing !== 'median') return null;
    const values = sorted(j);
    if (!values.length) throw new Error(`column "${names[j]}" has no numeric values to take a median from`);
    return quantileSorted(values, 0.5);
  });
  const bounds = transformed.map((_, j) => {
    if (policy === 'keep') return { lo: null, hi: null };
    const values = sorted(j);
    return { lo: quantileSorted(values, lower), hi: quantileSorted(values, upper) };
  });
  // What each scaler is fitted on: the transformed values after imputation and outlier handling.
  const fitted = transformed.map(({ values }, j) => {
    const { lo, hi } = bounds[j];
    if (impute[j] === null && lo === null) return values;
    const t = Float64Array.from(values);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(t[i])) t[i] = impute[j] ?? NaN;
      else if (lo !== null && hi !== null && (t[i] < lo || t[i] > hi)) {
        if (policy === 'exclude') eligible[i] = 0;
        else t[i] = t[i] < lo ? lo : hi;
      }
    }
    return t;
  });
  const issues: AnalyticsIssue[] = [];
  const features: FeatureParams[] = s.features.map((f, j) => {
    const fit = fitScaler(f.scaling, finite(fitted[j]));
    if (fit.degenerate === 'zero-variance') {
      issues.push({
        code: 'zero-variance',
        feature: f.name,
        message: `"${f.name}" has the same value in every row; it is left at 0 and does not affect clustering.`,
      });
    } else if (fit.degenerate === 'zero-iqr') {
      issues.push({
        code: 'zero-iqr',
        feature: f.name,
        message: `"${f.name}" has an interquartile range of 0 (more than half its values are equal); robust scaling divides it by its standard deviation (${fit.scale.toPrecision(3)}) instead.`,
      });
    }
    return {
      name: f.name,
      transform: f.transform,
      scaling: f.scaling,
      weight: f.weight,
      center: fit.center,
      scale: fit.scale,
      lower: bounds[j].lo,
      upper: bounds[j].hi,
      impute: impute[j],
    };
  });
  const params: PreparationParams = {
    kind: 'tierbook-preparation',
    version: 1,
    outlierPolicy: policy,
    missing: s.missing,
    features,
  };
  return { n, isolated, transformed, params, issues };
}
