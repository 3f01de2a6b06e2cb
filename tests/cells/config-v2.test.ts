import { describe, expect, it } from 'vitest';
import { assumptions, config } from '../../cells/export.ts';
import { verifyConfig } from '../../src/config/verify.ts';
import { exportConfigText } from '../../src/config/config-json.ts';
import { queryFromInputs, inputsFromQuery, collectNodes, type InputNode } from '../../src/runtime/index.ts';
import { segmentation } from '../../notebooks/segmentation.ts';
import { openBlobs } from './fixtures.ts';

describe('the config cell fills version 2', () => {
  it('records the raw-value distribution of every feature and the assumptions given, per section', async () => {
    const engine = openBlobs({ k: 3 });
    engine.setInput(assumptions.model, '  k = 3: the business runs three service tiers.  ');
    engine.setInput(assumptions.data, 'ERP extract, 2024.');
    const c = await engine.value(config);
    expect(c.version).toBe(2);
    expect(c.reference?.customers).toBe(150);
    expect(c.reference?.features.map((f) => f.name)).toEqual(['a', 'b', 'c', 'd']);
    for (const f of c.reference?.features ?? []) {
      expect(f.count + f.missing).toBe(150);
      expect(f.shares.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
      expect(f.percentiles).toHaveLength(101);
    }
    // trimmed, and empty sections left out
    expect(c.assumptions).toEqual({ data: 'ERP extract, 2024.', model: 'k = 3: the business runs three service tiers.' });
    // what an export writes is an intact draft
    expect((await verifyConfig(JSON.parse(await exportConfigText(c)))).verdict).toBe('draft');
    engine.dispose();
  });

  it('has no assumptions section when none is written, and the texts travel as settings (links, --set)', async () => {
    const engine = openBlobs({ k: 3 });
    expect((await engine.value(config)).assumptions).toBeUndefined();
    engine.dispose();
    const inputs = collectNodes(segmentation).filter((n): n is InputNode<unknown> => n.kind === 'input');
    const query = queryFromInputs(inputs, { assumptionsData: 'Pilot for EU & UK' });
    expect(inputsFromQuery(inputs, `?${query}`).values).toMatchObject({ assumptionsData: 'Pilot for EU & UK' });
  });
});
