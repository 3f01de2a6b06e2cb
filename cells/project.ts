import { cell, sampled, type ViewContext } from '../src/runtime/index.ts';
import { pca, type PcaResult } from '../src/analytics/project/pca.ts';
import { prepared } from './prepare.ts';
import { previewLabels } from './cluster.ts';
import { table } from './data.ts';
import { pcaScatter, updatePcaScatter, type PcaScatterOptions } from '../src/ui/charts/pca-scatter.ts';
import { explainedVarianceChart } from '../src/ui/charts/explained-variance-chart.ts';

/** Resolves in a new task of the event loop (after input, paint and messages already queued). */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export const projection = cell({
  name: 'projection',
  title: 'PCA projection',
  hidden: true,
  inputs: { prepared },
  // One feature gives one component: the scatter then lays customers out on PC1 alone. It stays
  // on this thread (about 6 ms at 50,000 x 5): under load a worker round trip per drag step cost
  // more than it saved (bench/browser.ts, README "Performance"). It starts in a task of its own:
  // the drag step's preparation and the live preview's request to its worker go first, and no
  // one task holds the page for all of them; a step superseded meanwhile is not computed.
  run: async ({ prepared }, { signal }): Promise<PcaResult> => {
    await nextTask();
    signal.throwIfAborted();
    return pca(prepared.matrix, { components: Math.min(2, prepared.matrix.d) });
  },
});

/** Points drawn at most in the scatter (a stratified sample above it). */
export const SCATTER_POINTS = 2500;

/** What the scatter draws: cheap to build, so it follows a drag while k-means waits for the release. */
export interface ScatterData {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly labels: Int32Array;
  readonly ids: readonly string[];
  readonly explained: readonly [number, number];
  readonly centroids: { x: number; y: number; label: number }[];
  readonly loadings: { feature: string; x: number; y: number }[];
}

const scatterOptions = ({ document, width, memory, presentation }: ViewContext): PcaScatterOptions => ({
  width: Math.min(width, 900),
  height: 480,
  document,
  maxPoints: SCATTER_POINTS,
  memory,
  presentation,
});

export const scatter = cell({
  name: 'scatter',
  title: 'Clusters in PCA space',
  inputs: { projection, previewLabels, prepared, table },
  run: ({ projection, previewLabels, prepared, table }): ScatterData => {
    const n = prepared.matrix.n;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const c = projection.components;
    for (let i = 0; i < n; i++) {
      x[i] = projection.scores[i * c];
      y[i] = c > 1 ? projection.scores[i * c + 1] : 0;
    }
    // The settled clustering, or during a drag the preview warm-started from its centroids.
    const labels = previewLabels.labels.length === n ? previewLabels.labels : new Int32Array(n).fill(-1);
    // Centroids in PC space: flat sums by label (noise, < 0, has none), on every drag step.
    let k = 0;
    for (let i = 0; i < n; i++) if (labels[i] >= k) k = labels[i] + 1;
    const sx = new Float64Array(k);
    const sy = new Float64Array(k);
    const count = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      if (c < 0) continue;
      sx[c] += x[i];
      sy[c] += y[i];
      count[c]++;
    }
    const centroids: ScatterData['centroids'] = [];
    for (let c = 0; c < k; c++) if (count[c] > 0) centroids.push({ label: c, x: sx[c] / count[c], y: sy[c] / count[c] });
    return {
      x,
      y,
      labels,
      ids: Array.from(prepared.rows, (r) => table.ids[r]),
      explained: [projection.explainedVarianceRatio[0] ?? 0, projection.explainedVarianceRatio[1] ?? 0],
      centroids,
      loadings: prepared.features.map((feature, j) => ({
        feature,
        x: projection.loadings[0]?.[j] ?? 0,
        y: projection.loadings[1]?.[j] ?? 0,
      })),
    };
  },
  // 2,500 points keep a drag at 50,000 customers near 100 ms in Chromium (SVG layout dominates);
  // the stratified sample keeps every cluster visible and all centroids are drawn.
  // The view keeps colours steady across changes (display only; ids stay canonical).
  view: (s, context) => pcaScatter(s, scatterOptions(context)),
  // A drag step repaints the dots and the marks above them in the figure already on the page.
  update: (figure, s, context) => updatePcaScatter(figure, s, scatterOptions(context)),
});

export const variance = cell({
  name: 'variance',
  title: 'Explained variance',
  // Sampled: a second chart redrawn on every drag step would slow the scatter that matters.
  inputs: { projection: sampled(projection) },
  run: ({ projection }) => projection.explainedVarianceRatio,
  view: (ratios, { document, width }) => explainedVarianceChart(ratios, { width: Math.min(width, 600), document }),
});
