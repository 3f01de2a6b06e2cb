/**
 * The hardening suite (tests/data/hardening/) again, with every delimited read checked against
 * the parallel reader: each `loadTable` and `readDelimited` call also reads the file in parts
 * (in process, cut at every few lines) and expects the same table or the same error.
 */
import { expect, vi } from 'vitest';
import { DataError } from '../../../src/data/errors.ts';
import type { LoadedTable } from '../../../src/data/read/columns.ts';

type Outcome = { table: LoadedTable } | { error: string; thrown?: DataError };

/** What is compared: the table, or the error's message. */
const seen = (o: Outcome) => ('table' in o ? o.table : o.error);

function settle(read: () => LoadedTable): Outcome {
  try {
    return { table: read() };
  } catch (e) {
    if (e instanceof DataError) return { error: e.message, thrown: e };
    throw e;
  }
}

async function settleAsync(read: () => Promise<LoadedTable>): Promise<Outcome> {
  try {
    return { table: await read() };
  } catch (e) {
    if (e instanceof DataError) return { error: e.message, thrown: e };
    throw e;
  }
}

/** Parts of about three lines each: a cut wherever the file has a line feed. */
const PARTS = 1000;

vi.mock('../../../src/data/read/load-table.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/data/read/load-table.ts')>();
  const { inProcessParts } = await import('../../../src/data/read/read-parallel.ts');
  return {
    ...original,
    loadTable: async (bytes: Uint8Array, options: Parameters<typeof original.loadTable>[1]) => {
      const one = await settleAsync(() => original.loadTable(bytes, options));
      const many = await settleAsync(() => original.loadTable(bytes, { ...options, onProgress: undefined, parallel: inProcessParts(PARTS) }));
      expect(seen(many)).toEqual(seen(one));
      if ('table' in one) return one.table;
      throw one.thrown;
    },
  };
});

vi.mock('../../../src/data/read/read-delimited.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/data/read/read-delimited.ts')>();
  const { planDelimited, partLayout } = await import('../../../src/data/read/delimited-plan.ts');
  const { readPartInput, splitBody } = await import('../../../src/data/read/read-parallel.ts');
  const { mergeParts } = await import('../../../src/data/read/delimited-merge.ts');
  return {
    ...original,
    readDelimited: (input: string, options: Parameters<typeof original.readDelimited>[1]) => {
      const one = settle(() => original.readDelimited(input, options));
      const many = settle(() => {
        const { text, layout } = planDelimited(input, options);
        if (layout.quotes) return original.readDelimited(input, options);
        const cuts = splitBody(text, layout.bodyStart, PARTS);
        const parts = cuts.slice(1).map((to, k) => readPartInput(structuredClone({ layout: partLayout(layout), text: text.slice(cuts[k], to) })));
        return mergeParts(layout, parts);
      });
      expect(seen(many)).toEqual(seen(one));
      if ('table' in one) return one.table;
      throw one.thrown;
    },
  };
});

await import('../hardening/acceptance.test.ts');
await import('../hardening/as-of-date.test.ts');
await import('../hardening/csv-injection.test.ts');
await import('../hardening/customer-tables.test.ts');
await import('../hardening/encodings-and-binary.test.ts');
await import('../hardening/object-key-names.test.ts');
await import('../hardening/one-outcome.test.ts');
await import('../hardening/quotes-and-line-ends.test.ts');
await import('../hardening/returns-and-non-product.test.ts');
await import('../hardening/shared-order-ids.test.ts');
