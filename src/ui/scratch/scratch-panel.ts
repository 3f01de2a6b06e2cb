/**
 * The "Scratch cells" section under the notebook: add a cell with a JavaScript expression over
 * named cells, see its value or its error in place, remove it; export and import the analyst's
 * own scratch file. Cells are kept in this browser's storage. An imported file (a scratch file,
 * or a scenario file's scratch section through `offer`) is shown first and runs only once the
 * person confirms. Everything is drawn as text (textContent).
 */
import type { NotebookEngine } from '../../runtime/index.ts';
import { definitionProblem, readDefinitions, readScratchFile, scratchFileText, scratchStorageKey, type ScratchDefinition } from './scratch-model.ts';
import { readableNodes, scratchCell } from './scratch-cell.ts';
import { renderScratchValue } from './scratch-view.ts';
import type { ScratchEvaluator } from './sandbox.ts';

export interface ScratchPanelOptions {
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  readonly evaluator: ScratchEvaluator;
  /** Offers text as a file. */
  readonly download: (fileName: string, text: string) => void;
  /** Asks the person to confirm running an imported file's cells (e.g. `window.confirm`). */
  readonly confirm: (message: string) => boolean | Promise<boolean>;
}

/** What other parts of the page (the scenario file) may do with the analyst's scratch cells. */
export interface ScratchCells {
  /** The cells kept in this browser now, in the order they were added. */
  cells(): readonly ScratchDefinition[];
  /**
   * Lists the cells of `source` not here yet with their code as text, asks the person, and adds
   * them only on a yes: nothing runs before. `offered` 0: nothing new; `added` 0 of more: declined.
   * Throws naming the cell when one cannot be added (its name is taken by a cell of the notebook).
   */
  offer(cells: readonly ScratchDefinition[], source: string): Promise<{ offered: number; added: number }>;
}

export interface ScratchPanel extends ScratchCells {
  readonly element: HTMLElement;
}

const el = <K extends keyof HTMLElementTagNameMap>(document: Document, tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
};

export function createScratchPanel(document: Document, engine: NotebookEngine, options: ScratchPanelOptions): ScratchPanel {
  const key = scratchStorageKey(engine.notebook.id);
  const panel = el(document, 'section', undefined, 'tb-scratch');
  panel.setAttribute('aria-labelledby', 'tb-scratch-title');
  const title = el(document, 'h2', 'Scratch cells');
  title.id = 'tb-scratch-title';
  const intro = el(
    document,
    'p',
    'Your own cells: a JavaScript expression over the notebook’s cells by name, e.g. table.filter(d => d.region === "EU") (a customer table arrives as rows). They recompute when what they read changes. They run in a sandbox without network or access to this page, stop after 3 seconds, are kept in this browser, in your scratch file and in the scenario files you export, and never go into a config.',
  );
  const status = el(document, 'output', undefined, 'tb-scratch-status');
  status.setAttribute('role', 'status');
  const say = (text: string, tone: 'ok' | 'error' = 'ok') => {
    status.textContent = text;
    status.dataset.tone = tone;
  };

  const form = el(document, 'form', undefined, 'tb-scratch-form');
  const nameLabel = el(document, 'label');
  const nameInput = el(document, 'input');
  nameInput.name = 'scratch-name';
  nameInput.placeholder = 'euCustomers';
  nameLabel.append(el(document, 'span', 'Name'), nameInput);
  const exprLabel = el(document, 'label');
  const exprInput = el(document, 'textarea');
  exprInput.name = 'scratch-expression';
  exprInput.rows = 2;
  exprInput.placeholder = 'table.filter(d => d.region === "EU").length';
  exprLabel.append(el(document, 'span', 'Expression'), exprInput);
  const addButton = el(document, 'button', 'Add cell');
  addButton.type = 'submit';
  form.append(nameLabel, exprLabel, addButton);

  const list = el(document, 'div', undefined, 'tb-scratch-list');
  const tools = el(document, 'div', undefined, 'tb-scratch-tools');
  const exportButton = el(document, 'button', 'Export scratch cells');
  exportButton.type = 'button';
  const importButton = el(document, 'button', 'Import scratch cells…');
  importButton.type = 'button';
  const picker = el(document, 'input');
  picker.type = 'file';
  picker.accept = '.json,application/json';
  picker.hidden = true;
  tools.append(exportButton, importButton, picker);
  panel.append(title, intro, form, status, list, tools);

  const defs: ScratchDefinition[] = [];
  const removers = new Map<string, () => void>();
  const views = new Map<string, HTMLElement>();
  const save = () => options.storage.setItem(key, JSON.stringify(defs));

  const draw = (name: string) => {
    const body = views.get(name);
    if (!body) return;
    const s = engine.state(name);
    body.replaceChildren();
    if (s.status === 'error' || s.status === 'blocked') body.append(el(document, 'p', s.error ? `${s.status === 'blocked' ? `Blocked by ${s.blockedBy}: ` : ''}${s.error.message}` : 'Failed.', 'tb-scratch-error'));
    else if (s.hasValue) body.append(renderScratchValue(document, s.value));
    else body.append(el(document, 'p', s.status === 'idle' ? 'Waits for a cell that runs only when asked.' : 'Computing…', 'tb-scratch-note'));
  };

  const taken = () => new Set([...engine.nodes.map((n) => n.name), ...defs.map((x) => x.name)]);
  const add = (d: ScratchDefinition) => {
    const problem = definitionProblem(d, taken());
    if (problem) throw new Error(problem);
    const node = scratchCell(d, readableNodes(engine, defs.map((x) => x.name)), options.evaluator);
    removers.set(d.name, engine.addCell(node));
    defs.push(d);
    const item = el(document, 'article', undefined, 'tb-scratch-cell');
    item.dataset.scratch = d.name;
    const head = el(document, 'header');
    const remove = el(document, 'button', 'Remove');
    remove.type = 'button';
    remove.addEventListener('click', () => {
      const dependents = defs.filter((x) => x.name !== d.name && engine.node(x.name)?.kind === 'cell' && Object.keys((engine.node(x.name) as { inputs: object }).inputs).includes(d.name));
      if (dependents.length > 0) {
        say(`Remove ${dependents.map((x) => x.name).join(', ')} first: ${dependents.length === 1 ? 'it reads' : 'they read'} ${d.name}.`, 'error');
        return;
      }
      removers.get(d.name)?.();
      removers.delete(d.name);
      views.delete(d.name);
      defs.splice(defs.indexOf(d), 1);
      item.remove();
      save();
    });
    head.append(el(document, 'strong', d.name), el(document, 'code', ` = ${d.expression}`), remove);
    const body = el(document, 'div', undefined, 'tb-scratch-body');
    views.set(d.name, body);
    item.append(head, body);
    list.append(item);
    draw(d.name);
  };

  engine.onState((name) => draw(name));

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    try {
      add({ name: nameInput.value.trim(), expression: exprInput.value });
      save();
      say(`Added ${nameInput.value.trim()}.`);
      nameInput.value = '';
      exprInput.value = '';
    } catch (error) {
      say(error instanceof Error ? error.message : String(error), 'error');
    }
  });
  exportButton.addEventListener('click', () => {
    options.download(`${engine.notebook.id}-scratch-cells.json`, scratchFileText(engine.notebook.id, defs));
    say(`Exported ${defs.length} scratch ${defs.length === 1 ? 'cell' : 'cells'}.`);
  });
  importButton.addEventListener('click', () => picker.click());
  const offer: ScratchCells['offer'] = async (cells, source) => {
    const fresh = cells.filter((c) => !defs.some((d) => d.name === c.name));
    if (fresh.length === 0) return { offered: 0, added: 0 };
    // Every cell is checked against the notebook before the question, so a yes adds all or none.
    const names = taken();
    for (const c of fresh) {
      const problem = definitionProblem(c, names);
      if (problem) throw new Error(`${source}: ${problem}`);
      names.add(c.name);
    }
    const listing = fresh.map((c) => `${c.name} = ${c.expression}`).join('\n');
    const yes = await options.confirm(`${source} holds ${fresh.length} scratch ${fresh.length === 1 ? 'cell' : 'cells'} with code that will run in the sandbox:\n\n${listing}\n\nRun ${fresh.length === 1 ? 'it' : 'them'}?`);
    if (!yes) return { offered: fresh.length, added: 0 };
    for (const c of fresh) add(c);
    save();
    say(`Imported ${fresh.length} scratch ${fresh.length === 1 ? 'cell' : 'cells'} from ${source}.`);
    return { offered: fresh.length, added: fresh.length };
  };

  picker.addEventListener('change', async () => {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file) return;
    try {
      const read = readScratchFile(await file.text(), file.name);
      const { offered, added } = await offer(read.cells, file.name);
      if (offered === 0) say(`${file.name}: no new scratch cells.`);
      else if (added === 0) say(`${file.name}: nothing imported.`);
    } catch (error) {
      say(error instanceof Error ? error.message : String(error), 'error');
    }
  });

  // The analyst's own cells from an earlier visit (this browser only).
  const stored = options.storage.getItem(key);
  if (stored !== null) {
    try {
      for (const d of readDefinitions(JSON.parse(stored) as unknown, 'saved scratch cells')) add(d);
    } catch (error) {
      options.storage.removeItem(key);
      say(`Saved scratch cells could not be restored (${error instanceof Error ? error.message : String(error)}); they were cleared.`, 'error');
    }
  }
  return { element: panel, cells: () => [...defs], offer };
}
