import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_SCHEMA_ID, configJsonSchema, configJsonSchemaText } from '../../src/config/config-json-schema.ts';
import { REQUIRED_SECTIONS } from '../../src/config/config-schema.ts';

const FILE = join(import.meta.dirname, '../../schema/segmentation-config.v2.schema.json');

describe('published JSON Schema of config version 2', () => {
  it('is the one generated from the zod schema (UPDATE_SCHEMA=1 rewrites it after a deliberate change)', async () => {
    const generated = configJsonSchemaText();
    if (process.env.UPDATE_SCHEMA === '1') await writeFile(FILE, generated);
    const committed = await readFile(FILE, 'utf8');
    if (committed !== generated) await writeFile(`${FILE.replace(/\.json$/, '')}-changed.json`, generated);
    expect(committed, 'schema/segmentation-config.v2.schema.json is out of date: review the -changed.json beside it, then rerun with UPDATE_SCHEMA=1').toBe(generated);
  });

  it('requires the version 1 sections, pins version 2 and refuses unknown keys', () => {
    const s = configJsonSchema() as { $id: string; required: string[]; properties: Record<string, { const?: unknown }>; additionalProperties: boolean };
    expect(s.$id).toBe(CONFIG_SCHEMA_ID);
    expect([...s.required].sort()).toEqual([...REQUIRED_SECTIONS].sort());
    expect(s.properties.version.const).toBe(2);
    expect(s.additionalProperties).toBe(false);
    for (const section of ['assumptions', 'reference', 'tierMap', 'tiering', 'policies', 'robustness', 'assignments', 'decisions', 'integrity', 'approval', 'audit']) {
      expect(s.properties[section], section).toBeDefined();
      expect(s.required).not.toContain(section);
    }
  });
});
