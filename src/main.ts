import './app/app.css';
import './ui/index.ts';
import { collectNodes, createEngine, inputsFromQuery, queryFromInputs, webStorageStore } from './runtime/index.ts';
import type { InputNode } from './runtime/node.ts';
import { segmentation } from '../notebooks/segmentation.ts';
import type { Host } from '../cells/data.ts';
import { createToolbar } from './app/toolbar.ts';
import { laneRunner } from './workers/worker-runner.ts';

const host: Host = {
  packages: __TIERBOOK_PACKAGES__,
  version: __TIERBOOK_VERSION__,
  tasks: laneRunner(() => new Worker(new URL('./workers/analytics.worker.ts', import.meta.url), { type: 'module' })),
};

const notebook = segmentation;
const inputs = collectNodes(notebook).filter((n): n is InputNode<unknown> => n.kind === 'input');
// Precedence: defaults < saved in this browser < the link's parameters.
const fromUrl = inputsFromQuery(inputs, location.search);
const engine = createEngine(notebook, { store: webStorageStore(localStorage), initial: { ...fromUrl.values, host } });

// Keep the address bar a shareable link to the current view.
engine.onInput(() => {
  const current = Object.fromEntries(inputs.map((i) => [i.name, engine.getInput(i.name)]));
  const query = queryFromInputs(inputs, current);
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
});

const page = document.createElement('tb-notebook');
page.engine = engine;
page.append(
  createToolbar(document, engine, location, fromUrl.errors.length > 0 ? `Link parameter ignored: ${fromUrl.errors.join('; ')}` : undefined),
);
document.querySelector('#app')?.append(page);
(window as unknown as { tierbook: unknown }).tierbook = { engine };
