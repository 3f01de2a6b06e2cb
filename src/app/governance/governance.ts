/**
 * Governance in the app: what the toolbar's Export, Import and Approve do with the audit log,
 * the signing key and the archive, and the audit entries of every committed input change. The
 * notebook's cells stay functions of their inputs; this is where browser storage meets them.
 *
 * Other parts of the app (e.g. a review notebook's decision) add their own entries through
 * `record(draft)`: one log, one chain.
 */
import type { Action, Commit, InputNode, Node, NotebookEngine } from '../../runtime/index.ts';
import type { AuditDraft } from '../../config/audit.ts';
import type { AuditEntry } from '../../config/audit-schema.ts';
import type { ApprovalSpec } from '../../config/approval.ts';
import type { ApprovedVersion } from '../../config/approved-version.ts';
import type { SegmentationConfig } from '../../config/config-schema.ts';
import type { ApprovalStatus, ApproveRequest } from '../../../cells/governance.ts';
import { inputChangeEntry } from '../../config/audit-events.ts';
import { chooseExport, exportText } from '../../config/export-document.ts';
import { parseConfigFile } from '../../config/load-config.ts';
import { verifyConfig, type Verification } from '../../config/verify.ts';
import { archiveApproved, customerHistory, type ArchiveStore, type HistoryRow } from '../../config/archive.ts';
import { pseudonymiseIds } from '../../config/pseudonymise.ts';
import { pseudonymKey, type PseudonymKeyStore } from './pseudonym-key.ts';
import { assignmentsCsv } from '../../config/segmentation-config.ts';
import { describeInputChange } from '../../config/input-changes.ts';
import { signingKey, type KeyStore } from './signing-key.ts';
import type { AuditStore } from './audit-store.ts';

/** The notebook nodes governance works with. */
export interface GovernanceNodes {
  readonly config: Node<SegmentationConfig>;
  readonly assignments: Node<{ readonly ids: readonly string[]; readonly labels: ArrayLike<number>; readonly idColumn: string; readonly confidence?: ArrayLike<number> | null }>;
  readonly importConfig: Action<{ readonly text: string; readonly fileName: string }>;
  readonly approval: InputNode<ApprovedVersion | null>;
  readonly approveAction: Action<ApproveRequest>;
  readonly approvalStatus: Node<ApprovalStatus>;
}

/** Where governance keeps things (IndexedDB in the app, memory in tests). */
export interface GovernanceStores {
  readonly audit: AuditStore;
  readonly keys: KeyStore;
  readonly archive: ArchiveStore;
  readonly pseudonymKey: PseudonymKeyStore;
}

/** An export: its text, file name and what to tell the analyst. */
export interface ExportResult {
  readonly text: string;
  readonly fileName: string;
  readonly approved: boolean;
  readonly message: string;
}

/** Import config's verdict line for each outcome of `verifyConfig`. */
export function verdictLine(v: Verification): string {
  const sections = v.changedSections.length > 0 ? ` (${v.changedSections.join(', ')})` : '';
  switch (v.verdict) {
    case 'approved':
      return `Approved and intact: approved by ${v.approval?.name ?? '?'} (${v.approval?.role ?? '?'}) on ${v.approval?.date ?? '?'}.`;
    case 'draft':
      return 'Unsigned draft, intact.';
    case 'edited':
      return `Edited after ${v.approval ? 'approval' : 'export'}${sections}: ${v.problems.join('; ')}.`;
    case 'signature-invalid':
      return `Signature invalid: ${v.problems.join('; ')}.`;
    default:
      // a version 1 config: the message says why, the note (in `notes`) what to do
      return `${v.message.charAt(0).toUpperCase()}${v.message.slice(1)}.`;
  }
}

/** The banner line at the top of the page: empty while nothing is approved or nothing changed. */
export function changedSinceApprovalLine(s: ApprovalStatus | undefined): string {
  if (!s?.approved) return '';
  const parts = s.changes.map(describeInputChange);
  if (s.data) parts.push(`data: ${s.data.approved} → ${s.data.current}`);
  if (parts.length === 0) return `Approved by ${s.approved.name} (${s.approved.role}) on ${s.approved.date.slice(0, 10)}; nothing changed since.`;
  const shown = parts.slice(0, 6).join('; ') + (parts.length > 6 ? `; and ${parts.length - 6} more` : '');
  return `Changed since approval by ${s.approved.name} on ${s.approved.date.slice(0, 10)}: ${shown}.`;
}

export class Governance {
  private readonly inputs: Map<string, InputNode<unknown>>;
  private readonly now: () => string;
  private stopRecording: () => void = () => undefined;

  constructor(
    private readonly engine: NotebookEngine,
    private readonly nodes: GovernanceNodes,
    private readonly stores: GovernanceStores,
    options: { readonly now?: () => string } = {},
  ) {
    this.inputs = new Map(engine.nodes.filter((n): n is InputNode<unknown> => n.kind === 'input').map((n) => [n.name, n]));
    this.now = options.now ?? (() => new Date().toISOString());
  }

  /** Starts appending every committed change of a setting or of the data file to the log. */
  start(onError: (message: string) => void): void {
    this.stopRecording = this.engine.onCommit((commit) => {
      this.recordCommit(commit).catch((e: unknown) => onError(`The audit log could not record a change (${e instanceof Error ? e.message : String(e)}).`));
    });
  }

  stop(): void {
    this.stopRecording();
  }

  /** Appends any entry (for other parts of the app, e.g. a reviewer's decision). */
  record(draft: AuditDraft): Promise<AuditEntry> {
    return this.stores.audit.append(draft);
  }

  entries(): Promise<AuditEntry[]> {
    return this.stores.audit.entries();
  }

  private async recordCommit(commit: Commit): Promise<void> {
    // the approval is recorded by approve() itself, before signing
    if (commit.action?.name === this.nodes.approveAction.name) return;
    const time = this.now();
    for (const change of commit.changes) {
      const node = this.inputs.get(change.name);
      if (!node || (node.role !== 'setting' && node.role !== 'data')) continue;
      await this.stores.audit.append(inputChangeEntry({ name: node.name, title: node.title, role: node.role, none: node.control.kind === 'file' ? node.control.none : undefined, old: change.old, new: change.new }, time, commit.action?.title));
    }
  }

  /** Export config: the approved config while nothing changed, else a draft; the export is logged first. */
  async exportConfig(decorate: (config: SegmentationConfig) => SegmentationConfig = (c) => c): Promise<ExportResult> {
    // `decorate` adds what the page holds outside the notebook (the workshop's decision log).
    const current = decorate(await this.engine.value(this.nodes.config));
    const approved = this.engine.getInput(this.nodes.approval);
    const choice = chooseExport(current, approved?.config ?? null, await this.entries());
    await this.record({
      time: this.now(),
      kind: 'export',
      details: { what: choice.approved ? 'approved config' : 'unsigned draft', k: current.model.k, customers: current.data.rows },
    });
    const text = await exportText(choice, await this.entries());
    const what = choice.approved ? 'the approved, signed config' : 'an unsigned draft';
    return {
      text,
      fileName: `segmentation-config-k${choice.config.model.k}.json`,
      approved: choice.approved,
      message: choice.note || `Exported ${what} for ${current.data.rows.toLocaleString('en-US')} customers, k = ${current.model.k}, with the audit log.`,
    };
  }

  /**
   * Import config: reads and verifies the file before anything changes (a file that is not a
   * config throws, naming the file), applies it, then logs the import with its verdict.
   */
  async importConfig(text: string, fileName: string): Promise<{ verdict: Verification; line: string; notes: readonly string[] }> {
    const { document } = parseConfigFile(text, fileName);
    const verdict = await verifyConfig(document);
    const line = verdictLine(verdict);
    const result = await this.engine.act(this.nodes.importConfig, { text, fileName });
    await this.record({ time: this.now(), kind: 'import', details: { file: fileName, verdict: verdict.verdict, summary: line } });
    return { verdict, line, notes: [...verdict.notes, ...result.notes] };
  }

  /** assignments.csv of the notebook; with `pseudonymise`, ids replaced by keyed hashes (the key stays in this browser). */
  async assignmentsText(pseudonymise: boolean): Promise<string> {
    const a = await this.engine.value(this.nodes.assignments);
    const ids = pseudonymise ? await pseudonymiseIds(await pseudonymKey(this.stores.pseudonymKey), a.ids) : a.ids;
    await this.record({ time: this.now(), kind: 'export', details: { what: 'assignments.csv', customers: a.ids.length, pseudonymised: pseudonymise } });
    return assignmentsCsv(ids, a.labels, a.idColumn, a.confidence);
  }

  /** A customer's segment in every version approved (archived) in this browser, oldest first. */
  history(customerId: string): Promise<HistoryRow[]> {
    return customerHistory(this.stores.archive, customerId.trim());
  }

  /**
   * Approve: logs the approval, signs the current config with this browser's key (made on first
   * use) and the log's head, keeps it as the approved version and archives it with its
   * assignments. Refused before anything is logged when the name or role is empty.
   */
  async approve(spec: ApprovalSpec): Promise<{ archived: boolean; message: string }> {
    if (spec.name.trim() === '') throw new Error('Approve: enter the approver’s name.');
    if (spec.role.trim() === '') throw new Error('Approve: enter the approver’s role.');
    const keys = await signingKey(this.stores.keys);
    // the assignments of the state being approved (read first, so a change made meanwhile shows as a mismatch, not a wrong archive)
    const a = await this.engine.value(this.nodes.assignments);
    const date = spec.date ?? this.now();
    await this.record({ time: date, kind: 'approval', actor: spec.name.trim(), details: { role: spec.role.trim(), comment: spec.comment ?? '' } });
    await this.engine.act(this.nodes.approveAction, { spec: { ...spec, date }, keys, audit: await this.entries() });
    const kept = this.engine.getInput(this.nodes.approval);
    if (!kept) throw new Error('Approve: the approval was not kept.');
    try {
      const configText = await exportText({ config: kept.config, approved: true, note: '' }, await this.entries());
      await archiveApproved(this.stores.archive, configText, assignmentsCsv(a.ids, a.labels, a.idColumn));
      return { archived: true, message: `Approved by ${spec.name.trim()} and archived in this browser.` };
    } catch (error) {
      return { archived: false, message: `Approved by ${spec.name.trim()}; not archived (${error instanceof Error ? error.message : String(error)}).` };
    }
  }
}
