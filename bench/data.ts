/**
 * Data-layer benchmark: order lines → clean lines → customer features, for CSV and Parquet at
 * 100k and 1M lines, against the plain Arquero path (fromCSV + derive + groupby/rollup); CSV
 * also read in parts on worker threads (`tierbook-parallel`, one part per core, the command's
 * parse threads), next to the single-threaded read.
 * Reports medians of wall and CPU time, rows per second and peak RSS, and (Tierbook) what the
 * import carries across the worker boundary: the customer table, the order data for tiers and
 * policies, and how long moving it takes.
 *
 *   npx tsx bench/data.ts [--sizes 100000,1000000] [--runs 3] [--no-arquero]
 */
import * as aq from 'arquero';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { pathToFileURL } from 'node:url';
import { cleanOrderLines } from '../src/data/quality/clean-order-lines.ts';
import { detectMapping, mappingTypes } from '../src/data/map/column-mapping.ts';
import { cellText, columnOf, type LoadedTable } from '../src/data/read/columns.ts';
import { buildCustomerFeatures } from '../src/data/features/customer-features.ts';
import { orderData } from '../src/data/features/order-data.ts';
import { loadTable } from '../src/data/read/load-table.ts';
import type { ParallelRead } from '../src/data/read/read-parallel.ts';
import { parseThreads } from '../src/cli/parse-threads.ts';
import { generateOrders, ordersToCsv } from '../src/data/synthetic/synthetic-orders.ts';

export interface BenchRow {
  /** `tierbook-parallel`: the CSV read in parts on worker threads (src/cli/parse-threads.ts). */
  path: 'tierbook' | 'tierbook-parallel' | 'arquero';
  format: 'csv' | 'parquet';
  lines: number;
  customers: number;
  bytes: number;
  /** Medians, milliseconds. */
  loadMs: number;
  cleanMs: number;
  featuresMs: number;
  totalMs: number;
  totalCpuMs: number;
  rowsPerSecond: number;
  /** Peak resident set size of the process so far, MB. */
  peakRssMb: number;
  /**
   * Tierbook only: what the import hands from the worker to the page. `customersBytes`: the
   * customer table (all the import carried before tiers and policies); `ordersBytes`: the
   * order data added for them (demand, orders, product-line slices, parents); `linesBytes`:
   * the clean order lines' columns, the alternative of carrying the lines themselves.
   * `orderDataMs`: building the order data (inside the import); `cloneMs`: moving the whole
   * result across a worker boundary (structuredClone with its typed arrays transferred).
   */
  carry?: CarryFigures & { orderDataMs: number };
}

/** Bytes of the typed arrays and strings in `value` (strings at 2 bytes a character), as a worker would move or copy them. */
export function payloadBytes(value: unknown, seen = new Set<unknown>()): number {
  if (typeof value === 'string') return 2 * value.length;
  if (value === null || typeof value !== 'object' || seen.has(value)) return 0;
  seen.add(value);
  if (ArrayBuffer.isView(value)) return value.byteLength;
  let sum = 0;
  for (const item of Array.isArray(value) ? value : value instanceof Map ? [...value.values()] : Object.values(value)) sum += payloadBytes(item, seen);
  return sum;
}

/** The buffers of the typed arrays in `value`, as the analytics worker transfers them. */
function buffers(value: unknown, out: ArrayBuffer[] = []): ArrayBuffer[] {
  if (value === null || typeof value !== 'object') return out;
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && !out.includes(value.buffer)) out.push(value.buffer);
    return out;
  }
  for (const item of Array.isArray(value) ? value : Object.values(value)) buffers(item, out);
  return out;
}

/** Median ms of moving `value` through structuredClone with its buffers transferred (on copies, so `value` survives). */
function cloneMs(value: unknown, runs: number): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const copy = structuredClone(value);
    const t = performance.now();
    structuredClone(copy, { transfer: buffers(copy) });
    times.push(performance.now() - t);
  }
  return median(times);
}

export interface BenchOptions {
  sizes?: number[];
  runs?: number;
  arquero?: boolean;
  log?: (line: string) => void;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

function toParquet(t: LoadedTable): Uint8Array {
  const columnData = t.header.map((name) => {
    const c = columnOf(t, name);
    if (c.type === 'number') return { name, data: c.values, type: 'DOUBLE' as const };
    if (c.type === 'date') return { name, data: Array.from(c.values, (v) => (Number.isNaN(v) ? null : new Date(v))) };
    return { name, data: Array.from({ length: t.rowCount }, (_, r) => (c.codes[r] < 0 ? null : cellText(c, r))), type: 'STRING' as const };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 100_000 }));
}

async function runTierbook(bytes: Uint8Array, fileName: string, parallel?: ParallelRead): Promise<RunTimes> {
  const w0 = performance.now();
  const c0 = cpuMs();
  const table = await loadTable(bytes, { fileName, types: (h) => mappingTypes(detectMapping(h).mapping), parallel });
  const w1 = performance.now();
  const mapping = detectMapping(table.header).mapping;
  const { lines } = cleanOrderLines(table, mapping);
  const w2 = performance.now();
  const f = buildCustomerFeatures(lines);
  const w3 = performance.now();
  const orders = orderData(lines, table, mapping, f);
  const w4 = performance.now();
  const carried = { customers: f, orders };
  return {
    load: w1 - w0, clean: w2 - w1, features: w3 - w2, total: w3 - w0, cpu: cpuMs() - c0, customers: f.rowCount, orderData: w4 - w3,
    measure: parallel ? undefined : () => ({
      customersBytes: payloadBytes(f), ordersBytes: payloadBytes(orders), linesBytes: payloadBytes(lines),
      cloneMs: cloneMs(carried, 3), cloneWithoutOrdersMs: cloneMs({ customers: f }, 3),
    }),
  };
}

interface CarryFigures {
  customersBytes: number;
  ordersBytes: number;
  linesBytes: number;
  cloneMs: number;
  cloneWithoutOrdersMs: number;
}

interface RunTimes {
  load: number;
  clean: number;
  features: number;
  total: number;
  cpu: number;
  customers: number;
  orderData: number;
  /** Tierbook: sizes and move times of what the import carries, measured once. */
  measure?: () => CarryFigures;
}

function runArquero(text: string): RunTimes {
  const w0 = performance.now();
  const c0 = cpuMs();
  const t = aq.fromCSV(text, { parse: { customer_id: String, order_id: String } });
  const w1 = performance.now();
  const out = t
    .derive({ revenue: (d) => d.qty * d.unit_price, gm: (d) => d.qty * (d.unit_price - d.unit_cost) })
    .groupby('customer_id')
    .rollup({ orders: aq.op.distinct('order_id'), lines: aq.op.count(), revenue: aq.op.sum('revenue'), gm: aq.op.sum('gm'), freight: aq.op.sum('shipping_cost'), last: aq.op.max('order_date') });
  const w2 = performance.now();
  return { load: w1 - w0, clean: 0, features: w2 - w1, total: w2 - w0, cpu: cpuMs() - c0, customers: out.numRows(), orderData: 0 };
}

/** Runs the benchmark and returns one row per (path, format, size). */
export async function benchData(options: BenchOptions = {}): Promise<BenchRow[]> {
  const sizes = options.sizes ?? [100_000, 1_000_000];
  const runs = options.runs ?? 3;
  const log = options.log ?? (() => {});
  const rows: BenchRow[] = [];
  // CPU time counts this thread only: the parallel row's CPU leaves out what its threads did.
  const threads = parseThreads();
  for (const size of sizes) {
    const data = generateOrders({ seed: 1, lines: size, customers: Math.round(size / 20) });
    const text = ordersToCsv(data);
    data.rows.length = 0;
    const csv = new TextEncoder().encode(text);
    const parquet = toParquet(await loadTable(csv, { fileName: 'bench.csv' }));
    log(`generated ${size.toLocaleString('en-US')} lines: CSV ${(csv.length / 1e6).toFixed(1)} MB, Parquet ${(parquet.length / 1e6).toFixed(1)} MB`);
    const cases: [BenchRow['path'], BenchRow['format'], () => Promise<RunTimes>, number][] = [
      ['tierbook', 'csv', () => runTierbook(csv, 'bench.csv'), csv.length],
      ['tierbook-parallel', 'csv', () => runTierbook(csv, 'bench.csv', threads), csv.length],
      ['tierbook', 'parquet', () => runTierbook(parquet, 'bench.parquet'), parquet.length],
    ];
    if (options.arquero ?? true) cases.push(['arquero', 'csv', async () => runArquero(text), csv.length]);
    // Runs alternate between the cases (a, b, c, a, b, c, ...), so a change of load on a shared
    // machine falls on every case alike, the parallel read and the single-threaded one above all.
    const timed: RunTimes[][] = cases.map(() => []);
    for (let r = 0; r < runs; r++) {
      for (let k = 0; k < cases.length; k++) {
        const t = await cases[k][2]();
        // Only the first run's data are measured: later runs let theirs go.
        if (r > 0) t.measure = undefined;
        timed[k].push(t);
      }
    }
    for (const [k, [path, format, , bytes]] of cases.entries()) {
      const results = timed[k];
      const m = (k: 'load' | 'clean' | 'features' | 'total' | 'cpu' | 'orderData') => median(results.map((x) => x[k]));
      const measured = results[0].measure?.();
      const row: BenchRow = {
        path, format, lines: size, customers: results[0].customers, bytes,
        loadMs: m('load'), cleanMs: m('clean'), featuresMs: m('features'), totalMs: m('total'), totalCpuMs: m('cpu'),
        rowsPerSecond: size / (m('total') / 1000), peakRssMb: peakRssMb(),
        ...(measured ? { carry: { ...measured, orderDataMs: m('orderData') } } : {}),
      };
      rows.push(row);
      log(`${path.padEnd(17)} ${format.padEnd(7)} ${String(size).padStart(8)} lines: load ${row.loadMs.toFixed(0)} + clean ${row.cleanMs.toFixed(0)} + features ${row.featuresMs.toFixed(0)} = ${row.totalMs.toFixed(0)} ms (cpu ${row.totalCpuMs.toFixed(0)} ms), ${Math.round(row.rowsPerSecond).toLocaleString('en-US')} rows/s, peak RSS ${row.peakRssMb.toFixed(0)} MB`);
      const c = row.carry;
      const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
      if (c) log(`  carried to the page: customers ${mb(c.customersBytes)} + order data ${mb(c.ordersBytes)} (built in ${c.orderDataMs.toFixed(0)} ms; clean lines would be ${mb(c.linesBytes)}); moved in ${c.cloneMs.toFixed(1)} ms (customers alone ${c.cloneWithoutOrdersMs.toFixed(1)} ms)`);
    }
  }
  await threads.close();
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const sizes = arg('--sizes')?.split(',').map(Number);
  const runs = arg('--runs') ? Number(arg('--runs')) : undefined;
  const rows = await benchData({ sizes, runs, arquero: !process.argv.includes('--no-arquero'), log: (l) => console.log(l) });
  console.log(JSON.stringify(rows, null, 1));
}
