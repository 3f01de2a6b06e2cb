/**
 * `tiers.csv`: one row per customer with its cluster (1-based like assignments.csv, `strategic`
 * for the Strategic accounts, empty when not clustered), the tier carried forward, the ABC and
 * XYZ classes and the RFM code. Written through the one CSV cell writer.
 */
import { csvDocument, csvText } from '../../data/csv-write.ts';

export const TIERS_COLUMNS = ['customer_id', 'cluster', 'tier', 'abc', 'xyz', 'rfm'] as const;

export interface TiersCsvInput {
  readonly ids: readonly string[];
  /** Canonical cluster per customer (0-based; negative = not clustered). */
  readonly cluster: ArrayLike<number>;
  /** Strategic accounts (written `strategic` in the cluster column). */
  readonly strategic: ArrayLike<boolean>;
  /** Tier name per customer ('' without a tier). */
  readonly tier: readonly string[];
  readonly abc: readonly string[];
  readonly xyz: readonly string[];
  readonly rfm: readonly string[];
}

export function tiersCsv(t: TiersCsvInput): string {
  const n = t.ids.length;
  for (const [name, a] of [['cluster', t.cluster], ['strategic', t.strategic], ['tier', t.tier], ['abc', t.abc], ['xyz', t.xyz], ['rfm', t.rfm]] as const) {
    if (a.length !== n) throw new Error(`invalid tiers table: ${n} ids but ${a.length} ${name} values`);
  }
  const rows = t.ids.map((id, i) => {
    const c = t.cluster[i];
    const cluster = t.strategic[i] ? 'strategic' : c >= 0 ? String(c + 1) : '';
    return [csvText(id), cluster, csvText(t.tier[i]), csvText(t.abc[i]), csvText(t.xyz[i]), csvText(t.rfm[i])];
  });
  return csvDocument(TIERS_COLUMNS, rows);
}
