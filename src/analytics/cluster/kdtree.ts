import type { Matrix } from '../matrix.ts';

/** A k-d tree over the rows of a matrix (the matrix is referenced, not copied). */
export interface KdTree {
  readonly matrix: Matrix;
  /** Row indexes in tree order; node `v` holds perm[start[v]..end[v]). */
  readonly perm: Int32Array;
  /** The rows copied in tree order (n x d), so that a leaf is scanned from contiguous memory. */
  readonly points: Float64Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Children, or -1 for a leaf. */
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Parent of each node, -1 for the root. */
  readonly parent: Int32Array;
  /** The leaf holding each row. */
  readonly leafOf: Int32Array;
  /** Position of each row in tree order (the inverse of `perm`). */
  readonly rank: Int32Array;
  /** Bounding boxes, nodes x d, row-major. */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

/** Builds a k-d tree splitting at the median of the widest dimension, down to `leafSize` rows. */
export function buildKdTree(m: Matrix, leafSize = 32): KdTree {
  const { n, d, data } = m;
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  const cap = 2 * Math.ceil(n / Math.max(1, leafSize >> 1)) + 1;
  const start = new Int32Array(cap);
  const end = new Int32Array(cap);
  const left = new Int32Array(cap).fill(-1);
  const right = new Int32Array(cap).fill(-1);
  const parent = new Int32Array(cap).fill(-1);
  const leafOf = new Int32Array(n);
  const lo = new Float64Array(cap * d);
  const hi = new Float64Array(cap * d);
  let count = 0;
  const make = (s: number, e: number): number => {
    const v = count++;
    start[v] = s;
    end[v] = e;
    let widest = 0;
    let width = -1;
    for (let t = 0; t < d; t++) {
      let a = Infinity;
      let b = -Infinity;
      for (let r = s; r < e; r++) {
        const x = data[perm[r] * d + t];
        if (x < a) a = x;
        if (x > b) b = x;
      }
      lo[v * d + t] = a;
      hi[v * d + t] = b;
      if (b - a > width) {
        width = b - a;
        widest = t;
      }
    }
    if (e - s > leafSize && width > 0) {
      const mid = (s + e) >> 1;
      select(perm, data, d, widest, s, e - 1, mid);
      left[v] = make(s, mid);
      right[v] = make(mid, e);
      parent[left[v]] = v;
      parent[right[v]] = v;
    } else for (let r = s; r < e; r++) leafOf[perm[r]] = v;
    return v;
  };
  if (n > 0) make(0, n);
  const points = new Float64Array(n * d);
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    points.set(data.subarray(perm[r] * d, perm[r] * d + d), r * d);
    rank[perm[r]] = r;
  }
  return {
    matrix: m,
    perm,
    points,
    start,
    end,
    left,
    right,
    parent,
    leafOf,
    rank,
    lo: lo.subarray(0, count * d),
    hi: hi.subarray(0, count * d),
  };
}

/** Quickselect (Hoare partition) so that perm[k] has the k-th smallest value in dimension t. */
function select(
  perm: Int32Array,
  data: Float64Array,
  d: number,
  t: number,
  l: number,
  r: number,
  k: number,
): void {
  while (l < r) {
    const pivot = data[perm[(l + r) >> 1] * d + t];
    let i = l;
    let j = r;
    while (i <= j) {
      while (data[perm[i] * d + t] < pivot) i++;
      while (data[perm[j] * d + t] > pivot) j--;
      if (i <= j) {
        const tmp = perm[i];
        perm[i] = perm[j];
        perm[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}

/** Squared distance from row `i` of the tree's matrix to the bounding box of node `v`. */
function boxDistance(tree: KdTree, v: number, qo: number): number {
  const d = tree.matrix.d;
  const q = tree.matrix.data;
  const { lo, hi } = tree;
  let s = 0;
  for (let t = 0, b = v * d; t < d; t++, b++) {
    const x = q[qo + t];
    const g = x < lo[b] ? lo[b] - x : x > hi[b] ? x - hi[b] : 0;
    s += g * g;
  }
  return s;
}

/** Reusable buffers for range queries on one tree. */
export interface RangeQuery {
  /** Rows found by the last `within` call, in `rows[0..count)`. */
  rows: Int32Array;
  readonly stack: Int32Array;
}

/** Buffers for `within` (the row buffer grows as needed). */
export function rangeQuery(): RangeQuery {
  return { rows: new Int32Array(64), stack: new Int32Array(256) };
}

/**
 * Rows within squared distance `r2` of row `i` (itself included) into `q.rows`; stops once
 * `limit` rows are found. Returns the count.
 */
export function within(tree: KdTree, q: RangeQuery, i: number, r2: number, limit = Infinity): number {
  const { d, data } = tree.matrix;
  const { perm, points, left, right, start, end, rank } = tree;
  const stack = q.stack;
  const qo = i * d;
  let top = 0;
  let found = 0;
  stack[top++] = 0;
  while (top > 0) {
    const v = stack[--top];
    if (boxDistance(tree, v, qo) > r2) continue;
    const l = left[v];
    if (l >= 0) {
      // the child holding the row itself first: its neighbours are found (and a limit met) soonest
      const own = rank[i] < end[l];
      stack[top++] = own ? right[v] : l;
      stack[top++] = own ? l : right[v];
      continue;
    }
    for (let r = start[v], p = start[v] * d; r < end[v]; r++, p += d) {
      let s = 0;
      for (let t = 0; t < d && s <= r2; t++) {
        const g = points[p + t] - data[qo + t];
        s += g * g;
      }
      if (s > r2) continue;
      const j = perm[r];
      if (found === q.rows.length) {
        const grown = new Int32Array(found * 2);
        grown.set(q.rows);
        q.rows = grown;
      }
      q.rows[found++] = j;
      if (found >= limit) return found;
    }
  }
  return found;
}

/** Squared distance from row `i` to its k-th nearest other row (k >= 1; Infinity if there are fewer). */
export function kthNeighbourDistance(
  tree: KdTree,
  q: RangeQuery,
  i: number,
  k: number,
  best: Float64Array,
): number {
  const { d, data } = tree.matrix;
  const { perm, points, left, right, start, end } = tree;
  const stack = q.stack;
  const qo = i * d;
  best.fill(Infinity, 0, k); // ascending
  let top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const v = stack[--top];
    if (boxDistance(tree, v, qo) > best[k - 1]) continue;
    const l = left[v];
    if (l >= 0) {
      const r = right[v];
      // the nearer child is visited first (pushed last)
      if (boxDistance(tree, l, qo) <= boxDistance(tree, r, qo)) {
        stack[top++] = r;
        stack[top++] = l;
      } else {
        stack[top++] = l;
        stack[top++] = r;
      }
      continue;
    }
    for (let p = start[v]; p < end[v]; p++) {
      if (perm[p] === i) continue;
      const o = p * d;
      const bound = best[k - 1];
      let s = 0;
      for (let t = 0; t < d && s < bound; t++) {
        const g = points[o + t] - data[qo + t];
        s += g * g;
      }
      if (s >= bound) continue;
      let at = k - 1;
      while (at > 0 && best[at - 1] > s) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = s;
    }
  }
  return best[k - 1];
}

/** Rows still "active" (e.g. not yet labelled), with per-node counts so spent subtrees are skipped. */
export interface ActiveSet {
  /** 1 while row i is active. */
  readonly active: Uint8Array;
  /** Active rows under each node. */
  readonly remaining: Int32Array;
}

/** Every row active. */
export function activeSet(tree: KdTree): ActiveSet {
  const nodes = tree.lo.length / Math.max(tree.matrix.d, 1);
  const remaining = new Int32Array(nodes);
  for (let v = 0; v < nodes; v++) remaining[v] = tree.end[v] - tree.start[v];
  return { active: new Uint8Array(tree.matrix.n).fill(1), remaining };
}

/** Marks row `i` inactive, updating the counts on its path to the root. */
export function deactivate(tree: KdTree, set: ActiveSet, i: number): void {
  if (!set.active[i]) return;
  set.active[i] = 0;
  for (let v = tree.leafOf[i]; v >= 0; v = tree.parent[v]) set.remaining[v]--;
}

/**
 * Like `within`, but finds only active rows, and never enters a subtree without any: once a
 * region is spent (all labelled), queries there cost almost nothing.
 */
export function withinActive(tree: KdTree, q: RangeQuery, set: ActiveSet, i: number, r2: number): number {
  const { d, data } = tree.matrix;
  const { perm, points, left, right, start, end } = tree;
  const { active, remaining } = set;
  const stack = q.stack;
  const qo = i * d;
  let top = 0;
  let found = 0;
  stack[top++] = 0;
  while (top > 0) {
    const v = stack[--top];
    if (remaining[v] === 0 || boxDistance(tree, v, qo) > r2) continue;
    if (left[v] >= 0) {
      stack[top++] = right[v];
      stack[top++] = left[v];
      continue;
    }
    for (let r = start[v], p = start[v] * d; r < end[v]; r++, p += d) {
      const j = perm[r];
      if (!active[j]) continue;
      let s = 0;
      for (let t = 0; t < d && s <= r2; t++) {
        const g = points[p + t] - data[qo + t];
        s += g * g;
      }
      if (s > r2) continue;
      if (found === q.rows.length) {
        const grown = new Int32Array(found * 2);
        grown.set(q.rows);
        q.rows = grown;
      }
      q.rows[found++] = j;
    }
  }
  return found;
}
