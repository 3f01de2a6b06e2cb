/**
 * Page side of bench/browser-data.ts: the same `importData` the app runs, timed in the page.
 * Built by that bench into a temporary directory; never part of the app build.
 */
import { importData } from '../../src/data/import-data.ts';

/** Result of `window.benchImport`. */
export interface PageImportTimes {
  /** Wall ms of each timed `importData` call (after one warm-up). */
  times: number[];
  customers: number;
  bytes: number;
}

declare global {
  interface Window {
    benchImport(url: string, runs: number): Promise<PageImportTimes>;
  }
}

window.benchImport = async (url, runs) => {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const times: number[] = [];
  let customers = 0;
  for (let r = 0; r <= runs; r++) {
    const t = performance.now();
    const result = await importData(bytes, 'orders.csv');
    if (r > 0) times.push(performance.now() - t);
    customers = result.customers.rowCount;
  }
  return { times, customers, bytes: bytes.length };
};
