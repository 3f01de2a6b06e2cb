/**
 * Applies the quality rules to loaded order lines, in order, over one shared ledger that
 * accounts for every row: each is kept as a sale, kept as a return, or excluded for exactly one
 * reason (the first rule that excluded it). Each rule lives in its own file under `rules/`.
 * Returns clean typed lines and the quality report.
 */
import type { ColumnMapping } from '../map/column-mapping.ts';
import { rowRecord, type LoadedTable } from '../read/columns.ts';
import { formatDate } from '../read/date-parse.ts';
import { keptLines, keptQuantities } from './kept-lines.ts';
import { QualityLedger } from './ledger.ts';
import { readOrderFields } from './order-fields.ts';
import { groupByOrder } from './order-groups.ts';
import type { OrderLines } from './order-lines.ts';
import { QUALITY_RULES, RULE_INFO, normalizeQualityOptions, type QualitySpec } from './quality-options.ts';
import type { QualityReport } from './quality-report.ts';
import { flagCostAbovePrice } from './rules/cost-above-price.ts';
import { normalizeCustomerIds } from './rules/customer-id.ts';
import { dateWindow, excludeDatesOutOfRange } from './rules/date-range.ts';
import { excludeDuplicateKeys } from './rules/duplicate-keys.ts';
import { excludeExactDuplicates } from './rules/exact-duplicates.ts';
import { cleanOptionalValues } from './rules/optional-values.ts';
import { excludeNonpositivePrices } from './rules/price.ts';
import { excludeMissingRequired } from './rules/required-values.ts';
import { cancellationMarks, routeReturns } from './rules/returns.ts';
import { imputeMissingShipping } from './rules/shipping-cost.ts';
import { routeNonProductLines } from './rules/non-product.ts';
import { NON_PRODUCT_BUCKETS } from './rule-types.ts';
import { gatherU8 } from './order-lines.ts';

export interface CleanResult {
  lines: OrderLines;
  report: QualityReport;
  /** Per input row: 0 = sale, 1 = return, 2 = non-product line, 3 + k = excluded for EXCLUSION_REASONS[k] (see ledger.ts). */
  status: Uint8Array;
}

/** Runs the quality rules. Throws DataError when a required field is not mapped. */
export function cleanOrderLines(table: LoadedTable, mapping: ColumnMapping, spec: QualitySpec = {}): CleanResult {
  const opts = normalizeQualityOptions(spec);
  const fields = readOrderFields(table, mapping);
  const { n, file } = fields;
  const on = opts.enabled;
  const ledger = new QualityLedger(n, { step: 'read', rowsIn: n, rowsOut: n, note: `${file} (${table.format})` });

  // Rows of one order share a small group, so keys are compared within it (no table-wide hash set).
  const byOrder = fields.line && groupByOrder(fields.orders.codes, fields.orders.dictionary.length);
  ledger.step('exact-duplicates', on['exact-duplicates'], () => excludeExactDuplicates(fields, ledger, byOrder));
  const customers = normalizeCustomerIds(fields, ledger, opts);
  ledger.step('required-values', on['required-values'], () => excludeMissingRequired(fields, ledger));
  const window = dateWindow(fields, ledger, opts);
  ledger.step('date-range', on['date-range'], () => excludeDatesOutOfRange(fields, ledger, window), `as-of ${formatDate(window.asOf)}`);
  const bucket = new Uint8Array(fields.productCode ? n : 0);
  if (!fields.productCode) ledger.notes.push('No product_code column: postage, discount and fee lines cannot be told from products.');
  ledger.step('non-product', on['non-product'], () => routeNonProductLines(fields, ledger, opts, bucket));
  const isReturn = new Uint8Array(n);
  const cancelled = cancellationMarks(fields, ledger, opts);
  ledger.step('returns', on.returns, () => routeReturns(fields, ledger, cancelled, isReturn));
  ledger.step('price', on.price, () => excludeNonpositivePrices(fields, ledger));
  if (!fields.line) ledger.notes.push('No order_line column: duplicate order lines (same order and line number) cannot be checked.');
  ledger.step('duplicate-keys', on['duplicate-keys'], () => excludeDuplicateKeys(fields, ledger, byOrder, customers));
  const optional = cleanOptionalValues(fields, ledger, isReturn);
  ledger.step('cost-above-price', on['cost-above-price'], () => flagCostAbovePrice(fields, ledger, optional.unitCost));

  const keep = ledger.keptRows();
  const keptQty = keptQuantities(fields, keep, isReturn);
  const nonProduct = fields.productCode && gatherU8(bucket, keep);
  const shipping = imputeMissingShipping(fields, ledger, opts, optional.shipping, keep, keptQty, nonProduct);
  const lines = keptLines(fields, { keep, isReturn, customers, keptQty, optional, shipping, asOf: window.asOf, nonProduct });

  let returnRows = 0;
  for (const r of lines.isReturn) returnRows += r;
  const buckets = nonProductTotals(lines);
  const nonProductRows = NON_PRODUCT_BUCKETS.reduce((s, b) => s + buckets[b].lines, 0);
  const tally = ledger.outcome();
  const report: QualityReport = {
    kind: 'tierbook.quality-report',
    version: 1,
    source: file,
    inputRows: n,
    keptRows: keep.length,
    salesRows: keep.length - returnRows - nonProductRows,
    returnRows,
    nonProductRows,
    nonProduct: buckets,
    repaired: tally.repaired,
    excluded: tally.excluded,
    flagged: tally.flagged,
    rules: QUALITY_RULES.map((id) => ({
      id,
      ...RULE_INFO[id],
      enabled: on[id],
      count: tally.logs[id].count,
      detail: tally.detail[id],
      examples: tally.logs[id].rows.map((r) => ({ row: r + 1, line: table.lines?.[r], values: rowRecord(table, r) })),
    })),
    lineage: ledger.lineage,
    freight: shipping.summary,
    asOf: { date: formatDate(window.asOf), source: window.source, reason: window.reason },
    notes: ledger.notes,
  };
  return { lines, report, status: ledger.status };
}

/** Lines and Σ qty × unit_price per non-product bucket. */
function nonProductTotals(lines: OrderLines): QualityReport['nonProduct'] {
  const out = Object.fromEntries(NON_PRODUCT_BUCKETS.map((b) => [b, { lines: 0, amount: 0 }])) as QualityReport['nonProduct'];
  const kinds = lines.nonProduct;
  if (!kinds) return out;
  for (let k = 0; k < kinds.length; k++) {
    if (!kinds[k]) continue;
    const t = out[NON_PRODUCT_BUCKETS[kinds[k] - 1]];
    t.lines++;
    t.amount += lines.qty[k] * lines.unitPrice[k];
  }
  return out;
}
