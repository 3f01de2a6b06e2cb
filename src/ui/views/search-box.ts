/** The search box and the "n of m shown" count the list views put above their `tb-table`. */
import { formatCount } from '../format.ts';
import { el } from './quality-report-view.ts';

export interface SearchBox {
  readonly input: HTMLInputElement;
  /** A polite status line: empty while everything is shown. */
  readonly count: HTMLSpanElement;
  /** Updates the count for `shown` of `total` rows. */
  shown(shown: number, total: number): void;
}

/** A search input (`className`, with a visible placeholder and an accessible name) and its count. */
export function searchBox(doc: Document, className: string, placeholder: string, label: string, width = '26em'): SearchBox {
  const input = el(doc, 'input');
  input.type = 'search';
  input.placeholder = placeholder;
  input.setAttribute('aria-label', label);
  input.className = className;
  input.style.cssText = `min-height: 32px; padding: 4px 8px; font: inherit; width: min(100%, ${width});`;
  const count = el(doc, 'span', 'tb-muted tb-small');
  count.setAttribute('role', 'status');
  count.style.marginLeft = '8px';
  return {
    input,
    count,
    shown: (shown, total) => (count.textContent = shown === total ? '' : `${formatCount(shown)} of ${formatCount(total)} shown`),
  };
}
