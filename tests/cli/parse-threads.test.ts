import { afterAll, describe, expect, it } from 'vitest';
import { parseThreads } from '../../src/cli/parse-threads.ts';
import { loadTable } from '../../src/data/read/load-table.ts';
import { generateOrders, ordersToCsv } from '../../src/data/synthetic/synthetic-orders.ts';

// The sources' worker entry (parse-worker.ts), run through tsx's loader; the build runs parse-worker.js.
const threads = parseThreads({ parts: 3, minChars: 0, url: new URL('../../src/cli/parse-worker.ts', import.meta.url) });
afterAll(() => threads.close());

describe('parse threads (node:worker_threads)', () => {
  it('read a generated order-line file in three parts, two of them on threads, into the single-threaded table', async () => {
    const csv = ordersToCsv(generateOrders({ seed: 3, lines: 5_000, customers: 300 }));
    const bytes = new TextEncoder().encode(csv);
    let handed = 0;
    const counted = { ...threads, read: (inputs: Parameters<typeof threads.read>[0], p?: (f: number) => void) => ((handed = inputs.length), threads.read(inputs, p)) };
    const many = await loadTable(bytes, { fileName: 'orders.csv', parallel: counted });
    const one = await loadTable(bytes, { fileName: 'orders.csv' });
    expect(handed).toBe(3);
    expect(threads.threaded).toBe(2);
    expect(many).toEqual(one);
    // the threads were kept for the next file
    expect(await loadTable(bytes, { fileName: 'orders.csv', parallel: threads })).toEqual(one);
  });

  it('read the file on the calling thread when a thread cannot start', async () => {
    const broken = parseThreads({ parts: 2, minChars: 0, url: new URL('./no-such-worker.js', import.meta.url) });
    const bytes = new TextEncoder().encode(['id,n', ...Array.from({ length: 50 }, (_, i) => `C${i % 7},${i}`)].join('\n'));
    expect(await loadTable(bytes, { fileName: 'b.csv', parallel: broken })).toEqual(await loadTable(bytes, { fileName: 'b.csv' }));
    expect(broken.threaded).toBe(0);
    await broken.close();
  });
});
