import { LitElement, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { GridColumn, GridRows, KeyedForm } from '../runtime/node.ts';
import { fire } from './fire.ts';
import { base, v } from './theme.ts';

/**
 * An editable table for an input with a keyed form whose entries are `<column>.<row>` cells
 * (e.g. the service policy per tier). A cell that is set shows its text in bold; an unset cell
 * is empty and shows the value in force as its placeholder. Editing a cell applies that one
 * entry with the input's keyed form; clearing it removes the entry. A text the form refuses is
 * reported below the table and nothing changes.
 *
 * @fires tb-input - `{value, phase: 'commit'}` with the input's whole new value.
 * @csspart table - the table
 */
export class TbGrid extends LitElement {
  static override properties = {
    label: { type: String },
    columns: { attribute: false },
    rows: { attribute: false },
    value: { attribute: false },
    keyed: { attribute: false },
    problem: { state: true },
  };

  declare label: string;
  declare columns: readonly GridColumn[];
  declare rows: GridRows['rows'];
  /** The input's value; its cells are read through `keyed.entries`. */
  declare value: unknown;
  declare keyed: KeyedForm<unknown> | undefined;
  /** The last refusal of an edit, shown until the next edit. */
  declare problem: string;

  constructor() {
    super();
    this.label = '';
    this.columns = [];
    this.rows = [];
    this.value = undefined;
    this.keyed = undefined;
    this.problem = '';
  }

  /** The text of every set cell, by parameter (`<column>.<row>`). */
  private cells(): Map<string, string> {
    return new Map(this.keyed && this.value !== undefined ? this.keyed.entries(this.value) : []);
  }

  private edit(param: string, text: string): void {
    if (!this.keyed) return;
    try {
      const next = this.keyed.apply(this.value, [[param, text.trim()]]);
      this.problem = '';
      fire(this, 'tb-input', { value: next, phase: 'commit' });
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
      this.requestUpdate();
    }
  }

  private renderCell(column: GridColumn, row: GridRows['rows'][number], cells: Map<string, string>) {
    const param = `${column.key}.${row.key}`;
    const set = cells.get(param);
    const shown = row.shown[column.key] ?? '';
    const name = `${column.label} of ${row.label}`;
    const onChange = (e: Event) => this.edit(param, (e.target as HTMLInputElement | HTMLSelectElement).value);
    if (typeof column.editor === 'object') {
      return html`<select class=${set === undefined ? '' : 'set'} aria-label=${name} .value=${live(set ?? '')} @change=${onChange}>
        <option value="">${shown}</option>
        ${column.editor.options.map((o) => html`<option .value=${o} ?selected=${o === set}>${o}</option>`)}
      </select>`;
    }
    return html`<input
      class=${set === undefined ? '' : 'set'}
      type="text"
      inputmode=${column.editor === 'number' ? 'decimal' : 'text'}
      aria-label=${name}
      placeholder=${shown}
      .value=${live(set ?? '')}
      @change=${onChange}
    />`;
  }

  override render() {
    const cells = this.cells();
    return html`<table part="table">
        ${this.label ? html`<caption>${this.label}</caption>` : nothing}
        <thead>
          <tr>
            <th scope="col"></th>
            ${this.columns.map((c) => html`<th scope="col">${c.label}${c.unit ? html`<span class="unit"> (${c.unit})</span>` : nothing}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${this.rows.map(
            (row) => html`<tr>
              <th scope="row">${row.label}</th>
              ${this.columns.map((c) => html`<td>${this.renderCell(c, row, cells)}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.rows.length === 0 ? html`<p class="empty">No rows yet.</p>` : nothing}
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}`;
  }

  static override styles = [
    base,
    css`
      :host {
        display: block;
        overflow-x: auto;
        /* A wide table scrolls inside the panel instead of widening it (and every slider in it). */
        contain: inline-size;
      }
      table {
        border-collapse: collapse;
        font-size: 0.95em;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding-bottom: 6px;
      }
      th,
      td {
        padding: 3px 6px;
        border-bottom: 1px solid ${v('border')};
        text-align: left;
        vertical-align: bottom;
      }
      thead th {
        font-weight: 600;
        font-size: 0.9em;
        color: ${v('muted')};
      }
      tbody th {
        font-weight: 600;
        white-space: nowrap;
      }
      .unit {
        font-weight: 400;
      }
      input,
      select {
        font: inherit;
        min-height: 32px;
        width: 6.5em;
        padding: 2px 6px;
        border: 1px solid ${v('border')};
        border-radius: ${v('radius')};
        background: ${v('bg')};
      }
      input::placeholder {
        color: ${v('muted')};
        opacity: 1;
      }
      .set {
        font-weight: 700;
        border-color: ${v('accent')};
      }
      .problem {
        color: ${v('error')};
        margin: 6px 0 0;
      }
      .empty {
        color: ${v('muted')};
      }
    `,
  ];
}

if (!customElements.get('tb-grid')) customElements.define('tb-grid', TbGrid);

declare global {
  interface HTMLElementTagNameMap {
    'tb-grid': TbGrid;
  }
}
