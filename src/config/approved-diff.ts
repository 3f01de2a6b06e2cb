/**
 * The current segmentation against the last approved version, in the app: what changed
 * (`diffConfigs`) and which customers moved. The approved assignments are not kept in the
 * browser (they can be large); they are recomputed by applying the approved config, frozen, to
 * the current customer table. On the data it was approved on, a k-means config gives back its
 * assignments exactly (checked against its assignments hash); on new data this is where the
 * approved segmentation puts each customer, which is what a move means for the business.
 */
import { applyConfig, type ScoringTable } from './apply-config.ts';
import { embedAssignments } from './assignments-file.ts';
import { diffConfigs, type ConfigDiff } from './config-diff.ts';
import type { EmbeddedAssignments, SegmentationConfig } from './config-schema.ts';
import { hashAssignments } from './segmentation-config.ts';

export interface ApprovedDiff extends ConfigDiff {
  /** When the approval was given and by whom, for the heading. */
  readonly approvedBy: string;
}

/** Sections computed only on request: not a change when the notebook has not run them again. */
const ON_DEMAND = ['robustness'];

export async function diffAgainstApproved(
  approved: SegmentationConfig,
  current: SegmentationConfig,
  table: ScoringTable,
  assignments: EmbeddedAssignments,
): Promise<ApprovedDiff> {
  const notes: string[] = [];
  let old: EmbeddedAssignments | undefined;
  try {
    const scored = applyConfig(approved, table);
    old = embedAssignments(scored.idColumn, scored.ids, scored.labels);
    const sameData = approved.data.fingerprint === current.data.fingerprint;
    if (!sameData) notes.push(`moved customers: the approved config applied, frozen, to this data (${current.data.source}); it was approved on ${approved.data.source}`);
    else if ((await hashAssignments(scored.ids, scored.labels)) !== approved.assignmentsHash) {
      notes.push('moved customers: the approved assignments were recomputed by nearest cluster mean and differ from the ones approved near cluster boundaries (a Ward config)');
    }
  } catch (error) {
    notes.push(`moved customers not shown: ${error instanceof Error ? error.message : String(error)}`);
  }
  const ignore = ON_DEMAND.filter((s) => !Object.hasOwn(current, s));
  const diff = diffConfigs(approved, current, { old, new: assignments }, { ignore });
  const a = approved.approval;
  return {
    ...diff,
    notes: [...diff.notes.filter((n) => !n.startsWith('approval:')), ...notes],
    approvedBy: a ? `${a.approver.name} (${a.approver.role}) on ${a.date.slice(0, 10)} at ${a.date.slice(11, 16)} UTC` : 'nobody',
  };
}
