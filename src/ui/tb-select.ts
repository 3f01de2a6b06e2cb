import { LitElement, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { fire } from './fire.ts';
import { base, v } from './theme.ts';

/**
 * A labelled native select over a list of string options.
 *
 * When `value` is not among `options` (e.g. the list changed underneath it) a disabled
 * placeholder says so instead of silently showing the first option.
 *
 * @fires tb-input - `{value, phase: 'commit'}` when the user picks an option.
 * @csspart label - the visible label
 * @csspart select - the native select
 */
export class TbSelect extends LitElement {
  static override properties = {
    value: { type: String },
    options: { attribute: false },
    label: { type: String },
    disabled: { type: Boolean, reflect: true },
  };

  declare value: string;
  /** The choices, shown and returned as given. */
  declare options: readonly string[];
  declare label: string;
  declare disabled: boolean;

  constructor() {
    super();
    this.value = '';
    this.options = [];
    this.label = '';
    this.disabled = false;
  }

  private onChange(event: Event): void {
    this.value = (event.target as HTMLSelectElement).value;
    fire(this, 'tb-input', { value: this.value, phase: 'commit' });
  }

  override render() {
    const known = this.options.includes(this.value);
    return html`
      ${this.label ? html`<label part="label" for="select">${this.label}</label>` : nothing}
      <select
        id="select"
        part="select"
        .value=${live(known ? this.value : '')}
        ?disabled=${this.disabled || this.options.length === 0}
        aria-label=${this.label || 'Choose'}
        @change=${this.onChange}
      >
        ${
          known
            ? nothing
            : html`<option value="" disabled selected>
                ${this.options.length === 0 ? 'No options yet' : this.value ? `${this.value} (not available)` : 'Choose…'}
              </option>`
        }
        ${this.options.map((o) => html`<option .value=${o} ?selected=${o === this.value}>${o}</option>`)}
      </select>
    `;
  }

  static override styles = [
    base,
    css`
      :host {
        display: grid;
        grid-template-columns: var(--tb-label-width, 13em) minmax(0, max-content);
        align-items: center;
        gap: 12px;
      }
      @media (max-width: 560px) {
        :host {
          grid-template-columns: minmax(0, 1fr);
          gap: 4px;
        }
      }
      label {
        font-weight: 600;
        font-size: 0.95em;
      }
      select {
        min-height: 36px;
        min-width: 12em;
        padding: 4px 8px;
        font: inherit;
        border: 1px solid ${v('border')};
        border-radius: ${v('radius')};
        background: ${v('bg')};
      }
    `,
  ];
}

if (!customElements.get('tb-select')) customElements.define('tb-select', TbSelect);

declare global {
  interface HTMLElementTagNameMap {
    'tb-select': TbSelect;
  }
}
