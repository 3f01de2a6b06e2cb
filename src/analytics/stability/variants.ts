import type { NormalizedClusterSpec } from '../cluster/cluster.ts';
import type { Matrix } from '../matrix.ts';
import { agreementWith, type Agreement } from './agreement.ts';
import type { Baseline } from './baseline.ts';
import { recluster } from './recluster.ts';
import { checkAborted, type TaskOptions } from './task.ts';

/** One variant of the prepared matrix to recluster (a weight step, a dropped feature, a random draw). */
export interface Variant {
  /** Progress message while it runs. */
  readonly label: string;
  /** Builds the variant's matrix (called just before it is clustered, so only one is held at a time). */
  readonly matrix: () => Matrix;
}

/**
 * Reclusters every variant with the same settings (same seed, same k) and compares each with
 * the baseline: ARI and share changed after Hungarian matching. No warm starts: each run is
 * what the notebook would settle on for that matrix.
 */
export function compareVariants(
  variants: readonly Variant[],
  settings: NormalizedClusterSpec,
  baseline: Baseline,
  what: string,
  options: TaskOptions,
): Agreement[] {
  return variants.map((v, i) => {
    checkAborted(options.signal, what);
    const { labels } = recluster(v.matrix(), settings);
    const { ari, shareChanged } = agreementWith(baseline.labels, labels);
    options.onProgress?.((i + 1) / variants.length, `${what}: ${v.label}`);
    return { ari, shareChanged };
  });
}
