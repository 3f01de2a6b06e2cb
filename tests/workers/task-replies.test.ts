import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TaskReplies, sameArgs } from '../../src/workers/task-replies.ts';

const m = (data: number[]) => ({ n: data.length, d: 1, data: Float64Array.from(data) });

describe('sameArgs', () => {
  it('compares typed arrays by kind and bytes: every bit of a double counts', () => {
    expect(sameArgs(Float64Array.of(1, NaN, -0), Float64Array.of(1, NaN, -0))).toBe(true);
    expect(sameArgs(Float64Array.of(0), Float64Array.of(-0))).toBe(false);
    expect(sameArgs(Float64Array.of(0.1 + 0.2), Float64Array.of(0.3))).toBe(false);
    expect(sameArgs(Int32Array.of(1), Float32Array.of(1))).toBe(false);
    expect(sameArgs(Float64Array.of(1, 2, 3).subarray(1), Float64Array.of(2, 3))).toBe(true);
    expect(sameArgs(Float64Array.of(1), [1])).toBe(false);
  });

  it('compares arrays and objects member by member, values by Object.is', () => {
    expect(sameArgs([m([1, 2]), { k: 4, seed: 42 }], [m([1, 2]), { seed: 42, k: 4 }])).toBe(true);
    expect(sameArgs({ k: 4 }, { k: 4, eps: undefined })).toBe(false);
    expect(sameArgs({ k: 4 }, { k: '4' })).toBe(false);
    expect(sameArgs([1, 2], [1, 2, 3])).toBe(false);
    expect(sameArgs(null, {})).toBe(false);
    expect(sameArgs(NaN, NaN)).toBe(true);
  });

  it('is true exactly when structured clones are equal (property)', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.double(),
        fc.string({ maxLength: 3 }),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.double(), { maxLength: 4 }).map((a) => Float64Array.from(a)),
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('v'), { maxKeys: 3 }),
      ),
    })).v;
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameArgs(a, structuredClone(a))).toBe(true);
        // Different values compare different (checked through a serialisation that keeps every bit).
        const bits = (x: unknown): string =>
          JSON.stringify(x, (_, v: unknown) =>
            v instanceof Float64Array ? ['f64', ...Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength))] : typeof v === 'number' ? (Object.is(v, -0) ? '-0' : String(v)) : v,
          );
        expect(sameArgs(a, b)).toBe(bits(a) === bits(b));
      }),
    );
  });
});

describe('TaskReplies', () => {
  it('answers a call with equal arguments, once, and no other call', () => {
    const replies = new TaskReplies();
    const value = { labels: Int32Array.of(0, 1) };
    replies.replace([{ task: 'cluster', args: [m([1, 2]), { k: 2 }], value }]);
    expect(replies.take('kDistance', [m([1, 2]), 2])).toBeUndefined();
    expect(replies.take('cluster', [m([1, 2]), { k: 3 }])).toBeUndefined();
    expect(replies.take('cluster', [m([1, 2.5]), { k: 2 }])).toBeUndefined();
    expect(replies.take('cluster', [m([1, 2]), { k: 2 }])?.value).toBe(value);
    expect(replies.take('cluster', [m([1, 2]), { k: 2 }])).toBeUndefined();
    expect(replies.size).toBe(0);
    replies.replace([{ task: 'cluster', args: [1], value: 1 }]);
    replies.replace([{ task: 'cluster', args: [2], value: 2 }]);
    expect(replies.take('cluster', [1] as never)).toBeUndefined();
    expect(replies.take('cluster', [2] as never)?.value).toBe(2);
  });
});
