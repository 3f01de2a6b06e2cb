/** A small but complete version 2 config built with the real preparation and clustering, for config tests. */
import { prepare } from '../../src/analytics/prepare/prepare.ts';
import { cluster } from '../../src/analytics/cluster/cluster.ts';
import { toRows } from '../../src/analytics/matrix.ts';
import { CONFIG_KIND, STRATEGIC, hashAssignments, loadConfig, type SegmentationConfig } from '../../src/config/segmentation-config.ts';
import { referenceDistributions } from '../../src/config/reference-distributions.ts';
import { appendAudit } from '../../src/config/audit.ts';
import type { AuditEntry } from '../../src/config/audit-schema.ts';

/** 16 customers in three clear groups, one Strategic account, one with a missing value. */
export const TABLE = {
  idColumn: 'customer_id',
  ids: Array.from({ length: 16 }, (_, i) => `C${String(i + 1).padStart(3, '0')}`),
  columns: {
    revenue: Float64Array.from([100, 120, 110, 90, 5000, 5200, 4800, 5100, 900, 1000, 950, 1100, 80000, 105, 4900, NaN]),
    cts_pct: Float64Array.from([40, 38, 42, 41, 8, 9, 7, 10, 20, 22, 19, 21, 5, 39, 8.5, 20]),
    returns_rate: Float64Array.from([0.05, 0.04, 0.06, 0.05, 0.01, 0.02, 0.01, 0.015, 0.03, 0.03, 0.025, 0.035, 0, 0.05, 0.012, 0.03]),
    /** Not clustered on: for downgrade impact. */
    gross_margin: Float64Array.from([20, 25, 22, 18, 1000, 1040, 960, 1020, 180, 200, 190, 220, 16000, 21, 980, NaN]),
  },
  categorical: {
    region: ['N', 'N', 'S', 'S', 'N', 'N', 'S', 'S', 'N', 'S', 'N', 'S', 'N', 'S', 'N', 'S'],
    channel: ['EDI', 'EDI', 'EDI', 'EDI', 'EDI', 'EDI', 'EDI', 'EDI', 'EDI', 'EDI', 'EDI', 'EDI', 'EDI', 'phone', 'phone', 'phone'],
  },
};

export const FEATURES = ['revenue', 'cts_pct', 'returns_rate'];
const FINGERPRINT = `sha256:${'ab'.repeat(32)}`;

/** The unsealed draft, as the notebook's config cell would build it. */
export async function draftConfig(): Promise<SegmentationConfig> {
  const strategicRows = [12];
  const p = prepare(TABLE.columns, { features: FEATURES, transform: 'log1p', scaling: 'zscore', weights: { cts_pct: 2 }, isolateRows: strategicRows });
  const c = cluster(p.matrix, { algorithm: 'kmeans', k: 3, seed: 7, restarts: 4 });
  const labels = new Int32Array(TABLE.ids.length).fill(-1);
  for (const r of strategicRows) labels[r] = STRATEGIC;
  p.rows.forEach((row, i) => (labels[row] = c.labels[i]));
  const audit: AuditEntry[] = await [
    { time: '2025-01-06T09:00:00.000Z', kind: 'import' as const, details: { source: 'customers.csv', fingerprint: FINGERPRINT } },
    { time: '2025-01-06T09:05:00.000Z', kind: 'input-change' as const, details: { input: 'k', old: 4, new: 3 } },
    { time: '2025-01-06T09:06:00.000Z', kind: 'tier-rename' as const, details: { cluster: 1, old: 'Tier 1', new: 'Gold' } },
  ].reduce(async (log, draft) => appendAudit(await log, draft), Promise.resolve([] as AuditEntry[]));
  return loadConfig({
    kind: CONFIG_KIND,
    version: 2,
    notebook: 'segmentation',
    createdAt: '2025-01-06T10:00:00.000Z',
    tierbook: { version: '0.2.0' },
    packages: { 'ml-kmeans': '7.0.1' },
    data: { source: 'customers.csv', rows: TABLE.ids.length, idColumn: 'customer_id', fingerprint: FINGERPRINT, kind: 'customer-table', import: { kind: 'customer-table' } },
    inputs: { k: 3, seed: 7, scaling: 'zscore', transform: 'log1p', weights: { cts_pct: 2 }, strategic: 'C013', features: FEATURES },
    features: FEATURES,
    preparation: p.params,
    model: {
      algorithm: 'kmeans',
      method: c.method,
      k: c.k,
      seed: 7,
      restarts: 4,
      centroids: toRows(c.centroids),
      inertia: c.inertia,
      sizes: c.sizes,
      noise: 0,
    },
    strategic: ['C013'],
    pca: { explainedVarianceRatio: [0.9, 0.08, 0.02] },
    assignmentsHash: await hashAssignments(TABLE.ids, labels),
    assumptions: { general: 'Prices as of 2024.', model: 'Three tiers are enough for the pilot.' },
    reference: referenceDistributions(TABLE.columns, FEATURES),
    tierMap: { order: ['Strategic', 'Gold', 'Silver', 'Bronze'], clusters: ['Bronze', 'Gold', 'Silver'], strategic: 'Strategic' },
    tiering: { method: 'clusters', clusters: { measure: 'net_profit', names: ['Gold', 'Silver', 'Bronze'], strategicTier: 'Strategic' } },
    policies: { tiers: { Gold: { leadTimeDays: 2, serviceLevel: 0.98 }, Bronze: { leadTimeDays: 5, serviceLevel: 0.9 } }, carryingRate: 0.25 },
    robustness: {
      kind: 'tierbook-robustness',
      version: 1,
      cluster: { algorithm: 'kmeans', k: 3, seed: 7, restarts: 4, eps: 0.5, minPoints: 5 },
      bootstrap: {
        replicates: 100,
        seed: 0,
        method: 'best of 4 k-means++ starts',
        clusters: [
          { cluster: 0, size: 5, meanJaccard: 0.95, dissolved: 0, recovered: 98, band: 'highly-stable' },
          { cluster: 1, size: 5, meanJaccard: 0.9, dissolved: 1, recovered: 95, band: 'highly-stable' },
          { cluster: 2, size: 4, meanJaccard: 0.8, dissolved: 3, recovered: 80, band: 'stable' },
        ],
        noise: null,
      },
      sensitivity: null,
      dropOne: null,
      holdout: null,
      monteCarlo: null,
      periods: null,
    },
    assignments: {
      idColumn: 'customer_id',
      ids: TABLE.ids,
      clusters: Array.from(labels, (l) => (l === STRATEGIC ? 'strategic' : l < 0 ? null : l + 1)),
    },
    audit: { entries: audit },
  });
}

/** Labels as the fixture's clustering gave them (for apply tests). */
export async function fixtureLabels(): Promise<Int32Array> {
  const c = await draftConfig();
  return Int32Array.from(c.assignments?.clusters ?? [], (x) => (x === 'strategic' ? STRATEGIC : x === null ? -1 : x - 1));
}
