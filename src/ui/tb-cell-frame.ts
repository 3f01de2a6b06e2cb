import { LitElement, css, html, nothing } from 'lit';
import type { CellState } from '../runtime/state.ts';
import { fire } from './fire.ts';
import { formatMs, formatPercent } from './format.ts';
import { statusLook, statusStyles } from './status.ts';
import { base, v } from './theme.ts';

/**
 * The frame around one cell: title, status chip, run time, collapse toggle, progress, the failure
 * (message and triggering input) or the upstream cell blocking it, and the cell's view in the
 * default slot. While a new value is computed the previous view stays, dimmed.
 *
 * @slot - the cell's view
 * @fires tb-toggle - `{collapsed}` when the user collapses or expands the frame.
 * @fires tb-cancel - `{name}` when the user asks to stop a running cell (needs `cancellable`).
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
    blockedByTitle: { type: String, attribute: 'blocked-by-title' },
    blockedByHref: { type: String, attribute: 'blocked-by-href' },
    blockedByMessage: { type: String, attribute: 'blocked-by-message' },
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
  /** Title of the failed cell named by `state.blockedBy`; falls back to its name. */
  declare blockedByTitle: string;
  /** Link to that cell's frame (`#cell-…`); without one the title is shown unlinked. */
  declare blockedByHref: string;
  /** The blocking cell's error message, shown here too (useful when that cell has no frame). */
  declare blockedByMessage: string;

  constructor() {
    super();
    this.name = '';
    this.heading = '';
    this.description = '';
    this.state = undefined;
    this.collapsed = false;
    this.cancellable = false;
    this.blockedByTitle = '';
    this.blockedByHref = '';
    this.blockedByMessage = '';
  }

  private toggle(): void {
    this.collapsed = !this.collapsed;
    fire(this, 'tb-toggle', { collapsed: this.collapsed });
  }

  private renderProblem(state: CellState) {
    if (state.status === 'error' && state.error) {
      const { message, trigger, cell } = state.error;
      return html`<div part="problem" class="problem error" role="alert">
        <p class="message">${message}</p>
        ${trigger ? html`<p class="detail">After <code>${trigger}</code></p>` : nothing}
        ${cell && this.name && cell !== this.name ? html`<p class="detail">Raised in <code>${cell}</code></p>` : nothing}
      </div>`;
    }
    if (state.status === 'blocked') {
      const who = this.blockedByTitle || state.blockedBy || 'an earlier cell';
      const link = this.blockedByHref
        ? html`<a href=${this.blockedByHref}>${who}</a>`
        : html`<strong>${who}</strong>`;
      return html`<div part="problem" class="problem blocked">
        <p class="blocked-by">Blocked by ${link}</p>
        ${this.blockedByMessage ? html`<p class="detail cause">${this.blockedByMessage}</p>` : nothing}
        <p class="detail">This cell runs again once that cell succeeds.</p>
      </div>`;
    }
    return nothing;
  }

  private renderProgress(state: CellState) {
    if (state.status !== 'running' || !state.progress) return nothing;
    const { fraction, message } = state.progress;
    const clamped = Math.min(1, Math.max(0, fraction));
    return html`<div class="progress">
      <progress max="1" .value=${clamped} aria-label=${`${this.heading || this.name} progress`}></progress>
      <span class="progress-text">${formatPercent(clamped)}${message ? html` · ${message}` : nothing}</span>
    </div>`;
  }

  override render() {
    const state = this.state;
    const status = state?.status ?? 'pending';
    const look = statusLook[status];
    const title = this.heading || this.name;
    const stale = status === 'running' || status === 'pending';
    const failed = status === 'error' || status === 'blocked';
    return html`
      <section
        part="frame"
        class="frame"
        aria-labelledby="title"
        aria-busy=${status === 'running' ? 'true' : 'false'}
      >
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
          <span part="status" class="chip status-${status}" data-status=${status}>
            <span aria-hidden="true">${look.glyph}</span> ${look.label}
          </span>
          ${
            status === 'running' && this.cancellable
              ? html`<button
                  class="cancel"
                  type="button"
                  aria-label=${`Cancel ${title}`}
                  @click=${() => fire(this, 'tb-cancel', { name: this.name })}
                >
                  Cancel
                </button>`
              : nothing
          }
          ${
            state?.ms !== undefined && (status === 'ok' || status === 'error' || status === 'running')
              ? html`<span class="ms" title="Duration of the last run">${formatMs(state.ms)}</span>`
              : nothing
          }
        </header>
        <div part="body" id="body" class="body" ?hidden=${this.collapsed}>
          ${this.description ? html`<p class="description">${this.description}</p>` : nothing}
          ${state ? this.renderProgress(state) : nothing} ${state ? this.renderProblem(state) : nothing}
          <div class="view ${stale ? 'stale' : ''}" ?hidden=${failed}><slot></slot></div>
        </div>
      </section>
    `;
  }

  static override styles = [
    base,
    statusStyles,
    css`
      :host {
        display: block;
        scroll-margin-top: 16px;
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
      .cancel {
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
      .progress-text {
        font-size: 0.8125em;
        color: ${v('muted')};
      }
      .problem {
        border-left: 4px solid;
        border-radius: ${v('radius')};
        padding: 8px 12px;
        margin-bottom: 12px;
      }
      .problem p {
        margin: 4px 0;
      }
      .problem.error {
        border-color: ${v('error')};
        background: ${v('error-bg')};
      }
      .problem.blocked {
        border-color: ${v('blocked')};
        background: ${v('blocked-bg')};
      }
      .message {
        font-weight: 600;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .blocked-by {
        font-weight: 600;
      }
      .cause {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .detail {
        font-size: 0.875em;
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
      .view.stale {
        opacity: 0.55;
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
