import { LitElement, css, html, nothing } from 'lit';
import { fire } from './fire.ts';
import { base, buttons, v, fieldsets } from './theme.ts';

/**
 * A checkbox list for choosing several options (e.g. the features to cluster on).
 * The value keeps the order of `options`, whatever order the boxes were ticked in.
 *
 * @fires tb-input - `{value: string[], phase: 'commit'}` on every tick, untick, "All" or "None".
 * @csspart fieldset - the group
 * @csspart legend - the visible label
 * @csspart option - one checkbox row
 */
export class TbMultiselect extends LitElement {
  static override properties = {
    value: { attribute: false },
    options: { attribute: false },
    label: { type: String },
    disabled: { type: Boolean, reflect: true },
  };

  declare value: readonly string[];
  declare options: readonly string[];
  declare label: string;
  declare disabled: boolean;

  constructor() {
    super();
    this.value = [];
    this.options = [];
    this.label = '';
    this.disabled = false;
  }

  private emit(chosen: ReadonlySet<string>): void {
    this.value = this.options.filter((o) => chosen.has(o));
    fire(this, 'tb-input', { value: this.value, phase: 'commit' });
  }

  private toggle(option: string, on: boolean): void {
    const chosen = new Set(this.value);
    if (on) chosen.add(option);
    else chosen.delete(option);
    this.emit(chosen);
  }

  override render() {
    const chosen = new Set(this.value);
    const offered = new Set(this.options);
    // Chosen names the options lack (e.g. a link's feature the data does not have): said, not hidden.
    const absent = this.value.filter((v) => !offered.has(v));
    return html`
      <fieldset part="fieldset" ?disabled=${this.disabled}>
        <legend part="legend">${this.label || 'Choose'}</legend>
        <div class="bar">
          <span class="count">${chosen.size - absent.length} of ${this.options.length} selected</span>
          <button class="btn" type="button" @click=${() => this.emit(new Set(this.options))}>All</button>
          <button class="btn" type="button" @click=${() => this.emit(new Set())}>None</button>
        </div>
        <div class="grid">
          ${this.options.map(
            (o) =>
              html`<label part="option" class="option">
                <input
                  type="checkbox"
                  .checked=${chosen.has(o)}
                  .value=${o}
                  @change=${(e: Event) => this.toggle(o, (e.target as HTMLInputElement).checked)}
                />
                <span>${o}</span>
              </label>`,
          )}
        </div>
        ${absent.length > 0
          ? html`<p class="absent" role="note">Chosen but not offered here: ${absent.join(', ')}. Any change of the ticks drops them.</p>`
          : nothing}
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
      .bar {
        display: flex;
        align-items: center;
        gap: 8px;
        margin-bottom: 8px;
      }
      .count {
        color: ${v('muted')};
        font-size: 0.875em;
        margin-right: auto;
      }
      .absent {
        margin: 8px 0 0;
        color: ${v('error')};
        font-size: 0.875em;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(13em, 1fr));
        gap: 2px 16px;
      }
      .option {
        display: flex;
        align-items: center;
        gap: 8px;
        min-height: 32px;
        cursor: pointer;
      }
      input {
        width: 18px;
        height: 18px;
        accent-color: ${v('accent')};
      }
    `,
  ];
}

if (!customElements.get('tb-multiselect')) customElements.define('tb-multiselect', TbMultiselect);

declare global {
  interface HTMLElementTagNameMap {
    'tb-multiselect': TbMultiselect;
  }
}
