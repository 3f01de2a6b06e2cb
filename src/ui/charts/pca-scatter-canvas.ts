import * as Plot from '@observablehq/plot';
import { DOT_OPACITY, colourScale, originRules, tipMark, type PcaScatterOptions, type Scene } from './pca-scatter-scene.ts';
import { applyFrameStyle, drawDots, overlayStyle, project, stackLayers, type PixelScale } from './scatter-canvas.ts';
import { drawMarks, marksLayer, type MarksSpec } from './scatter-marks.ts';

/**
 * The canvas version of the PCA scatter, and its redraw in place. A drag step then costs a
 * repaint of the dots and a move of the few marks above them, instead of a new Plot figure that
 * the browser must style and lay out again: the legend, the caption box and (while their rounded
 * range holds) the axes stay as they are. The tooltip is built when the pointer first moves over
 * the chart after a drawing, so a drag step does not prepare thousands of tooltip texts.
 */

/** What a canvas scatter on the page was drawn with, so an update can tell whether it fits. */
interface Drawing {
  /** Size, margins and look: another value means another figure. */
  readonly layout: string;
  /** Legend names and colours as drawn. */
  readonly legend: string;
  x: PixelScale;
  y: PixelScale;
  frame: SVGSVGElement;
  readonly marks: SVGSVGElement;
  readonly canvas: HTMLCanvasElement;
  /** What was drawn last, for the tooltip. */
  scene: Scene;
  /** The tooltip layer for `scene`, once the pointer has come. */
  tip?: SVGSVGElement;
}

const drawings = new WeakMap<Element, Drawing>();

const layoutOf = (s: Scene): string => {
  const { width, height, marginTop, marginRight, marginBottom, marginLeft, style } = s.frame;
  return JSON.stringify([width, height, marginTop, marginRight, marginBottom, marginLeft, style ?? null]);
};
const legendOf = (s: Scene): string => JSON.stringify([s.colours.domain, s.colours.range]);

/** The smallest and largest of several lists of numbers. */
function extent(...lists: ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

/** The domain every layer shares before rounding: what Plot would take from all the marks of the SVG version. */
function fitted(s: Scene, options: PcaScatterOptions): { x: number[]; y: number[] } {
  const { xDomain, yDomain } = options;
  return {
    x: xDomain ? [...xDomain] : extent([0], s.all.map((p) => p.x), s.centroids.map((c) => c.x), s.tips.map((t) => t.x)),
    y: yDomain ? [...yDomain] : extent([0], s.all.map((p) => p.y), s.centroids.map((c) => c.y), s.tips.map((t) => t.y)),
  };
}

/** The axes, grid and origin rules; with the legend and caption, the whole figure. */
function axes(s: Scene, domain: { x: number[]; y: number[] }, whole: boolean): SVGSVGElement | HTMLElement {
  return Plot.plot({
    ...s.frame,
    ...(whole ? { caption: s.caption } : {}),
    color: colourScale(s, whole),
    x: { label: s.xLabel, labelArrow: 'none', nice: true, domain: domain.x },
    y: { label: s.yLabel, labelArrow: 'none', nice: true, domain: domain.y },
    marks: originRules(),
  });
}

type Scaled = { scale(name: string): { domain?: unknown; range?: unknown } | undefined };

/** A rendered Plot scale as a linear map to CSS pixels; undefined when it has none. */
function pixels(plot: Element, name: 'x' | 'y'): PixelScale | undefined {
  const s = (plot as unknown as Scaled).scale(name);
  return s?.range ? { domain: s.domain as [number, number], range: s.range as [number, number] } : undefined;
}

/** The centroids and loading arrows in the frame's pixels. */
function marksOf(s: Scene, x: PixelScale, y: PixelScale): MarksSpec {
  const px = project(x);
  const py = project(y);
  const colourOf = new Map(s.colours.domain.map((name, i) => [name, s.colours.range[i]]));
  return {
    centroids: s.centroids.map((c) => ({ x: px(c.x), y: py(c.y), colour: colourOf.get(s.nameOf(c.label)) ?? '#000', name: s.nameOf(c.label) })),
    arrows: s.tips.map((t) => ({ x: px(t.x), y: py(t.y), feature: t.feature })),
    origin: { x: px(0), y: py(0) },
  };
}

/** The tooltip layer on top, on the frame's scales (Plot's pointer and tip). */
function tipLayer(s: Scene, x: PixelScale, y: PixelScale): SVGSVGElement {
  const { document, width, height, marginTop, marginRight, marginBottom, marginLeft } = s.frame;
  const tip = Plot.plot({
    document,
    width,
    height,
    marginTop,
    marginRight,
    marginBottom,
    marginLeft,
    x: { domain: [...x.domain], axis: null },
    y: { domain: [...y.domain], axis: null },
    marks: [tipMark(s)],
  }) as unknown as SVGSVGElement;
  tip.style.cssText = overlayStyle;
  tip.classList.add('tb-scatter-tip');
  return tip;
}

/** Paints the sampled dots, biggest cluster first, and notes what was drawn (for tests: the canvas keeps no shapes to count). */
function paint(canvas: HTMLCanvasElement, s: Scene, x: PixelScale, y: PixelScale): void {
  const colourOf = new Map(s.colours.domain.map((name, i) => [name, s.colours.range[i]]));
  const counts: Record<string, number> = {};
  const layers = s.layers.map(({ cluster, indices }) => {
    counts[cluster] = indices.length;
    return { cluster, colour: colourOf.get(s.nameOf(cluster)) ?? '#000', points: indices };
  });
  canvas.dataset.counts = JSON.stringify(counts);
  const context = canvas.getContext('2d');
  const { width, height } = s.frame;
  if (context) drawDots(context, { x: s.x, y: s.y, layers, xScale: x, yScale: y, radius: s.radius, opacity: DOT_OPACITY }, width, height, canvas.width / width);
}

/** Draws the scatter with its dots on a canvas (see `pcaScatter`) and remembers how, for `updateCanvasScatter`. */
export function canvasScatter(s: Scene, options: PcaScatterOptions): SVGSVGElement | HTMLElement {
  const figure = axes(s, fitted(s, options), true);
  const frame = [...figure.children].find((c): c is SVGSVGElement => c.tagName.toLowerCase() === 'svg');
  const x = pixels(figure, 'x');
  const y = pixels(figure, 'y');
  if (!frame || !x || !y) return figure;
  const { width, height, style } = s.frame;
  const fontSize = typeof style === 'object' && style && 'fontSize' in style ? String(style.fontSize) : undefined;
  const marks = marksLayer(figure.ownerDocument, width, height, fontSize);
  marks.style.cssText = overlayStyle;
  drawMarks(marks, marksOf(s, x, y));
  const canvas = stackLayers(figure, frame, marks, width, height);
  paint(canvas, s, x, y);
  const drawing: Drawing = { layout: layoutOf(s), legend: legendOf(s), x, y, frame, marks, canvas, scene: s };
  drawings.set(figure, drawing);
  // Plot's pointer listens on the tooltip layer itself: it follows from the next move on.
  canvas.parentElement?.addEventListener('pointermove', () => {
    if (drawing.tip) return;
    drawing.tip = tipLayer(drawing.scene, drawing.x, drawing.y);
    canvas.parentElement?.append(drawing.tip);
  });
  return figure;
}

const sameDomain = (a: readonly number[], b: readonly number[]): boolean => a[0] === b[0] && a[1] === b[1];

/** Rewrites the axis labels and the description of an axes SVG kept for the next drawing. */
function relabel(frame: SVGSVGElement, s: Scene): void {
  for (const [axis, label] of [
    ['x', s.xLabel],
    ['y', s.yLabel],
  ] as const) {
    const text = frame.querySelector(`g[aria-label="${axis}-axis label"] text`);
    if (text && text.textContent !== label) text.textContent = label;
  }
  frame.setAttribute('aria-description', s.caption);
}

/**
 * Redraws in place a figure `canvasScatter` drew (see `updatePcaScatter`): false, touching
 * nothing, when the figure is not one, or its size, look or legend would change.
 */
export function updateCanvasScatter(figure: Element, s: Scene, options: PcaScatterOptions): boolean {
  const drawn = drawings.get(figure);
  if (!drawn || drawn.layout !== layoutOf(s) || drawn.legend !== legendOf(s)) return false;
  const domain = fitted(s, options);
  // Plot rounds each domain outwards ("nice"); the axes are rebuilt only when that rounding moves.
  const rounded = (d: number[]) => Plot.scale({ x: { domain: d, nice: true } }).domain as number[];
  if (sameDomain(rounded(domain.x), drawn.x.domain) && sameDomain(rounded(domain.y), drawn.y.domain)) relabel(drawn.frame, s);
  else {
    const frame = axes(s, domain, false) as SVGSVGElement;
    const x = pixels(frame, 'x');
    const y = pixels(frame, 'y');
    if (!x || !y) return false;
    applyFrameStyle(frame);
    drawn.frame.replaceWith(frame);
    Object.assign(figure, { scale: (frame as unknown as Scaled).scale });
    Object.assign(drawn, { frame, x, y });
  }
  const caption = figure.querySelector(':scope > figcaption');
  if (caption && caption.textContent !== s.caption) caption.textContent = s.caption;
  drawMarks(drawn.marks, marksOf(s, drawn.x, drawn.y));
  paint(drawn.canvas, s, drawn.x, drawn.y);
  drawn.scene = s;
  drawn.tip?.remove();
  drawn.tip = undefined;
  return true;
}
