import { LitElement, css, html } from 'lit';
import { base, v } from './theme.ts';

/**
 * Hosts one chart element (an SVG or Plot's `<figure>`) made by a pure chart function. Setting
 * `figure` replaces the previous chart; the same element set twice is not re-mounted.
 *
 * @csspart chart - the box holding the chart
 * @csspart empty - the text shown while there is no chart
 */
export class TbPlot extends LitElement {
  static override properties = {
    figure: { attribute: false },
    label: { type: String },
    emptyText: { type: String, attribute: 'empty-text' },
  };

  /** The chart to show, or null for none. */
  declare figure: Element | null;
  /** Accessible name of the chart region. */
  declare label: string;
  /** Shown when `figure` is null. */
  declare emptyText: string;

  constructor() {
    super();
    this.figure = null;
    this.label = '';
    this.emptyText = 'No chart yet.';
  }

  override render() {
    return this.figure
      ? html`<div part="chart" class="chart" role="figure" aria-label=${this.label || 'Chart'}>
          ${this.figure}
        </div>`
      : html`<p part="empty" class="empty">${this.emptyText}</p>`;
  }

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .chart {
        overflow-x: auto;
        font-size: 12px;
      }
      .chart svg {
        max-width: 100%;
        height: auto;
      }
      .chart figure {
        margin: 0;
      }
      .chart figcaption {
        color: ${v('muted')};
        font-size: 0.8125em;
        margin-top: 4px;
      }
      .empty {
        color: ${v('muted')};
      }
    `,
  ];
}

if (!customElements.get('tb-plot')) customElements.define('tb-plot', TbPlot);

declare global {
  interface HTMLElementTagNameMap {
    'tb-plot': TbPlot;
  }
}
