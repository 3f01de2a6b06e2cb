import { z } from '../data/zod.ts';
import { canonicalJson, sha256 } from './hash.ts';
import { dataImportSpecSchema } from '../data/import-spec.ts';
import { csvDocument, csvNumber, csvText } from '../data/csv-write.ts';

export const CONFIG_KIND = 'tierbook-segmentation-config';
export const CONFIG_VERSION = 1;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

const featureParams = z.object({
  name: z.string(),
  transform: z.enum(['none', 'log1p']),
  scaling: z.enum(['zscore', 'minmax', 'robust', 'none']),
  weight: finite,
  center: finite,
  scale: finite,
  lower: finite.nullable(),
  upper: finite.nullable(),
  impute: finite.nullable(),
});

/** The exported segmentation: everything needed to review it and to reproduce its assignments. */
export const segmentationConfigSchema = z.object({
  kind: z.literal(CONFIG_KIND),
  version: z.literal(CONFIG_VERSION),
  /** The notebook that produced it. */
  notebook: z.string(),
  /** ISO 8601 time of export. */
  createdAt: z.string(),
  tierbook: z.object({ version: z.string() }),
  /** Exact versions of the packages that computed it. */
  packages: z.record(z.string(), z.string()),
  data: z.object({
    /** File name, or "sample" for the bundled data. */
    source: z.string(),
    rows: z.number().int().nonnegative(),
    idColumn: z.string(),
    /** `sha256:<hex>` of the file bytes. */
    fingerprint: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    kind: z.enum(['order-lines', 'customer-table']),
    /** Import options: kind, column mapping, quality-rule switches, activity rates, level. */
    import: dataImportSpecSchema,
    /** Row accounting of the quality rules (order lines only): kept + Σ excluded = input rows. */
    quality: z
      .object({
        inputRows: z.number().int().nonnegative(),
        keptRows: z.number().int().nonnegative(),
        repaired: z.record(z.string(), z.number().int().nonnegative()),
        excluded: z.record(z.string(), z.number().int().nonnegative()),
      })
      .optional(),
  }),
  /** Every input value of the notebook (what the sliders and selects were set to). */
  inputs: z.record(z.string(), z.unknown()),
  /** Features used, in matrix column order. */
  features: z.array(z.string()).min(1),
  /** Fitted preparation: transform, scaling parameters and weights per feature. */
  preparation: z.object({
    kind: z.literal('tierbook-preparation'),
    version: z.literal(1),
    outlierPolicy: z.enum(['keep', 'winsorize', 'exclude']),
    missing: z.enum(['exclude', 'median']),
    features: z.array(featureParams).min(1),
  }),
  model: z.object({
    algorithm: z.enum(['kmeans', 'ward', 'dbscan']),
    /** How it ran, e.g. Ward over k-means micro-clusters. */
    method: z.string(),
    k: z.number().int().min(1),
    seed: z.number().int(),
    restarts: z.number().int().min(1),
    /** Centroids in the prepared (scaled and weighted) space, one row per cluster. */
    centroids: z.array(z.array(finite)).min(1),
    inertia: finite,
    sizes: z.array(z.number().int().nonnegative()),
    /** DBSCAN noise points (0 for the other algorithms). */
    noise: z.number().int().nonnegative(),
    /** DBSCAN parameters, present only for DBSCAN. */
    eps: finite.optional(),
    minPoints: z.number().int().optional(),
  }),
  /** Customer ids kept out of clustering as the fixed Strategic segment. */
  strategic: z.array(z.string()),
  pca: z.object({ explainedVarianceRatio: z.array(finite) }),
  /** `sha256:<hex>` of the assignments (id,cluster lines), to detect a different result on import. */
  assignmentsHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
});

export type SegmentationConfig = z.infer<typeof segmentationConfigSchema>;

/** Reads a config document; throws `invalid config: <where>: <what>` for anything malformed. */
export function loadConfig(document: unknown): SegmentationConfig {
  if (typeof document === 'object' && document !== null) {
    const { kind, version } = document as { kind?: unknown; version?: unknown };
    if (kind !== CONFIG_KIND) {
      throw new Error(`invalid config: kind is ${JSON.stringify(kind)} (expected "${CONFIG_KIND}"); is this a Tierbook export?`);
    }
    if (typeof version === 'number' && version > CONFIG_VERSION) {
      throw new Error(`invalid config: version ${version} is newer than this Tierbook reads (${CONFIG_VERSION}); update Tierbook`);
    }
  }
  const parsed = segmentationConfigSchema.safeParse(document);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first.path.length > 0 ? first.path.join('.') : 'document';
    throw new Error(`invalid config: ${where}: ${first.message}`);
  }
  const config = parsed.data;
  if (config.model.centroids.some((c) => c.length !== config.features.length)) {
    throw new Error(`invalid config: model.centroids: each centroid needs ${config.features.length} values, one per feature`);
  }
  return config;
}

/** Parses the text of a config file, naming the file in every error. */
export function parseConfigText(text: string, fileName: string): SegmentationConfig {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileName}: not JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  try {
    return loadConfig(document);
  } catch (error) {
    throw new Error(`${fileName}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Pretty JSON with sorted keys, so two exports of the same segmentation diff cleanly. */
export function configToJson(config: SegmentationConfig): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(config)), null, 2)}\n`;
}

/** Label of a customer in the fixed Strategic segment. */
export const STRATEGIC = -2;

/**
 * The assignments as CSV text, in input order: `customer_id,cluster` with clusters numbered
 * from 1, `strategic` for the Strategic segment, and an empty cell for customers not clustered
 * (excluded outliers, missing values, DBSCAN noise).
 */
export function assignmentsCsv(ids: readonly string[], labels: ArrayLike<number>, idColumn = 'customer_id'): string {
  const rows: string[][] = [];
  for (let i = 0; i < ids.length; i++) {
    const label = labels[i];
    rows.push([csvText(ids[i]), label === STRATEGIC ? csvText('strategic') : label < 0 ? '' : csvNumber(label + 1)]);
  }
  return csvDocument([idColumn, 'cluster'], rows);
}

export async function hashAssignments(ids: readonly string[], labels: ArrayLike<number>): Promise<string> {
  return `sha256:${await sha256(assignmentsCsv(ids, labels))}`;
}
