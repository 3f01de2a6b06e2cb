import { beforeAll, describe, expect, it } from 'vitest';
import { ActionError } from '../../src/runtime/index.ts';
import { configToJson, type SegmentationConfig } from '../../src/config/segmentation-config.ts';
import { config } from '../../cells/export.ts';
import { importConfig, reference, referenceCheck } from '../../cells/reference.ts';
import { features } from '../../cells/prepare.ts';
import { k } from '../../cells/cluster.ts';
import { openBlobs } from './fixtures.ts';
import { idle } from '../runtime/helpers.ts';

let exported: SegmentationConfig;
beforeAll(async () => {
  const engine = openBlobs({ k: 3, weights: { b: 2 }, scaling: 'robust' });
  exported = await engine.value(config);
  engine.dispose();
});

const text = (change: (c: Record<string, unknown> & SegmentationConfig) => void = () => {}) => {
  const copy = structuredClone(exported) as Record<string, unknown> & SegmentationConfig;
  change(copy);
  return JSON.stringify(copy);
};

describe('Import config (an engine action)', () => {
  it('applies every setting at once, keeps the config as the reference and finds it reproduced', async () => {
    const engine = openBlobs();
    const result = await engine.act(importConfig, { text: configToJson(exported), fileName: 'seg.json' });
    expect(result.changed).toEqual(expect.arrayContaining(['scaling', 'weights', 'k', 'reference']));
    expect(engine.inputValues()).toMatchObject({ k: 3, scaling: 'robust', weights: { b: 2 } });
    expect(engine.getInput(reference)?.fileName).toBe('seg.json');
    const checked = await engine.value(referenceCheck);
    expect(checked?.check.reproduced).toBe(true);
    // A setting changed afterwards leaves the check visible, marked with what changed.
    engine.setInput(k, 4);
    await idle(engine);
    expect(engine.state(referenceCheck).stale?.changes).toEqual([{ input: 'k', title: 'Number of clusters (k)', before: '3', after: '4' }]);
    engine.dispose();
  });

  it('reset is an action too: it forgets the reference, and the check says what changed', async () => {
    const engine = openBlobs();
    await engine.act(importConfig, { text: configToJson(exported), fileName: 'seg.json' });
    const result = await engine.reset();
    expect(result.changed).toEqual(expect.arrayContaining(['k', 'reference']));
    expect(engine.getInput(reference)).toBeNull();
    await idle(engine);
    expect(engine.state(referenceCheck).stale?.changes).toEqual(
      expect.arrayContaining([{ input: 'reference', title: 'Imported config', before: 'seg.json', after: '(none)' }]),
    );
    engine.dispose();
  });

  it('issue 8 point 2: a crafted config with "host": {} is imported without ever applying it', async () => {
    const engine = openBlobs();
    const result = await engine.act(importConfig, { text: text((c) => (c.inputs.host = {})), fileName: 'crafted.json' });
    expect(result.notes).toContain('Not settings of this notebook, so not applied: "host".');
    expect((await engine.value(config)).model.k).toBe(3); // the session still works
    const checked = await engine.value(referenceCheck);
    expect(checked?.check.differences.map((d) => d.part)).toEqual(['inputs.host']);
    engine.dispose();
  });

  it('issue 8 point 2: a config with one bad value changes nothing (validated completely first)', async () => {
    const engine = openBlobs();
    await engine.value(config);
    const before = engine.inputValues();
    const bad = text((c) => {
      c.inputs.features = ['a', 'b'];
      c.inputs.strategic = 'C1,C2';
      c.inputs.columnMap = 'nope=CustomerID';
    });
    const error = await engine.act(importConfig, { text: bad, fileName: 'bad.json' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as Error).message).toMatch(/^Import config: invalid mapping field: "nope"/);
    expect(engine.inputValues()).toEqual(before);
    expect(engine.getInput(features)).toEqual(['a', 'b', 'c', 'd']);
    expect(engine.getInput(reference)).toBeNull();
    engine.dispose();
  });

  it('issue 8 point 4: refuses a fraction for a whole-number setting in a config', async () => {
    const engine = openBlobs();
    const error = await engine.act(importConfig, { text: text((c) => (c.inputs.k = 2.5)), fileName: 'k.json' }).catch((e: unknown) => e);
    expect((error as ActionError).problems).toEqual(['invalid k: 2.5 (expected a whole number from 2 to 10)']);
    expect(engine.getInput(k)).toBe(4);
    engine.dispose();
  });

  it('issue 8 point 3: a config whose preparation or model was edited is not reported as reproduced', async () => {
    const engine = openBlobs();
    const edited = text((c) => {
      c.preparation.features[0].scale *= 2;
      c.preparation.features[1].weight = 5;
      c.model.sizes = [1, 2, 3];
      c.model.inertia = 1;
      c.data.rows = 17;
    });
    await engine.act(importConfig, { text: edited, fileName: 'edited.json' });
    const checked = await engine.value(referenceCheck);
    expect(checked?.check.reproduced).toBe(false);
    expect(checked?.check.differences.map((d) => d.part)).toEqual([
      'data.rows',
      'model.inertia',
      'model.sizes',
      'weights.b',
      'preparation.features[a].scale',
    ]);
    engine.dispose();
  });

  it('refuses a file that is not a config, naming it, and changes nothing', async () => {
    const engine = openBlobs();
    await expect(engine.act(importConfig, { text: '{"kind":"other"}', fileName: 'x.json' })).rejects.toThrow(
      'x.json: invalid config: kind is "other" (expected "tierbook-segmentation-config"); is this a Tierbook export?',
    );
    await expect(engine.act(importConfig, { text: 'not json', fileName: 'y.json' })).rejects.toThrow(/^y\.json: not JSON/);
    expect(engine.getInput(reference)).toBeNull();
    engine.dispose();
  });
});
