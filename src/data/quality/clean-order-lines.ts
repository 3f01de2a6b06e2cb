/**
 * Applies the quality rules to loaded order lines, in order, accounting for every row: each is
 * kept as a sale, kept as a return, or excluded for exactly one reason (the first rule that
 * excluded it). Returns clean typed lines and the quality report.
 */
import type { CanonicalField } from '../map/canonical-fields.ts';
import { requireOrderFields, type ColumnMapping } from '../map/column-mapping.ts';
import { columnOf, rowRecord, type LoadedTable } from '../read/columns.ts';
import { normalizeIds } from './customer-id.ts';
import { defaultAsOf } from './as-of.ts';
import { formatDate } from '../read/date-parse.ts';
import { dateField, numberField, textField, type FieldValues } from '../map/field-access.ts';
import { FREIGHT_LEVELS, imputeShippingCost } from './freight-imputation.ts';
import { gather, gatherCategories, gatherInt, gatherU8, type OrderLines } from './order-lines.ts';
import { QUALITY_RULES, RULE_INFO, normalizeQualityOptions, type QualityRuleId, type QualitySpec } from './quality-options.ts';
import { EXCLUSION_REASONS, ExampleLog, FLAG_KINDS, REPAIR_KINDS, zeroCounts, type ExclusionReason, type FlagKind, type LineageStep, type QualityReport, type RepairKind } from './quality-report.ts';
import { findExactDuplicates } from './row-hash.ts';

export interface CleanResult {
  lines: OrderLines;
  report: QualityReport;
  /** Per input row: 0 = sale, 1 = return, 2 + k = excluded for EXCLUSION_REASONS[k]. */
  status: Uint8Array;
}

const DAY = 86_400_000;
/** Orders with more lines than this compare line numbers through a Map instead of pairwise. */
const PAIRWISE_LINES = 32;

/** Row indices grouped by order code (missing = -1 first), ascending within each order: group g = code + 1 is rows[start[g]..start[g + 1]]. */
function groupByOrder(codes: Int32Array, orders: number): { start: Int32Array; rows: Int32Array } {
  const n = codes.length;
  const start = new Int32Array(orders + 2);
  for (let i = 0; i < n; i++) start[codes[i] + 2]++;
  for (let g = 0; g <= orders; g++) start[g + 1] += start[g];
  const next = start.slice();
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[next[codes[i] + 1]++] = i;
  return { start, rows };
}

/**
 * Marks alive rows whose (order, line number) key is on an earlier alive row of the same order.
 * `shared`: also mark that earlier row, and let NaN line numbers match each other (a superset of
 * exact duplicates, which agree in every cell); otherwise rows with a NaN line are never marked.
 */
function repeatedKeys(groups: { start: Int32Array; rows: Int32Array }, line: Float64Array, alive: Uint8Array, shared: boolean): Uint8Array {
  const { start, rows } = groups;
  const out = new Uint8Array(line.length);
  for (let g = 0; g + 1 < start.length; g++) {
    const a = start[g];
    const b = start[g + 1];
    if (b - a < 2) continue;
    if (b - a > PAIRWISE_LINES) {
      const first = new Map<number, number>();
      for (let x = a; x < b; x++) {
        const i = rows[x];
        const v = line[i];
        if (!alive[i] || (!shared && Number.isNaN(v))) continue;
        const j = first.get(v); // SameValueZero: 0 and -0 match, as with ===; NaN matches NaN
        if (j === undefined) first.set(v, i);
        else {
          out[i] = 1;
          if (shared) out[j] = 1;
        }
      }
      continue;
    }
    for (let x = a + 1; x < b; x++) {
      const i = rows[x];
      const v = line[i];
      if (!alive[i] || (!shared && Number.isNaN(v))) continue;
      for (let y = a; y < x; y++) {
        const j = rows[y];
        const w = line[j];
        if (alive[j] && (v === w || (shared && Number.isNaN(v) && Number.isNaN(w)))) {
          out[i] = 1;
          if (shared) out[j] = 1;
          break;
        }
      }
    }
  }
  return out;
}

/** Runs the quality rules. Throws DataError when a required field is not mapped. */
export function cleanOrderLines(table: LoadedTable, mapping: ColumnMapping, spec: QualitySpec = {}): CleanResult {
  const opts = normalizeQualityOptions(spec);
  const file = table.source;
  requireOrderFields(mapping, table.header, file);
  const n = table.rowCount;
  const decimal = table.decimal ?? '.';
  const col = (f: CanonicalField) => (mapping[f] ? table.columns.get(mapping[f]) : undefined);
  const num = (f: CanonicalField): FieldValues | undefined => {
    const c = col(f);
    return c && numberField(c, decimal);
  };
  const date = (f: CanonicalField): FieldValues | undefined => {
    const c = col(f);
    return c && dateField(c, c.type === 'date' ? c.order : 'dmy');
  };

  const status = new Uint8Array(n);
  const alive = new Uint8Array(n).fill(1);
  let aliveCount = n;
  const excluded = zeroCounts(EXCLUSION_REASONS);
  const repaired = zeroCounts(REPAIR_KINDS);
  const flagged = zeroCounts(FLAG_KINDS);
  const logs = Object.fromEntries(QUALITY_RULES.map((r) => [r, new ExampleLog()])) as Record<QualityRuleId, ExampleLog>;
  const detail = Object.fromEntries(QUALITY_RULES.map((r) => [r, {} as Record<string, number>])) as Record<QualityRuleId, Record<string, number>>;
  const lineage: LineageStep[] = [{ step: 'read', rowsIn: n, rowsOut: n, note: `${file} (${table.format})` }];
  const notes: string[] = [];
  const bump = (rule: QualityRuleId, key: string) => (detail[rule][key] = (detail[rule][key] ?? 0) + 1);
  const exclude = (i: number, reason: ExclusionReason, rule: QualityRuleId) => {
    alive[i] = 0;
    aliveCount--;
    status[i] = 2 + EXCLUSION_REASONS.indexOf(reason);
    excluded[reason]++;
    bump(rule, reason);
    logs[rule].add(i);
  };
  const repair = (i: number, kind: RepairKind, rule: QualityRuleId) => {
    repaired[kind]++;
    bump(rule, kind);
    logs[rule].add(i);
  };
  const flag = (i: number, kind: FlagKind, rule: QualityRuleId) => {
    flagged[kind]++;
    bump(rule, kind);
    logs[rule].add(i);
  };
  const step = (rule: QualityRuleId, f: () => void, note?: string) => {
    const rowsIn = aliveCount;
    if (opts.enabled[rule]) f();
    lineage.push({ step: rule, rowsIn, rowsOut: aliveCount, note: opts.enabled[rule] ? note : 'switched off' });
  };

  const orders = textField(col('order_id') as NonNullable<ReturnType<typeof col>>);
  const line = num('order_line');
  // Rows of one order share a small group, so keys are compared within it (no table-wide hash set).
  const byOrder = line && groupByOrder(orders.codes, orders.dictionary.length);
  step('exact-duplicates', () => {
    const keyFields: CanonicalField[] = ['order_id', 'order_line', 'customer_id', 'order_date', 'qty', 'unit_price'];
    // Exact duplicates agree on order and line, so only rows sharing that key need the full comparison.
    const candidates = byOrder && line ? repeatedKeys(byOrder, line.values, alive, true) : alive;
    const dup = findExactDuplicates(table, candidates, keyFields.flatMap((f) => mapping[f] ?? []));
    for (let i = 0; i < n; i++) if (dup[i]) exclude(i, 'exact-duplicate', 'exact-duplicates');
  });

  // Customer ids: normalise each distinct raw id once.
  const rawIds = textField(columnOf(table, mapping.customer_id as string));
  const normalised = opts.enabled['customer-id'] ? normalizeIds(rawIds.dictionary, opts.customerId) : rawIds.dictionary.map((s) => s.trim());
  const idIndex = new Map<string, number>();
  const customerIds: string[] = [];
  const idRemap = normalised.map((s) => {
    if (s === '') return -1;
    let c = idIndex.get(s);
    if (c === undefined) {
      c = customerIds.length;
      customerIds.push(s);
      idIndex.set(s, c);
    }
    return c;
  });
  const changed = Uint8Array.from(normalised, (s, k) => (s !== rawIds.dictionary[k] ? 1 : 0));
  const customer = new Int32Array(n);
  for (let i = 0; i < n; i++) customer[i] = rawIds.codes[i] < 0 ? -1 : idRemap[rawIds.codes[i]];
  {
    // Rows without an id are always excluded; only the repair itself can be switched off.
    const rowsIn = aliveCount;
    const repairOn = opts.enabled['customer-id'];
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      if (customer[i] < 0) exclude(i, 'missing-customer-id', 'customer-id');
      else if (repairOn && changed[rawIds.codes[i]]) repair(i, 'customer-id', 'customer-id');
    }
    lineage.push({ step: 'customer-id', rowsIn, rowsOut: aliveCount, note: repairOn ? undefined : 'normalisation switched off' });
  }

  const qty = num('qty') as FieldValues;
  const price = num('unit_price') as FieldValues;
  const orderDate = date('order_date') as FieldValues;
  step('required-values', () => {
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      if (qty.invalid[i] || price.invalid[i]) exclude(i, 'non-numeric', 'required-values');
      else if (orderDate.invalid[i]) exclude(i, 'unparseable-date', 'required-values');
      else if (Number.isNaN(qty.values[i]) || Number.isNaN(price.values[i]) || Number.isNaN(orderDate.values[i]) || orders.codes[i] < 0) exclude(i, 'missing-value', 'required-values');
    }
  });

  const ship = date('ship_date');
  const promised = date('promised_date');
  const lo = Date.UTC(opts.dates.minYear, 0, 1);
  const hi = Date.UTC(opts.dates.maxYear + 1, 0, 1);
  const plausible = (t: number) => Number.isNaN(t) || (t >= lo && t < hi);
  const asOf = opts.dates.asOf ? Date.parse(`${opts.dates.asOf}T00:00:00Z`) : defaultAsOf(orderDate.values, alive, lo, hi);
  step('date-range', () => {
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      const od = orderDate.values[i];
      const sd = ship ? ship.values[i] : NaN;
      if (!plausible(od) || !plausible(sd) || (promised && !plausible(promised.values[i]))) exclude(i, 'implausible-date', 'date-range');
      else if (od >= asOf + DAY) exclude(i, 'future-date', 'date-range');
      else if (Math.floor(sd / DAY) < Math.floor(od / DAY)) exclude(i, 'ship-before-order', 'date-range');
    }
  }, `as-of ${formatDate(asOf)}`);

  const isReturn = new Uint8Array(n);
  const prefix = opts.returns.cancellationPrefix;
  let prefixed = 0;
  if (prefix) for (const id of orders.dictionary) if (id.startsWith(prefix)) prefixed++;
  const usePrefix = prefix !== '' && prefixed <= orders.dictionary.length / 2;
  if (prefix && !usePrefix) notes.push(`Most order ids start with "${prefix}", so that prefix is not read as a cancellation marker.`);
  const cancelled = usePrefix ? orders.dictionary.map((id) => id.startsWith(prefix)) : [];
  step('returns', () => {
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      if (qty.values[i] < 0 || (usePrefix && cancelled[orders.codes[i]])) {
        isReturn[i] = 1;
        status[i] = 1;
        repair(i, 'returns', 'returns');
      }
    }
  });

  step('price', () => {
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      if (qty.values[i] === 0) exclude(i, 'zero-qty', 'price');
      else if (price.values[i] <= 0) exclude(i, 'nonpositive-price', 'price');
    }
  });

  if (!line) notes.push('No order_line column: duplicate order lines (same order and line number) cannot be checked.');
  step('duplicate-keys', () => {
    if (!line || !byOrder) return;
    const repeated = repeatedKeys(byOrder, line.values, alive, false);
    for (let i = 0; i < n; i++) if (repeated[i]) exclude(i, 'duplicate-key', 'duplicate-keys');
  });

  const cost = num('unit_cost');
  const freight = num('shipping_cost');
  const returned = num('returned_qty');
  const cleanOptional = (fv: FieldValues | undefined): Float64Array | undefined => {
    if (!fv) return undefined;
    const out = fv.values.slice();
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      if (fv.invalid[i]) flag(i, 'non-numeric-optional', 'optional-values');
      else if (out[i] < 0) flag(i, 'negative-optional', 'optional-values');
      else continue;
      out[i] = NaN;
    }
    return out;
  };
  const unitCost = cleanOptional(cost);
  const shipping = cleanOptional(freight);
  const returnedQty = cleanOptional(returned);
  for (const d of [ship, promised]) if (d) for (let i = 0; i < n; i++) if (alive[i] && d.invalid[i]) flag(i, 'unparseable-optional-date', 'optional-values');
  if (returnedQty) {
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      const q = Math.abs(qty.values[i]);
      if (Number.isNaN(returnedQty[i]) || isReturn[i]) returnedQty[i] = 0;
      else if (returnedQty[i] > q) {
        flag(i, 'returned-above-qty', 'optional-values');
        returnedQty[i] = q;
      }
    }
  }
  lineage.push({ step: 'optional-values', rowsIn: aliveCount, rowsOut: aliveCount });

  step('cost-above-price', () => {
    if (!unitCost) return;
    for (let i = 0; i < n; i++) if (alive[i] && unitCost[i] > price.values[i]) flag(i, 'cost-above-price', 'cost-above-price');
  });

  const keep = new Int32Array(aliveCount);
  for (let i = 0, k = 0; i < n; i++) if (alive[i]) keep[k++] = i;
  const region = col('region') && textField(col('region') as NonNullable<ReturnType<typeof col>>);
  const carrier = col('carrier') && textField(col('carrier') as NonNullable<ReturnType<typeof col>>);
  // Return lines carry the units returned (positive); with the returns rule off, a negative
  // quantity stays negative on a sale line and nets against the customer's sales.
  const keptQty = gather(qty.values, keep);
  for (let k = 0; k < keptQty.length; k++) if (isReturn[keep[k]]) keptQty[k] = Math.abs(keptQty[k]);
  let shippingCost = shipping && gather(shipping, keep);
  let freightLevel: Uint8Array | undefined;
  let freightSummary: QualityReport['freight'];
  step('shipping-cost', () => {
    if (!shippingCost) return;
    const imp = imputeShippingCost(shippingCost, region && gatherInt(region.codes, keep), carrier && gatherInt(carrier.codes, keep), keptQty, opts.shipping);
    for (let k = 0; k < keep.length; k++) if (imp.level[k] >= 1 && imp.level[k] <= 4) repair(keep[k], 'shipping-cost', 'shipping-cost');
    let total = 0;
    let imputed = 0;
    for (let k = 0; k < keep.length; k++) {
      if (Number.isNaN(imp.values[k])) continue;
      total += imp.values[k];
      if (imp.level[k]) imputed += imp.values[k];
    }
    shippingCost = imp.values;
    freightLevel = imp.level;
    freightSummary = { levels: Object.fromEntries(FREIGHT_LEVELS.map((l, k) => [l, imp.counts[k]])), imputedShare: total > 0 ? imputed / total : 0 };
  });
  if (!mapping.shipping_cost) notes.push('No shipping_cost column: freight, cost-to-serve and net profit are not available.');

  const cat = (f: CanonicalField) => {
    const c = col(f);
    if (!c) return undefined;
    const t = textField(c);
    return gatherCategories(t.codes, t.dictionary, keep);
  };
  const orderCats = gatherCategories(orders.codes, orders.dictionary, keep);
  const keptCustomers = gatherCategories(customer, customerIds, keep);
  const lines: OrderLines = {
    source: file,
    rowCount: keep.length,
    isReturn: gatherU8(isReturn, keep),
    customer: keptCustomers.codes,
    customerIds: keptCustomers.dictionary,
    order: orderCats.codes,
    orderIds: orderCats.dictionary,
    orderDate: gather(orderDate.values, keep),
    qty: keptQty,
    unitPrice: gather(price.values, keep),
    orderLine: line && gather(line.values, keep),
    shipDate: ship && gather(ship.values, keep),
    promisedDate: promised && gather(promised.values, keep),
    unitCost: unitCost && gather(unitCost, keep),
    shippingCost,
    freightLevel,
    returnedQty: returnedQty && gather(returnedQty, keep),
    parent: cat('parent_id'),
    region: cat('region'),
    channel: cat('channel'),
    carrier: cat('carrier'),
    productLine: cat('product_line'),
    sourceRow: keep,
    mapping,
    asOf,
  };
  let returnRows = 0;
  for (const r of lines.isReturn) returnRows += r;
  const rules = QUALITY_RULES.map((id) => ({
    id,
    ...RULE_INFO[id],
    enabled: opts.enabled[id],
    count: logs[id].count,
    detail: detail[id],
    examples: logs[id].rows.map((r) => ({ row: r + 1, line: table.lines?.[r], values: rowRecord(table, r) })),
  }));
  const report: QualityReport = {
    kind: 'tierbook.quality-report',
    version: 1,
    source: file,
    inputRows: n,
    keptRows: keep.length,
    salesRows: keep.length - returnRows,
    returnRows,
    repaired,
    excluded,
    flagged,
    rules,
    lineage,
    freight: freightSummary,
    asOf: { date: formatDate(asOf), source: opts.dates.asOf ? 'option' : 'data' },
    notes,
  };
  return { lines, report, status };
}
