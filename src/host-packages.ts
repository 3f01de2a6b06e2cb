/** The packages whose exact versions are recorded in every export. */
export const RECORDED_PACKAGES = [
  '@observablehq/runtime',
  '@observablehq/plot',
  'arquero',
  'ml-kmeans',
  'ml-pca',
  'ml-matrix',
  'lit',
  'zod',
] as const;
