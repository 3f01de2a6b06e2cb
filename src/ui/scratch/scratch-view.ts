/** A scratch cell's value as text or a table: never markup, whatever the value holds. */

const MAX_ROWS = 200;
const MAX_TEXT = 5000;

const cellText = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function renderScratchValue(document: Document, value: unknown): HTMLElement {
  if (Array.isArray(value) && value.length > 0 && value.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
    const keys = [...new Set(value.slice(0, MAX_ROWS).flatMap((r) => Object.keys(r as object)))];
    const wrap = document.createElement('div');
    wrap.className = 'tb-scratch-table';
    const table = document.createElement('table');
    const caption = document.createElement('caption');
    caption.textContent = value.length > MAX_ROWS ? `${value.length.toLocaleString('en-US')} rows (first ${MAX_ROWS} shown)` : `${value.length.toLocaleString('en-US')} rows`;
    const head = document.createElement('tr');
    for (const k of keys) {
      const th = document.createElement('th');
      th.textContent = k;
      head.append(th);
    }
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    for (const row of value.slice(0, MAX_ROWS) as Record<string, unknown>[]) {
      const tr = document.createElement('tr');
      for (const k of keys) {
        const td = document.createElement('td');
        td.textContent = cellText(row[k]);
        tr.append(td);
      }
      tbody.append(tr);
    }
    table.append(caption, thead, tbody);
    wrap.append(table);
    return wrap;
  }
  const pre = document.createElement('pre');
  pre.className = 'tb-scratch-value';
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : value === undefined ? 'undefined' : (JSON.stringify(value, (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v), 2) ?? String(value));
  } catch {
    text = String(value);
  }
  pre.textContent = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${text.length.toLocaleString('en-US')} characters)` : text;
  return pre;
}
