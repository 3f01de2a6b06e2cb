/**
 * What an export writes, in the app: the approved config itself while the notebook still
 * computes the same segmentation (only its export time differs), else the current config as an
 * unsigned draft; either way with this browser's audit log and a fresh integrity record. An
 * approval is never carried over to content it did not sign.
 */
import { chainContains } from './audit.ts';
import type { AuditEntry } from './audit-schema.ts';
import { exportConfigText } from './config-json.ts';
import { diffConfigs } from './config-diff.ts';
import type { SegmentationConfig } from './config-schema.ts';

/** What to export and why. */
export interface ExportChoice {
  /** The config to write (the approved one, or the current draft without approval). */
  readonly config: SegmentationConfig;
  readonly approved: boolean;
  /** Why an approval in force is not carried (content changed, log lost); empty when it is or there is none. */
  readonly note: string;
}

/** Sections computed only on request: a current config without them still holds the approved segmentation. */
const ON_DEMAND = ['robustness'];

/**
 * Chooses between the approved config and the current one: the approved one when the current
 * config has the same segmentation (every section but the export time equal; on-demand sections
 * that have not run again are not a change) and `audit` still holds the log the approval signed.
 */
export function chooseExport(current: SegmentationConfig, approved: SegmentationConfig | null, audit: readonly AuditEntry[]): ExportChoice {
  const { approval: _a, integrity: _i, audit: _l, ...draft } = current;
  if (!approved?.approval) return { config: draft, approved: false, note: '' };
  const ignore = ON_DEMAND.filter((s) => !Object.hasOwn(current, s));
  const diff = diffConfigs(approved, draft, {}, { ignore });
  if (!diff.same) {
    const paths = diff.changes.map((c) => c.path);
    const shown = paths.slice(0, 5).join(', ') + (paths.length > 5 ? ` and ${paths.length - 5} more` : '');
    return { config: draft, approved: false, note: `Exported as an unsigned draft: it changed since approval (${shown}).` };
  }
  if (!chainContains(audit, approved.approval.audit)) {
    return {
      config: draft,
      approved: false,
      note: 'Exported as an unsigned draft: this browser’s audit log no longer holds the entries the approval signed (it was cleared).',
    };
  }
  return { config: approved, approved: true, note: '' };
}

/** The text of an export: the chosen config with the audit log, sealed (pretty, sorted JSON). */
export function exportText(choice: ExportChoice, audit: readonly AuditEntry[]): Promise<string> {
  const { audit: _l, integrity: _i, ...config } = choice.config;
  return exportConfigText(audit.length > 0 ? { ...config, audit: { entries: [...audit] } } : config);
}
