import type { Row, TableColumn } from '../src/ui/table-model.ts';

/** Paragraphs of plain text (data is never parsed as HTML). */
export function textBlock(document: Document, lines: readonly string[]): HTMLElement {
  const div = document.createElement('div');
  div.className = 'tb-text';
  for (const line of lines) {
    const p = document.createElement('p');
    p.textContent = line;
    div.append(p);
  }
  return div;
}

/** A captioned table of rows (values shown as text), with the columns given in order. */
export function tableBlock(document: Document, caption: string, columns: readonly TableColumn[], rows: readonly Row[]): HTMLElement {
  const t = document.createElement('tb-table');
  t.caption = caption;
  t.columns = columns;
  t.rows = rows;
  return t;
}
