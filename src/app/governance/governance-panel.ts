/**
 * The governance controls of the toolbar: the Approve form, the audit log viewer (filter by kind
 * and input, with the chain's verdict), Clear local data, and the "changed since approval"
 * banner at the top of the page. Everything from a config or the log is shown as text.
 */
import { AUDIT_KINDS, type AuditEntry } from '../../config/audit-schema.ts';
import { verifyAuditChain } from '../../config/audit.ts';
import { filterAudit } from './audit-store.ts';
import { changedSinceApprovalLine, type Governance } from './governance.ts';
import type { NotebookEngine } from '../../runtime/index.ts';
import type { ApprovalStatus } from '../../../cells/governance.ts';

type Say = (text: string, tone?: 'ok' | 'warn' | 'error') => void;

function el<K extends keyof HTMLElementTagNameMap>(document: Document, tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

function field(document: Document, label: string, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): HTMLLabelElement {
  return el(document, 'label', { className: 'tb-field' }, el(document, 'span', { textContent: label }), control);
}

/** The Approve… form in a dialog: name, role, date, comment; signs on submit. */
export function approveDialog(document: Document, gov: Governance, say: Say): HTMLDialogElement {
  const name = el(document, 'input', { id: 'approver-name', required: true, autocomplete: 'name' });
  const role = el(document, 'input', { id: 'approver-role', required: true, placeholder: 'e.g. Head of Supply Chain Planning' });
  const date = el(document, 'input', { id: 'approval-date', type: 'date' });
  const comment = el(document, 'textarea', { id: 'approval-comment', rows: 2 });
  const problem = el(document, 'p', { className: 'tb-dialog-problem' });
  problem.setAttribute('role', 'alert');
  const submit = el(document, 'button', { type: 'submit', textContent: 'Approve and sign', id: 'approve-submit' });
  const cancel = el(document, 'button', { type: 'button', textContent: 'Cancel' });
  const form = el(
    document,
    'form',
    {},
    el(document, 'h2', { textContent: 'Approve this segmentation' }),
    el(document, 'p', {
      textContent:
        'Your approval signs the current config (its content, its section hashes and the audit log so far) with a key kept in this browser; the public key travels in the config so anyone can verify it.',
    }),
    field(document, 'Approver name', name),
    field(document, 'Role', role),
    field(document, 'Date', date),
    field(document, 'Comment', comment),
    problem,
    el(document, 'div', { className: 'tb-dialog-buttons' }, cancel, submit),
  );
  const dialog = el(document, 'dialog', { className: 'tb-dialog', id: 'approve-dialog' }, form);
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('toggle', () => {
    if (dialog.open && !date.value) date.value = new Date().toISOString().slice(0, 10);
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.textContent = '';
    submit.disabled = true;
    try {
      // a chosen day is recorded at the current time of that day, so two approvals a day stay ordered
      const today = new Date().toISOString();
      const when = date.value && date.value !== today.slice(0, 10) ? `${date.value}T12:00:00.000Z` : today;
      const result = await gov.approve({ name: name.value, role: role.value, comment: comment.value, date: when });
      dialog.close();
      say(result.message, result.archived ? 'ok' : 'warn');
    } catch (error) {
      problem.textContent = error instanceof Error ? error.message : String(error);
    } finally {
      submit.disabled = false;
    }
  });
  return dialog;
}

function summaryOf(e: AuditEntry): string {
  const d = e.details;
  if (typeof d.summary === 'string') return d.summary + (typeof d.via === 'string' ? ` (via ${d.via})` : '');
  return Object.entries(d)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}

/** The audit log viewer: the chain's verdict, filters by kind and by input, newest first. */
export function auditDialog(document: Document, gov: Governance): { dialog: HTMLDialogElement; show: () => Promise<void> } {
  const kind = el(document, 'select', { id: 'audit-kind' }, el(document, 'option', { value: '', textContent: 'All kinds' }), ...AUDIT_KINDS.map((k) => el(document, 'option', { value: k, textContent: k })));
  const text = el(document, 'input', { id: 'audit-text', type: 'search', placeholder: 'input name or text' });
  const verdict = el(document, 'p', { className: 'tb-audit-verdict' });
  const body = el(document, 'tbody');
  const table = el(
    document,
    'table',
    { className: 'tb-audit-table' },
    el(document, 'thead', {}, el(document, 'tr', {}, ...['#', 'Time (UTC)', 'Kind', 'By', 'What'].map((h) => el(document, 'th', { textContent: h })))),
    body,
  );
  const close = el(document, 'button', { type: 'button', textContent: 'Close' });
  const dialog = el(
    document,
    'dialog',
    { className: 'tb-dialog tb-audit', id: 'audit-dialog' },
    el(document, 'h2', { textContent: 'Audit log' }),
    verdict,
    el(document, 'div', { className: 'tb-audit-filters' }, field(document, 'Kind', kind), field(document, 'Input or text', text)),
    el(document, 'div', { className: 'tb-audit-scroll' }, table),
    el(document, 'div', { className: 'tb-dialog-buttons' }, close),
  );
  close.addEventListener('click', () => dialog.close());
  let all: AuditEntry[] = [];
  const render = () => {
    const shown = filterAudit(all, { kinds: kind.value ? [kind.value as AuditEntry['kind']] : undefined, text: text.value }).reverse();
    body.replaceChildren(
      ...shown.map((e) =>
        el(document, 'tr', {}, ...[String(e.seq), e.time.replace('T', ' ').slice(0, 19), e.kind, e.actor ?? '', summaryOf(e)].map((c) => el(document, 'td', { textContent: c }))),
      ),
    );
    if (shown.length === 0) body.append(el(document, 'tr', {}, el(document, 'td', { colSpan: 5, textContent: all.length === 0 ? 'Nothing recorded yet.' : 'No entry matches the filter.' })));
  };
  kind.addEventListener('change', render);
  text.addEventListener('input', render);
  const show = async () => {
    all = await gov.entries();
    const chain = await verifyAuditChain(all);
    verdict.textContent = chain.ok
      ? `${all.length.toLocaleString('en-US')} entries, chain intact (every entry's hash and link checks out).`
      : `Chain broken: ${chain.problems.join('; ')}`;
    verdict.dataset.tone = chain.ok ? 'ok' : 'error';
    render();
    if (!dialog.open) dialog.showModal();
  };
  return { dialog, show };
}

/** A customer's segment in every version approved in this browser. */
export function historyDialog(document: Document, gov: Governance): HTMLDialogElement {
  const id = el(document, 'input', { id: 'history-customer', type: 'search', placeholder: 'customer id' });
  const look = el(document, 'button', { type: 'submit', textContent: 'Look up' });
  const result = el(document, 'div', { className: 'tb-audit-scroll' });
  const close = el(document, 'button', { type: 'button', textContent: 'Close' });
  const form = el(document, 'form', { className: 'tb-audit-filters' }, field(document, 'Customer', id), look);
  const dialog = el(
    document,
    'dialog',
    { className: 'tb-dialog tb-audit', id: 'history-dialog' },
    el(document, 'h2', { textContent: 'Tier history of a customer' }),
    el(document, 'p', { textContent: 'Every version approved in this browser is archived with its assignments.' }),
    form,
    result,
    el(document, 'div', { className: 'tb-dialog-buttons' }, close),
  );
  close.addEventListener('click', () => dialog.close());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const rows = await gov.history(id.value);
      if (rows.length === 0) {
        result.replaceChildren(el(document, 'p', { textContent: 'No approved version is archived in this browser yet.' }));
        return;
      }
      const cells = (r: (typeof rows)[number]) => [
        r.date.slice(0, 10),
        r.version,
        r.approver ?? '',
        r.cluster === undefined ? 'not in that data' : r.cluster === null ? 'not clustered' : String(r.cluster),
        r.tier ?? '',
      ];
      result.replaceChildren(
        el(
          document,
          'table',
          { className: 'tb-audit-table' },
          el(document, 'thead', {}, el(document, 'tr', {}, ...['Date', 'Version', 'Approved by', 'Cluster', 'Tier'].map((h) => el(document, 'th', { textContent: h })))),
          el(document, 'tbody', {}, ...rows.map((r) => el(document, 'tr', {}, ...cells(r).map((c) => el(document, 'td', { textContent: c }))))),
        ),
      );
    } catch (error) {
      result.replaceChildren(el(document, 'p', { className: 'tb-dialog-problem', textContent: error instanceof Error ? error.message : String(error) }));
    }
  });
  return dialog;
}

/** The line at the top of the page: who approved and what changed since; hidden while nothing is approved. */
export function approvalBanner(document: Document, engine: NotebookEngine, status: { readonly name: string }): HTMLElement {
  const banner = el(document, 'p', { className: 'tb-approval-banner', id: 'approval-banner', hidden: true });
  banner.setAttribute('role', 'status');
  const update = () => {
    const s = engine.state(status.name);
    if (s.status !== 'ok') return;
    const line = changedSinceApprovalLine(s.value as ApprovalStatus);
    banner.hidden = line === '';
    banner.textContent = line;
    banner.dataset.tone = line.startsWith('Changed') ? 'warn' : 'ok';
  };
  engine.onState((name) => {
    if (name === status.name) update();
  });
  update();
  return banner;
}
