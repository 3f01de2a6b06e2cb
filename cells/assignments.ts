/**
 * Which cluster each customer is in (the Strategic segment and the customers left out
 * included), in input order: what the export, the command and the tiers read. In a file of its
 * own so that the sections reading it and the export reading them import no cycle.
 */
import { cell, sampled } from '../src/runtime/index.ts';
import { STRATEGIC } from '../src/config/segmentation-config.ts';
import { table } from './data.ts';
import { prepared } from './prepare.ts';
import { clustering } from './cluster.ts';

export interface Assignments {
  readonly idColumn: string;
  readonly ids: readonly string[];
  /** Cluster per customer in input order (0-based); STRATEGIC (-2) for the Strategic segment; -1 when not clustered. */
  readonly labels: Int32Array;
}

// Hidden. Its table and preparation are sampled, so a read during a drag sees the released values.

export const assignments = cell({
  name: 'assignments',
  title: 'Assignments',
  hidden: true,
  inputs: { table: sampled(table), prepared: sampled(prepared), clustering },
  run: ({ table, prepared, clustering }): Assignments => {
    const labels = new Int32Array(table.rowCount).fill(-1);
    for (const row of prepared.isolatedRows) labels[row] = STRATEGIC;
    prepared.rows.forEach((row, i) => (labels[row] = clustering.labels[i]));
    return { idColumn: table.idColumn, ids: table.ids, labels };
  },
});
