export { pcaScatter, clusterClass, type PcaScatterData, type PcaScatterOptions } from './pca-scatter.ts';
export { clusterSizeBar, type ClusterSizeBarOptions } from './cluster-size-bar.ts';
export { clusterColor, clusterName, clusterPalette, clusterSizes, noiseColor } from './palette.ts';
export { stratifiedSample } from './sample.ts';
export {
  kMetricsChart,
  chartMessage,
  type KMetricsRow,
  type KMetricsChartOptions,
} from './k-metrics-chart.ts';
export { silhouettePlot, type SilhouettePlotData, type SilhouettePlotOptions } from './silhouette-plot.ts';
export {
  kDistancePlot,
  evenIndices,
  type KDistancePlotData,
  type KDistancePlotOptions,
} from './k-distance-plot.ts';
export {
  contingencyChart,
  ariBand,
  type ContingencyChartData,
  type ContingencyChartOptions,
} from './contingency-chart.ts';
export { explainedVarianceChart, type ExplainedVarianceChartOptions } from './explained-variance-chart.ts';
export {
  whaleCurveChart,
  type WhaleCurveChartData,
  type WhaleCurveChartOptions,
} from './whale-curve-chart.ts';
