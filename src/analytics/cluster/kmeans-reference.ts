import { kmeans as mlKmeans } from 'ml-kmeans';
import { bestOfStarts, normalizeKMeans, type KMeansResult, type KMeansSpec } from './kmeans.ts';
import { toRows, type Matrix } from '../matrix.ts';

/**
 * The same k-means as `kmeans` (same seeds, same starting centres, same stopping rule) run by
 * ml-kmeans 7: the slow but independent reference path. ml-kmeans keeps an empty cluster's old
 * centre where `kmeans` reseeds it, so the two agree whenever no cluster empties.
 */
export function kmeansReference(m: Matrix, spec: KMeansSpec): KMeansResult {
  const s = normalizeKMeans(m, spec);
  const rows = toRows(m);
  return bestOfStarts(m, s, (init) => {
    const initialization = toRows({ n: s.k, d: m.d, data: init });
    const out = mlKmeans(rows, s.k, {
      initialization,
      maxIterations: s.maxIterations,
      tolerance: s.tolerance,
    });
    return {
      labels: Int32Array.from(out.clusters),
      centers: Float64Array.from(out.centroids.flat()),
      iterations: out.iterations,
      converged: out.converged,
      reseeds: 0,
    };
  });
}
