import { formatPercent, type AnalyticsIssue } from '../issues.ts';
import { activeSet, buildKdTree, deactivate, rangeQuery, within, withinActive } from './kdtree.ts';
import type { Matrix } from '../matrix.ts';

/** DBSCAN options. */
export interface DbscanSpec {
  /** Neighbourhood radius (Euclidean, inclusive), in prepared units; > 0. */
  readonly eps: number;
  /** Neighbours within eps, the row itself included, that make a row core (scikit-learn `min_samples`). Default 5. */
  readonly minPoints?: number;
}

/** A DBSCAN clustering. */
export interface DbscanResult {
  /** Cluster of each row, 0..clusters-1 in order of their first core row; -1 for noise. */
  readonly labels: Int32Array;
  /** 1 for core rows. */
  readonly core: Uint8Array;
  readonly clusters: number;
  readonly sizes: number[];
  readonly coreCount: number;
  readonly noiseCount: number;
  /** Always `kd-tree` (the spatial index used); shown in the UI. */
  readonly method: string;
  readonly issues: readonly AnalyticsIssue[];
}

/**
 * DBSCAN (Ester et al. 1996) with a k-d tree for the range queries. Clusters are the connected
 * groups of core rows, numbered in row order; a border row reachable from two clusters joins
 * the one found first (the lower id), as in scikit-learn.
 */
export function dbscan(m: Matrix, spec: DbscanSpec): DbscanResult {
  const { eps } = spec;
  const minPoints = spec.minPoints ?? 5;
  if (!(eps > 0 && Number.isFinite(eps))) throw new Error(`invalid eps: ${eps} (expected a number > 0)`);
  if (!(Number.isInteger(minPoints) && minPoints >= 1)) {
    throw new Error(`invalid minPoints: ${minPoints} (expected a whole number >= 1)`);
  }
  const { n } = m;
  const tree = buildKdTree(m);
  const r2 = eps * eps;
  const core = new Uint8Array(n);
  let coreCount = 0;
  const q = rangeQuery();
  // A non-core row has fewer than minPoints neighbours, all found by its own query: keep them,
  // so borders can be settled afterwards and the expansion only has to look for core rows.
  const near: number[] = [];
  // tree order keeps consecutive queries in the same region of memory
  for (let r = 0; r < n; r++) {
    const i = tree.perm[r];
    const found = within(tree, q, i, r2, minPoints);
    if (found >= minPoints) {
      core[i] = 1;
      coreCount++;
    } else for (let f = 0; f < found; f++) near.push(i, q.rows[f]);
  }
  const labels = new Int32Array(n).fill(-1);
  const pending = activeSet(tree);
  for (let i = 0; i < n; i++) if (!core[i]) deactivate(tree, pending, i);
  const queue = new Int32Array(n);
  let clusters = 0;
  for (let i = 0; i < n; i++) {
    if (!core[i] || labels[i] >= 0) continue;
    labels[i] = clusters;
    deactivate(tree, pending, i);
    let head = 0;
    let tail = 0;
    queue[tail++] = i;
    while (head < tail) {
      // only unlabelled core rows are searched for; spent regions of the tree are skipped
      const found = withinActive(tree, q, pending, queue[head++], r2);
      for (let f = 0; f < found; f++) {
        const j = q.rows[f];
        labels[j] = clusters;
        deactivate(tree, pending, j);
        queue[tail++] = j;
      }
    }
    clusters++;
  }
  // a border row joins the first cluster that reaches it: the lowest id among its core neighbours
  for (let e = 0; e < near.length; e += 2) {
    const i = near[e];
    const j = near[e + 1];
    if (core[j] && (labels[i] < 0 || labels[j] < labels[i])) labels[i] = labels[j];
  }
  const sizes = new Array<number>(clusters).fill(0);
  for (let i = 0; i < n; i++) if (labels[i] >= 0) sizes[labels[i]]++;
  const noiseCount = n - sizes.reduce((s, x) => s + x, 0);
  const issues: AnalyticsIssue[] = [];
  const share = n ? coreCount / n : 0;
  if (n && share > 0.95) {
    issues.push({
      code: 'nearly-all-core',
      message: `${formatPercent(share)} of customers are core points: eps is probably too large, so dense groups merge. Try a smaller eps.`,
    });
  } else if (n && share < 0.05) {
    issues.push({
      code: 'nearly-no-core',
      message: `Only ${formatPercent(share)} of customers are core points: eps is probably too small (or minPoints too large), so most are noise.`,
    });
  }
  return { labels, core, clusters, sizes, coreCount, noiseCount, method: 'kd-tree', issues };
}
