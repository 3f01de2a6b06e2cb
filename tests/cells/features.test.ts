import { describe, expect, it } from 'vitest';
import { inputsFromQuery, type InputNode } from '../../src/runtime/index.ts';
import { segmentation } from '../../notebooks/segmentation.ts';
import { activeFeatures, features, prepared } from '../../cells/prepare.ts';
import { clustering } from '../../cells/cluster.ts';
import { openBlobs } from './fixtures.ts';
import { idle } from '../runtime/helpers.ts';

const inputs = segmentation.items.filter((i): i is InputNode<unknown> => i.kind === 'input');

describe('issue 8 point 11: a missing or empty feature selection is an error naming the features', () => {
  it('names the features a link asks for that the data lacks, and offers to keep the ones it has', async () => {
    const link = inputsFromQuery(inputs, '?features=a,nope,b');
    expect(link.errors).toEqual([]);
    const engine = openBlobs(link.values);
    await idle(engine);
    const failure = engine.state(activeFeatures).error;
    expect(failure?.message).toBe('Feature "nope" is not a numeric column of this data. Choose among: a, b, c, d.');
    // Every cell that needs the features is blocked by that failure, carried as it was raised.
    expect(engine.state(prepared)).toMatchObject({ status: 'blocked', blockedBy: 'activeFeatures', error: failure });
    expect(engine.state(clustering)).toMatchObject({ status: 'blocked', blockedBy: 'activeFeatures' });
    expect(failure?.suggestions?.map((s) => [s.input.name, s.value, s.label])).toEqual([['features', ['a', 'b'], 'Keep a, b']]);
    engine.setInput(features, ['a', 'b']);
    await idle(engine);
    expect(engine.state(clustering).status).toBe('ok');
    engine.dispose();
  });

  it('never falls back to other columns when none of the chosen features exists', async () => {
    const engine = openBlobs({ features: ['nope', 'other'] });
    await idle(engine);
    expect(engine.state(activeFeatures).error?.message).toBe('Features "nope", "other" are not a numeric column of this data. Choose among: a, b, c, d.');
    expect(engine.state(activeFeatures).error?.suggestions).toEqual([]);
    engine.dispose();
  });

  it('refuses an empty selection where it enters: the link, the UI, a stored value', async () => {
    expect(inputsFromQuery(inputs, '?features=').errors).toEqual(['invalid features: "" (choose at least one, e.g. features=revenue,order_frequency)']);
    const engine = openBlobs();
    expect(() => engine.setInput(features, [])).toThrow('invalid features: [] (choose at least one)');
    expect(engine.getInput(features)).toEqual(['a', 'b', 'c', 'd']);
    engine.dispose();
  });
});
