/**
 * A seeded generator of realistic order lines (DOMAIN.md §8) that injects each data defect at
 * a known rate on disjoint rows and records the ground truth, so tests can assert that each
 * quality rule finds exactly what was injected. shipping_cost is per line.
 */
import { createRandom, type Random } from '../../analytics/random.ts';
import { formatDate as isoDate } from '../read/date-parse.ts';
import { csvFormatted, csvLine, csvText } from '../csv-write.ts';

export const ORDER_COLUMNS = [
  'order_id', 'order_line', 'customer_id', 'parent_id', 'order_date', 'ship_date', 'promised_date', 'region', 'channel',
  'product_line', 'carrier', 'qty', 'unit_price', 'unit_cost', 'shipping_cost', 'returned_qty',
] as const;

/** Injected defects; 'clean' rows carry none. */
export const DEFECTS = [
  'clean', 'missing-shipping', 'id-variant', 'exact-duplicate', 'key-duplicate', 'negative-qty', 'implausible-date', 'future-date',
  'ship-before-order', 'cost-above-price', 'zero-price', 'missing-customer', 'non-numeric-qty',
] as const;
export type Defect = (typeof DEFECTS)[number];

/** Share of base lines given each defect (rows added for duplicates and returns). */
export type DefectRates = Record<Exclude<Defect, 'clean'>, number>;

export const DEFAULT_DEFECT_RATES: Readonly<DefectRates> = {
  'missing-shipping': 0.07, 'id-variant': 0.01, 'exact-duplicate': 0.007, 'key-duplicate': 0.002, 'negative-qty': 0.005, 'implausible-date': 0.001,
  'future-date': 0.001, 'ship-before-order': 0.001, 'cost-above-price': 0.01, 'zero-price': 0.002, 'missing-customer': 0.002, 'non-numeric-qty': 0.001,
};

export interface SyntheticOrdersSpec {
  /** Default 7. */
  seed?: number;
  /** Default 5,000. */
  customers?: number;
  /** Approximate clean lines before defects add rows; default 200,000. */
  lines?: number;
  /** Calendar year of the orders; default 2024. */
  year?: number;
  /** Defect rates; default DEFAULT_DEFECT_RATES; pass `{}`-merged zeros for a clean file. */
  defects?: Partial<DefectRates>;
}

export interface SyntheticOrders {
  header: readonly string[];
  /** Rows as cell texts, in file order. */
  rows: string[][];
  /** Ground truth per row (index into DEFECTS). */
  truth: Uint8Array;
  /** Rows per defect. */
  counts: Record<Defect, number>;
}

const REGIONS = ['North', 'South', 'East', 'West', 'Central'];
const CHANNELS = ['EDI', 'portal', 'phone', 'email'];
const CARRIERS = ['FreightCo', 'ParcelNow', 'RoadHaul', 'OwnFleet'];
const PRODUCTS = [['Fasteners', 4], ['Tools', 40], ['Electrical', 25], ['Safety', 15], ['Packaging', 8]] as const;
const DAY = 86_400_000;
const dayText = new Map<number, string>();

/** ISO date text, cached per day (the generator writes millions of dates). */
function formatDate(t: number): string {
  let s = dayText.get(t);
  if (s === undefined) {
    s = isoDate(t);
    if (dayText.size < 100_000) dayText.set(t, s);
  }
  return s;
}

interface Customer { id: string; parent: string; region: string; channel: string; size: number; qtyMean: number; sla: number; discount: number }

/** A price list: per product line, 40 items with a list price and a unit cost (10–50% margin). */
interface Item { line: string; price: number; cost: number }

function makeCatalogue(rng: Random): Item[] {
  return PRODUCTS.flatMap(([line, base]) =>
    Array.from({ length: 40 }, () => {
      const price = Math.round(base * rng.lognormal(0, 0.5) * 100) / 100 + 0.5;
      return { line, price, cost: Math.round(price * (0.5 + 0.4 * rng.next()) * 100) / 100 };
    }),
  );
}

function money(x: number): string {
  return (Math.round(x * 100) / 100).toFixed(2);
}

function makeCustomers(rng: Random, n: number): Customer[] {
  const parents = Array.from({ length: Math.max(1, Math.round(n * 0.03)) }, (_, k) => `P${String(k + 1).padStart(5, '0')}`);
  return Array.from({ length: n }, (_, k) => {
    const channel = rng.weighted(CHANNELS, [0.25, 0.35, 0.2, 0.2]);
    return {
      id: `C${String(k + 1).padStart(6, '0')}`,
      parent: rng.chance(0.15) ? rng.pick(parents) : '',
      region: rng.weighted(REGIONS, [0.26, 0.22, 0.2, 0.18, 0.14]),
      channel,
      size: Math.min(400, rng.pareto(1.16, 1)),
      qtyMean: rng.lognormal(Math.log(channel === 'EDI' ? 12 : 4), 0.6),
      sla: rng.pick([2, 3, 5]),
      discount: rng.pick([0, 0, 0.05, 0.1, 0.15]),
    };
  });
}

function orderDay(rng: Random, year: number): number {
  const w = Array.from({ length: 12 }, (_, m) => 1 + 0.25 * Math.sin((2 * Math.PI * (m - 8)) / 12));
  for (;;) {
    const m = rng.weighted([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], w);
    const days = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
    const t = Date.UTC(year, m, 1 + rng.int(days));
    const wd = new Date(t).getUTCDay();
    if ((wd === 0 || wd === 6) && rng.chance(0.8)) continue;
    return t;
  }
}

/** Generates the lines, then injects the defects; same spec, same rows. */
export function generateOrders(spec: SyntheticOrdersSpec = {}): SyntheticOrders {
  const rng = createRandom(spec.seed ?? 7);
  const year = spec.year ?? 2024;
  const rates: DefectRates = { ...DEFAULT_DEFECT_RATES, ...spec.defects };
  const customers = makeCustomers(rng.fork('customers'), spec.customers ?? 5000);
  if (customers.length >= 4) {
    // Two parent cycles (A → B → A) for the roll-up to detect.
    for (const [a, b] of [[0, 1], [2, 3]]) [customers[a].parent, customers[b].parent] = [customers[b].id, customers[a].id];
  }
  const targetOrders = (spec.lines ?? 200_000) / 4;
  const sizeSum = customers.reduce((s, c) => s + c.size, 0);
  const k = Math.max(0, targetOrders - customers.length) / sizeSum;
  const lineRng = rng.fork('lines');
  const catalogue = makeCatalogue(rng.fork('catalogue'));
  type Row = string[];
  const base: { row: Row; t: number }[] = [];
  let orderNo = 0;
  for (const c of customers) {
    const orders = 1 + Math.floor(c.size * k + lineRng.next());
    const carrier = lineRng.weighted(CARRIERS, [0.35, 0.3, 0.2, 0.15]);
    for (let o = 0; o < orders; o++) {
      const t = orderDay(lineRng, year);
      const id = `SO${String(++orderNo).padStart(7, '0')}`;
      const nLines = 1 + lineRng.poisson(3);
      // The order ships as one: ~90% within the SLA, the rest 1–3 days late.
      const lead = lineRng.chance(0.9) ? 1 + lineRng.int(c.sla) : c.sla + 1 + lineRng.int(3);
      const ship = t + lead * DAY;
      for (let l = 1; l <= nLines; l++) {
        const item = catalogue[lineRng.int(catalogue.length)];
        const product = item.line;
        const qty = 1 + lineRng.poisson(c.qtyMean);
        const price = Math.max(item.cost + 0.01, item.price * (1 - c.discount));
        const cost = item.cost;
        // Freight from a rate card (carrier base + per unit), ±10% in 0.50 steps.
        const freight = Math.round(((carrier === 'OwnFleet' ? 6 : 9) * (1 + Math.sqrt(qty) * 0.5) * (0.9 + 0.2 * lineRng.next())) * 2) / 2;
        const returned = lineRng.chance(0.03) ? 1 + lineRng.int(qty) : 0;
        base.push({
          t,
          row: [id, String(l), c.id, c.parent, formatDate(t), formatDate(ship), formatDate(t + c.sla * DAY), c.region, c.channel, product, carrier, String(qty), money(price), money(Math.min(cost, price - 0.01)), money(freight), String(returned)],
        });
      }
    }
  }
  base.sort((a, b) => a.t - b.t || (a.row[0] < b.row[0] ? -1 : a.row[0] > b.row[0] ? 1 : Number(a.row[1]) - Number(b.row[1])));
  // Number orders in date order, as an ERP would.
  const renumber = new Map<string, string>();
  for (const { row } of base) {
    let id = renumber.get(row[0]);
    if (id === undefined) {
      id = `SO${String(renumber.size + 1).padStart(7, '0')}`;
      renumber.set(row[0], id);
    }
    row[0] = id;
  }
  return injectDefects(base.map((b) => b.row), rates, rng.fork('defects'), year);
}

function injectDefects(rows: string[][], rates: DefectRates, rng: Random, year: number): SyntheticOrders {
  const n = rows.length;
  const defect = new Uint8Array(n);
  const col = (name: (typeof ORDER_COLUMNS)[number]) => ORDER_COLUMNS.indexOf(name);
  // Disjoint row sets: shuffle indices and deal them out.
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  let next = 0;
  const take = (d: Defect, extra: (carrierBias: string) => boolean = () => true) => {
    const want = Math.round(n * rates[d as Exclude<Defect, 'clean'>]);
    const out: number[] = [];
    for (let scanned = 0; out.length < want && next < idx.length && scanned < n; scanned++) {
      const i = idx[next++];
      if (extra(rows[i][col('carrier')])) out.push(i);
      else idx.push(i);
    }
    for (const i of out) defect[i] = DEFECTS.indexOf(d);
    return out;
  };
  // Missing shipping cost, skewed to one carrier: FreightCo lines always qualify, others 1 in 3.
  for (const i of take('missing-shipping', (c) => c === 'FreightCo' || rng.chance(0.33))) rows[i][col('shipping_cost')] = '';
  for (const i of take('id-variant')) {
    const id = rows[i][col('customer_id')];
    rows[i][col('customer_id')] = rng.pick([` ${id}`, id.toLowerCase(), `${id} `, String(Number(id.slice(1)))]);
  }
  for (const i of take('implausible-date')) {
    const monthDay = rows[i][col('order_date')].slice(4).replace('-02-29', '-02-28');
    rows[i][col('order_date')] = `${rng.pick(['1900', '2099'])}${monthDay}`;
  }
  for (const i of take('future-date')) {
    const t = Date.UTC(year + 1, 8 + rng.int(12), 1 + rng.int(28));
    rows[i][col('order_date')] = formatDate(t);
    rows[i][col('ship_date')] = formatDate(t + 2 * DAY);
    rows[i][col('promised_date')] = formatDate(t + 3 * DAY);
  }
  for (const i of take('ship-before-order')) rows[i][col('ship_date')] = formatDate(Date.parse(rows[i][col('order_date')]) - (1 + rng.int(5)) * DAY);
  for (const i of take('cost-above-price')) rows[i][col('unit_cost')] = money(Number(rows[i][col('unit_price')]) * 1.15 + 0.01);
  for (const i of take('zero-price')) rows[i][col('unit_price')] = '0.00';
  for (const i of take('missing-customer')) rows[i][col('customer_id')] = '';
  for (const i of take('non-numeric-qty')) rows[i][col('qty')] = `${rows[i][col('qty')]} pcs`;
  // Added rows: copies and returns of clean rows, placed right after their source.
  const after = new Map<number, { row: string[]; d: Defect }[]>();
  const add = (i: number, row: string[], d: Defect) => after.set(i, [...(after.get(i) ?? []), { row, d }]);
  for (const i of take('exact-duplicate')) add(i, [...rows[i]], 'exact-duplicate');
  for (const i of take('key-duplicate')) add(i, rows[i].map((v, c) => (c === col('qty') ? String(Number(v) + 1) : v)), 'key-duplicate');
  for (const i of take('negative-qty')) {
    const r = [...rows[i]];
    const od = Math.min(Date.parse(r[col('order_date')]) + (3 + rng.int(10)) * DAY, Date.UTC(year, 11, 31));
    r[col('order_id')] = `C${r[col('order_id')]}`;
    r[col('qty')] = String(-(1 + rng.int(Number(r[col('qty')]))));
    r[col('order_date')] = formatDate(od);
    r[col('ship_date')] = formatDate(od);
    r[col('promised_date')] = formatDate(od);
    r[col('shipping_cost')] = '0.00';
    r[col('returned_qty')] = '0';
    add(i, r, 'negative-qty');
  }
  // Base rows used as sources of copies/returns were 'taken' too, so they stay clean themselves.
  for (const i of after.keys()) defect[i] = 0;
  const out: string[][] = [];
  const truth: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(rows[i]);
    truth.push(defect[i]);
    for (const extra of after.get(i) ?? []) {
      out.push(extra.row);
      truth.push(DEFECTS.indexOf(extra.d));
    }
  }
  const counts = Object.fromEntries(DEFECTS.map((d) => [d, 0])) as Record<Defect, number>;
  for (const t of truth) counts[DEFECTS[t]]++;
  return { header: ORDER_COLUMNS, rows: out, truth: Uint8Array.from(truth), counts };
}

/** Writes rows as CSV with `\n` line ends; numerals keep their digits, text cells go through csvText. */
export function ordersToCsv(data: Pick<SyntheticOrders, 'header' | 'rows'>): string {
  const parts = [csvLine(data.header.map((h) => csvText(h)))];
  for (const r of data.rows) parts.push(csvLine(r.map((c) => csvFormatted(c))));
  return `${parts.join('\n')}\n`;
}
