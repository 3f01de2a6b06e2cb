/**
 * The bundled order-line sample. The full sample (~5,000 customers, ~200,000 lines, seed 7) is
 * generated on demand — deterministic, offline, no download — because even gzip-compressed it
 * would be ~2.8 MB in the repository. A small slice is committed as `data/sample-orders.csv.gz`.
 */
import { loadOrderLines, type LoadedOrderLines, type OrderLinesOptions } from '../quality/load-order-lines.ts';
import { generateOrders, ordersToCsv, type SyntheticOrdersSpec } from './synthetic-orders.ts';

/** The full in-app sample. */
export const SAMPLE_ORDERS_SPEC: Readonly<SyntheticOrdersSpec> = { seed: 7, customers: 5000, lines: 200_000 };

/** The small committed slice (`data/sample-orders.csv.gz`). */
export const SMALL_SAMPLE_ORDERS_SPEC: Readonly<SyntheticOrdersSpec> = { seed: 7, customers: 500, lines: 20_000 };

/** The sample as CSV text (byte-identical on every call). */
export function sampleOrdersCsv(spec: SyntheticOrdersSpec = SAMPLE_ORDERS_SPEC): string {
  return ordersToCsv(generateOrders(spec));
}

/** Generates the sample and loads it through the same path as a user's file. */
export async function loadSampleOrders(options: Partial<OrderLinesOptions> = {}, spec: SyntheticOrdersSpec = SAMPLE_ORDERS_SPEC): Promise<LoadedOrderLines> {
  const bytes = new TextEncoder().encode(sampleOrdersCsv(spec));
  return loadOrderLines(bytes, { fileName: 'sample-orders.csv', ...options });
}
