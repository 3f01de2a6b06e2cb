/**
 * What the tiers and service-policy sections read from order lines besides the customer table,
 * reduced in the import (in the worker) to compact typed arrays: demand by customer x product x
 * month (safety stock, open demand), the orders as placed (policy impact), customer x
 * product-line slices (KPIs by product line) and each customer's parent account (the parent
 * rule). The clean order lines themselves stay behind: a million lines are ~100 MB of columns,
 * these a few MB. The fields are flat (typed arrays at most two levels down) so a worker moves
 * them to the page instead of copying them.
 */
import type { DemandBase } from '../../analytics/policy/demand-base.ts';
import type { OrderHistory } from '../../analytics/policy/order-history.ts';
import type { KpiRows } from '../../analytics/tiers/customer-measures.ts';
import type { KpiGrouping } from '../../analytics/tiers/tier-kpis.ts';
import type { ColumnMapping } from '../map/column-mapping.ts';
import type { OrderLines } from '../quality/order-lines.ts';
import type { LoadedTable } from '../read/columns.ts';
import type { CustomerFeatures } from './customer-features.ts';
import { parentAccountRows, rowOfCustomerCode } from './customer-rows.ts';
import { demandBase } from './demand-base.ts';
import { orderHistory } from './order-history.ts';
import { productLineRows } from './product-line-rows.ts';
import { detectSkuColumn, skuOfLines } from './sku-column.ts';

export interface OrderData {
  /** Demand per (customer, product) pair and month; products are SKUs, product lines or none (`demand.basis`). */
  readonly demand: DemandBase;
  /** Orders as placed (value, units, week), for minimum orders, surcharges and delivery days. */
  readonly history: OrderHistory;
  /** Customer x product-line slices as additive KPI rows; null without a product_line column. */
  readonly productLineRows: KpiRows | null;
  /** The product line of each slice. */
  readonly productLineGrouping: KpiGrouping | null;
  /** Row of each customer's parent account (see `parentAccountRows`); null without parents or with features per parent. */
  readonly parentRows: Int32Array | null;
  /** The file's SKU column the demand streams use, or null (then the product line, else the tier as a whole). */
  readonly skuColumn: string | null;
  /** Months of the window (first order month to the as-of month), for annual figures. */
  readonly months: number;
}

/** Builds the order data of `lines`, whose customer table is `features` (same rows). */
export function orderData(lines: OrderLines, table: LoadedTable, mapping: ColumnMapping, features: CustomerFeatures): OrderData {
  const rows = rowOfCustomerCode(lines, features.ids, features.level);
  const skuColumn = detectSkuColumn(table, mapping);
  const slices = productLineRows(lines, rows, features.options.rates);
  return {
    demand: demandBase(lines, rows, skuColumn ? skuOfLines(table, skuColumn, lines) : undefined),
    history: orderHistory(lines, rows),
    productLineRows: slices?.rows ?? null,
    productLineGrouping: slices?.grouping ?? null,
    parentRows: features.level === 'customer' && lines.parent ? parentAccountRows(lines, features.ids, features.columns.revenue) : null,
    skuColumn,
    months: features.months,
  };
}
