import { formatRows, type AnalyticsIssue } from '../issues.ts';
import type { Matrix } from '../matrix.ts';
import type { MissingPolicy, OutlierPolicy, Scaling, Transform } from './preparation-spec.ts';
import { clipsValue, transformValue } from './transform.ts';

/** Raw columns by name; all selected columns must have the same length. */
export type Columns = Readonly<Record<string, ArrayLike<number>>>;

/** Everything needed to re-apply one feature's preparation to new rows (or to write it as SQL). */
export interface FeatureParams {
  /** Column name. */
  readonly name: string;
  readonly transform: Transform;
  readonly scaling: Scaling;
  /** Feature weight; the scaled value is multiplied by sqrt(weight). */
  readonly weight: number;
  /** Subtracted after transform and winsorizing, in transformed units. */
  readonly center: number;
  /** Divisor, in transformed units; 0 means the feature was constant and outputs 0. */
  readonly scale: number;
  /** Lower outlier bound in transformed units (clamp or exclude); null when outliers are kept. */
  readonly lower: number | null;
  /** Upper outlier bound in transformed units; null when outliers are kept. */
  readonly upper: number | null;
  /** Replacement for a missing value, in transformed units; null when such rows are excluded. */
  readonly impute: number | null;
}

/** A fitted preparation: serialisable (JSON round-trips) and re-appliable to new data. */
export interface PreparationParams {
  readonly kind: 'tierbook-preparation';
  readonly version: 1;
  readonly outlierPolicy: OutlierPolicy;
  readonly missing: MissingPolicy;
  /** In matrix column order. */
  readonly features: readonly FeatureParams[];
}

/** The prepared matrix and how its rows relate to the input. */
export interface PreparedData {
  /** Prepared values, one row per kept input row. */
  readonly matrix: Matrix;
  /** Feature names in column order. */
  readonly features: readonly string[];
  /** For each matrix row, its input row index (ascending). */
  readonly rows: Int32Array;
  /** Input rows left out (isolated, missing values or outliers), ascending. */
  readonly excludedRows: Int32Array;
  readonly issues: readonly AnalyticsIssue[];
}

/** Options for `applyPreparation`. */
export interface ApplyOptions {
  /** Input rows to leave out regardless of their values (isolated accounts). Default none. */
  readonly exclude?: readonly number[];
}

const SHOWN = 5;

/** Looks up the feature columns and checks that they exist and have equal lengths. */
export function featureColumns(columns: Columns, names: readonly string[]): ArrayLike<number>[] {
  const cols = names.map((name) => {
    const c = columns[name];
    if (!c) throw new Error(`unknown column: "${name}"`);
    return c;
  });
  const n = cols.length ? cols[0].length : 0;
  cols.forEach((c, j) => {
    if (c.length !== n) throw new Error(`column "${names[j]}" has ${c.length} rows (expected ${n})`);
  });
  return cols;
}

/** One feature's column after its transform, with what the transform met. */
export interface TransformedColumn {
  /** Transformed values; NaN where the raw value is missing (NaN or infinite). */
  readonly values: Float64Array;
  /** Negative values clipped to 0 by log1p. */
  readonly clipped: number;
  readonly missing: number;
  /** The first few rows with a missing value, for the message. */
  readonly missingRows: readonly number[];
}

/** Transforms a raw column (log1p clips negatives); a missing raw value stays NaN. */
export function transformColumn(transform: Transform, raw: ArrayLike<number>): TransformedColumn {
  const n = raw.length;
  const values = new Float64Array(n);
  let clipped = 0;
  let missing = 0;
  const missingRows: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = raw[i];
    if (!Number.isFinite(x)) {
      missing++;
      if (missingRows.length < SHOWN) missingRows.push(i);
      values[i] = NaN;
      continue;
    }
    if (clipsValue(transform, x)) clipped++;
    values[i] = transformValue(transform, x);
  }
  return { values, clipped, missing, missingRows };
}

/**
 * Applies fitted preparation parameters to raw columns: transform (log1p clips negatives),
 * missing values (exclude or impute), outliers (clamp or exclude beyond the bounds), then
 * `(x - center) / scale * sqrt(weight)`, or 0 for a constant feature. Reports clipped,
 * missing, winsorized and excluded values as issues.
 */
export function applyPreparation(
  params: PreparationParams,
  columns: Columns,
  options: ApplyOptions = {},
): PreparedData {
  const cols = featureColumns(
    columns,
    params.features.map((f) => f.name),
  );
  return applyTransformed(
    params,
    cols.map((c, j) => transformColumn(params.features[j].transform, c)),
    options,
  );
}

/** `applyPreparation` on columns already transformed by `transformColumn` (read, never changed). */
export function applyTransformed(
  params: PreparationParams,
  transformed: readonly TransformedColumn[],
  options: ApplyOptions = {},
): PreparedData {
  const feats = params.features;
  const d = feats.length;
  const n = d ? transformed[0].values.length : 0;
  const excluded = new Uint8Array(n);
  const issues: AnalyticsIssue[] = [];
  for (const r of options.exclude ?? []) if (r >= 0 && r < n) excluded[r] = 1;
  const isolated = excluded.reduce((s, v) => s + v, 0);
  if (isolated > 0) {
    issues.push({ code: 'isolated', message: `${isolated} rows set aside before clustering.` });
  }
  const values: Float64Array[] = [];
  for (let j = 0; j < d; j++) {
    const f = feats[j];
    const { values: source, clipped, missing, missingRows } = transformed[j];
    const t = new Float64Array(n);
    let beyond = 0;
    for (let i = 0; i < n; i++) {
      let v = source[i];
      if (Number.isNaN(v)) {
        if (f.impute === null) {
          if (!excluded[i]) excluded[i] = 2;
          t[i] = 0;
        } else t[i] = f.impute;
        continue;
      }
      if ((f.lower !== null && v < f.lower) || (f.upper !== null && v > f.upper)) {
        beyond++;
        if (params.outlierPolicy === 'exclude') {
          if (!excluded[i]) excluded[i] = 3;
        } else v = f.lower !== null && v < f.lower ? f.lower : (f.upper as number);
      }
      t[i] = v;
    }
    if (clipped) {
      issues.push({
        code: 'negatives-clipped',
        feature: f.name,
        message: `"${f.name}": ${clipped} negative value${clipped === 1 ? '' : 's'} clipped to 0 before log1p; choose signed-log1p to keep ${clipped === 1 ? 'it' : 'them'}.`,
      });
    }
    if (missing) {
      const what = f.impute === null ? 'rows excluded' : `replaced by the median`;
      issues.push({
        code: 'missing-values',
        feature: f.name,
        message: `"${f.name}": ${missing} missing values (rows ${formatRows(missingRows, missing, SHOWN)}); ${what}.`,
      });
    }
    if (beyond) {
      const excl = params.outlierPolicy === 'exclude';
      issues.push({
        code: excl ? 'outliers-excluded' : 'winsorized',
        feature: f.name,
        message: `"${f.name}": ${beyond} values beyond the outlier percentiles ${excl ? 'excluded (whole row)' : 'clamped to the bounds'}.`,
      });
    }
    values.push(t);
  }
  const kept: number[] = [];
  const dropped: number[] = [];
  for (let i = 0; i < n; i++) (excluded[i] ? dropped : kept).push(i);
  const data = new Float64Array(kept.length * d);
  for (let j = 0; j < d; j++) {
    const { center, scale, weight } = feats[j];
    if (scale === 0) continue;
    const t = values[j];
    const factor = Math.sqrt(weight) / scale;
    for (let r = 0; r < kept.length; r++) data[r * d + j] = (t[kept[r]] - center) * factor;
  }
  return {
    matrix: { n: kept.length, d, data },
    features: feats.map((f) => f.name),
    rows: Int32Array.from(kept),
    excludedRows: Int32Array.from(dropped),
    issues,
  };
}
