/** The data dictionary of customer features: name, unit, formula and the optional columns each needs. */
import type { CanonicalField } from '../map/canonical-fields.ts';
import { DEFAULT_ABC_CUTS } from '../../analytics/tiers/abc.ts';
import { DEFAULT_XYZ_BOUNDS } from '../../analytics/tiers/xyz.ts';

const pct = (f: number) => `${Math.round(f * 100)}%`;

export interface FeatureDefinition {
  readonly name: string;
  readonly label: string;
  readonly unit: string;
  readonly formula: string;
  /** Optional columns the feature needs beyond customer_id, order_id, order_date, qty, unit_price. */
  readonly needs: readonly CanonicalField[];
  /** Text (class) rather than number. */
  readonly categorical?: boolean;
}

const d = (name: string, label: string, unit: string, formula: string, needs: CanonicalField[] = [], categorical = false): FeatureDefinition => ({ name, label, unit, formula, needs, categorical });

/** Every feature `buildCustomerFeatures` can produce, in output order. Window = first order month … as-of month. */
export const FEATURE_DICTIONARY: readonly FeatureDefinition[] = [
  d('orders', 'Orders', 'orders', 'distinct order ids with at least one sales line'),
  d('order_lines', 'Order lines', 'lines', 'sales lines (returns excluded)'),
  d('units', 'Units', 'units', 'Σ qty over sales lines'),
  d('active_months', 'Active months', 'months', 'calendar months in the window with at least one order'),
  d('order_frequency', 'Order frequency', 'orders / month', 'orders / months in the window'),
  d('recency_days', 'Recency', 'days', 'as-of date − last order date'),
  d('revenue', 'Net revenue', 'currency', 'Σ (qty − returned_qty) × unit_price over sales − Σ |qty| × unit_price over return lines'),
  d('avg_order_value', 'Average order value', 'currency / order', 'revenue / orders'),
  d('lines_per_order', 'Lines per order', 'lines / order', 'order_lines / orders'),
  d('gross_margin', 'Gross margin', 'currency', 'Σ (qty − returned_qty) × (unit_price − unit_cost) − Σ |qty| × (unit_price − unit_cost) over return lines', ['unit_cost']),
  d('gross_margin_pct', 'Gross margin %', '%', 'gross_margin / revenue × 100', ['unit_cost']),
  d('margin_contribution_pct', 'Margin contribution', '%', 'gross_margin / Σ gross_margin of all customers × 100', ['unit_cost']),
  d('cts_order', 'CTS: order handling', 'currency', 'orders × order rate (default 25)'),
  d('cts_lines', 'CTS: pick/pack', 'currency', 'order_lines × line rate (default 1.5)'),
  d('cts_returns', 'CTS: returns', 'currency', 'return_lines × return-line rate (default 12)'),
  d('cts_freight', 'CTS: freight', 'currency', 'Σ shipping_cost (actual, else imputed) over product lines', ['shipping_cost']),
  d('cts_fees', 'CTS: fees', 'currency', '− Σ qty × unit_price over fee lines (non-product codes BANK CHARGES, AMAZONFEE by default): fees paid (negative lines) net of fees billed to the customer (positive lines)', ['product_code']),
  d('cts', 'Cost-to-serve', 'currency', 'cts_order + cts_lines + cts_returns + cts_freight (with a shipping_cost column) + cts_fees (with a product_code column)'),
  d('cts_per_order', 'CTS per order', 'currency / order', 'cts / orders'),
  d('cts_pct', 'CTS % of revenue', '%', 'cts / revenue × 100'),
  d('net_profit', 'Net profit after CTS', 'currency', 'gross_margin − cts + charged_freight − discounts (the last two with a product_code column)', ['unit_cost']),
  d('freight_imputed_share', 'Imputed freight share', 'fraction 0–1', 'imputed shipping cost / cts_freight', ['shipping_cost']),
  d('charged_freight', 'Freight charged', 'currency', 'Σ qty × unit_price over postage lines charged to the customer (non-product codes POST, DOT, C2 by default)', ['product_code']),
  d('discounts', 'Discounts', 'currency', '− Σ qty × unit_price over discount lines (non-product code D by default; a cancelled discount counts as given)', ['product_code']),
  d('adjustments', 'Manual adjustments', 'currency', 'Σ qty × unit_price over manual-adjustment lines (non-product code M by default); reported, not in net profit', ['product_code']),
  d('return_lines', 'Return lines', 'lines', 'sales lines with returned_qty > 0 + return/cancellation lines'),
  d('returns_rate', 'Returns rate', 'fraction 0–1', 'min(returned units, units) / units: returned units = Σ returned_qty + Σ |qty| of return lines, units = Σ qty of sales lines in the window (returns beyond them are returns_before_window)'),
  d('returns_before_window', 'Returns of earlier purchases', 'units', 'max(0, returned units − units): units returned beyond those bought in the window, i.e. bought before it (per customer)'),
  d('demand_cv', 'Demand variability (CV)', 'ratio', 'sample σ (n − 1) / μ of monthly units net of returns, by order-date month over every month of the window (zero months included)'),
  d('xyz_class', 'XYZ class', 'class', `X: CV < ${DEFAULT_XYZ_BOUNDS[0]}, Y: ${DEFAULT_XYZ_BOUNDS[0]}–${DEFAULT_XYZ_BOUNDS[1]}, Z: > ${DEFAULT_XYZ_BOUNDS[1]}`, [], true),
  d('abc_class', 'ABC class', 'class', `by cumulative share of gross margin (revenue without unit cost), largest first: A while the share before it is below ${pct(DEFAULT_ABC_CUTS[0])}, B below ${pct(DEFAULT_ABC_CUTS[1])}, C the rest and every customer ≤ 0`, [], true),
  d('lead_time_days', 'Lead time', 'days', 'mean over sales lines of ship_date − order_date', ['ship_date']),
  d('on_time_rate', 'On-time rate', 'fraction 0–1', 'orders whose lines all shipped by promised_date / orders with both dates', ['ship_date', 'promised_date']),
];

/** A feature left out for lack of a column. */
export interface UnavailableFeature {
  feature: string;
  /** Missing columns that would enable it. */
  needs: CanonicalField[];
  /** E.g. `cts needs a shipping_cost column (freight per line).` */
  note: string;
}

/** Features a mapping cannot support, each with the missing columns that would enable it (for the mapping step). */
export function unavailableFeatures(mapped: Partial<Record<CanonicalField, string>>): UnavailableFeature[] {
  const out: UnavailableFeature[] = [];
  for (const def of FEATURE_DICTIONARY) {
    const needs = def.needs.filter((f) => !mapped[f]);
    if (needs.length) out.push({ feature: def.name, needs, note: `${def.name} needs ${needs.map((f) => `a ${f} column`).join(' and ')}.` });
  }
  return out;
}
