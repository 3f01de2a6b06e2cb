import { LitElement, css, html, nothing } from 'lit';
import { fire } from './fire.ts';
import { formatCount } from './format.ts';
import { base, buttons, v } from './theme.ts';

/**
 * A "Choose file" button plus a drop zone. The file is read into memory here; nothing is uploaded.
 * The chosen name is shown as text.
 *
 * @fires tb-file - `{name, bytes: Uint8Array}` once a picked or dropped file has been read.
 * @fires tb-clear-file - when the user asks to drop the current file (and use the sample).
 * @csspart zone - the drop zone (highlighted while a file is dragged over it)
 * @csspart button - the "Choose file" button
 * @csspart name - the chosen file name
 */
export class TbFilePicker extends LitElement {
  static override properties = {
    accept: { type: String },
    label: { type: String },
    fileName: { type: String, attribute: 'file-name' },
    disabled: { type: Boolean, reflect: true },
    dragging: { state: true },
    problem: { state: true },
    size: { attribute: false },
    clearLabel: { type: String, attribute: 'clear-label' },
    emptyText: { type: String, attribute: 'empty-text' },
  };

  /** Passed to the native file input, e.g. `.csv,.tsv,.json,.arrow,.parquet`. */
  declare accept: string;
  declare label: string;
  /** The name of the current file (set by the user's choice or from outside, e.g. a restored input). */
  declare fileName: string;
  declare disabled: boolean;
  declare dragging: boolean;
  declare problem: string;
  /** Size of the current file in bytes (set from outside for a restored file). */
  declare size: number | undefined;
  /** Text of the button that drops the current file; no button when empty. */
  declare clearLabel: string;
  /** What is said while no file is chosen (default `No file chosen`). */
  declare emptyText: string;

  constructor() {
    super();
    this.accept = '';
    this.label = 'Data file';
    this.fileName = '';
    this.disabled = false;
    this.dragging = false;
    this.problem = '';
    this.size = undefined;
    this.clearLabel = '';
    this.emptyText = 'No file chosen';
  }

  /** Reads `file` and fires `tb-file`; a failed read is shown, never thrown. */
  async take(file: File): Promise<void> {
    this.problem = '';
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      this.fileName = file.name;
      this.size = bytes.byteLength;
      fire(this, 'tb-file', { name: file.name, bytes });
    } catch (error) {
      this.problem = `Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private choose(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click();
  }

  private onPicked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void this.take(file);
    // Let the same file be picked again after an edit on disk.
    input.value = '';
  }

  private onDragOver(event: DragEvent): void {
    if (this.disabled) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    if (this.disabled) return;
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) return;
    if (files.length > 1) this.problem = `Only one file at a time; using ${files[0].name}.`;
    void this.take(files[0]);
  }

  override render() {
    return html`
      <div
        part="zone"
        class="zone ${this.dragging ? 'dragging' : ''}"
        @dragover=${this.onDragOver}
        @dragenter=${this.onDragOver}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.onDrop}
      >
        <span class="label" id="label">${this.label}</span>
        <button
          part="button"
          class="btn primary"
          type="button"
          ?disabled=${this.disabled}
          @click=${this.choose}
          aria-describedby="label current"
        >
          Choose file…
        </button>
        <span class="hint">or drop it here</span>
        <input type="file" hidden accept=${this.accept} @change=${this.onPicked} />
        <div id="current" class="current" aria-live="polite">
          ${
            this.fileName
              ? html`Current file: <span part="name" class="name">${this.fileName}</span>${
                    this.size !== undefined
                      ? html` <span class="size">(${formatCount(this.size)} bytes)</span>`
                      : nothing
                  }`
              : html`<span class="none">${this.emptyText}</span>`
          }
          ${
            this.fileName && this.clearLabel
              ? html`<button class="btn clear" type="button" ?disabled=${this.disabled} @click=${() => fire(this, 'tb-clear-file', {})}>
                  ${this.clearLabel}
                </button>`
              : nothing
          }
        </div>
        ${this.problem ? html`<div class="problem" role="alert">${this.problem}</div>` : nothing}
      </div>
    `;
  }

  static override styles = [
    base,
    buttons,
    css`
      :host {
        display: block;
      }
      .zone {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 12px;
        padding: 14px 16px;
        border: 2px dashed ${v('border')};
        border-radius: ${v('radius')};
        background: ${v('surface')};
      }
      .zone.dragging {
        border-color: ${v('accent')};
        background: ${v('running-bg')};
      }
      .label {
        font-weight: 600;
      }
      .btn.primary {
        min-height: 36px;
        background: ${v('accent')};
        border-color: ${v('accent')};
        color: ${v('accent-fg')};
      }
      .btn.primary:hover:not(:disabled) {
        background: ${v('accent')};
        filter: brightness(1.1);
      }
      .hint,
      .none,
      .size {
        color: ${v('muted')};
        font-size: 0.875em;
      }
      .current {
        flex-basis: 100%;
        font-size: 0.9em;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 12px;
      }
      .name {
        font-family: ${v('mono')};
        overflow-wrap: anywhere;
      }
      .problem {
        flex-basis: 100%;
        color: ${v('error')};
        font-size: 0.875em;
      }
    `,
  ];
}

if (!customElements.get('tb-file-picker')) customElements.define('tb-file-picker', TbFilePicker);

declare global {
  interface HTMLElementTagNameMap {
    'tb-file-picker': TbFilePicker;
  }
}
