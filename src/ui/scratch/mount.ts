/** Puts the scratch-cells section under a notebook page (the browser app only). */
import './scratch.css';
import type { NotebookEngine } from '../../runtime/index.ts';
import { download } from '../../app/download.ts';
import { iframeEvaluator } from './sandbox.ts';
import { createScratchPanel } from './scratch-panel.ts';

export function mountScratch(document: Document, engine: NotebookEngine, container: Element): void {
  const panel = createScratchPanel(document, engine, {
    storage: localStorage,
    evaluator: iframeEvaluator(document),
    download: (fileName, text) => download(document, fileName, text, 'application/json'),
    confirm: (message) => window.confirm(message),
  });
  container.append(panel);
}
