/**
 * Association between two categorical columns (e.g. tier and region): the contingency table,
 * Pearson's chi-square, Cramér's V = sqrt((chi2 / n) / min(r - 1, k - 1)) and its
 * bias-corrected form (Bergsma 2013, J. Korean Stat. Soc. 42: 323-328), which small samples
 * need: phi2~ = max(0, chi2/n - (k-1)(r-1)/(n-1)), r~ = r - (r-1)^2/(n-1),
 * k~ = k - (k-1)^2/(n-1), V~ = sqrt(phi2~ / min(r~ - 1, k~ - 1)). Only categories that occur
 * count.
 */
import { contingency } from '../agreement/contingency.ts';

/** A cross-tabulation of two categorical columns, categories in sorted order. */
export interface Contingency {
  readonly rows: string[];
  readonly columns: string[];
  /** counts[row][column]. */
  readonly counts: number[][];
  readonly n: number;
}

/** Categories as integer codes in sorted order, so the numeric cross-tabulation keeps that order. */
function encode(values: readonly string[]): { categories: string[]; codes: Int32Array } {
  const categories = [...new Set(values)].sort();
  const index = new Map(categories.map((c, i) => [c, i]));
  return { categories, codes: Int32Array.from(values, (v) => index.get(v) as number) };
}

export function contingencyTable(a: readonly string[], b: readonly string[]): Contingency {
  const x = encode(a);
  const y = encode(b);
  const t = contingency(x.codes, y.codes);
  return { rows: t.rowLabels.map((i) => x.categories[i]), columns: t.columnLabels.map((j) => y.categories[j]), counts: t.counts, n: t.n };
}

export interface CramersV {
  readonly chi2: number;
  readonly n: number;
  readonly r: number;
  readonly k: number;
  /** Plain Cramér's V; null when either side has a single category. */
  readonly v: number | null;
  /** Bias-corrected V; null when either side has a single category (or too few customers). */
  readonly corrected: number | null;
}

export function cramersV(table: Contingency): CramersV {
  const { counts, n } = table;
  const r = counts.length;
  const k = r > 0 ? counts[0].length : 0;
  const rowSum = counts.map((row) => row.reduce((s, x) => s + x, 0));
  const colSum = Array.from({ length: k }, (_, j) => counts.reduce((s, row) => s + row[j], 0));
  let chi2 = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < k; j++) {
      const e = (rowSum[i] * colSum[j]) / n;
      if (e > 0) chi2 += (counts[i][j] - e) ** 2 / e;
    }
  }
  if (r < 2 || k < 2 || n < 2) return { chi2, n, r, k, v: null, corrected: null };
  const phi2 = chi2 / n;
  const v = Math.sqrt(phi2 / Math.min(r - 1, k - 1));
  const phi2c = Math.max(0, phi2 - ((k - 1) * (r - 1)) / (n - 1));
  const rc = r - (r - 1) ** 2 / (n - 1);
  const kc = k - (k - 1) ** 2 / (n - 1);
  const denom = Math.min(rc - 1, kc - 1);
  return { chi2, n, r, k, v, corrected: denom > 0 ? Math.sqrt(phi2c / denom) : null };
}
