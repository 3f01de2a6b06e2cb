import './app/app.css';
import './ui/index.ts';
import { collectNodes, createEngine, inputsFromQuery, queryFromInputs, webStorageStore, type FileValue, type InputNode } from './runtime/index.ts';
import { segmentation, segmentationApp } from '../notebooks/segmentation.ts';
import type { Host } from './workers/host.ts';
import { createToolbar } from './app/toolbar.ts';
import { indexedDbFileStore, readDataNote, restore, writeDataNote, type KeptFile } from './app/file-store.ts';
import { laneRunner } from './workers/worker-runner.ts';
import { Governance } from './app/governance/governance.ts';
import { IndexedDbAuditStore } from './app/governance/audit-store.ts';
import { IndexedDbKeyStore } from './app/governance/signing-key.ts';
import { IndexedDbArchiveStore } from './app/governance/archive-store.ts';
import { GOVERNANCE_DB } from './app/governance/idb.ts';
import { IndexedDbPseudonymKeyStore } from './app/governance/pseudonym-key.ts';

const host: Host = {
  packages: __TIERBOOK_PACKAGES__,
  version: __TIERBOOK_VERSION__,
  tasks: laneRunner(() => new Worker(new URL('./workers/analytics.worker.ts', import.meta.url), { type: 'module' })),
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
if (!restored.useSettings) {
  store.clear(notebook.id);
  writeDataNote(localStorage, notebook.id, null);
}

// Precedence: defaults < saved in this browser < the link's parameters.
const fromUrl = inputsFromQuery(inputs, location.search);
const file: FileValue | null = restored.file ? { name: restored.file.name, bytes: restored.file.bytes } : null;
const engine = createEngine(notebook, { store, initial: { ...fromUrl.values, host, [dataFile.name]: file } });

engine.onInput((name, value) => {
  // Keep the address bar a shareable link to the current view.
  const current = Object.fromEntries(inputs.map((i) => [i.name, engine.getInput(i.name)]));
  const query = queryFromInputs(inputs, current);
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
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
const warnings = [
  ...(restored.message ? [restored.message] : []),
  ...(fromUrl.errors.length > 0 ? [`Link parameter ignored: ${fromUrl.errors.join('; ')}`] : []),
];
// Governance: every committed change, import, export and approval goes to the audit log in this browser.
const governance = new Governance(engine, segmentationApp, {
  audit: new IndexedDbAuditStore(indexedDB),
  keys: new IndexedDbKeyStore(indexedDB),
  archive: new IndexedDbArchiveStore(indexedDB),
  pseudonymKey: new IndexedDbPseudonymKeyStore(indexedDB),
});
governance.start((message) => page.dispatchEvent(new CustomEvent('tb-notice', { detail: message })));
const toolbar = createToolbar(document, engine, location, segmentationApp, warnings.join(' ') || undefined, {
  governance,
  approvalStatus: segmentationApp.approvalStatus,
  storage: {
    indexedDB,
    localStorage,
    getDirectory: navigator.storage?.getDirectory ? () => navigator.storage.getDirectory() : undefined,
    knownDatabases: ['tierbook', GOVERNANCE_DB],
  },
  afterClear: () => location.replace(location.pathname),
});
page.addEventListener('tb-notice', (e) => {
  const output = toolbar.querySelector('output');
  if (output) {
    output.textContent = String((e as CustomEvent<string>).detail);
    output.dataset.tone = 'warn';
  }
});
page.append(toolbar);
document.querySelector('#app')?.append(page);
// The analyst's own scratch cells, under the notebook (loaded after it).
void import('./ui/scratch/mount.ts').then(({ mountScratch }) => mountScratch(document, engine, document.querySelector('#app') ?? document.body));
(window as unknown as { tierbook: unknown }).tierbook = { engine, governance };
} // end of the segmentation page
