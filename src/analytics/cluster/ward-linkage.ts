import type { Matrix } from '../matrix.ts';

/** One merge of a Ward dendrogram, in scipy `linkage` conventions. */
export interface WardMerge {
  /** Merged cluster ids: 0..m-1 are the input points, m + t the cluster made by merge t. */
  readonly a: number;
  readonly b: number;
  /** sqrt(2 n_a n_b / (n_a + n_b)) * |c_a - c_b| (the Euclidean distance for two single points). */
  readonly height: number;
  /** Total weight of the new cluster. */
  readonly size: number;
}

/**
 * Exact Ward linkage of weighted points (a point of weight w stands for w identical points),
 * by the nearest-neighbour chain with Lance-Williams updates on a condensed matrix:
 * O(m^2) time and m(m-1)/2 doubles of memory. Merges are returned sorted by height.
 */
export function wardLinkage(points: Matrix, weights?: ArrayLike<number>): WardMerge[] {
  const { n: m, d, data } = points;
  const w = Float64Array.from({ length: m }, (_, i) => (weights ? weights[i] : 1));
  const at = (i: number, j: number) =>
    i < j ? i * m - (i * (i + 1)) / 2 + j - i - 1 : j * m - (j * (j + 1)) / 2 + i - j - 1;
  const dist = new Float64Array((m * (m - 1)) / 2);
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += (data[i * d + t] - data[j * d + t]) ** 2;
      dist[at(i, j)] = ((2 * w[i] * w[j]) / (w[i] + w[j])) * s;
    }
  }
  const active = new Uint8Array(m).fill(1);
  const chain: number[] = [];
  const raw: { a: number; b: number; d2: number }[] = [];
  let next = 0;
  while (raw.length < m - 1) {
    if (chain.length === 0) {
      while (!active[next]) next++;
      chain.push(next);
    }
    let a: number;
    let b: number;
    for (;;) {
      a = chain[chain.length - 1];
      const prev = chain.length > 1 ? chain[chain.length - 2] : -1;
      // starting from the previous element makes ties keep the chain, so it cannot cycle
      b = prev;
      let best = prev >= 0 ? dist[at(a, prev)] : Infinity;
      for (let j = 0; j < m; j++) {
        if (j === a || !active[j]) continue;
        const v = dist[at(a, j)];
        if (v < best) {
          best = v;
          b = j;
        }
      }
      if (b === prev) break;
      chain.push(b);
    }
    chain.pop();
    chain.pop();
    const keep = Math.min(a, b);
    const gone = Math.max(a, b);
    const dab = dist[at(a, b)];
    raw.push({ a: keep, b: gone, d2: dab });
    const wa = w[a];
    const wb = w[b];
    for (let k = 0; k < m; k++) {
      if (!active[k] || k === a || k === b) continue;
      const wk = w[k];
      dist[at(keep, k)] =
        ((wa + wk) * dist[at(a, k)] + (wb + wk) * dist[at(b, k)] - wk * dab) / (wa + wb + wk);
    }
    active[gone] = 0;
    w[keep] = wa + wb;
  }
  return replay(raw, m, weights);
}

/** Sorts merges by height and renames them with scipy's cluster ids. */
function replay(
  raw: { a: number; b: number; d2: number }[],
  m: number,
  weights?: ArrayLike<number>,
): WardMerge[] {
  const order = raw.map((_, t) => t).sort((x, y) => raw[x].d2 - raw[y].d2 || x - y);
  const parent = Int32Array.from({ length: m }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const id = Int32Array.from({ length: m }, (_, i) => i);
  const size = Float64Array.from({ length: m }, (_, i) => (weights ? weights[i] : 1));
  return order.map((t, step) => {
    const ra = find(raw[t].a);
    const rb = find(raw[t].b);
    const merge = {
      a: id[ra],
      b: id[rb],
      height: Math.sqrt(Math.max(raw[t].d2, 0)),
      size: size[ra] + size[rb],
    };
    parent[rb] = ra;
    size[ra] = merge.size;
    id[ra] = m + step;
    return merge;
  });
}

/** Cuts a dendrogram of m points into k clusters, numbered by their lowest point index. */
export function cutTree(merges: readonly WardMerge[], m: number, k: number): Int32Array {
  const parent = Int32Array.from({ length: 2 * m }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let t = 0; t < m - k; t++) {
    const { a, b } = merges[t];
    parent[find(a)] = m + t;
    parent[find(b)] = m + t;
  }
  const labels = new Int32Array(m);
  const names = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const r = find(i);
    if (!names.has(r)) names.set(r, names.size);
    labels[i] = names.get(r) as number;
  }
  return labels;
}
