/** Puts the scratch-cells section under a notebook page (the browser app only). */
import './scratch.css';
import type { NotebookEngine } from '../../runtime/index.ts';
import { download } from '../../app/download.ts';
import { iframeEvaluator } from './sandbox.ts';
import { createScratchPanel, type ScratchCells } from './scratch-panel.ts';

/** Returns the panel's cells, for the scenario file (export and confirmed import). */
export function mountScratch(document: Document, engine: NotebookEngine, container: Element): ScratchCells {
  const panel = createScratchPanel(document, engine, {
    storage: localStorage,
    evaluator: iframeEvaluator(document),
    download: (fileName, text) => download(document, fileName, text, 'application/json'),
    confirm: (message) => window.confirm(message),
  });
  container.append(panel.element);
  return panel;
}
