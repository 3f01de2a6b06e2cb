import { LitElement, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { fire } from './fire.ts';
import { decimalsOf, formatNumber } from './format.ts';
import { base, v } from './theme.ts';

/**
 * A range slider with a numeric entry box kept in sync.
 *
 * Keyboard on the slider: arrows step, PageUp/PageDown move a tenth of the range, Home/End jump to
 * the ends; each key press commits. Typed values outside the range are clamped (and rounded to the
 * step) with a note saying so.
 *
 * @fires tb-input - `{value, phase: 'live'}` while dragging; `{value, phase: 'commit'}` on release,
 *   Enter, blur or a keyboard step.
 * @csspart label - the visible label
 * @csspart range - the range input (`role="slider"`)
 * @csspart entry - the numeric entry box
 * @csspart note - the message shown after a typed value was clamped or rejected
 */
export class TbSlider extends LitElement {
  static override properties = {
    value: { type: Number },
    min: { type: Number },
    max: { type: Number },
    step: { type: Number },
    label: { type: String },
    unit: { type: String },
    compact: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    note: { state: true },
  };

  /** Current value; the element keeps it within [min, max] and on the step grid. */
  declare value: number;
  declare min: number;
  declare max: number;
  /** Granularity of the slider and of keyboard steps (default 1). */
  declare step: number;
  /** Accessible name, also shown as the visible label. */
  declare label: string;
  /** Unit appended to the spoken and shown value, e.g. `clusters`. */
  declare unit: string;
  /** Smaller layout used inside `tb-weights`. */
  declare compact: boolean;
  declare disabled: boolean;
  /** Why the last typed value was changed or refused; cleared by the next change. */
  declare note: string;

  constructor() {
    super();
    this.value = 0;
    this.min = 0;
    this.max = 100;
    this.step = 1;
    this.label = '';
    this.unit = '';
    this.compact = false;
    this.disabled = false;
    this.note = '';
  }

  /** Rounds to the step grid anchored at `min`, then clamps to [min, max]. */
  snap(x: number): number {
    const step = this.step > 0 ? this.step : 1;
    const digits = Math.max(decimalsOf(step), decimalsOf(this.min));
    const onGrid = this.min + Math.round((x - this.min) / step) * step;
    const clamped = Math.min(this.max, Math.max(this.min, onGrid));
    return Number(clamped.toFixed(Math.min(digits, 20)));
  }

  /** The value with its unit, as shown and spoken (`aria-valuetext`). */
  get valueText(): string {
    const shown = formatNumber(this.value);
    return this.unit ? `${shown} ${this.unit}` : shown;
  }

  private bigStep(): number {
    const step = this.step > 0 ? this.step : 1;
    return Math.max(step, Math.round((this.max - this.min) / 10 / step) * step);
  }

  private set(next: number, phase: 'live' | 'commit'): void {
    const snapped = this.snap(next);
    if (snapped === this.value && phase === 'live') return;
    const changed = snapped !== this.value;
    this.value = snapped;
    if (changed || phase === 'commit') fire(this, 'tb-input', { value: snapped, phase });
  }

  private onRangeInput(event: Event): void {
    this.note = '';
    this.set(Number((event.target as HTMLInputElement).value), 'live');
  }

  private onRangeChange(event: Event): void {
    this.set(Number((event.target as HTMLInputElement).value), 'commit');
  }

  private onRangeKey(event: KeyboardEvent): void {
    if (this.disabled) return;
    const step = this.step > 0 ? this.step : 1;
    const moves: Record<string, number> = {
      ArrowRight: this.value + step,
      ArrowUp: this.value + step,
      ArrowLeft: this.value - step,
      ArrowDown: this.value - step,
      PageUp: this.value + this.bigStep(),
      PageDown: this.value - this.bigStep(),
      Home: this.min,
      End: this.max,
    };
    if (!(event.key in moves)) return;
    // Handled here rather than natively so every key press is exactly one commit.
    event.preventDefault();
    this.note = '';
    const next = this.snap(moves[event.key]);
    if (next !== this.value) this.set(next, 'commit');
  }

  private onEntryKey(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.commitText((event.target as HTMLInputElement).value);
    } else if (event.key === 'Escape') {
      (event.target as HTMLInputElement).value = String(this.value);
      this.note = '';
    }
  }

  private onEntryChange(event: Event): void {
    this.commitText((event.target as HTMLInputElement).value);
  }

  /** Applies a typed value: refuses non-numbers, clamps and rounds others, and says what happened. */
  commitText(text: string): void {
    const typed = text.trim() === '' ? NaN : Number(text);
    if (!Number.isFinite(typed)) {
      this.note = `Enter a number from ${formatNumber(this.min)} to ${formatNumber(this.max)}.`;
      this.requestUpdate();
      return;
    }
    const next = this.snap(typed);
    if (typed > this.max)
      this.note = `${formatNumber(typed)} is above the maximum; set to ${formatNumber(next)}.`;
    else if (typed < this.min)
      this.note = `${formatNumber(typed)} is below the minimum; set to ${formatNumber(next)}.`;
    else if (next !== typed)
      this.note = `Rounded to ${formatNumber(next)} (step ${formatNumber(this.step)}).`;
    else this.note = '';
    if (next !== this.value) this.set(next, 'commit');
    // The box may still show the raw text when the value did not change; re-sync it.
    this.requestUpdate();
  }

  override render() {
    return html`
      <div class="row ${this.label ? '' : 'unlabelled'}">
        ${this.label ? html`<label part="label" for="range">${this.label}</label>` : nothing}
        <input
          id="range"
          part="range"
          type="range"
          role="slider"
          .min=${String(this.min)}
          .max=${String(this.max)}
          .step=${String(this.step)}
          .value=${live(String(this.value))}
          ?disabled=${this.disabled}
          aria-label=${this.label || 'Value'}
          aria-valuemin=${this.min}
          aria-valuemax=${this.max}
          aria-valuenow=${this.value}
          aria-valuetext=${this.valueText}
          @input=${this.onRangeInput}
          @change=${this.onRangeChange}
          @keydown=${this.onRangeKey}
        />
        <span class="entry-wrap">
          <input
            part="entry"
            class="entry"
            type="number"
            inputmode="decimal"
            .min=${String(this.min)}
            .max=${String(this.max)}
            .step=${String(this.step)}
            .value=${live(String(this.value))}
            ?disabled=${this.disabled}
            aria-label=${`${this.label || 'Value'} (type a number)`}
            aria-describedby="note"
            @keydown=${this.onEntryKey}
            @change=${this.onEntryChange}
          />
          ${this.unit ? html`<span class="unit">${this.unit}</span>` : nothing}
        </span>
      </div>
      <div id="note" part="note" class="note" role="status" aria-live="polite">${this.note}</div>
    `;
  }

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .row {
        display: grid;
        grid-template-columns: var(--tb-label-width, 13em) minmax(8em, 1fr) auto;
        align-items: center;
        gap: 12px;
      }
      .row.unlabelled {
        grid-template-columns: minmax(8em, 1fr) auto;
      }
      label {
        font-weight: 600;
        font-size: 0.95em;
      }
      input[type='range'] {
        width: 100%;
        min-height: 32px;
        accent-color: ${v('accent')};
        margin: 0;
      }
      .entry-wrap {
        display: inline-flex;
        align-items: center;
        gap: 6px;
      }
      .entry {
        width: 6.5em;
        min-height: 34px;
        padding: 4px 8px;
        font: inherit;
        font-variant-numeric: tabular-nums;
        text-align: right;
        border: 1px solid ${v('border')};
        border-radius: ${v('radius')};
      }
      .unit {
        color: ${v('muted')};
        font-size: 0.875em;
      }
      .note {
        color: ${v('blocked')};
        font-size: 0.8125em;
        min-height: 0;
      }
      .note:not(:empty) {
        margin-top: 4px;
      }
      :host([compact]) .row {
        grid-template-columns: var(--tb-label-width, 11em) minmax(6em, 1fr) auto;
        gap: 8px;
      }
      :host([compact]) label {
        font-weight: 500;
        font-size: 0.875em;
      }
      :host([compact]) .entry {
        width: 5em;
        min-height: 30px;
      }
      @media (max-width: 560px) {
        .row,
        :host([compact]) .row {
          grid-template-columns: 1fr auto;
        }
        label {
          grid-column: 1 / -1;
        }
      }
      :host([disabled]) {
        opacity: 0.6;
      }
    `,
  ];
}

if (!customElements.get('tb-slider')) customElements.define('tb-slider', TbSlider);

declare global {
  interface HTMLElementTagNameMap {
    'tb-slider': TbSlider;
  }
}
