import { compactLabels } from '../cluster/labels.ts';
import { selectRows, type Matrix } from '../matrix.ts';
import { createRandom, randomInt } from '../random.ts';
import { silhouetteFromCodes, silhouetteIssues, summarise, type SilhouetteResult } from './silhouette.ts';

/** Options of the sampled silhouette. */
export interface SampledSilhouetteSpec {
  /** Target number of rows in the sample. Default 2000. */
  readonly sampleSize?: number;
  /** Every cluster contributes at least this many rows (or all of its rows, if fewer). Default 50. */
  readonly minPerCluster?: number;
  /** Default 0. */
  readonly seed?: number;
}

/**
 * Silhouette on a sample stratified by cluster: each cluster gets a share of the sample
 * proportional to its size but never fewer than `minPerCluster` rows, so small clusters (a
 * Platinum tier) are always represented. Distances are taken within the sample; the mean is
 * the size-weighted mean of the per-cluster means, an estimate of the full silhouette.
 */
export function sampledSilhouette(
  m: Matrix,
  labels: ArrayLike<number>,
  spec: SampledSilhouetteSpec = {},
): SilhouetteResult {
  if (labels.length !== m.n) throw new Error(`invalid labels: ${labels.length} labels for ${m.n} rows`);
  const target = spec.sampleSize ?? 2000;
  const floor = spec.minPerCluster ?? 50;
  const random = createRandom(spec.seed ?? 0);
  const { codes, k, values: clusters, sizes } = compactLabels(labels);
  const members: number[][] = Array.from({ length: k }, () => []);
  let labelled = 0;
  for (let i = 0; i < m.n; i++) {
    if (codes[i] < 0) continue;
    members[codes[i]].push(i);
    labelled++;
  }
  const rows: number[] = [];
  const taken = new Array<number>(k).fill(0);
  for (let c = 0; c < k; c++) {
    const pool = members[c];
    const want = Math.min(
      pool.length,
      Math.max(floor, Math.round((target * pool.length) / Math.max(labelled, 1))),
    );
    for (let t = 0; t < want; t++) {
      const j = t + randomInt(random, pool.length - t);
      [pool[t], pool[j]] = [pool[j], pool[t]];
    }
    taken[c] = want;
    rows.push(...pool.slice(0, want));
  }
  rows.sort((a, b) => a - b);
  const sub = selectRows(m, rows);
  const subCodes = Int32Array.from(rows, (i) => codes[i]);
  const values = k < 2 ? new Float64Array(sub.n) : silhouetteFromCodes(sub, subCodes, k, taken);
  const { perCluster, mean } = summarise(values, subCodes, k, sizes);
  return {
    values,
    rows: Int32Array.from(rows),
    mean,
    perCluster,
    clusters,
    sampleSize: rows.length,
    exact: rows.length === labelled,
    issues: silhouetteIssues(k, m.n - labelled),
  };
}
