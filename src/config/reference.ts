import type { SegmentationConfig } from './segmentation-config.ts';

/**
 * Checks an imported (reference) config against the config the notebook recomputes after the
 * import: every claim it makes about the preparation, the model, the data and the assignments.
 */

/** One claim of the reference that the recomputation does not bear out. */
export interface ReferenceDifference {
  /** Where, e.g. `preparation.features[cts_pct].weight`, `model.sizes`, `assignmentsHash`. */
  readonly part: string;
  /** Both values as short text. */
  readonly claimed: string;
  readonly recomputed: string;
}

export interface ReferenceCheck {
  /** Every claim was reproduced. */
  readonly reproduced: boolean;
  /** The data fingerprints agree (the config was made on this file). */
  readonly sameData: boolean;
  readonly differences: readonly ReferenceDifference[];
  /** How many values were compared. */
  readonly compared: number;
}

/**
 * Relative tolerance for fitted numbers (scaling parameters, centroids, inertia, explained
 * variance). The same code on the same data reproduces them bit for bit in one JavaScript
 * engine; the slack covers `Math.log1p` and friends, whose last bit may differ between engines.
 */
export const REFERENCE_TOLERANCE = 1e-9;

const short = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

const close = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= REFERENCE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));

/** Equal as data: numbers within the tolerance when `fitted`, everything else exactly. */
function same(a: unknown, b: unknown, fitted: boolean): boolean {
  if (typeof a === 'number' && typeof b === 'number') return fitted ? close(a, b) : a === b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i], fitted));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], fitted));
  }
  return a === b;
}

/**
 * Compares what `claimed` says with what `recomputed` holds and names each part that differs:
 * the data (fingerprint, rows, kind, id column, row accounting), the features, the preparation
 * (policies; per feature the transform, scaling, weight and fitted parameters), the model
 * (algorithm, method, k, seed, restarts, DBSCAN parameters, centroids, sizes, inertia, noise),
 * the Strategic accounts, the explained variance, the settings and the assignments hash.
 */
export function checkReference(claimed: SegmentationConfig, recomputed: SegmentationConfig): ReferenceCheck {
  const differences: ReferenceDifference[] = [];
  let compared = 0;
  const compare = (part: string, a: unknown, b: unknown, fitted = false): void => {
    compared++;
    if (!same(a, b, fitted)) differences.push({ part, claimed: short(a), recomputed: short(b) });
  };

  const d = [claimed.data, recomputed.data];
  compare('data.fingerprint', d[0].fingerprint, d[1].fingerprint);
  compare('data.rows', d[0].rows, d[1].rows);
  compare('data.kind', d[0].kind, d[1].kind);
  compare('data.idColumn', d[0].idColumn, d[1].idColumn);
  compare('data.import', d[0].import, d[1].import);
  compare('data.quality', d[0].quality ?? null, d[1].quality ?? null);

  compare('features', claimed.features, recomputed.features);
  const p = [claimed.preparation, recomputed.preparation];
  compare('preparation.outlierPolicy', p[0].outlierPolicy, p[1].outlierPolicy);
  compare('preparation.missing', p[0].missing, p[1].missing);
  const ours = new Map(p[1].features.map((f) => [f.name, f]));
  for (const f of p[0].features) {
    const other = ours.get(f.name);
    if (!other) {
      compare(`preparation.features[${f.name}]`, f.name, null);
      continue;
    }
    for (const key of ['transform', 'scaling', 'weight'] as const) compare(`preparation.features[${f.name}].${key}`, f[key], other[key]);
    for (const key of ['center', 'scale', 'lower', 'upper', 'impute'] as const) compare(`preparation.features[${f.name}].${key}`, f[key], other[key], true);
  }
  for (const f of p[1].features) if (!p[0].features.some((c) => c.name === f.name)) compare(`preparation.features[${f.name}]`, null, f.name);

  const m = [claimed.model, recomputed.model];
  for (const key of ['algorithm', 'method', 'k', 'seed', 'restarts', 'noise', 'eps', 'minPoints', 'sizes'] as const) {
    compare(`model.${key}`, m[0][key] ?? null, m[1][key] ?? null);
  }
  compare('model.centroids', m[0].centroids, m[1].centroids, true);
  compare('model.inertia', m[0].inertia, m[1].inertia, true);

  compare('strategic', claimed.strategic, recomputed.strategic);
  compare('pca.explainedVarianceRatio', claimed.pca.explainedVarianceRatio, recomputed.pca.explainedVarianceRatio, true);
  const names = new Set([...Object.keys(claimed.inputs), ...Object.keys(recomputed.inputs)]);
  for (const name of [...names].sort()) compare(`inputs.${name}`, claimed.inputs[name] ?? null, recomputed.inputs[name] ?? null);
  compare('assignmentsHash', claimed.assignmentsHash, recomputed.assignmentsHash);

  return { reproduced: differences.length === 0, sameData: d[0].fingerprint === d[1].fingerprint, differences, compared };
}

/** A one-paragraph verdict, naming the differing parts (at most `shown` of them). */
export function describeCheck(check: ReferenceCheck, rows: number, shown = 6): string {
  const count = rows.toLocaleString('en-US');
  if (check.reproduced) return `Reproduced: all ${check.compared} claims of the imported config hold, and the same ${count} assignments result.`;
  const parts = check.differences.map((d) => d.part);
  const list = parts.slice(0, shown).join(', ') + (parts.length > shown ? ` and ${parts.length - shown} more` : '');
  const data = check.sameData ? '' : 'It was made on other data. ';
  return `${data}Not reproduced: ${parts.length} of ${check.compared} claims differ (${list}).`;
}
