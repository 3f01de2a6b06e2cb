/**
 * Writes a seeded synthetic order-line file (every defect injected), for load tests and benches.
 * Run: npx tsx scripts/write-orders.ts <out.csv> [lines=1000000] [customers=50000] [seed=11]
 */
import { createWriteStream } from 'node:fs';
import { generateOrders, ordersToCsv } from '../src/data/synthetic/synthetic-orders.ts';

const [out, lines = '1000000', customers = '50000', seed = '11'] = process.argv.slice(2);
if (!out) {
  console.error('usage: tsx scripts/write-orders.ts <out.csv> [lines] [customers] [seed]');
  process.exit(2);
}
const orders = generateOrders({ lines: Number(lines), customers: Number(customers), seed: Number(seed) });
const stream = createWriteStream(out);
stream.end(ordersToCsv(orders));
await new Promise<void>((resolve) => stream.on('finish', () => resolve()));
console.log(`wrote ${out}`);
