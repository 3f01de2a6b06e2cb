import { describe, expect, it } from 'vitest';
import { cell, createEngine, ifRun, sampled, slider, select } from '../../src/runtime/index.ts';

// These lines are checked by `tsc` (npm run typecheck). Each `@ts-expect-error` must fail to
// compile; if the engine's typing ever stops catching the mistake, tsc reports an unused directive.
const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
const scale = select({ name: 'scale', options: ['zscore', 'minmax'] as const, value: 'zscore' });
const doubled = cell({ name: 'doubled', inputs: { k }, run: ({ k }) => k * 2 });

describe('typed cell wiring', () => {
  it('gives run its inputs with their types', () => {
    const label = cell({
      name: 'label',
      inputs: { doubled, scale },
      run: ({ doubled, scale }) => {
        const n: number = doubled;
        const s: 'zscore' | 'minmax' = scale;
        return `${s}:${n}`;
      },
    });
    expect(label.inputs).toEqual({ doubled, scale });
  });

  it('rejects wrong wiring at compile time', () => {
    cell({
      name: 'bad1',
      inputs: { k },
      // @ts-expect-error k is a number input, not a string
      run: ({ k }: { k: string }) => k.toUpperCase(),
    });
    cell({
      name: 'bad2',
      inputs: { scale },
      run: ({ scale }) => {
        // @ts-expect-error scale is 'zscore' | 'minmax', not a number
        const n: number = scale;
        return n;
      },
    });
    cell({
      name: 'bad3',
      inputs: { k },
      // @ts-expect-error `missing` is not among the declared inputs
      run: ({ missing }) => missing,
    });
    const asyncCell = cell({ name: 'async', inputs: {}, run: async () => [1, 2, 3] });
    cell({
      name: 'bad4',
      inputs: { asyncCell },
      run: ({ asyncCell }) => {
        const xs: number[] = asyncCell; // an async cell's value is the resolved value
        // @ts-expect-error not a promise
        void asyncCell.then;
        return xs;
      },
    });
    expect(true).toBe(true);
  });

  it('types sampled edges like direct ones', () => {
    const c = cell({
      name: 'c',
      inputs: { k: sampled(k), doubled: sampled(doubled) },
      run: ({ k, doubled }) => {
        const sum: number = k + doubled;
        // @ts-expect-error a sampled number input is still a number
        const s: string = k;
        return [sum, s];
      },
    });
    expect(c.inputs.k).toEqual({ kind: 'sampled', node: k });
  });

  it('types ifRun edges as the value or null', () => {
    const job = cell({ name: 'job', trigger: 'demand', inputs: { k }, run: ({ k }) => k * 3 });
    const c = cell({
      name: 'c',
      inputs: { job: ifRun(job) },
      run: ({ job }) => {
        const maybe: number | null = job;
        // @ts-expect-error may be null when the job has not run or is out of date
        const sure: number = job;
        return [maybe, sure];
      },
    });
    expect(c.inputs.job).toEqual({ kind: 'ifRun', node: job });
  });

  it('gives a view update the cell value with its type, and keeps it on the node', () => {
    const c = cell({
      name: 'c',
      inputs: { doubled },
      run: ({ doubled }) => doubled + 1,
      view: (value) => String(value),
      update: (element, value) => {
        const n: number = value;
        // @ts-expect-error the value is a number
        const s: string = value;
        element.textContent = String(n) + s;
        return true;
      },
    });
    expect(typeof c.update).toBe('function');
    expect(doubled.update).toBeUndefined();
  });

  it('types the engine boundary by the node', async () => {
    const engine = createEngine({ id: 't', title: 't', items: [k, scale, doubled] });
    const value: number = await engine.value(doubled);
    const state: number | undefined = engine.state(doubled).value;
    const current: 'zscore' | 'minmax' = engine.getInput(scale);
    // @ts-expect-error doubled holds a number
    const wrong: string = await engine.value(doubled);
    // @ts-expect-error k takes numbers
    expect(() => engine.setInput(k, 'five')).toThrow('invalid k: "five" (expected a whole number)');
    engine.setInput(scale, 'minmax');
    expect([value, state === undefined || state === 8, current, typeof wrong]).toEqual([8, true, 'zscore', 'number']);
    engine.dispose();
  });
});
