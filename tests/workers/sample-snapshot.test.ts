import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot } from '../../src/workers/snapshot-codec.ts';
import { encodeSampleSnapshot, sampleSnapshotName, type SampleSnapshot } from '../../src/workers/sample-snapshot.ts';
import { TASKS } from '../../src/workers/task-table.ts';
import { SAMPLE_ORDERS_NAME, type TaskArgs } from '../../src/workers/tasks.ts';
import { createEngine } from '../../src/runtime/index.ts';
import { segmentation } from '../../notebooks/segmentation.ts';
import { importSpec } from '../../cells/data.ts';
import { prepared } from '../../cells/prepare.ts';
import { clustering } from '../../cells/cluster.ts';
import { recordSampleSnapshot } from '../../src/workers/record-sample.ts';
import { TaskReplies, sameArgs } from '../../src/workers/task-replies.ts';
import { DEFAULT_RESTARTS } from '../../src/analytics/cluster/cluster.ts';

describe('snapshot codec', () => {
  it('round-trips what a task result holds: numbers of every kind, typed arrays, maps, sets, dates, undefined', () => {
    const backing = new Float64Array([9, 1.5, -2, 3]);
    const value = {
      numbers: [0, -0, 1e-300, Number.MAX_VALUE, NaN, Infinity, -Infinity, 0.1 + 0.2],
      text: 'naïve "quoted" \n line',
      flags: [true, false, null],
      missing: undefined,
      f64: new Float64Array([1.25, NaN, -0]),
      view: backing.subarray(1, 3), // a view into a larger buffer keeps only its own elements
      i32: new Int32Array([-1, 2 ** 31 - 1]),
      u8: new Uint8Array([0, 255, 7]),
      u16: new Uint16Array([65535]),
      f32: new Float32Array([0.5]),
      map: new Map<unknown, unknown>([['a', new Int32Array([3])], [2, { deep: [new Float64Array([4])] }]]),
      set: new Set(['x', 'y']),
      date: new Date(Date.UTC(2024, 1, 29)),
      dollar: { $: 'not a tag', $t: 1 },
      empty: { list: [], object: {}, typed: new Float64Array(0) },
    };
    const back = decodeSnapshot(encodeSnapshot(value)) as typeof value;
    expect(back).toStrictEqual(value);
    expect(Object.is(back.numbers[1], -0)).toBe(true);
    expect(Object.is(back.f64[2], -0)).toBe(true);
    expect(Array.from(back.view)).toEqual([1.5, -2]);
    expect(back.view.buffer.byteLength).toBe(16);
    expect('missing' in back).toBe(true);
  });

  it('refuses what it cannot keep, naming where', () => {
    class Point {
      x = 1;
    }
    expect(() => encodeSnapshot({ rows: [{ at: new Point() }] })).toThrow('snapshot: cannot keep a Point at value.rows[0].at');
    expect(() => encodeSnapshot({ run: () => 1 })).toThrow('snapshot: cannot keep a function at value.run');
    expect(() => decodeSnapshot(new TextEncoder().encode('<!doctype html>'))).toThrow('not a snapshot');
  });
});

describe('the sample snapshot', () => {
  it('names a file by the import settings', async () => {
    const a = await sampleSnapshotName({ quality: { disabled: [] } });
    expect(a).toMatch(/^sample-import-[0-9a-f]{16}\.bin$/);
    expect(await sampleSnapshotName({ quality: { disabled: [] } })).toBe(a);
    expect(await sampleSnapshotName({ quality: { disabled: ['duplicates' as never] } })).not.toBe(a);
  });

  it('holds exactly what importing the sample with the default settings gives, and the clustering behind the first chart', { timeout: 180_000 }, async () => {
    const recorded = await recordSampleSnapshot();
    const engine = createEngine(segmentation, {});
    const spec = await engine.value(importSpec);
    const { matrix } = await engine.value(prepared);
    const settled = await engine.value(clustering);
    engine.dispose();
    expect(recorded.spec).toStrictEqual(spec);
    const context = { onProgress: () => {}, signal: new AbortController().signal };
    const fresh = await TASKS.importData(context, null, SAMPLE_ORDERS_NAME, spec);
    const shipped = decodeSnapshot(encodeSampleSnapshot(recorded.snapshot)) as SampleSnapshot;
    // Compared with what the page receives from a worker: a structured clone (which, like the
    // snapshot, gives the import's prototype-less records the ordinary Object prototype).
    expect(shipped.import).toStrictEqual(structuredClone(fresh));
    // What the page reads from it: the data fingerprint of the generated CSV, the customers.
    expect(fresh.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(fresh.imported.customers.rowCount).toBeGreaterThan(4000);

    // The recorded clustering: asked with the notebook's own prepared matrix, and equal to
    // clustering it again; a worker holding it answers the notebook's call, once.
    expect(shipped.replies.map((r) => r.task)).toEqual(['cluster']);
    const [call] = shipped.replies;
    expect(sameArgs(call.args[0], matrix)).toBe(true);
    expect(call.value).toStrictEqual(structuredClone(TASKS.cluster(context, ...(call.args as TaskArgs<'cluster'>))));
    const { seed, restarts, on, ...result } = settled;
    expect({ seed, restarts, on: on.matrix === matrix }).toEqual({ seed: call.args[1] && (call.args[1] as { seed: number }).seed, restarts: DEFAULT_RESTARTS, on: true });
    expect(call.value).toStrictEqual(structuredClone(result));
    const replies = new TaskReplies();
    replies.replace(shipped.replies);
    expect(replies.take('cluster', [matrix, { ...(call.args[1] as object) }])?.value).toBe(call.value);
    expect(replies.take('cluster', [matrix, call.args[1]])).toBeUndefined();
  });
});
