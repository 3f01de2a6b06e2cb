import { Matrix as MlMatrix } from 'ml-matrix';
import { PCA } from 'ml-pca';
import { keyword } from '../prepare/preparation-spec.ts';
import type { Matrix } from '../matrix.ts';

/** How the principal axes are found; NIPALS is not offered (iterative, slower, approximate). */
export type PcaMethod = 'covarianceMatrix' | 'SVD';

/** PCA options. */
export interface PcaSpec {
  /** Number of components to keep (scores and loadings). Default: all (d). */
  readonly components?: number;
  /**
   * `covarianceMatrix` (default): the d x d covariance is accumulated in one pass over the
   * flat array and ml-pca eigendecomposes it; `SVD`: ml-pca's SVD of the centred data (copies it).
   */
  readonly method?: PcaMethod;
}

/** Principal components of a (prepared) matrix. */
export interface PcaResult {
  /** Number of components kept. */
  readonly components: number;
  /** Share of the total variance per component, for all d components (a scree plot), descending. */
  readonly explainedVarianceRatio: number[];
  /** Variance (n - 1 denominator) along each of the d components. */
  readonly eigenvalues: number[];
  /** components x features; each row a unit axis whose largest-|value| entry is positive. */
  readonly loadings: number[][];
  /** n x components scores (centred rows projected on the axes), row-major. */
  readonly scores: Float64Array;
  /** Column means subtracted before projecting. */
  readonly means: number[];
}

function columnMeans(m: Matrix): Float64Array {
  const means = new Float64Array(m.d);
  for (let i = 0, p = 0; i < m.n; i++) for (let t = 0; t < m.d; t++, p++) means[t] += m.data[p];
  for (let t = 0; t < m.d; t++) means[t] /= Math.max(m.n, 1);
  return means;
}

function covariance(m: Matrix, means: Float64Array): number[][] {
  const { n, d, data } = m;
  const acc = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0, p = 0; i < n; i++) {
    for (let t = 0; t < d; t++, p++) row[t] = data[p] - means[t];
    for (let a = 0; a < d; a++) {
      const v = row[a];
      for (let b = a; b < d; b++) acc[a * d + b] += v * row[b];
    }
  }
  const denom = Math.max(n - 1, 1);
  return Array.from({ length: d }, (_, a) =>
    Array.from({ length: d }, (_, b) => (a <= b ? acc[a * d + b] : acc[b * d + a]) / denom),
  );
}

/** PCA of the matrix (centred, not rescaled: the preparation already chose the scaling). */
export function pca(m: Matrix, spec: PcaSpec = {}): PcaResult {
  const { n, d, data } = m;
  const method = keyword('PCA method', spec.method ?? 'covarianceMatrix', [
    'covarianceMatrix',
    'SVD',
  ] as const);
  const components = spec.components ?? d;
  if (!(Number.isInteger(components) && components >= 1 && components <= d)) {
    throw new Error(`invalid components: ${components} (expected a whole number from 1 to ${d})`);
  }
  if (n < 2) throw new Error(`invalid matrix: PCA needs at least 2 rows (got ${n})`);
  const means = columnMeans(m);
  const model =
    method === 'covarianceMatrix'
      ? new PCA(covariance(m, means), { isCovarianceMatrix: true })
      : new PCA(
          new MlMatrix(Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * d, i * d + d)))),
          {
            method: 'SVD',
          },
        );
  const eigenvalues = model.getEigenvalues().map((v) => Math.max(v, 0));
  while (eigenvalues.length < d) eigenvalues.push(0);
  const total = eigenvalues.reduce((s, v) => s + v, 0);
  const explainedVarianceRatio = eigenvalues.map((v) => (total > 0 ? v / total : 0));
  const loadings = model
    .getLoadings()
    .to2DArray()
    .slice(0, components)
    .map((axis) => {
      let big = 0;
      for (let t = 1; t < d; t++) if (Math.abs(axis[t]) > Math.abs(axis[big])) big = t;
      return axis[big] < 0 ? axis.map((v) => -v) : axis;
    });
  while (loadings.length < components) loadings.push(new Array<number>(d).fill(0));
  const scores = new Float64Array(n * components);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < components; c++) {
      const axis = loadings[c];
      let s = 0;
      for (let t = 0; t < d; t++) s += (data[i * d + t] - means[t]) * axis[t];
      scores[i * components + c] = s;
    }
  }
  return { components, explainedVarianceRatio, eigenvalues, loadings, scores, means: Array.from(means) };
}
