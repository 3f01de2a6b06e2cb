import { cell, fileInput, hostValue } from '../src/runtime/index.ts';
import { readCustomerTable, type CustomerTable } from '../src/data/index.ts';
import { sha256 } from '../src/config/hash.ts';
import { textBlock } from './view-helpers.ts';
import { inlineRunner, type TaskRunner } from '../src/workers/tasks.ts';

/** What the environment (browser app or CLI) provides to a notebook. */
export interface Host {
  /** Reads the bundled sample customer table. */
  loadSample(): Promise<Uint8Array>;
  /** Exact versions of the packages doing the work, recorded in exports. */
  readonly packages: Readonly<Record<string, string>>;
  readonly version: string;
  /** Where heavy analytics run: a Web Worker in the browser, this thread in Node. */
  readonly tasks: TaskRunner;
}

export const SAMPLE_NAME = 'sample-customers.csv';

export const host = hostValue<Host>({
  name: 'host',
  value: {
    loadSample: () => Promise.reject(new Error('this host provides no bundled sample; choose a file')),
    packages: {},
    version: '0.0.0',
    tasks: inlineRunner,
  },
});

export const dataFile = fileInput({
  name: 'dataFile',
  title: 'Data file',
  accept: '.csv,.tsv,.txt',
  description: 'A customer table: one row per customer, an id column and numeric columns. Without a file, the bundled sample is used.',
});

export interface Source {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly sample: boolean;
}

export const source = cell({
  name: 'source',
  title: 'Source',
  hidden: true,
  inputs: { dataFile, host },
  run: async ({ dataFile, host }): Promise<Source> =>
    dataFile ? { ...dataFile, sample: false } : { name: SAMPLE_NAME, bytes: await host.loadSample(), sample: true },
});

export const fingerprint = cell({
  name: 'fingerprint',
  title: 'Data fingerprint',
  hidden: true,
  inputs: { source },
  run: async ({ source }) => `sha256:${await sha256(source.bytes)}`,
});

export const table = cell({
  name: 'table',
  title: 'Customers',
  inputs: { source },
  run: ({ source }): CustomerTable =>
    readCustomerTable(new TextDecoder().decode(source.bytes), { fileName: source.name }),
  view: (t, { document }) =>
    textBlock(document, [
      `${t.source}: ${t.rowCount.toLocaleString('en-US')} customers, id column "${t.idColumn}", ` +
        `${t.numericColumns.length} numeric columns (${t.numericColumns.join(', ')}).`,
      ...t.issues.map((i) => `⚠ ${i.message}`),
    ]),
});

export const numericColumns = cell({
  name: 'numericColumns',
  title: 'Numeric columns',
  hidden: true,
  inputs: { table },
  run: ({ table }): readonly string[] => table.numericColumns,
});
