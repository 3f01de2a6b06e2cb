/**
 * The marks a large scatter draws above its canvas of dots (centroid diamonds, loading arrows and
 * their labels) as one small SVG that is redrawn in place: a drag step moves a handful of shapes
 * instead of building a new Plot figure, whose new elements and style sheet the browser must
 * style and lay out again. Drawn to look as Plot draws the same marks in the all-SVG version
 * (its diamond symbol of the same area, its arrowhead, its haloed labels).
 */

const SVG = 'http://www.w3.org/2000/svg';

/** What `drawMarks` draws, in CSS pixels of the chart. */
export interface MarksSpec {
  readonly centroids: readonly { readonly x: number; readonly y: number; readonly colour: string; readonly name: string }[];
  /** Loading arrows from `origin` to each tip, labelled with the feature. */
  readonly arrows: readonly { readonly x: number; readonly y: number; readonly feature: string }[];
  readonly origin: { readonly x: number; readonly y: number };
}

/** Radius of a centroid, as Plot's `r`: the diamond has the area of a circle of this radius. */
const CENTROID_R = 7;
/** Plot's arrow defaults: wings of 8 × stroke width / 1.5 at most a third of the shaft, 60° between them. */
const ARROW_WIDTH = 1.25;
const WING = ((8 / 1.5) * ARROW_WIDTH);
const WING_ANGLE = Math.PI / 6;

/** d3's diamond symbol (as Plot's `symbol: 'diamond'`) for a circle of radius `r`'s area. */
function diamond(r: number): string {
  const tan30 = Math.sqrt(1 / 3);
  const h = Math.sqrt((Math.PI * r * r) / (2 * tan30));
  const w = h * tan30;
  return `M0,${-h}L${w},0L0,${h}L${-w},0Z`;
}
const DIAMOND = diamond(CENTROID_R);

/** A straight arrow with Plot's arrowhead. */
function arrowPath(x1: number, y1: number, x2: number, y2: number): string {
  const length = Math.hypot(x2 - x1, y2 - y1);
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const head = Math.min(WING, length / 3);
  const x3 = x2 - head * Math.cos(angle + WING_ANGLE);
  const y3 = y2 - head * Math.sin(angle + WING_ANGLE);
  const x4 = x2 - head * Math.cos(angle - WING_ANGLE);
  const y4 = y2 - head * Math.sin(angle - WING_ANGLE);
  return `M${x1},${y1}L${x2},${y2}M${x3},${y3}L${x2},${y2}L${x4},${y4}`;
}

function group(svg: SVGSVGElement, className: string, attributes: Record<string, string>): SVGGElement {
  const g = svg.ownerDocument.createElementNS(SVG, 'g');
  g.setAttribute('class', className);
  for (const [name, value] of Object.entries(attributes)) g.setAttribute(name, value);
  svg.append(g);
  return g;
}

/** The group's first `n` children of `tag`, adding or removing elements as needed. */
function children<K extends 'path' | 'text'>(g: SVGGElement, tag: K, n: number): SVGElementTagNameMap[K][] {
  while (g.children.length > n) g.lastElementChild?.remove();
  while (g.children.length < n) g.append(g.ownerDocument.createElementNS(SVG, tag));
  return [...g.children] as SVGElementTagNameMap[K][];
}

/** An empty marks layer of `width` × `height` CSS pixels, for `drawMarks`. */
export function marksLayer(document: Document, width: number, height: number, fontSize = '10px'): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'tb-scatter-marks');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('font-family', 'system-ui, sans-serif');
  svg.setAttribute('font-size', fontSize);
  group(svg, 'tb-centroids', { stroke: '#1d2530', 'stroke-width': '1.5' });
  group(svg, 'tb-loadings', { fill: 'none', stroke: '#3a4452', 'stroke-width': String(ARROW_WIDTH) });
  group(svg, 'tb-loading-labels', { fill: '#1d2530', stroke: 'white', 'stroke-width': '3', 'paint-order': 'stroke' });
  return svg;
}

/** Draws `spec` on a layer from `marksLayer`, reusing its elements. */
export function drawMarks(svg: SVGSVGElement, spec: MarksSpec): void {
  const [centroids, arrows, labels] = [...svg.children] as SVGGElement[];
  children(centroids, 'path', spec.centroids.length).forEach((path, i) => {
    const c = spec.centroids[i];
    path.setAttribute('transform', `translate(${c.x},${c.y})`);
    path.setAttribute('d', DIAMOND);
    path.setAttribute('fill', c.colour);
    path.setAttribute('aria-label', `${c.name} centre`);
  });
  const { x: ox, y: oy } = spec.origin;
  children(arrows, 'path', spec.arrows.length).forEach((path, i) => {
    const a = spec.arrows[i];
    path.setAttribute('d', arrowPath(ox, oy, a.x, a.y));
  });
  // Labels sit beyond each tip, anchored away from the origin so they do not cover the arrow.
  children(labels, 'text', spec.arrows.length).forEach((text, i) => {
    const a = spec.arrows[i];
    const right = a.x >= ox;
    text.setAttribute('x', String(a.x + (right ? 5 : -5)));
    text.setAttribute('y', String(a.y - 4));
    text.setAttribute('dy', '0.32em');
    text.setAttribute('text-anchor', right ? 'start' : 'end');
    if (text.textContent !== a.feature) text.textContent = a.feature;
  });
}
