/** An optimal one-to-one assignment of rows to columns. */
export interface Assignment {
  /** Column assigned to each row, or -1 when there are more rows than columns. */
  readonly rowToColumn: Int32Array;
  /** Sum of the assigned entries. */
  readonly total: number;
}

/**
 * Kuhn-Munkres (Hungarian) algorithm with potentials, O(n^3), on a rectangular matrix padded
 * with zeros to square. Maximises the sum by default (like scipy's
 * `linear_sum_assignment(C, maximize=True)`); pass `maximize = false` to minimise.
 */
export function hungarian(matrix: readonly (readonly number[])[], maximize = true): Assignment {
  const rows = matrix.length;
  const cols = rows ? matrix[0].length : 0;
  const size = Math.max(rows, cols);
  const sign = maximize ? -1 : 1;
  const cost = (i: number, j: number) => (i < rows && j < cols ? sign * matrix[i][j] : 0);
  // 1-based arrays: p[j] is the row matched to column j, u/v the potentials
  const u = new Float64Array(size + 1);
  const v = new Float64Array(size + 1);
  const p = new Int32Array(size + 1);
  const way = new Int32Array(size + 1);
  for (let i = 1; i <= size; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(size + 1).fill(Infinity);
    const used = new Uint8Array(size + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= size; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= size; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  const rowToColumn = new Int32Array(rows).fill(-1);
  let total = 0;
  for (let j = 1; j <= size; j++) {
    const i = p[j] - 1;
    if (i < rows && j - 1 < cols) {
      rowToColumn[i] = j - 1;
      total += matrix[i][j - 1];
    }
  }
  return { rowToColumn, total };
}
