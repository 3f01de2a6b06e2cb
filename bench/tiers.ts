/**
 * Tiers and policies benchmark on the bundled order-line sample (seed 7, 5,000 customers,
 * ~200,000 lines): the pure calls the Tiers and Service policy sections make, timed apart from
 * loading and clustering. Medians of `runs` timed runs after one warm-up.
 *
 *   npx tsx bench/tiers.ts [--runs 5]
 */
import { cpus, loadavg } from 'node:os';
import { prepare } from '../src/analytics/prepare/prepare.ts';
import { cluster } from '../src/analytics/cluster/cluster.ts';
import { tierCustomers } from '../src/analytics/tiers/tier-customers.ts';
import { normalizeTiering } from '../src/analytics/tiers/tiering-spec.ts';
import { servicePolicy } from '../src/analytics/policy/service-policy.ts';
import { policyCostCurve } from '../src/analytics/policy/policy-cost.ts';
import { isNeedsData } from '../src/analytics/policy/needs-data.ts';
import { loadSampleOrders } from '../src/data/synthetic/sample-orders.ts';
import { buildCustomerFeatures } from '../src/data/features/customer-features.ts';
import { rowOfCustomerCode } from '../src/data/features/customer-rows.ts';
import { demandBase } from '../src/data/features/demand-base.ts';
import { orderHistory } from '../src/data/features/order-history.ts';
import { productLineRows } from '../src/data/features/product-line-rows.ts';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time<T>(f: () => T): number {
  f();
  const ts: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    f();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

console.log(`node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? ''}; load ${loadavg().map((x) => x.toFixed(2)).join(', ')}; median of ${runs}`);
const loaded = await loadSampleOrders();
const lines = loaded.lines;
const features = buildCustomerFeatures(lines);
const p = prepare(features.columns, { features: ['revenue', 'orders', 'cts_pct', 'gross_margin_pct'], transform: 'log1p' });
const labelsFor = (k: number) => {
  const r = cluster(p.matrix, { algorithm: 'kmeans', k, seed: 1, restarts: 2 });
  const labels = new Int32Array(features.rowCount).fill(-1);
  p.rows.forEach((row, i) => (labels[row] = r.labels[i]));
  return labels;
};
const labels = labelsFor(4);
const rows = rowOfCustomerCode(lines, features.ids);
const rates = features.options.rates;
const sizes = `${features.rowCount.toLocaleString('en-US')} customers, ${lines.rowCount.toLocaleString('en-US')} lines`;
const results: { case: string; ms: number }[] = [];
const productLines = productLineRows(lines, rows, rates);
const tiers = tierCustomers({ table: features, labels, productLines });
if (isNeedsData(tiers.carried)) throw new Error(tiers.carried.message);
const carried = tiers.carried;
const orders = orderHistory(lines, rows);
const demand = demandBase(lines, rows);
results.push({ case: 'tierCustomers (both tierings, agreement, matrix, RFM, KPIs by region and product line, tiers.csv)', ms: time(() => tierCustomers({ table: features, labels, productLines })) });
results.push({ case: 'productLineRows (customer x product-line slices)', ms: time(() => productLineRows(lines, rows, rates)) });
results.push({ case: 'demandBase + orderHistory (order lines to plain arrays)', ms: time(() => [demandBase(lines, rows), orderHistory(lines, rows)]) });
results.push({ case: 'servicePolicy (policy, impact, safety stock, safety-stock.csv)', ms: time(() => servicePolicy({ tiering: carried, customers: tiers.measures, orders, demand })) });
const sweep = Array.from({ length: 9 }, (_, i) => ({ k: i + 2, labels: labelsFor(i + 2) }));
const strategic = new Array<boolean>(features.rowCount).fill(false);
results.push({
  case: 'policyCostCurve, k = 2..10',
  ms: time(() => policyCostCurve({ sweep, measures: tiers.measures, strategic, tiering: normalizeTiering().clusters, policy: {}, orders, demand, orderRate: rates.order, windowMonths: demand.months })),
});
console.table(results.map((r) => ({ case: r.case, size: sizes, median: `${r.ms.toFixed(1)} ms` })));
