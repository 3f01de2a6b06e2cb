/**
 * Does the data supplied with a config give back its assignments? The customers are read with
 * the config's import options (the caller does that: a worker in the app, the command in Node)
 * and scored with the frozen config (`applyConfig`: nothing refitted); the assignments hash is
 * compared with the one the config records, and with its embedded assignments customer by
 * customer. On the file a k-means config was built from, they reproduce exactly.
 */
import { applyConfig, type ScoringTable } from '../apply-config.ts';
import { assignmentLabels } from '../assignments-file.ts';
import type { SegmentationConfig } from '../config-schema.ts';
import { hashAssignments } from '../segmentation-config.ts';

/** Whether the data supplied with the config gives back its assignments. */
export interface Reproduction {
  /** The data file's name. */
  readonly fileName: string;
  /** `sha256:<hex>` of the file. */
  readonly fingerprint: string;
  readonly fingerprintMatches: boolean;
  readonly customers: number;
  /** The assignments hash equals the config's; null when the config cannot be replayed (DBSCAN). */
  readonly reproduced: boolean | null;
  /** Customers whose cluster differs from the embedded assignments; null without embedded assignments. */
  readonly differing: number | null;
  /** What happened on the way (Ward by nearest mean, missing values, why it could not be checked). */
  readonly notes: readonly string[];
}

function differingFrom(config: SegmentationConfig, table: ScoringTable, labels: Int32Array): number | null {
  if (!config.assignments) return null;
  const embedded = assignmentLabels(config.assignments);
  const row = new Map(config.assignments.ids.map((id, i) => [id, i]));
  let differing = 0;
  table.ids.forEach((id, i) => {
    const j = row.get(id);
    if (j === undefined || embedded[j] !== labels[i]) differing++;
  });
  return differing + Math.max(0, config.assignments.ids.length - table.ids.length);
}

/** Scores `table` (read with the config's import options) and compares with what the config records. */
export async function checkReproduction(
  config: SegmentationConfig,
  table: ScoringTable,
  file: { readonly name: string; readonly fingerprint: string },
): Promise<Reproduction> {
  const base = {
    fileName: file.name,
    fingerprint: file.fingerprint,
    fingerprintMatches: file.fingerprint === config.data.fingerprint,
    customers: table.ids.length,
  };
  let scored;
  try {
    scored = applyConfig(config, table);
  } catch (error) {
    return {
      ...base,
      reproduced: null,
      differing: null,
      notes: [error instanceof Error ? error.message : String(error)],
    };
  }
  const reproduced = (await hashAssignments(table.ids, scored.labels)) === config.assignmentsHash;
  return {
    ...base,
    reproduced,
    differing: differingFrom(config, table, scored.labels),
    notes: scored.issues.map((i) => i.message),
  };
}
