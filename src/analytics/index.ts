/** Tierbook analytics: pure, synchronous, DOM-free preparation, clustering, metrics and projections. */
export type { Matrix } from './matrix.ts';
export { column, fromColumns, fromFlat, fromRows, row, selectRows, toRows, zeros } from './matrix.ts';
export type { AnalyticsIssue } from './issues.ts';
export { createRandom, deriveSeed, type Random } from './random.ts';
export { median, quantileSorted } from './prepare/quantile.ts';

export * from './prepare/preparation-spec.ts';
export * from './prepare/apply-preparation.ts';
export * from './prepare/prepare.ts';

export * from './cluster/cluster.ts';
export * from './cluster/canonical.ts';
export { keyword } from './keyword.ts';
export * from './cluster/kmeans.ts';
export { kmeansReference } from './cluster/kmeans-reference.ts';
export { assignNearest } from './cluster/assign.ts';
export * from './cluster/ward.ts';
export type { WardMerge } from './cluster/ward-linkage.ts';
export * from './cluster/dbscan.ts';
export { kDistance } from './cluster/k-distance.ts';

export { inertia } from './metrics/inertia.ts';
export type { SilhouetteResult } from './metrics/silhouette.ts';
export { silhouette } from './metrics/silhouette.ts';
export * from './metrics/silhouette-sampled.ts';
export { calinskiHarabasz } from './metrics/calinski-harabasz.ts';
export { daviesBouldin } from './metrics/davies-bouldin.ts';
export { centroidsOf, type Centroids } from './cluster/centroids.ts';
export * from './agreement/contingency.ts';
export { adjustedRandIndex } from './agreement/ari.ts';
export * from './agreement/hungarian.ts';
export * from './agreement/align.ts';
export * from './cluster/relabel.ts';
export { kneeIndex } from './choose-k/knee.ts';
export * from './choose-k/sweep.ts';

export * from './project/pca.ts';
export * from './profile/cluster-profile.ts';
