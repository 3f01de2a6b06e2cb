export { pcaScatter, clusterClass, type PcaScatterData, type PcaScatterOptions } from './pca-scatter.ts';
export { clusterSizeBar, type ClusterSizeBarOptions } from './cluster-size-bar.ts';
export { clusterColor, clusterName, clusterPalette, clusterSizes, noiseColor } from './palette.ts';
export { stratifiedSample } from './sample.ts';
