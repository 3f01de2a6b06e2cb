/**
 * Everything a user can choose when importing data, as one spec that goes into the exported
 * config, with its zod schema for validating configs at the boundary.
 */
import { z } from './zod.ts';
import { CANONICAL_FIELDS } from './map/canonical-fields.ts';
import type { MappingSpec } from './map/column-mapping.ts';
import type { ColumnType } from './read/columns.ts';
import type { DateOrder } from './read/date-parse.ts';
import type { FeatureSpec } from './features/feature-options.ts';
import type { InputKind } from './map/input-kind.ts';
import type { DecimalSeparator } from './read/number-parse.ts';
import { NON_PRODUCT_BUCKETS, QUALITY_RULES, type QualitySpec } from './quality/quality-options.ts';

export interface DataImportSpec {
  /** Force the input kind; default: detected. */
  kind?: InputKind;
  /** Customer tables: the id column, or `row` to number the rows 1, 2, … as ids; default: detected, else the rows are numbered. */
  idColumn?: string;
  /**
   * Customer tables: whole-number columns with few distinct values (codes such as Channel or
   * Region) to keep as numeric features; default none, such columns are read as categories.
   */
  keepNumeric?: string[];
  delimiter?: string;
  decimal?: DecimalSeparator;
  dateOrder?: DateOrder;
  /** Column types that override inference. */
  types?: Record<string, ColumnType>;
  /** Order lines: mapping overrides. */
  mapping?: MappingSpec;
  /** Order lines: quality-rule switches and parameters. */
  quality?: QualitySpec;
  /** Order lines: feature options (rates, level, ABC/XYZ limits). */
  features?: FeatureSpec;
}

const fieldEnum = z.enum(CANONICAL_FIELDS);

export const qualitySpecSchema = z
  .object({
    disabled: z.array(z.enum(QUALITY_RULES)).optional(),
    customerId: z.object({ trim: z.boolean().optional(), upperCase: z.boolean().optional(), repad: z.boolean().optional() }).strict().optional(),
    dates: z
      .object({ minYear: z.number().int().optional(), maxYear: z.number().int().optional(), asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').optional() })
      .strict()
      .optional(),
    returns: z.object({ cancellationPrefix: z.string().optional() }).strict().optional(),
    nonProduct: z.partialRecord(z.enum(NON_PRODUCT_BUCKETS), z.array(z.string())).optional(),
    shipping: z.object({ minGroupSize: z.number().int().min(1).optional(), qtyBands: z.array(z.number().nonnegative()).optional() }).strict().optional(),
  })
  .strict();

export const featureSpecSchema = z
  .object({
    rates: z.object({ order: z.number().nonnegative().optional(), line: z.number().nonnegative().optional(), returnLine: z.number().nonnegative().optional() }).strict().optional(),
    level: z.enum(['customer', 'parent']).optional(),
    abcShares: z.tuple([z.number(), z.number()]).optional(),
    abcBasis: z.enum(['gross_margin', 'revenue']).optional(),
    xyzLimits: z.tuple([z.number(), z.number()]).optional(),
  })
  .strict();

export const mappingSpecSchema = z.partialRecord(fieldEnum, z.string().nullable());

export const dataImportSpecSchema = z
  .object({
    kind: z.enum(['order-lines', 'customer-table']).optional(),
    idColumn: z.string().optional(),
    keepNumeric: z.array(z.string()).optional(),
    delimiter: z.string().length(1).optional(),
    decimal: z.enum(['.', ',']).optional(),
    dateOrder: z.enum(['dmy', 'mdy']).optional(),
    types: z.record(z.string(), z.enum(['number', 'text', 'date'])).optional(),
    mapping: mappingSpecSchema.optional(),
    quality: qualitySpecSchema.optional(),
    features: featureSpecSchema.optional(),
  })
  .strict();

/** Validates an import spec from a config or URL; throws with zod's reasons. */
export function parseDataImportSpec(input: unknown): DataImportSpec {
  const r = dataImportSpecSchema.safeParse(input);
  if (!r.success) throw new Error(`invalid data import options: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return r.data as DataImportSpec;
}
