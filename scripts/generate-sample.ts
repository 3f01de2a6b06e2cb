/**
 * Writes the bundled sample data and its data dictionary, deterministically (byte-identical on
 * every run):
 *   data/sample-customers.csv  — a ready customer table (2,000 customers, seed 42)
 *   data/sample-orders.csv.gz  — a small slice of dirty order lines (500 customers, ~20,000 lines)
 *   data/README.md             — the data dictionary, from the definitions in src/data
 * Run: npx tsx scripts/generate-sample.ts [--full]   (--full also writes the 200k-line sample,
 * data/sample-orders-full.csv.gz, which is not committed; the app generates it in memory)
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { dataReadme } from '../src/data/features/data-readme.ts';
import { SAMPLE_ORDERS_SPEC, SMALL_SAMPLE_ORDERS_SPEC, sampleOrdersCsv } from '../src/data/synthetic/sample-orders.ts';
import { customersToCsv, generateCustomers } from '../src/data/synthetic/synthetic-customers.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const write = (name: string, data: string | Uint8Array) => {
  writeFileSync(join(root, 'data', name), data);
  console.log(`data/${name}: ${data.length.toLocaleString('en-US')} bytes`);
};

write('sample-customers.csv', customersToCsv(generateCustomers({ seed: 42, customers: 2000 })));
// gzip with a fixed level and no file name or time stamp in the header, so the bytes are stable.
write('sample-orders.csv.gz', gzipSync(sampleOrdersCsv(SMALL_SAMPLE_ORDERS_SPEC), { level: 9 }));
if (process.argv.includes('--full')) write('sample-orders-full.csv.gz', gzipSync(sampleOrdersCsv(SAMPLE_ORDERS_SPEC), { level: 9 }));
write('README.md', dataReadme());
