/** Tells order lines from a ready customer table, with a reason the UI can show; the user may override. */
import { detectMapping, type MappingSpec } from './column-mapping.ts';
import { columnOf, type LoadedTable } from '../read/columns.ts';

/** What a file holds: order lines (aggregated to customers) or one row per customer (used as is). */
export type InputKind = 'order-lines' | 'customer-table';

export interface InputKindGuess {
  kind: InputKind;
  /** One sentence saying why, for the import dialog. */
  reason: string;
}

function distinctShare(table: LoadedTable, name: string): number {
  const col = columnOf(table, name);
  if (col.type !== 'text') {
    const seen = new Set<number>();
    for (const v of col.values) if (!Number.isNaN(v)) seen.add(v);
    return seen.size / Math.max(1, table.rowCount);
  }
  const seen = new Set<number>();
  for (const c of col.codes) if (c >= 0) seen.add(c);
  return seen.size / Math.max(1, table.rowCount);
}

/**
 * Order lines when the header maps to an order id, an order date and a quantity or price, or
 * when customer ids repeat across rows next to a date column; a customer table otherwise.
 */
export function detectInputKind(table: LoadedTable, spec: MappingSpec = {}, override?: InputKind): InputKindGuess {
  if (override) return { kind: override, reason: `chosen in the import options (${override}).` };
  const { mapping } = detectMapping(table.header, spec, table.source);
  if (mapping.order_id && mapping.order_date && (mapping.qty || mapping.unit_price)) {
    return { kind: 'order-lines', reason: `it has order columns (${[mapping.order_id, mapping.order_date, mapping.qty ?? mapping.unit_price].join(', ')}).` };
  }
  const hasDate = table.header.some((h) => columnOf(table, h).type === 'date');
  if (mapping.customer_id && hasDate && distinctShare(table, mapping.customer_id) < 0.67) {
    return { kind: 'order-lines', reason: `customer ids in ${JSON.stringify(mapping.customer_id)} repeat across rows next to dates.` };
  }
  return { kind: 'customer-table', reason: 'it has no order id and date columns, so each row is taken as one customer.' };
}
