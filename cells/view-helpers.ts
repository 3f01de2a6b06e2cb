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
