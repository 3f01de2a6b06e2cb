import { LitElement, css, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { fire, type TbInputDetail } from './fire.ts';
import { base, buttons, v, fieldsets } from './theme.ts';
import './tb-slider.ts';

/**
 * One compact slider per key (e.g. per feature weight), each with a reset-to-1 button.
 * Keys missing from `value` show as 1, the neutral weight.
 *
 * @fires tb-input - `{value: Record<string, number>, phase}` with the whole record; `phase` is
 *   that of the slider gesture (`live` while dragging, `commit` on release, typing or reset).
 * @csspart fieldset - the group
 * @csspart legend - the visible label
 * @csspart reset - each per-key reset button
 */
export class TbWeights extends LitElement {
  static override properties = {
    value: { attribute: false },
    keys: { attribute: false },
    min: { type: Number },
    max: { type: Number },
    step: { type: Number },
    label: { type: String },
    disabled: { type: Boolean, reflect: true },
  };

  declare value: Readonly<Record<string, number>>;
  /** Which weights to show, in order. */
  declare keys: readonly string[];
  declare min: number;
  declare max: number;
  declare step: number;
  declare label: string;
  declare disabled: boolean;

  constructor() {
    super();
    this.value = {};
    this.keys = [];
    this.min = 0;
    this.max = 3;
    this.step = 0.1;
    this.label = 'Weights';
    this.disabled = false;
  }

  /** The weight shown for `key` (1 when unset). */
  weight(key: string): number {
    const w = this.value[key];
    return typeof w === 'number' && Number.isFinite(w) ? w : 1;
  }

  private record(): Record<string, number> {
    return Object.fromEntries(this.keys.map((k) => [k, this.weight(k)]));
  }

  private onSlider(key: string, event: CustomEvent<TbInputDetail>): void {
    // The slider's own event must not reach the notebook as if it were this input's value.
    event.stopPropagation();
    this.value = { ...this.record(), [key]: event.detail.value as number };
    fire(this, 'tb-input', { value: this.value, phase: event.detail.phase });
  }

  private reset(key: string): void {
    this.value = { ...this.record(), [key]: 1 };
    fire(this, 'tb-input', { value: this.value, phase: 'commit' });
  }

  override render() {
    return html`
      <fieldset part="fieldset" ?disabled=${this.disabled}>
        <legend part="legend">${this.label}</legend>
        ${this.keys.length === 0 ? html`<p class="empty">No features chosen.</p>` : null}
        ${repeat(
          this.keys,
          (k) => k,
          (k) =>
            html`<div class="row">
              <tb-slider
                compact
                .label=${k}
                .min=${this.min}
                .max=${this.max}
                .step=${this.step}
                .value=${this.weight(k)}
                ?disabled=${this.disabled}
                @tb-input=${(e: CustomEvent<TbInputDetail>) => this.onSlider(k, e)}
              ></tb-slider>
              <button
                part="reset"
                class="btn"
                type="button"
                aria-label=${`Reset ${k} to 1`}
                title=${`Reset ${k} to 1`}
                ?disabled=${this.disabled || this.weight(k) === 1}
                @click=${() => this.reset(k)}
              >
                Reset
              </button>
            </div>`,
        )}
      </fieldset>
    `;
  }

  static override styles = [
    base,
    buttons,
    fieldsets,
    css`
      :host {
        display: block;
      }
      .row {
        display: grid;
        grid-template-columns: 1fr auto;
        align-items: start;
        gap: 8px;
        padding: 2px 0;
      }
      .empty {
        color: ${v('muted')};
        margin: 4px 0;
      }
    `,
  ];
}

if (!customElements.get('tb-weights')) customElements.define('tb-weights', TbWeights);

declare global {
  interface HTMLElementTagNameMap {
    'tb-weights': TbWeights;
  }
}
