import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { fire, type SortDirection } from './fire.ts';
import { formatCount, formatNumber, formatValue } from './format.ts';
import {
  cellValue,
  clampPage,
  inferColumns,
  isNumericColumn,
  sortOrder,
  type Row,
  type TableColumn,
} from './table-model.ts';
import { base, buttons, v } from './theme.ts';

const PAGE_SIZES = [10, 25, 50, 100, 250] as const;

/**
 * A paged data table for up to hundreds of thousands of rows: only one page of `<tr>` is in the
 * DOM. Headers sort on click (ascending, then descending), with `aria-sort`. Numeric columns are
 * right-aligned and formatted; every cell is rendered as text.
 *
 * @fires tb-sort - `{key, direction}` when the user sorts.
 * @fires tb-page - `{page, pageSize}` when the user changes page or page size (page is 0-based).
 * @csspart table - the table
 * @csspart pager - the paging bar
 */
export class TbTable extends LitElement {
  static override properties = {
    columns: { attribute: false },
    rows: { attribute: false },
    caption: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    page: { type: Number },
    sortKey: { type: String, attribute: 'sort-key' },
    sortDirection: { type: String, attribute: 'sort-direction' },
  };

  /** Which columns to show; default: every key of the first row. */
  declare columns: readonly TableColumn[];
  /**
   * The data; never mutated (sorting works on an index). Treated as immutable: sort keys are cached
   * per array, so assign a new array to show changed data.
   */
  declare rows: readonly Row[];
  /** Accessible name of the table, shown above it. */
  declare caption: string;
  declare pageSize: number;
  /** Current page, 0-based. */
  declare page: number;
  declare sortKey: string;
  declare sortDirection: SortDirection;

  private order: Uint32Array = new Uint32Array(0);
  private numeric = new Map<string, boolean>();

  constructor() {
    super();
    this.columns = [];
    this.rows = [];
    this.caption = '';
    this.pageSize = 25;
    this.page = 0;
    this.sortKey = '';
    this.sortDirection = 'ascending';
  }

  /** The columns actually shown. */
  get shownColumns(): readonly TableColumn[] {
    return this.columns.length > 0 ? this.columns : inferColumns(this.rows);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rows') || changed.has('sortKey') || changed.has('sortDirection')) {
      this.order = sortOrder(this.rows, this.sortKey || undefined, this.sortDirection);
    }
    if (changed.has('rows') || changed.has('columns')) {
      this.numeric = new Map(this.shownColumns.map((c) => [c.key, isNumericColumn(this.rows, c.key)]));
    }
    this.page = clampPage(this.page, this.rows.length, this.pageSize);
  }

  private sortBy(key: string): void {
    this.sortDirection =
      this.sortKey === key && this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    this.sortKey = key;
    this.page = 0;
    fire(this, 'tb-sort', { key, direction: this.sortDirection });
  }

  private goTo(page: number): void {
    this.page = clampPage(page, this.rows.length, this.pageSize);
    fire(this, 'tb-page', { page: this.page, pageSize: this.pageSize });
  }

  private onPageSize(event: Event): void {
    const first = this.page * this.pageSize;
    this.pageSize = Number((event.target as HTMLSelectElement).value);
    // Keep the first visible row on screen.
    this.goTo(Math.floor(first / this.pageSize));
  }

  private text(column: TableColumn, row: Row): string {
    const value = cellValue(row, column.key);
    if (column.format) return column.format(value, row);
    return typeof value === 'number' ? formatNumber(value) : formatValue(value);
  }

  private renderHeader(column: TableColumn) {
    const active = this.sortKey === column.key;
    const align = column.align ?? (this.numeric.get(column.key) ? 'right' : 'left');
    const label = column.label ?? column.key;
    return html`<th scope="col" class="align-${align}" aria-sort=${active ? this.sortDirection : 'none'}>
      <button type="button" @click=${() => this.sortBy(column.key)}>
        <span>${label}</span>
        <span class="arrow" aria-hidden="true"
          >${active ? (this.sortDirection === 'ascending' ? '▲' : '▼') : '↕'}</span
        >
      </button>
    </th>`;
  }

  override render() {
    const columns = this.shownColumns;
    const total = this.rows.length;
    const pages = Math.max(1, Math.ceil(total / this.pageSize));
    const start = this.page * this.pageSize;
    const end = Math.min(total, start + this.pageSize);
    const aligns = columns.map((c) => c.align ?? (this.numeric.get(c.key) ? 'right' : 'left'));
    const body = [];
    for (let i = start; i < end; i++) {
      const row = this.rows[this.order[i]];
      body.push(
        html`<tr>
          ${columns.map((c, j) => html`<td class="align-${aligns[j]}">${this.text(c, row)}</td>`)}
        </tr>`,
      );
    }
    return html`
      <div class="scroll">
        <table part="table">
          ${
            this.caption
              ? html`<caption>
                  ${this.caption}
                </caption>`
              : nothing
          }
          <thead>
            <tr>
              ${columns.map((c) => this.renderHeader(c))}
            </tr>
          </thead>
          <tbody>
            ${
              total === 0
                ? html`<tr>
                    <td class="empty" colspan=${Math.max(1, columns.length)}>No rows</td>
                  </tr>`
                : body
            }
          </tbody>
        </table>
      </div>
      <div part="pager" class="pager" role="group" aria-label="Pages">
        <span class="range" aria-live="polite"
          >Rows ${formatCount(total === 0 ? 0 : start + 1)}–${formatCount(end)} of ${formatCount(total)}</span
        >
        <label class="size"
          >Rows per page
          <select @change=${this.onPageSize}>
            ${PAGE_SIZES.map((n) => html`<option .value=${String(n)} ?selected=${n === this.pageSize}>${n}</option>`)}
          </select>
        </label>
        <span class="nav">
          <button
            class="btn"
            type="button"
            aria-label="First page"
            ?disabled=${this.page === 0}
            @click=${() => this.goTo(0)}
          >
            «
          </button>
          <button
            class="btn"
            type="button"
            aria-label="Previous page"
            ?disabled=${this.page === 0}
            @click=${() => this.goTo(this.page - 1)}
          >
            ‹
          </button>
          <span class="pageno">Page ${formatCount(this.page + 1)} of ${formatCount(pages)}</span>
          <button
            class="btn"
            type="button"
            aria-label="Next page"
            ?disabled=${this.page >= pages - 1}
            @click=${() => this.goTo(this.page + 1)}
          >
            ›
          </button>
          <button
            class="btn"
            type="button"
            aria-label="Last page"
            ?disabled=${this.page >= pages - 1}
            @click=${() => this.goTo(pages - 1)}
          >
            »
          </button>
        </span>
      </div>
    `;
  }

  static override styles = [
    base,
    buttons,
    css`
      :host {
        display: block;
        font-size: 0.9em;
      }
      .scroll {
        overflow-x: auto;
        border: 1px solid ${v('border')};
        border-radius: ${v('radius')};
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding: 8px 10px;
      }
      th,
      td {
        padding: 6px 10px;
        border-bottom: 1px solid ${v('border')};
        white-space: nowrap;
      }
      tbody tr:nth-child(even) {
        background: ${v('surface')};
      }
      tbody tr:last-child td {
        border-bottom: none;
      }
      td {
        max-width: 28em;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      th {
        background: ${v('surface')};
        font-weight: 600;
        padding: 0;
      }
      th button {
        display: flex;
        align-items: center;
        gap: 6px;
        width: 100%;
        padding: 8px 10px;
        border: none;
        background: none;
        font-weight: 600;
        text-align: inherit;
      }
      th.align-right button {
        justify-content: flex-end;
      }
      th.align-center button {
        justify-content: center;
      }
      .arrow {
        color: ${v('muted')};
        font-size: 0.75em;
      }
      th[aria-sort='ascending'] .arrow,
      th[aria-sort='descending'] .arrow {
        color: ${v('accent')};
      }
      .align-right {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .align-center {
        text-align: center;
      }
      .empty {
        color: ${v('muted')};
        text-align: center;
        padding: 16px;
      }
      .pager {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 16px;
        padding: 8px 0 0;
        color: ${v('muted')};
      }
      .range {
        margin-right: auto;
        font-variant-numeric: tabular-nums;
      }
      select {
        font: inherit;
        min-height: 32px;
        margin-left: 6px;
      }
      .nav {
        display: inline-flex;
        align-items: center;
        gap: 4px;
      }
      .pageno {
        padding: 0 6px;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];
}

if (!customElements.get('tb-table')) customElements.define('tb-table', TbTable);

declare global {
  interface HTMLElementTagNameMap {
    'tb-table': TbTable;
  }
}
