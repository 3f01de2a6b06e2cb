/**
 * Stability bands of a cluster's mean bootstrap Jaccard, and the per-replicate thresholds, as
 * documented for R's fpc::clusterboot (Hennig 2007, 2008).
 */

/** A replicate Jaccard at or below this counts as the cluster dissolving (clusterboot `dissolution`). */
export const DISSOLVED_AT = 0.5;
/** A replicate Jaccard above this counts as the cluster being recovered (clusterboot `recover`). */
export const RECOVERED_ABOVE = 0.75;

/** Band names, weakest first. */
export const STABILITY_BANDS = ['unstable', 'pattern', 'stable', 'highly-stable'] as const;
export type StabilityBand = (typeof STABILITY_BANDS)[number];

/** Lower edge of each band (mean Jaccard), in `STABILITY_BANDS` order. */
export const BAND_FLOORS: Readonly<Record<StabilityBand, number>> = {
  unstable: 0,
  pattern: 0.6,
  stable: 0.75,
  'highly-stable': 0.85,
};

/** What each band tells an analyst, for tables and chart legends. */
export const BAND_MEANINGS: Readonly<Record<StabilityBand, string>> = {
  unstable: 'below 0.6: do not trust this cluster',
  pattern: '0.6 to 0.75: a real pattern, but which customers belong to it is doubtful',
  stable: '0.75 or more: valid and stable',
  'highly-stable': '0.85 or more: highly stable',
};

/** The band of a mean Jaccard. */
export function stabilityBand(meanJaccard: number): StabilityBand {
  if (meanJaccard >= BAND_FLOORS['highly-stable']) return 'highly-stable';
  if (meanJaccard >= BAND_FLOORS.stable) return 'stable';
  if (meanJaccard >= BAND_FLOORS.pattern) return 'pattern';
  return 'unstable';
}
