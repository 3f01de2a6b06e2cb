/**
 * The segmentation config's zod schemas, section by section. Version 2 adds, after the
 * sections of version 1: assumptions, reference distributions, tier map, tiering, policies,
 * robustness, embedded assignments, the workshop decision log, integrity, approval and audit.
 * The published JSON Schema (`schema/segmentation-config.v2.schema.json`) is generated from `configV2Schema`.
 *
 * Every object is strict: a key this version does not know is an error that names it, never
 * silently dropped (a dropped key would escape `diff` while still counting for the hash).
 */
import { z } from '../data/zod.ts';
import { MISSING_POLICIES, OUTLIER_POLICIES, SCALINGS, TRANSFORMS } from '../analytics/prepare/preparation-spec.ts';
import { ALGORITHMS } from '../analytics/cluster/cluster.ts';
import { dataImportSpecSchema } from '../data/import-spec.ts';
import { auditEntrySchema, auditHeadSchema } from './audit-schema.ts';
import { tieringSpecSchema } from '../analytics/tiers/tiering-spec.ts';
import { policySpecSchema } from '../analytics/policy/policy-spec.ts';
import { robustnessSummarySchema } from '../analytics/stability/summary.ts';
import { decisionLogSchema } from './decision-schema.ts';

export const CONFIG_KIND = 'tierbook-segmentation-config';
/** The version this Tierbook writes. */
export const CONFIG_VERSION = 2;
/** Versions this Tierbook reads. */
export const READABLE_VERSIONS = [1, 2] as const;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const count = z.number().int().nonnegative();
export const sha256Ref = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected sha256:<64 hex digits>');
export const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits');

const featureParams = z.strictObject({
  name: z.string(),
  transform: z.enum(TRANSFORMS),
  scaling: z.enum(SCALINGS),
  weight: finite.describe('Feature weight; the scaled value is multiplied by sqrt(weight).'),
  center: finite.describe('Subtracted after transform and winsorizing, in transformed units.'),
  scale: finite.describe('Divisor in transformed units; 0 = constant feature, prepared value 0.'),
  lower: finite.nullable().describe('Lower outlier bound in transformed units; null when outliers are kept.'),
  upper: finite.nullable().describe('Upper outlier bound in transformed units; null when outliers are kept.'),
  impute: finite.nullable().describe('Replacement of a missing value in transformed units; null = such rows are left out.'),
});

/** The sections of version 1, all required (also in version 2). */
export const coreShape = {
  kind: z.literal(CONFIG_KIND),
  notebook: z.string().describe('The notebook that produced it.'),
  createdAt: z.string().describe('ISO 8601 time of export.'),
  tierbook: z.strictObject({ version: z.string() }),
  packages: z.record(z.string(), z.string()).describe('Exact versions of the packages that computed it.'),
  data: z.strictObject({
    source: z.string().describe('File name, or "sample" for the bundled data.'),
    rows: count,
    idColumn: z.string(),
    fingerprint: sha256Ref.describe('sha256:<hex> of the file bytes.'),
    kind: z.enum(['order-lines', 'customer-table']),
    import: dataImportSpecSchema.describe('Import options: kind, column mapping, quality rules, activity rates, level.'),
    quality: z
      .strictObject({
        inputRows: count,
        keptRows: count,
        repaired: z.record(z.string(), count),
        excluded: z.record(z.string(), count),
      })
      .optional()
      .describe('Row accounting of the quality rules (order lines only): kept + sum of excluded = input rows.'),
  }),
  inputs: z.record(z.string(), z.unknown()).describe('Every input value of the notebook.'),
  features: z.array(z.string()).min(1).describe('Features used, in matrix column order.'),
  preparation: z.strictObject({
    kind: z.literal('tierbook-preparation'),
    version: z.literal(1),
    outlierPolicy: z.enum(OUTLIER_POLICIES),
    missing: z.enum(MISSING_POLICIES),
    features: z.array(featureParams).min(1),
  }),
  model: z.strictObject({
    algorithm: z.enum(ALGORITHMS),
    method: z.string().describe('How it ran, e.g. Ward over k-means micro-clusters.'),
    k: z.number().int().min(1),
    seed: z.number().int(),
    restarts: z.number().int().min(1),
    centroids: z.array(z.array(finite)).min(1).describe('Cluster means in the prepared space, one row per cluster, in cluster-id order.'),
    inertia: finite,
    sizes: z.array(count),
    noise: count.describe('DBSCAN noise points (0 for the other algorithms).'),
    eps: finite.optional().describe('DBSCAN radius, DBSCAN only.'),
    minPoints: z.number().int().optional().describe('DBSCAN core size, DBSCAN only.'),
  }),
  strategic: z.array(z.string()).describe('Customer ids kept out of clustering as the fixed Strategic segment.'),
  pca: z.strictObject({ explainedVarianceRatio: z.array(finite) }),
  assignmentsHash: sha256Ref.describe('sha256:<hex> of assignments.csv as Tierbook writes it.'),
};

/** Names of the sections free-text assumptions can be attached to. */
export const ASSUMPTION_SECTIONS = ['general', 'data', 'features', 'preparation', 'model', 'tiers', 'policies', 'robustness', 'monitoring'] as const;

/** Distribution of one feature's raw value (before transform and scaling) over the reference customers. */
export const featureReferenceSchema = z.strictObject({
  name: z.string(),
  count: count.describe('Reference customers with a finite value.'),
  missing: count.describe('Reference customers without a value (left out of the distribution).'),
  percentiles: z
    .array(finite)
    .length(101)
    .describe('Inverse empirical CDF at 0%, 1%, ..., 100%: the smallest value with at least that share at or below it.'),
  edges: z.array(finite).max(9).describe('Distinct decile edges, ascending; a value equal to an edge falls in the lower bin.'),
  shares: z.array(finite).describe('Share of reference customers per bin: (-inf, e1], (e1, e2], ..., (e_last, +inf).'),
});

export const referenceSchema = z.strictObject({
  customers: count.describe('Customers of the reference table.'),
  features: z.array(featureReferenceSchema).min(1),
});

export const tierMapSchema = z.strictObject({
  order: z.array(z.string().min(1)).min(1).describe('Tier names, best first (upgrades move towards the start).'),
  clusters: z.array(z.string().min(1)).describe('Tier of each cluster, in cluster-id order (cluster 1 first).'),
  strategic: z.string().min(1).nullable().describe('Tier of the Strategic segment, or null when it has none.'),
});

export const assignmentsSchema = z.strictObject({
  idColumn: z.string(),
  ids: z.array(z.string()),
  clusters: z
    .array(z.union([z.number().int().min(1), z.literal('strategic'), z.null()]))
    .describe('Cluster per customer (1-based), "strategic", or null when not clustered.'),
});

export const integritySchema = z.strictObject({
  algorithm: z.literal('sha256'),
  content: hex64.describe('SHA-256 of the canonical JSON of the content (the document without integrity, approval and audit).'),
  sections: z.record(z.string(), hex64).describe('SHA-256 of each section of the content, to name what changed.'),
  audit: auditHeadSchema.describe('The audit log when exported: entry count and hash of the last entry.'),
});

export const publicKeySchema = z.strictObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().min(1),
  y: z.string().min(1),
  ext: z.boolean().optional(),
  key_ops: z.array(z.string()).optional(),
});

export const approvalSchema = z.strictObject({
  algorithm: z.literal('ECDSA-P256-SHA256'),
  approver: z.strictObject({ name: z.string().min(1), role: z.string().min(1) }),
  date: z.string().describe('ISO 8601 time of approval.'),
  comment: z.string(),
  contentHash: hex64.describe('Integrity content hash of what was approved.'),
  sections: z.record(z.string(), hex64).describe('Section hashes of what was approved.'),
  audit: auditHeadSchema.describe('The audit log at approval.'),
  publicKey: publicKeySchema.describe('The approver key (JWK); the private key stays in the browser that signed.'),
  signature: z.string().describe('Base64 ECDSA P-256 / SHA-256 signature (r || s) of the canonical approval without this field.'),
});

/** The sections version 2 adds; all optional (a config without them is still complete). */
export const v2Shape = {
  assumptions: z.partialRecord(z.enum(ASSUMPTION_SECTIONS), z.string()).optional().describe('Free-text assumptions per section.'),
  reference: referenceSchema.optional().describe('Raw-value distribution of every feature over the reference customers, for drift.'),
  tierMap: tierMapSchema.optional().describe('The frozen cluster-to-tier map applied by apply and the SQL view.'),
  tiering: tieringSpecSchema.optional().describe('How clusters became tiers (the tiering spec of src/analytics/tiers).'),
  policies: policySpecSchema.optional().describe('Service policy per tier (the policy spec of src/analytics/policy).'),
  robustness: robustnessSummarySchema.optional().describe('Robustness summary (src/analytics/stability/summary.ts), when it has run.'),
  assignments: assignmentsSchema.optional().describe('The assignments themselves, when embedded.'),
  decisions: z
    .strictObject({ entries: decisionLogSchema })
    .optional()
    .describe('Workshop decision log: decisions and open questions per notebook section, with their time.'),
  integrity: integritySchema.optional(),
  approval: approvalSchema.optional(),
  audit: z.strictObject({ entries: z.array(auditEntrySchema) }).optional().describe('Hash-chained audit log.'),
};

export const configV1Schema = z.strictObject({ ...coreShape, version: z.literal(1) });

export const configV2Schema = z
  .strictObject({ ...coreShape, version: z.literal(2), ...v2Shape })
  .meta({
    title: 'Tierbook segmentation config, version 2',
    description: 'An exported customer segmentation: inputs, fitted preparation, model, tiers, approval and audit log.',
  });

type V2 = z.infer<typeof configV2Schema>;
/** A loaded config of either version (a version-1 document has none of the version-2 sections). */
export type SegmentationConfig = Omit<V2, 'version'> & { version: 1 | 2 };
export type FeatureReference = z.infer<typeof featureReferenceSchema>;
export type ReferenceSection = z.infer<typeof referenceSchema>;
export type TierMap = z.infer<typeof tierMapSchema>;
export type Integrity = z.infer<typeof integritySchema>;
export type Approval = z.infer<typeof approvalSchema>;
export type EmbeddedAssignments = z.infer<typeof assignmentsSchema>;

/** Top-level keys every config must have. */
export const REQUIRED_SECTIONS = Object.keys({ ...coreShape, version: null });
/** Top-level keys outside the content hash: they describe the content rather than being part of it. */
export const ENVELOPE_SECTIONS = ['integrity', 'approval', 'audit'] as const;
