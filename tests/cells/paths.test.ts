import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inputsFromQuery, type InputNode, type InputPhase, type NotebookEngine } from '../../src/runtime/index.ts';
import { segmentation } from '../../notebooks/segmentation.ts';
import { assignments, config } from '../../cells/export.ts';
import { assignmentsCsv, configToJson } from '../../src/config/segmentation-config.ts';
import { blobsFile, openSegmentation as open } from './fixtures.ts';

// Issue 7 point 1: every exported result is a function of the inputs only. Two engines that
// reach the same inputs by different paths export byte-identical configs (but for the export
// time) and assignments.

const inputs = segmentation.items.filter((i): i is InputNode<unknown> => i.kind === 'input');

async function exports(engine: NotebookEngine): Promise<{ config: string; assignments: string; sizes: number[] }> {
  const c = await engine.value(config);
  const a = await engine.value(assignments);
  return {
    config: configToJson({ ...c, createdAt: '' }),
    assignments: assignmentsCsv(a.ids, a.labels, a.idColumn),
    sizes: c.model.sizes,
  };
}


describe('the issue\'s two paths on the bundled sample (headless)', () => {
  it('k 4 -> 5, w.cts_pct = 2, robust scaling, one at a time, equals the same values set at once and the link', async () => {
    const stepByStep = open();
    await exports(stepByStep); // loaded and clustered at k = 4 first
    stepByStep.setInput('k', 5);
    await stepByStep.value(config);
    // The weight sliders send every feature's weight, as the page does.
    stepByStep.setInput('weights', { revenue: 1, order_frequency: 1, gross_margin_pct: 1, cts_pct: 1.5, returns_rate: 1 }, 'live');
    stepByStep.setInput('weights', { revenue: 1, order_frequency: 1, gross_margin_pct: 1, cts_pct: 2, returns_rate: 1 }, 'commit');
    await stepByStep.value(config);
    stepByStep.setInput('scaling', 'robust');
    const a = await exports(stepByStep);
    stepByStep.dispose();

    const atOnce = open();
    atOnce.setInputs({ k: 5, weights: { cts_pct: 2 }, scaling: 'robust' });
    const b = await exports(atOnce);
    atOnce.dispose();

    const link = inputsFromQuery(inputs, '?k=5&w.cts_pct=2&scaling=robust');
    expect(link.errors).toEqual([]);
    const byLink = open(link.values);
    const c = await exports(byLink);
    byLink.dispose();

    expect(a.sizes).toEqual([...a.sizes].sort((x, y) => y - x)); // numbered by size
    expect(b.assignments).toBe(a.assignments);
    expect(c.assignments).toBe(a.assignments);
    expect(b.config).toBe(a.config);
    expect(c.config).toBe(a.config);
  }, 120_000);

  it('k = 4 directly and k = 2 -> 4 export the same assignments hash', async () => {
    const direct = open();
    const viaTwo = open({ k: 2 });
    await viaTwo.value(config);
    viaTwo.setInput('k', 3, 'live');
    viaTwo.setInput('k', 4, 'commit');
    const [x, y] = [await exports(direct), await exports(viaTwo)];
    direct.dispose();
    viaTwo.dispose();
    expect(JSON.parse(y.config).assignmentsHash).toBe(JSON.parse(x.config).assignmentsHash);
    expect(y.config).toBe(x.config);
  }, 120_000);
});

type Change = [string, unknown, InputPhase];

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.tuple(fc.constant('k'), fc.integer({ min: 2, max: 6 }), fc.constantFrom<InputPhase>('live', 'commit')),
  fc.tuple(fc.constant('seed'), fc.integer({ min: 0, max: 5 }), fc.constant<InputPhase>('commit')),
  fc.tuple(fc.constant('scaling'), fc.constantFrom('zscore', 'minmax', 'robust'), fc.constant<InputPhase>('commit')),
  fc.tuple(fc.constant('algorithm'), fc.constantFrom('kmeans', 'ward'), fc.constant<InputPhase>('commit')),
  fc.tuple(
    fc.constant('weights'),
    fc.record({ a: fc.constantFrom(0.5, 1, 2), c: fc.constantFrom(1, 3) }),
    fc.constantFrom<InputPhase>('live', 'commit'),
  ),
);

describe('exports are a function of the inputs (property)', () => {
  it('any sequence of changes exports what the final values export when set directly', async () => {
    const file = blobsFile();
    const base = { dataFile: file, features: ['a', 'b', 'c', 'd'], transform: 'none' };
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 6 }), async (changes) => {
        const walked = open(base);
        const final: Record<string, unknown> = {};
        for (const [name, value, phase] of changes) {
          walked.setInput(name, value, phase);
          final[name] = value;
          // Sometimes let the change settle before the next one, sometimes not.
          if (phase === 'commit' && changes.length % 2 === 0) await walked.value(config);
        }
        const direct = open({ ...base, ...final });
        const [x, y] = [await exports(walked), await exports(direct)];
        walked.dispose();
        direct.dispose();
        expect(x.assignments).toBe(y.assignments);
        expect(x.config).toBe(y.config);
      }),
      { numRuns: 25, seed: 7 },
    );
  }, 120_000);
});
