import { describe, expect, it } from 'vitest';
import { memoizeImports } from '../../../src/app/workshop/import-memo.ts';
import type { TaskRunner } from '../../../src/workers/tasks.ts';

/** A runner whose importData waits to be released; it counts calls and sees aborts. */
function fakeRunner() {
  const calls: { task: string; aborted: () => boolean; release: (v: unknown) => void }[] = [];
  const runner = {
    run: (task: string, _args: unknown, options: { signal?: AbortSignal } = {}) =>
      new Promise((resolve, reject) => {
        calls.push({ task, aborted: () => options.signal?.aborted ?? false, release: resolve });
        options.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      }),
  } as unknown as TaskRunner;
  return { runner, calls };
}

const run = (r: TaskRunner, bytes: Uint8Array | null, signal?: AbortSignal) => (r.run as (...a: unknown[]) => Promise<unknown>)('importData', [bytes, 'orders.csv', { delimiter: ',' }], { signal });

describe('imports shared by file', () => {
  it('reads the same bytes with the same options once for every caller', async () => {
    const { runner, calls } = fakeRunner();
    const memo = memoizeImports(runner);
    const bytes = new Uint8Array([1, 2, 3]);
    const first = run(memo, bytes);
    const second = run(memo, bytes);
    expect(calls).toHaveLength(1);
    calls[0].release('table');
    expect(await first).toBe('table');
    expect(await second).toBe('table');
    expect(await run(memo, bytes)).toBe('table');
    expect(calls).toHaveLength(1);
    void run(memo, new Uint8Array([1, 2, 3]));
    expect(calls).toHaveLength(2);
  });

  it('cancels the import only when every caller waiting on it has cancelled', async () => {
    const { runner, calls } = fakeRunner();
    const memo = memoizeImports(runner);
    const bytes = new Uint8Array([4]);
    const a = new AbortController();
    const b = new AbortController();
    const first = run(memo, bytes, a.signal);
    const second = run(memo, bytes, b.signal);
    a.abort();
    await expect(first).rejects.toThrow();
    expect(calls[0].aborted()).toBe(false);
    b.abort();
    await expect(second).rejects.toThrow();
    expect(calls[0].aborted()).toBe(true);
    // Forgotten: the next caller reads the file itself.
    void run(memo, bytes);
    expect(calls).toHaveLength(2);
  });
});
