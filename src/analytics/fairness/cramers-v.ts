/**
 * Association between two categorical columns (e.g. tier and region): the contingency table,
 * Pearson's chi-square, Cramér's V = sqrt((chi2 / n) / min(r - 1, k - 1)) and its
 * bias-corrected form (Bergsma 2013, J. Korean Stat. Soc. 42: 323-328), which small samples
 * need: phi2~ = max(0, chi2/n - (k-1)(r-1)/(n-1)), r~ = r - (r-1)^2/(n-1),
 * k~ = k - (k-1)^2/(n-1), V~ = sqrt(phi2~ / min(r~ - 1, k~ - 1)). Only categories that occur
 * count.
 */

export interface Contingency {
  readonly rows: string[];
  readonly columns: string[];
  /** counts[row][column]. */
  readonly counts: number[][];
  readonly n: number;
}

export function contingencyTable(a: readonly string[], b: readonly string[]): Contingency {
  if (a.length !== b.length) throw new Error(`invalid columns: ${a.length} and ${b.length} values`);
  const rows = [...new Set(a)].sort();
  const columns = [...new Set(b)].sort();
  const ri = new Map(rows.map((r, i) => [r, i]));
  const ci = new Map(columns.map((c, i) => [c, i]));
  const counts = rows.map(() => new Array<number>(columns.length).fill(0));
  for (let i = 0; i < a.length; i++) counts[ri.get(a[i]) as number][ci.get(b[i]) as number]++;
  return { rows, columns, counts, n: a.length };
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
