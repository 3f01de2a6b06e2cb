import * as Plot from '@observablehq/plot';
import { CANVAS_ABOVE, DOT_OPACITY, clusterClass, colourScale, originRules, scene, topMarks, type PcaScatterData, type PcaScatterOptions, type Point } from './pca-scatter-scene.ts';
import { canvasScatter, updateCanvasScatter } from './pca-scatter-canvas.ts';
import { canvasSupported } from './scatter-canvas.ts';

export { CANVAS_ABOVE, clusterClass, type PcaScatterData, type PcaScatterOptions } from './pca-scatter-scene.ts';

/** Whether this drawing puts its dots on a canvas (see `PcaScatterOptions.render`). */
function onCanvas(points: number, options: PcaScatterOptions): boolean {
  const { render = 'auto' } = options;
  const doc = options.document ?? globalThis.document;
  return render === 'canvas' || (render === 'auto' && points > CANVAS_ABOVE && doc !== undefined && canvasSupported(doc));
}

/**
 * PC1/PC2 scatter of customers coloured by cluster (colours kept steady through `memory`), with centroid
 * markers, optional loading arrows, a legend and a caption. Large inputs draw a stratified sample
 * and say so in the caption. Returns Plot's `<figure>`. In a browser, more than `CANVAS_ABOVE`
 * dots are drawn on a canvas between the SVG frame (axes, grid, legend) and the SVG marks on top
 * (centroids, arrows, tooltip): the same look, a fraction of the repaint time, and it can be
 * redrawn in place (`updatePcaScatter`). Without a canvas (Node, jsdom, `render: 'svg'`) every
 * dot is an SVG circle, for reports and snapshots.
 */
export function pcaScatter(data: PcaScatterData, options: PcaScatterOptions = {}): SVGSVGElement | HTMLElement {
  const s = scene(data, options);
  if (onCanvas(s.all.length, options)) return canvasScatter(s, options);
  const { xDomain: fixedX, yDomain: fixedY } = options;
  const dots = s.layers.map(({ cluster, points }) =>
    Plot.dot(points, {
      x: 'x',
      y: 'y',
      r: s.radius,
      fill: () => s.nameOf(cluster),
      fillOpacity: DOT_OPACITY,
      className: `tb-dots ${clusterClass(cluster)}`,
      ariaLabel: (p: Point) => p.name,
    }),
  );
  const figure = Plot.plot({
    ...s.frame,
    caption: s.caption,
    color: colourScale(s, true),
    x: { label: s.xLabel, labelArrow: 'none', nice: true, ...(fixedX ? { domain: [...fixedX] } : {}) },
    y: { label: s.yLabel, labelArrow: 'none', nice: true, ...(fixedY ? { domain: [...fixedY] } : {}) },
    marks: [...originRules(), ...dots, ...topMarks(s)],
  });
  // A plain attribute per dot lets tests and styles count clusters without knowing Plot's DOM.
  for (const { cluster } of s.layers) {
    for (const circle of figure.querySelectorAll(`g.${clusterClass(cluster)} circle`)) {
      circle.setAttribute('data-cluster', String(cluster));
    }
  }
  return figure;
}

/**
 * Redraws a scatter `pcaScatter` drew on a canvas, in place, for new data with the same options:
 * the dots are repainted on the same canvas, the centroids and arrows redrawn, the axis labels and
 * caption rewritten, and the axes rebuilt only when their rounded range changes; no new figure.
 * Returns false, changing nothing on the page, when that cannot give what `pcaScatter` would draw
 * (an SVG drawing, other options, another legend): the caller then draws a new one.
 */
export function updatePcaScatter(figure: Element, data: PcaScatterData, options: PcaScatterOptions = {}): boolean {
  const s = scene(data, options);
  return onCanvas(s.all.length, options) && updateCanvasScatter(figure, s, options);
}
