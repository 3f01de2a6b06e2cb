/**
 * A small DOM for the report: elements as plain data (`h('p', {}, 'text')`), written out as
 * HTML/SVG text with every attribute and text escaped, or built into real DOM nodes with
 * `createElement` and `textContent`. Nothing is ever parsed as markup, so a customer id, a tier
 * name or a comment from a config stays text whichever way the tree is used.
 *
 * Why not Observable Plot in Node: Plot needs a full DOM (jsdom, a development dependency and
 * ~0.5 s to load), and the browser and jsdom write the same SVG with small differences, so the
 * app's Export report and `tierbook report` could not give the same bytes. This tree is written
 * by one function in both places.
 */

/** A child: an element, text, or nothing (skipped). Numbers are written as given. */
export type Markup = MarkupElement | string | number | null | undefined | false;

export interface MarkupElement {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly children: readonly Markup[];
}

/** Elements with no closing tag in HTML. */
const VOID = new Set(['meta', 'br', 'hr', 'img', 'link', 'col', 'input']);
/** SVG elements; written with an explicit closing tag or `/>`. */
const SVG = new Set([
  'svg',
  'g',
  'rect',
  'line',
  'path',
  'circle',
  'text',
  'title',
  'polyline',
  'desc',
  'tspan',
]);
/** Only these tags may be made: a tree built from data can never hold a script. */
const ALLOWED = new Set([
  ...VOID,
  ...SVG,
  'html',
  'head',
  'body',
  'title',
  'style',
  'header',
  'main',
  'footer',
  'section',
  'nav',
  'article',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'div',
  'span',
  'strong',
  'em',
  'code',
  'small',
  'a',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'details',
  'summary',
  'pre',
  'time',
]);

/** An element. `attrs` values: text (escaped), numbers, `true` (bare attribute), false/undefined (left out). */
export function h(
  tag: string,
  attrs: MarkupElement['attrs'] = {},
  ...children: (Markup | readonly Markup[])[]
): MarkupElement {
  if (!ALLOWED.has(tag)) throw new Error(`invalid report element: "${tag}"`);
  for (const name of Object.keys(attrs)) {
    // Event handlers and links to script are never written, whatever a caller passes.
    if (/^on/i.test(name) || !/^[a-zA-Z][a-zA-Z0-9:-]*$/.test(name))
      throw new Error(`invalid report attribute: "${name}"`);
  }
  if (typeof attrs.href === 'string' && !attrs.href.startsWith('#'))
    throw new Error(`invalid report link: "${attrs.href}" (only links within the report)`);
  return { tag, attrs, children: children.flat() as Markup[] };
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', "'": '&#39;' };

/** Text as it may stand between tags. */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]);
}

/** Text as it may stand inside a double-quoted attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ATTR_ESCAPES[c]);
}

function attributes(attrs: MarkupElement['attrs']): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return out;
}

/** The tree as HTML text (SVG inline). `<style>` content is the caller's own CSS, written as is. */
export function writeMarkup(node: Markup): string {
  if (node === null || node === undefined || node === false) return '';
  if (typeof node === 'string') return escapeText(node);
  if (typeof node === 'number') return escapeText(String(node));
  const open = `<${node.tag}${attributes(node.attrs)}`;
  if (VOID.has(node.tag)) return `${open}>`;
  const inner =
    node.tag === 'style'
      ? node.children.map((c) => (typeof c === 'string' ? c.replace(/<\//g, '<\\/') : '')).join('')
      : node.children.map(writeMarkup).join('');
  if (SVG.has(node.tag) && inner === '') return `${open}/>`;
  return `${open}>${inner}</${node.tag}>`;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The tree as DOM nodes of `document` (SVG elements in the SVG namespace), text as text nodes. */
export function toDom(document: Document, node: Markup, inSvg = false): Node | null {
  if (node === null || node === undefined || node === false) return null;
  if (typeof node !== 'object') return document.createTextNode(String(node));
  const svg = inSvg || node.tag === 'svg';
  const el = svg ? document.createElementNS(SVG_NS, node.tag) : document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  if (node.tag === 'style')
    el.textContent = node.children.filter((c): c is string => typeof c === 'string').join('');
  else
    for (const child of node.children) {
      const c = toDom(document, child, svg && node.tag !== 'foreignObject');
      if (c) el.appendChild(c);
    }
  return el;
}

/** The plain text of a tree (what a reader sees), for tests and the Markdown writer. */
export function textOf(node: Markup): string {
  if (node === null || node === undefined || node === false) return '';
  if (typeof node !== 'object') return String(node);
  if (node.tag === 'style') return '';
  return node.children.map(textOf).join('');
}
