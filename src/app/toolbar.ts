import type { NotebookEngine } from '../runtime/index.ts';
import { assignmentsCsv, configToJson, parseConfigText, type SegmentationConfig } from '../config/segmentation-config.ts';
import { queryFromInputs } from '../runtime/url.ts';
import type { Assignments } from '../../cells/export.ts';
import type { InputNode } from '../runtime/node.ts';
import { download } from './download.ts';

/** The notebook's actions: export, import, share, reset. Messages are text, never HTML. */
export function createToolbar(
  document: Document,
  engine: NotebookEngine,
  location: Location,
  warning?: string,
): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'tb-toolbar';
  bar.slot = 'toolbar';
  const status = document.createElement('output');
  status.className = 'tb-toolbar-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const say = (text: string, tone: 'ok' | 'warn' | 'error' = 'ok') => {
    status.textContent = text;
    status.dataset.tone = tone;
  };
  const button = (label: string, action: () => unknown, id: string) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.id = id;
    b.addEventListener('click', async () => {
      try {
        await action();
      } catch (error) {
        say(error instanceof Error ? error.message : String(error), 'error');
      }
    });
    bar.append(b);
    return b;
  };
  const inputs = engine.nodes.filter((n): n is InputNode<unknown> => n.kind === 'input');

  button(
    'Export config',
    async () => {
      const config = (await engine.value('config')) as SegmentationConfig;
      download(document, `segmentation-config-k${config.model.k}.json`, configToJson(config), 'application/json');
      say(`Exported config for ${config.data.rows.toLocaleString('en-US')} customers, k = ${config.model.k}.`);
    },
    'export-config',
  );
  button(
    'Download assignments',
    async () => {
      const a = (await engine.value('assignments')) as Assignments;
      download(document, 'assignments.csv', assignmentsCsv(a.ids, a.labels, a.idColumn), 'text/csv');
    },
    'export-assignments',
  );

  const picker = document.createElement('input');
  picker.type = 'file';
  picker.accept = '.json,application/json';
  picker.id = 'import-config-file';
  picker.hidden = true;
  picker.addEventListener('change', async () => {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file) return;
    try {
      const config = parseConfigText(await file.text(), file.name);
      const fingerprint = await engine.value('fingerprint');
      const known = new Set(inputs.map((i) => i.name));
      const values = Object.fromEntries(Object.entries(config.inputs).filter(([name]) => known.has(name)));
      engine.setInputs({ ...values, labelReference: { id: Date.now(), centroids: config.model.centroids } });
      const current = (await engine.value('config')) as SegmentationConfig;
      if (fingerprint !== config.data.fingerprint) {
        say(`Imported ${file.name}; it was made on other data (${config.data.source}), so assignments differ.`, 'warn');
      } else if (current.assignmentsHash === config.assignmentsHash) {
        say(`Imported ${file.name}: the same ${config.data.rows.toLocaleString('en-US')} assignments are reproduced.`);
      } else {
        say(`Imported ${file.name}, but the assignments differ from the exported ones.`, 'warn');
      }
    } catch (error) {
      say(error instanceof Error ? error.message : String(error), 'error');
    }
  });
  bar.append(picker);
  button('Import config…', () => picker.click(), 'import-config');

  button(
    'Copy link',
    async () => {
      const url = `${location.origin}${location.pathname}?${queryFromInputs(inputs, engine.inputValues())}`;
      await navigator.clipboard?.writeText(url);
      say('Link to this view copied.');
    },
    'copy-link',
  );
  button(
    'Reset',
    () => {
      engine.reset();
      say('Inputs reset to their defaults.');
    },
    'reset-inputs',
  );
  bar.append(status);
  if (warning) say(warning, 'warn');
  return bar;
}
