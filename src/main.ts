import './app/app.css';
import './ui/index.ts';
import { collectNodes, createEngine, inputsFromQuery, queryFromInputs, webStorageStore, type FileValue, type InputNode } from './runtime/index.ts';
import { segmentation, segmentationApp } from '../notebooks/segmentation.ts';
import type { Host } from './workers/host.ts';
import type { DecisionEntry } from './config/decision-schema.ts';
import { createToolbar } from './app/toolbar.ts';
import { indexedDbFileStore, restore, type KeptFile } from './app/file-store.ts';
import { readDataNote, writeDataNote } from './app/data-note.ts';
import { laneRunner } from './workers/worker-runner.ts';
import { analyticsWorker, takeEarlyWorker } from './workers/early-worker.ts';
import { Governance } from './app/governance/governance.ts';
import { IndexedDbAuditStore } from './app/governance/audit-store.ts';
import { IndexedDbKeyStore } from './app/governance/signing-key.ts';
import { IndexedDbArchiveStore } from './app/governance/archive-store.ts';
import { GOVERNANCE_DB } from './app/governance/idb.ts';
import { IndexedDbPseudonymKeyStore } from './app/governance/pseudonym-key.ts';
import { memoizeImports } from './app/workshop/import-memo.ts';
import { isAudienceWindow, setupAudience, setupPresenter } from './app/workshop/wire.ts';
import { table } from '../cells/data.ts';
import { prepared } from '../cells/prepare.ts';
import { clustering } from '../cells/cluster.ts';
import { projection } from '../cells/project.ts';
import { tiers } from '../cells/tiers.ts';
import { plotModule } from './ui/charts/plot-loader.ts';

const host: Host = {
  packages: __TIERBOOK_PACKAGES__,
  version: __TIERBOOK_VERSION__,
  // Imports are shared by file: scenarios compared in the workshop read the data file once.
  // The interactive worker was started by the page's first script (src/boot.ts), if it ran.
  tasks: memoizeImports(laneRunner(analyticsWorker, { interactive: takeEarlyWorker() })),
};

// Routing: `?notebook=review` opens the review notebook (an exported config, read-only);
// anything else the segmentation notebook. The segmentation page below is left unindented so
// this switch stays a small, additive change to this shared file.
if (new URLSearchParams(location.search).get('notebook') === 'review') {
  const { mountReview } = await import('./app/review-page.ts');
  (window as unknown as { tierbook: unknown }).tierbook = { engine: mountReview(document, host) };
} else {
const notebook = segmentation;
const { dataFile } = segmentationApp;
const inputs = collectNodes(notebook).filter((n): n is InputNode<unknown> => n.kind === 'input');
const store = webStorageStore(localStorage);
const files = indexedDbFileStore(indexedDB);

// The uploaded file and the settings made for it come back together.
let kept: KeptFile | null = null;
let problem: string | undefined;
try {
  kept = await files.load(notebook.id);
} catch (error) {
  problem = error instanceof Error ? error.message : String(error);
}
const restored = restore(kept, readDataNote(localStorage, notebook.id), problem);
// The audience window of a workshop follows the facilitator's window: it saves nothing itself.
const audience = isAudienceWindow(location.search);
if (!restored.useSettings && !audience) {
  store.clear(notebook.id);
  writeDataNote(localStorage, notebook.id, null);
}

// Deferred cells (tier tables) start after a paint, so a recoloured chart shows first; a hidden
// tab paints no frames, hence the timeout. Two frames: the runtime computes on animation frames,
// so the chart's own cell may run in the next frame's callbacks, and is painted in that frame.
const afterPaint = () =>
  new Promise<void>((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => (clearTimeout(fallback), resolve()), 0)));
  });
// Precedence: defaults < saved in this browser < the link's parameters.
const fromUrl = inputsFromQuery(inputs, location.search);
const file: FileValue | null = restored.file ? { name: restored.file.name, bytes: restored.file.bytes } : null;
const engine = audience
  ? createEngine(notebook, { afterPaint, initial: { host, [dataFile.name]: file } })
  : createEngine(notebook, { afterPaint, store, initial: { ...fromUrl.values, host, [dataFile.name]: file } });

// Keep the address bar a shareable link to the current view: once the inputs rest for a moment,
// not on every drag step (each replaceState costs the main thread several ms mid-drag).
const LINK_DELAY_MS = 250;
let linkTimer: ReturnType<typeof setTimeout> | undefined;
const updateLink = () => {
  linkTimer = undefined;
  const current = Object.fromEntries(inputs.map((i) => [i.name, engine.getInput(i.name)]));
  const query = queryFromInputs(inputs, current);
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
};

engine.onInput((name, value) => {
  if (audience) return; // the audience window follows; it keeps no link, file or settings
  clearTimeout(linkTimer);
  linkTimer = setTimeout(updateLink, LINK_DELAY_MS);
  // Keep the chosen file in this browser, with a note of which file the settings are for.
  if (name !== dataFile.name) return;
  const chosen = value as FileValue | null;
  writeDataNote(localStorage, notebook.id, chosen ? { name: chosen.name, size: chosen.bytes.byteLength } : null);
  const saving = chosen ? files.save(notebook.id, chosen) : files.clear(notebook.id);
  saving.catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    page.dispatchEvent(new CustomEvent('tb-notice', { detail: `${chosen?.name ?? 'The file'} could not be kept for your next visit (${reason}).` }));
  });
});

const page = document.createElement('tb-notebook');
page.engine = engine;
page.progressive = true;
const warnings = [
  ...(restored.message ? [restored.message] : []),
  ...(fromUrl.errors.length > 0 ? [`Link parameter ignored: ${fromUrl.errors.join('; ')}`] : []),
];
// Governance: every committed change, import, export and approval goes to the audit log in this
// browser. The audience window only follows the presenter: it records nothing.
const governance = audience
  ? undefined
  : new Governance(engine, segmentationApp, {
      audit: new IndexedDbAuditStore(indexedDB),
      keys: new IndexedDbKeyStore(indexedDB),
      archive: new IndexedDbArchiveStore(indexedDB),
      pseudonymKey: new IndexedDbPseudonymKeyStore(indexedDB),
    });
governance?.start((message) => page.dispatchEvent(new CustomEvent('tb-notice', { detail: message })));
// The workshop's decision log goes into exported configs (set once the workshop panel exists).
let toolbarDecisions: () => readonly DecisionEntry[] = () => [];
const toolbar = createToolbar(
  document,
  engine,
  location,
  { ...segmentationApp, decisions: () => toolbarDecisions() },
  warnings.join(' ') || undefined,
  governance && {
    governance,
    approvalStatus: segmentationApp.approvalStatus,
    storage: {
      indexedDB,
      localStorage,
      getDirectory: navigator.storage?.getDirectory ? () => navigator.storage.getDirectory() : undefined,
      knownDatabases: ['tierbook', GOVERNANCE_DB],
    },
    afterClear: () => location.replace(location.pathname),
  },
);
page.addEventListener('tb-notice', (e) => {
  const output = toolbar.querySelector('output');
  if (output) {
    output.textContent = String((e as CustomEvent<string>).detail);
    output.dataset.tone = 'warn';
  }
});
// The scenario gallery, which carries the scratch cells in its file (set once both exist).
let workshopPanel: ReturnType<typeof setupPresenter> | undefined;
if (audience) setupAudience({ page, engine, dataFile, loadFile: () => files.load(notebook.id) });
else {
  page.append(toolbar);
  const panel = setupPresenter({ page, engine, toolbar, host, dataFile, nodes: { table, prepared, clustering, projection, tiers }, storage: localStorage, window });
  toolbarDecisions = () => panel.decisions();
  workshopPanel = panel;
}
document.querySelector('#app')?.append(page);
// The chart library is not in the first bundle: fetch it now, while the first results compute.
void plotModule.load();
// The analyst's own scratch cells, under the notebook (loaded after it).
void import('./ui/scratch/mount.ts').then(({ mountScratch }) => {
  const scratch = mountScratch(document, engine, document.querySelector('#app') ?? document.body);
  if (workshopPanel) workshopPanel.scratch = scratch;
});
(window as unknown as { tierbook: unknown }).tierbook = { engine, governance };
} // end of the segmentation page
