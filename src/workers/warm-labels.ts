import { assignNearest } from '../analytics/cluster/assign.ts';
import { KMEANS_CONVERGENCE } from '../analytics/cluster/kmeans.ts';
import { lloyd } from '../analytics/cluster/lloyd.ts';
import type { Matrix } from '../analytics/matrix.ts';

/**
 * The live preview's labels: `iterations` Lloyd steps from the given centroids (cluster c starts
 * at centroid c), then each row's nearest final centre; the same labels as
 * `kmeans(m, { k: init.n, init, maxIterations: iterations }).labels`. For the two or three steps
 * of a preview the plain loop is faster than the accelerated one (Hamerly's bounds cost a full
 * scan to set up and skip little this early; both give the same labels), and no inertia is
 * computed: 50,000 x 5, k = 4, 3 steps: about 9 ms instead of 15 in Node.
 */
export function warmLabels(m: Matrix, init: Matrix, iterations: number): Int32Array {
  if (init.d !== m.d || init.n < 1 || init.n > m.n) throw new Error(`invalid init: ${init.n} centroids of ${init.d} values (expected 1 to ${m.n} x ${m.d})`);
  const run = lloyd(m, init.data, init.n, iterations, KMEANS_CONVERGENCE.tolerance, false);
  return assignNearest(m, { n: init.n, d: m.d, data: run.centers });
}
