import type { Action, InputNode, Node, NotebookEngine } from '../runtime/index.ts';
import { assignmentsCsv, configToJson, type SegmentationConfig } from '../config/segmentation-config.ts';
import { describeCheck, type ReferenceCheck } from '../config/reference.ts';
import { queryFromInputs } from '../runtime/url.ts';
import { download } from './download.ts';
import type { Governance } from './governance/governance.ts';
import { approvalBanner, approveDialog, auditDialog, historyDialog } from './governance/governance-panel.ts';
import { clearLocalData, type LocalStorageAccess } from './governance/local-data.ts';
import type { DecisionEntry } from '../config/decision-schema.ts';

/** The notebook nodes and actions the toolbar works with (the app wires them in). */
export interface ToolbarNodes {
  readonly config: Node<SegmentationConfig>;
  readonly assignments: Node<{ readonly ids: readonly string[]; readonly labels: ArrayLike<number>; readonly idColumn: string; readonly confidence?: ArrayLike<number> | null }>;
  readonly importConfig: Action<{ readonly text: string; readonly fileName: string }>;
  readonly referenceCheck: Node<{ readonly rows: number; readonly check: ReferenceCheck } | null>;
  /** The workshop's decision log, exported with the config (its `decisions` section) when not empty. */
  readonly decisions?: () => readonly DecisionEntry[];
}

/** A toolbar: its bar, the status line, and buttons whose errors show in that line as text. */
export function toolbarShell(document: Document) {
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
  return { bar, status, say, button };
}

/** The app's governance, when it is wired (the audit log, the signing key, local storage). */
export interface ToolbarGovernance {
  readonly governance: Governance;
  readonly approvalStatus: { readonly name: string };
  /** What Clear local data removes, and what happens after (the app reloads). */
  readonly storage: LocalStorageAccess;
  readonly afterClear: () => void;
}

/** The notebook's actions: export, import, share, reset, approve, audit log. Messages are text, never HTML. */
export function createToolbar(
  document: Document,
  engine: NotebookEngine,
  location: Location,
  nodes: ToolbarNodes,
  warning?: string,
  gov?: ToolbarGovernance,
): HTMLElement {
  const { bar, status, say, button } = toolbarShell(document);
  const inputs = engine.nodes.filter((n): n is InputNode<unknown> => n.kind === 'input');

  button(
    'Export config',
    async () => {
      // The workshop's decision log travels in the config (its `decisions` section) when not empty.
      const entries = nodes.decisions?.() ?? [];
      const withDecisions = (drafted: SegmentationConfig): SegmentationConfig =>
        entries.length > 0 ? { ...drafted, decisions: { entries: [...entries] } } : drafted;
      if (gov) {
        const result = await gov.governance.exportConfig(withDecisions);
        download(document, result.fileName, result.text, 'application/json');
        say(result.message, result.approved || !result.message.startsWith('Exported as') ? 'ok' : 'warn');
        return;
      }
      const config = withDecisions(await engine.value(nodes.config));
      download(document, `segmentation-config-k${config.model.k}.json`, configToJson(config), 'application/json');
      say(`Exported config for ${config.data.rows.toLocaleString('en-US')} customers, k = ${config.model.k}.`);
    },
    'export-config',
  );
  button(
    'Download assignments',
    async () => {
      if (gov) {
        download(document, 'assignments.csv', await gov.governance.assignmentsText(pseudonymise.checked), 'text/csv');
        say(pseudonymise.checked ? 'Downloaded assignments with pseudonymised ids (keyed with a key kept in this browser).' : 'Downloaded assignments.');
        return;
      }
      const a = await engine.value(nodes.assignments);
      download(document, 'assignments.csv', assignmentsCsv(a.ids, a.labels, a.idColumn, a.confidence), 'text/csv');
    },
    'export-assignments',
  );
  const pseudonymise = document.createElement('input');
  pseudonymise.type = 'checkbox';
  pseudonymise.id = 'pseudonymise-ids';
  if (gov) {
    const label = document.createElement('label');
    label.className = 'tb-toolbar-check';
    label.title = 'Replace customer ids by keyed hashes (HMAC-SHA-256) for sharing outside the team; the key stays in this browser, so the same id gets the same pseudonym in every download.';
    label.append(pseudonymise, ' pseudonymise ids');
    bar.append(label);
  }

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
      say(`Importing ${file.name}…`);
      const text = await file.text();
      if (gov) {
        const result = await gov.governance.importConfig(text, file.name);
        const checked = await engine.value(nodes.referenceCheck);
        const check = checked ? describeCheck(checked.check, checked.rows) : '';
        const intact = result.verdict.intact;
        say([`Imported ${file.name}.`, result.line, check, ...result.notes].filter(Boolean).join(' '), intact && checked?.check.reproduced ? 'ok' : intact ? 'warn' : 'error');
        return;
      }
      const result = await engine.act(nodes.importConfig, { text, fileName: file.name });
      const checked = await engine.value(nodes.referenceCheck);
      const verdict = checked ? describeCheck(checked.check, checked.rows) : '';
      say([`Imported ${file.name}.`, verdict, ...result.notes].filter(Boolean).join(' '), checked?.check.reproduced ? 'ok' : 'warn');
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
    async () => {
      await engine.reset();
      say('Settings reset to their defaults.');
    },
    'reset-inputs',
  );
  button(
    'Export report',
    async () => {
      say('Writing the report…');
      const config = await engine.value(nodes.config);
      const { reportFileFor } = await import('../report/engine-report.ts'); // loaded on first use
      const { fileName, html, failed } = await reportFileFor(engine, config);
      download(document, fileName, html, 'text/html');
      say(failed.length === 0 ? `Exported ${fileName}: one HTML file, opens offline, prints to PDF.` : `Exported ${fileName}, without: ${failed.join('; ')}`, failed.length === 0 ? 'ok' : 'warn');
    },
    'export-report',
  );
  const reviewLink = document.createElement('a');
  reviewLink.href = '?notebook=review';
  reviewLink.textContent = 'Review a config';
  reviewLink.className = 'tb-toolbar-link';
  bar.append(reviewLink);
  if (gov) {
    const approve = approveDialog(document, gov.governance, say);
    const audit = auditDialog(document, gov.governance);
    bar.append(approve, audit.dialog);
    button('Approve…', () => approve.showModal(), 'approve');
    button('Audit log', () => audit.show(), 'audit-log');
    const history = historyDialog(document, gov.governance);
    bar.append(history);
    button('Tier history…', () => history.showModal(), 'tier-history');
    button(
      'Clear local data…',
      async () => {
        const sure = document.defaultView?.confirm(
          'Remove everything Tierbook keeps in this browser: the kept data file, saved settings, the approval, the audit log, the archive of approved versions and the signing key? This cannot be undone.',
        );
        if (!sure) return;
        gov.governance.stop();
        const cleared = await clearLocalData(gov.storage);
        say(`Cleared ${cleared.databases.length + cleared.keys.length + cleared.files.length} stores from this browser; reloading.`);
        gov.afterClear();
      },
      'clear-local-data',
    );
  }
  bar.append(status);
  if (gov) bar.append(approvalBanner(document, engine, gov.approvalStatus));
  if (warning) say(warning, 'warn');
  return bar;
}
