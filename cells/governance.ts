/**
 * Section "Governance": the approval in force and what changed since, the diff against the
 * approved version. The approval is action state (set by the Approve action, kept across
 * reloads and Reset); the signing key, the audit log and the archive are the app's (browser
 * storage), handed to the action in its payload, so the cells stay functions of their inputs.
 */
import { action, cell, notebookInputs, sampled, stateValue } from '../src/runtime/index.ts';
import { approveConfig, type ApprovalSpec } from '../src/config/approval.ts';
import { approvedVersion, approvedVersionProblem, type ApprovedVersion } from '../src/config/approved-version.ts';
import { changesSinceApproval, type InputChange } from '../src/config/input-changes.ts';
import { diffAgainstApproved, type ApprovedDiff } from '../src/config/approved-diff.ts';
import { embedAssignments } from '../src/config/assignments-file.ts';
import type { AuditEntry } from '../src/config/audit-schema.ts';
import { imported, table } from './data.ts';
import { assignments, config } from './export.ts';
import { tableBlock, textBlock } from './view-helpers.ts';

/** The approved version this notebook works against; set by Approve only, kept by Reset. */
export const approval = stateValue<ApprovedVersion | null>({
  name: 'approval',
  title: 'Approved version',
  value: null,
  keepOnReset: true,
  check: approvedVersionProblem,
  format: (v) => (v ? `approved by ${v.config.approval.approver.name} on ${v.config.approval.date}` : ''),
});

export interface ApproveRequest {
  readonly spec: ApprovalSpec;
  /** The approver's key pair (the browser's non-extractable key). */
  readonly keys: CryptoKeyPair;
  /** The audit log with the approval entry already appended, so the signed head includes it. */
  readonly audit: readonly AuditEntry[];
}

/**
 * Approve: signs the current config (content and section hashes, the audit log's head) with the
 * approver's key and keeps it as the approved version. Refused, changing nothing, when the
 * approver's name or role is empty or the config cannot be computed.
 */
export const approveAction = action<ApproveRequest>({
  name: 'approve',
  title: 'Approve',
  async plan({ spec, keys, audit }, { value }) {
    const current = await value(config);
    const approved = await approveConfig({ ...current, audit: { entries: [...audit] } }, spec, keys);
    return { set: { [approval.name]: approvedVersion(approved) } };
  },
});

export interface ApprovalStatus {
  /** Who approved, when and why; null while nothing is approved. */
  readonly approved: { readonly name: string; readonly role: string; readonly date: string; readonly comment: string } | null;
  /** Settings that differ from the approved ones (weights key by key). */
  readonly changes: readonly InputChange[];
  /** The data file, when it is not the one approved. */
  readonly data: { readonly approved: string; readonly current: string } | null;
}

/** Whether anything changed since approval, and what: the settings and the data. */
export const approvalStatus = cell({
  name: 'approvalStatus',
  title: 'Approval',
  inputs: { approval, inputs: notebookInputs, imported: sampled(imported) },
  run: ({ approval, inputs, imported }): ApprovalStatus => {
    if (approval === null) return { approved: null, changes: [], data: null };
    const c = approval.config;
    const a = c.approval;
    const data = c.data.fingerprint === imported.fingerprint ? null : { approved: c.data.source, current: imported.sample ? 'sample' : imported.source };
    return { approved: { name: a.approver.name, role: a.approver.role, date: a.date, comment: a.comment }, changes: changesSinceApproval(c.inputs, inputs), data };
  },
  view: (s, { document }) => {
    if (s.approved === null) return textBlock(document, ['Not approved yet. “Approve…” at the top signs this config with a key kept in this browser.']);
    const a = s.approved;
    const lines = [`Approved by ${a.name} (${a.role}) on ${a.date.slice(0, 10)} at ${a.date.slice(11, 16)} UTC.${a.comment ? ` Comment: ${a.comment}` : ''}`];
    if (s.changes.length === 0 && !s.data) lines.push('No change since approval: Export config writes the approved, signed config.');
    if (s.data) lines.push(`Changed since approval: the data is ${s.data.current}; the approved config was made on ${s.data.approved}.`);
    const el = textBlock(document, lines);
    if (s.changes.length > 0) {
      const show = (v: unknown) => (v === undefined ? '(default)' : typeof v === 'string' ? v : JSON.stringify(v));
      el.append(
        tableBlock(
          document,
          `Changed since approval: ${s.changes.length} setting${s.changes.length === 1 ? '' : 's'}`,
          [
            { key: 'input', label: 'Setting' },
            { key: 'approved', label: 'Approved' },
            { key: 'current', label: 'Now' },
          ],
          s.changes.map((c) => ({ input: c.input, approved: show(c.approved), current: show(c.current) })),
        ),
      );
    }
    return el;
  },
});

/**
 * Everything that differs from the approved version (settings, features, weights, preparation,
 * model, tiers, policies) and the customers who moved. On demand: it computes the config.
 */
export const approvedDiff = cell({
  name: 'approvedDiff',
  title: 'Changes against the approved version',
  trigger: 'demand',
  description: 'Everything that differs from the approved config (settings, features, weights, model, tiers, policies) and the customers who moved.',
  inputs: { approval, config, assignments, table },
  run: async ({ approval, config, assignments, table }): Promise<ApprovedDiff | null> =>
    approval === null ? null : diffAgainstApproved(approval.config, config, table, embedAssignments(assignments.idColumn, assignments.ids, assignments.labels)),
  view: (d, { document }) => {
    if (d === null) return textBlock(document, ['Nothing approved yet: there is no approved version to compare with.']);
    const moved = d.moved;
    const lines = [
      `Against the version approved by ${d.approvedBy}: ${d.changes.length === 0 ? 'no change of the segmentation' : `${d.changes.length} change${d.changes.length === 1 ? '' : 's'}`}${
        moved ? `; ${moved.customers.length.toLocaleString('en-US')} of ${moved.compared.toLocaleString('en-US')} customers in another ${moved.by}` : ''
      }.`,
      ...d.notes.map((n) => `Note: ${n}`),
    ];
    const el = textBlock(document, lines);
    const show = (v: unknown) => (v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));
    if (d.changes.length > 0) {
      el.append(
        tableBlock(document, 'What changed', [
          { key: 'section', label: 'Section' },
          { key: 'path', label: 'Where' },
          { key: 'old', label: 'Approved' },
          { key: 'new', label: 'Now' },
        ], d.changes.map((c) => ({ section: c.section, path: c.path, old: show(c.old), new: show(c.new) }))),
      );
    }
    if (moved && moved.customers.length > 0) {
      el.append(
        tableBlock(document, `Customers who moved (${moved.by})`, [
          { key: 'id', label: 'Customer' },
          { key: 'old', label: 'Approved' },
          { key: 'new', label: 'Now' },
        ], moved.customers.map((c) => ({ id: c.id, old: c.old ?? 'not clustered', new: c.new ?? 'not clustered' }))),
      );
    }
    return el;
  },
});
