/**
 * Writes the bundled sample data, deterministically (byte-identical on every run):
 *   data/sample-customers.csv  — a ready customer table (2,000 customers, seed 42)
 * Run: npx tsx scripts/generate-sample.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { customersToCsv, generateCustomers } from '../src/data/synthetic-customers.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const customers = customersToCsv(generateCustomers({ seed: 42, customers: 2000 }));
writeFileSync(join(root, 'data', 'sample-customers.csv'), customers);
console.log(`data/sample-customers.csv: ${customers.length.toLocaleString('en-US')} bytes`);
