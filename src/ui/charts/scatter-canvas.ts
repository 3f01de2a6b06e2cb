/**
 * The dots of a large scatter on a canvas, between two SVG layers drawn by Plot with the same
 * scales: below, the frame (grid, axes, rules at zero; the figure keeps its legend and caption);
 * above, the marks that must stay on top (centroids, loading arrows and labels, the tooltip).
 * Thousands of circles in SVG cost the browser tens of milliseconds of layout on every repaint;
 * on a canvas they cost a few, so the chart can follow a slider drag.
 */

/** A linear map from data to CSS pixels, read from a rendered Plot scale. */
export interface PixelScale {
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
}

/** One cluster's dots, drawn in order; later layers are drawn on top. */
export interface DotLayer {
  readonly cluster: number;
  readonly colour: string;
  /** Indices into `x` and `y`. */
  readonly points: readonly number[];
}

/** What `drawDots` draws. */
export interface DotsSpec {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly layers: readonly DotLayer[];
  readonly xScale: PixelScale;
  readonly yScale: PixelScale;
  /** Dot radius in CSS pixels. */
  readonly radius: number;
  /** Fill opacity of each dot, 0 to 1 (overlapping dots darken, as in SVG). */
  readonly opacity: number;
}

/** The slice of the 2D context `drawDots` uses (so tests can record the calls). */
export type DotsContext = Pick<CanvasRenderingContext2D, 'beginPath' | 'arc' | 'fill' | 'setTransform' | 'clearRect'> & {
  fillStyle: CanvasRenderingContext2D['fillStyle'];
  globalAlpha: number;
};

/** Whether this document can draw on a canvas (a browser; not jsdom or Node). */
export function canvasSupported(document: Document): boolean {
  const view = document.defaultView as (Window & { CanvasRenderingContext2D?: unknown }) | null;
  return typeof view?.CanvasRenderingContext2D === 'function';
}

/** The linear map from data to CSS pixels of `scale`. */
export function project(scale: PixelScale): (v: number) => number {
  const [d0, d1] = scale.domain;
  const [r0, r1] = scale.range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/**
 * Draws the dots on a context whose units are CSS pixels times `pixelRatio`: one filled circle
 * per point, each layer in its colour, so overlaps compound like SVG's fill-opacity.
 */
export function drawDots(context: DotsContext, spec: DotsSpec, width: number, height: number, pixelRatio: number): void {
  context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  context.clearRect(0, 0, width, height);
  context.globalAlpha = spec.opacity;
  const px = project(spec.xScale);
  const py = project(spec.yScale);
  const r = spec.radius;
  for (const layer of spec.layers) {
    context.fillStyle = layer.colour;
    for (const i of layer.points) {
      context.beginPath();
      context.arc(px(spec.x[i]), py(spec.y[i]), r, 0, 2 * Math.PI);
      context.fill();
    }
  }
  context.globalAlpha = 1;
}

/** Styles the frame SVG for the stack: it sets the box's height, scaling like the SVG alone did (its own style, e.g. a font size, kept). */
export function applyFrameStyle(frame: SVGSVGElement): void {
  frame.style.display = 'block';
  frame.style.width = '100%';
  frame.style.height = 'auto';
}
/** The overlay SVG's style in the stack: exactly over the frame. */
export const overlayStyle = 'position: absolute; left: 0; top: 0; width: 100%; height: 100%; max-width: none; overflow: visible;';

/**
 * Stacks the frame SVG (inside Plot's figure, legend and caption kept), the dots canvas and the
 * overlay SVG in one box that scales like the SVG alone did (`max-width: 100%`, aspect kept).
 * Returns the canvas, sized for the device's pixel ratio, for `drawDots`.
 */
export function stackLayers(figure: Element, frame: SVGSVGElement, overlay: SVGSVGElement, width: number, height: number): HTMLCanvasElement {
  const document = figure.ownerDocument;
  const box = document.createElement('div');
  box.className = 'tb-scatter-layers';
  box.style.cssText = `position: relative; width: ${width}px; max-width: 100%;`;
  frame.replaceWith(box);
  applyFrameStyle(frame);
  const ratio = document.defaultView?.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.className = 'tb-scatter-dots';
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.setAttribute('aria-hidden', 'true');
  canvas.style.cssText = 'position: absolute; left: 0; top: 0; width: 100%; height: 100%; pointer-events: none;';
  overlay.style.cssText = overlayStyle;
  box.append(frame, canvas, overlay);
  return canvas;
}
