import { LitElement, css, html, nothing } from 'lit';
import type { CellState } from '../runtime/state.ts';
import { fire } from './fire.ts';
import { formatMs, formatPercent } from './format.ts';
import { statusLook, statusStyles } from './status.ts';
import { base, buttons, v } from './theme.ts';
import { idleNote, noteStyles, noticeNote, problemBox, staleNote, suggestionBar, type SuggestionButton, type Upstream } from './cell-notes.ts';

/**
 * The frame around one cell: title, status chip, run time, collapse toggle, Run (on-demand cells)
 * and Cancel, progress, the failure (message and triggering input) or the root failure blocking
 * it, what changed since an on-demand result, one-click suggestions, and the cell's view in the
 * default slot. While a new value is computed the previous view stays, dimmed.
 *
 * @slot - the cell's view
 * @fires tb-toggle - `{collapsed}` when the user collapses or expands the frame.
 * @fires tb-cancel - `{name}` when the user asks to stop a running cell (needs `cancellable`).
 * @fires tb-run - `{name}` when the user asks an on-demand cell to run (needs `onDemand`).
 * @fires tb-suggest - `{index}` when the user picks one of `suggestions`.
 * @csspart frame - the outer section
 * @csspart header - the title row
 * @csspart status - the status chip
 * @csspart body - everything below the header
 * @csspart problem - the error or blocked box
 */
export class TbCellFrame extends LitElement {
  static override properties = {
    name: { type: String, reflect: true },
    heading: { type: String },
    description: { type: String },
    state: { attribute: false },
    collapsed: { type: Boolean, reflect: true },
    cancellable: { type: Boolean },
    onDemand: { type: Boolean, attribute: 'on-demand' },
    upstream: { attribute: false },
    suggestions: { attribute: false },
  };

  /** The cell's name (for reference; the notebook gives the host its anchor id). */
  declare name: string;
  /** The cell's human title. */
  declare heading: string;
  declare description: string;
  declare state: CellState | undefined;
  declare collapsed: boolean;
  /** Offer a Cancel button while the cell runs. */
  declare cancellable: boolean;
  /** An on-demand cell: offer Run (and Run again when its result is out of date). */
  declare onDemand: boolean;
  /**
   * The cell named by the state (`blockedBy`, `waitingFor` or the stale result's cell), with its
   * title and link, looked up by the notebook. The failure shown is the state's own `error`.
   */
  declare upstream: Upstream | undefined;
  /** One-click input changes offered beside the output or the failure. */
  declare suggestions: readonly SuggestionButton[];

  constructor() {
    super();
    this.name = '';
    this.heading = '';
    this.description = '';
    this.state = undefined;
    this.collapsed = false;
    this.cancellable = false;
    this.onDemand = false;
    this.upstream = undefined;
    this.suggestions = [];
  }

  private toggle(): void {
    this.collapsed = !this.collapsed;
    fire(this, 'tb-toggle', { collapsed: this.collapsed });
  }

  private renderProgress(state: CellState) {
    if (state.status !== 'running') return nothing;
    // A run that reports no progress (a task handed to a worker, e.g. the silhouette) still shows
    // it is under way: an indeterminate bar, drawn only once the run passes 200 ms (CSS), so
    // quick runs and drag steps do not flash one.
    if (!state.progress) {
      return html`<div class="progress indeterminate">
        <progress aria-label=${`${this.heading || this.name} progress`}></progress>
      </div>`;
    }
    const { fraction, message } = state.progress;
    const clamped = Math.min(1, Math.max(0, fraction));
    return html`<div class="progress">
      <progress max="1" .value=${clamped} aria-label=${`${this.heading || this.name} progress`}></progress>
      <span class="progress-text">${formatPercent(clamped)}${message ? html` · ${message}` : nothing}</span>
    </div>`;
  }

  private renderActions(status: CellState['status'], title: string) {
    if (status === 'running') {
      return this.cancellable
        ? html`<button class="cancel" type="button" aria-label=${`Cancel ${title}`} @click=${() => fire(this, 'tb-cancel', { name: this.name })}>
            Cancel
          </button>`
        : nothing;
    }
    if (!this.onDemand) return nothing;
    const again = this.state?.hasValue || status === 'error';
    return html`<button class="run" type="button" aria-label=${`${again ? 'Run again' : 'Run'}: ${title}`} @click=${() => fire(this, 'tb-run', { name: this.name })}>
      ${again ? 'Run again' : 'Run'}
    </button>`;
  }

  override render() {
    const state = this.state;
    const status = state?.status ?? 'pending';
    const look = statusLook[status];
    const title = this.heading || this.name;
    const stale = status === 'running' || status === 'pending' || state?.stale !== undefined;
    const failed = status === 'error' || status === 'blocked';
    return html`
      <section part="frame" class="frame" aria-labelledby="title" aria-busy=${status === 'running' ? 'true' : 'false'}>
        <header part="header">
          <button
            class="toggle"
            type="button"
            aria-expanded=${this.collapsed ? 'false' : 'true'}
            aria-controls="body"
            aria-label=${`${this.collapsed ? 'Expand' : 'Collapse'} ${title}`}
            @click=${this.toggle}
          >
            <span aria-hidden="true">${this.collapsed ? '▸' : '▾'}</span>
          </button>
          <h3 id="title">${title}</h3>
          ${state?.stale && !failed ? html`<span class="chip out-of-date">Out of date</span>` : nothing}
          <span part="status" class="chip status-${status}" data-status=${status}>
            <span aria-hidden="true">${look.glyph}</span> ${look.label}
          </span>
          ${this.renderActions(status, title)}
          ${state?.ms !== undefined && (status === 'ok' || status === 'error' || status === 'running')
            ? html`<span class="ms" title="Duration of the last run">${formatMs(state.ms)}</span>`
            : nothing}
        </header>
        <div part="body" id="body" class="body" ?hidden=${this.collapsed}>
          ${this.description ? html`<p class="description">${this.description}</p>` : nothing}
          ${state
            ? [
                this.renderProgress(state),
                problemBox(state, this.name, this.upstream),
                idleNote(state, this.name, this.upstream, this.onDemand),
                staleNote(state, this.upstream),
                noticeNote(state),
              ]
            : nothing}
          ${suggestionBar(this.suggestions, (index) => fire(this, 'tb-suggest', { index }))}
          <div class="view ${stale ? 'stale' : ''}" ?hidden=${failed}><slot></slot></div>
        </div>
      </section>
    `;
  }

  static override styles = [
    base,
    buttons,
    statusStyles,
    noteStyles,
    css`
      :host {
        display: block;
        scroll-margin-top: 16px;
        /* A cell's relayout (a chart redrawn on every drag step) stays inside its frame. */
        contain: layout style;
      }
      .frame {
        border: 1px solid ${v('border')};
        border-radius: ${v('radius')};
        background: ${v('bg')};
      }
      header {
        display: flex;
        align-items: center;
        gap: 10px;
        padding: 8px 12px;
        border-bottom: 1px solid ${v('border')};
      }
      :host([collapsed]) header {
        border-bottom: none;
      }
      .toggle {
        width: 32px;
        height: 32px;
        border: 1px solid transparent;
        border-radius: ${v('radius')};
        background: none;
        font-size: 1em;
      }
      .cancel,
      .run {
        min-height: 28px;
        padding: 2px 10px;
        border: 1px solid ${v('border')};
        border-radius: ${v('radius')};
        background: ${v('bg')};
        font-size: 0.8125em;
      }
      .cancel:hover {
        border-color: ${v('error')};
        color: ${v('error')};
      }
      .run {
        border-color: ${v('accent')};
        color: ${v('accent')};
        font-weight: 600;
      }
      .run:hover {
        background: ${v('accent')};
        color: ${v('accent-fg')};
      }
      .chip.out-of-date {
        color: ${v('blocked')};
        background: ${v('blocked-bg')};
      }
      .toggle:hover {
        background: ${v('surface')};
      }
      h3 {
        margin: 0;
        font-size: 1.05em;
        font-weight: 600;
        margin-right: auto;
      }
      .chip {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        padding: 2px 10px;
        border-radius: 999px;
        font-size: 0.8125em;
        font-weight: 600;
        white-space: nowrap;
      }
      .ms {
        color: ${v('muted')};
        font-size: 0.8125em;
        font-variant-numeric: tabular-nums;
        min-width: 4.5em;
        text-align: right;
      }
      .body {
        padding: 12px 16px 16px;
      }
      .body[hidden] {
        display: none;
      }
      .description {
        margin: 0 0 12px;
        color: ${v('muted')};
      }
      .progress {
        display: flex;
        align-items: center;
        gap: 10px;
        margin-bottom: 12px;
      }
      progress {
        flex: 1;
        height: 8px;
        accent-color: ${v('running')};
      }
      .progress.indeterminate {
        animation: tb-after-200ms 0s linear 0.2s both;
      }
      @keyframes tb-after-200ms {
        from {
          visibility: hidden;
        }
        to {
          visibility: visible;
        }
      }
      .progress-text {
        font-size: 0.8125em;
        color: ${v('muted')};
      }
      code {
        font-family: ${v('mono')};
      }
      a {
        color: ${v('accent')};
      }
      .view {
        overflow-x: auto;
        transition: opacity 0.15s;
      }
      /* Dimmed only when a run lasts: a drag step (well under 200 ms) repaints without the view
         fading out and back, which flickered and kept the page animating while a slider moved. */
      .view.stale {
        opacity: 0.55;
        transition: opacity 0.15s 0.2s;
      }
      .view[hidden] {
        display: none;
      }
    `,
  ];
}

if (!customElements.get('tb-cell-frame')) customElements.define('tb-cell-frame', TbCellFrame);

declare global {
  interface HTMLElementTagNameMap {
    'tb-cell-frame': TbCellFrame;
  }
}
