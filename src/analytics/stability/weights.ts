import type { Matrix } from '../matrix.ts';

/** The features of a prepared matrix and the weights it was prepared with, in column order. */
export interface Weighting {
  /** Feature names, one per matrix column. */
  readonly features: readonly string[];
  /** Weights (finite, >= 0); column j holds the scaled feature times sqrt(weights[j]). Default all 1. */
  readonly weights?: readonly number[];
}

/** Checks a weighting against the matrix; returns the weights with the default filled in. */
export function normalizeWeighting(m: Matrix, w: Weighting): { features: readonly string[]; weights: readonly number[] } {
  if (w.features.length !== m.d) {
    throw new Error(`invalid features: ${w.features.length} names for ${m.d} matrix columns`);
  }
  const twice = w.features.find((f, j) => w.features.indexOf(f) !== j);
  if (twice !== undefined) throw new Error(`invalid features: "${twice}" is listed twice`);
  const weights = w.weights ?? w.features.map(() => 1);
  if (weights.length !== m.d) throw new Error(`invalid weights: ${weights.length} values for ${m.d} features`);
  weights.forEach((x, j) => {
    if (!(Number.isFinite(x) && x >= 0)) {
      throw new Error(`invalid weight for "${w.features[j]}": ${x} (expected a finite number >= 0)`);
    }
  });
  return { features: w.features, weights };
}

/**
 * Weights after multiplying each weight j by `factors[j]`, renormalised so that they add up to
 * the same total as before. The total is kept because DBSCAN's eps is a distance: without it,
 * raising one weight would also stretch every distance and change the result for that reason
 * alone. (k-means and Ward do not depend on the total: scaling every column alike changes
 * neither k-means++ draws, nor assignments, nor Ward's merge order.)
 */
export function reweigh(weights: readonly number[], factors: readonly number[]): number[] {
  const changed = weights.map((w, j) => w * factors[j]);
  const before = weights.reduce((s, w) => s + w, 0);
  const after = changed.reduce((s, w) => s + w, 0);
  return after > 0 ? changed.map((w) => (w * before) / after) : changed;
}

/** The weights with weight j changed by `change` (0.1 = +10%), renormalised to the same total. */
export function stepWeight(weights: readonly number[], j: number, change: number): number[] {
  return reweigh(
    weights,
    weights.map((_, t) => (t === j ? 1 + change : 1)),
  );
}

/**
 * The matrix as it would have been prepared with weights `to` instead of `from`: column j is
 * multiplied by sqrt(to[j] / from[j]) (exact, as preparation is linear in sqrt(weight)). A
 * column with weight 0 holds zeros and stays so. Columns whose new weight is null are left out.
 */
export function reweighMatrix(m: Matrix, from: readonly number[], to: readonly (number | null)[]): Matrix {
  const keep: number[] = [];
  const factor: number[] = [];
  to.forEach((w, j) => {
    if (w === null) return;
    keep.push(j);
    factor.push(from[j] > 0 ? Math.sqrt(w / from[j]) : 1);
  });
  const { n, d } = m;
  const dd = keep.length;
  const data = new Float64Array(n * dd);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < dd; t++) data[i * dd + t] = m.data[i * d + keep[t]] * factor[t];
  }
  return { n, d: dd, data };
}
