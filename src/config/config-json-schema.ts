/**
 * The published JSON Schema of config version 2, generated from the zod schema (the single
 * source): `schema/segmentation-config.v2.schema.json` holds its output and a test keeps the two
 * equal. Rules zod checks in code (finite numbers, relations between sections such as one
 * centroid value per feature) are not expressible there and are checked by `readConfig`.
 */
import { z } from '../data/zod.ts';
import { configV2Schema } from './config-schema.ts';

export const CONFIG_SCHEMA_ID = 'urn:tierbook:segmentation-config:2';

export function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configV2Schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: CONFIG_SCHEMA_ID, ...rest };
}

/** The schema file's text: two-space JSON and a final newline. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
