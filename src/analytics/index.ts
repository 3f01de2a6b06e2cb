/** Tierbook analytics: pure, synchronous, DOM-free preparation, clustering, metrics and projections. */
export type { Matrix } from './matrix.ts';
export { column, fromColumns, fromFlat, fromRows, row, selectRows, toRows, zeros } from './matrix.ts';
export type { AnalyticsIssue } from './issues.ts';
export { createRandom, deriveSeed, type Random } from './random.ts';
export { median, quantileSorted } from './quantile.ts';

export * from './preparation-spec.ts';
export * from './apply-preparation.ts';
export * from './prepare.ts';

export * from './kmeans.ts';
export { kmeansReference } from './kmeans-reference.ts';
export { assignNearest } from './assign.ts';
export * from './ward.ts';
export type { WardMerge } from './ward-linkage.ts';
export * from './dbscan.ts';
export { kDistance } from './k-distance.ts';

export { inertia } from './inertia.ts';
export type { SilhouetteResult } from './silhouette.ts';
export { silhouette } from './silhouette.ts';
export * from './silhouette-sampled.ts';
export { calinskiHarabasz } from './calinski-harabasz.ts';
export { daviesBouldin } from './davies-bouldin.ts';
export { centroidsOf, type Centroids } from './centroids.ts';
export * from './contingency.ts';
export { adjustedRandIndex } from './ari.ts';
export * from './hungarian.ts';
export * from './align.ts';
export * from './relabel.ts';
export { kneeIndex } from './knee.ts';
export * from './sweep.ts';

export * from './pca.ts';
export * from './cluster-profile.ts';
