import { describe, expect, it } from 'vitest';
import { importSpec, rulesOff, idColumn, keepNumeric } from '../../cells/data.ts';
import { createEngine, type Notebook } from '../../src/runtime/index.ts';
import type { DataImportSpec } from '../../src/data/import-spec.ts';

const notebook: Notebook = { id: 'import-options', title: 'Import options', items: [importSpec] };

async function specFor(initial: Record<string, unknown>): Promise<DataImportSpec> {
  const engine = createEngine(notebook, { live: false, initial });
  try {
    return await engine.value(importSpec);
  } finally {
    engine.dispose();
  }
}

describe('import options', () => {
  it('lists the rules switched off, so a rule a later release adds is on for settings saved before it', async () => {
    expect(rulesOff.defaultValue).toEqual([]);
    expect((await specFor({})).quality?.disabled).toEqual([]);
    expect((await specFor({ rulesOff: ['exact-duplicates'] })).quality?.disabled).toEqual(['exact-duplicates']);
  });

  it('8.11 and 8.12: passes the id column (a name or "row") and the code columns kept numeric to the data layer', async () => {
    expect(idColumn.defaultValue).toBe('');
    expect(keepNumeric.defaultValue).toBe('');
    const spec = await specFor({ idColumn: 'row', keepNumeric: ' Channel, Region ,' });
    expect(spec.idColumn).toBe('row');
    expect(spec.keepNumeric).toEqual(['Channel', 'Region']);
    const plain = await specFor({});
    expect('idColumn' in plain || 'keepNumeric' in plain).toBe(false);
  });
});
