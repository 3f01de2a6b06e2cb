/** View pieces the review cells share. */
import { download } from '../src/app/download.ts';

/** A button that offers `text()` as a file; the text is made on click, never rendered. */
export function downloadButton(
  document: Document,
  label: string,
  fileName: string,
  text: () => string,
  type: string,
): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'tb-download';
  b.textContent = label;
  b.addEventListener('click', () => download(document, fileName, text(), type));
  return b;
}
