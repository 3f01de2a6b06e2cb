/** A dense row-major matrix of `n` rows (customers) by `d` columns (features). */
export interface Matrix {
  /** Number of rows. */
  readonly n: number;
  /** Number of columns. */
  readonly d: number;
  /** Row-major values: element (i, j) is `data[i * d + j]`; length `n * d`. */
  readonly data: Float64Array;
}

/** A matrix of zeros. */
export function zeros(n: number, d: number): Matrix {
  return { n, d, data: new Float64Array(n * d) };
}

/** Wraps a flat row-major array, checking its length. */
export function fromFlat(n: number, d: number, data: Float64Array): Matrix {
  if (data.length !== n * d) throw new Error(`invalid matrix: ${data.length} values for ${n} x ${d}`);
  return { n, d, data };
}

/** Builds a matrix from rows of equal length; an empty list gives a 0 x 0 matrix. */
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const n = rows.length;
  const d = n === 0 ? 0 : rows[0].length;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (r.length !== d) throw new Error(`invalid matrix: row ${i} has ${r.length} values (expected ${d})`);
    for (let j = 0; j < d; j++) data[i * d + j] = r[j];
  }
  return { n, d, data };
}

/** Builds a matrix from columns of equal length. */
export function fromColumns(columns: readonly ArrayLike<number>[]): Matrix {
  const d = columns.length;
  const n = d === 0 ? 0 : columns[0].length;
  const data = new Float64Array(n * d);
  for (let j = 0; j < d; j++) {
    const c = columns[j];
    if (c.length !== n) throw new Error(`invalid matrix: column ${j} has ${c.length} values (expected ${n})`);
    for (let i = 0; i < n; i++) data[i * d + j] = c[i];
  }
  return { n, d, data };
}

/** Copies the matrix into an array of row arrays. */
export function toRows(m: Matrix): number[][] {
  const rows: number[][] = new Array(m.n);
  for (let i = 0; i < m.n; i++) rows[i] = Array.from(m.data.subarray(i * m.d, (i + 1) * m.d));
  return rows;
}

/** A copy of column `j`. */
export function column(m: Matrix, j: number): Float64Array {
  const out = new Float64Array(m.n);
  for (let i = 0; i < m.n; i++) out[i] = m.data[i * m.d + j];
  return out;
}

/** A view (no copy) of row `i`; writes go through to the matrix. */
export function row(m: Matrix, i: number): Float64Array {
  return m.data.subarray(i * m.d, (i + 1) * m.d);
}

/** A new matrix holding the given rows, in the given order. */
export function selectRows(m: Matrix, rows: ArrayLike<number>): Matrix {
  const { d } = m;
  const data = new Float64Array(rows.length * d);
  for (let r = 0; r < rows.length; r++) data.set(m.data.subarray(rows[r] * d, rows[r] * d + d), r * d);
  return { n: rows.length, d, data };
}

/** Squared Euclidean distance between row `i` of `a` and row `j` of `b` (same `d`). */
export function squaredDistance(a: Matrix, i: number, b: Matrix, j: number): number {
  const d = a.d;
  const x = a.data;
  const y = b.data;
  let s = 0;
  for (let t = 0, p = i * d, q = j * d; t < d; t++, p++, q++) {
    const v = x[p] - y[q];
    s += v * v;
  }
  return s;
}
