/**
 * `safety-stock.csv`: one row per tier and demand stream. Demand in units per month, lead times
 * in days, service level as a fraction, safety stock in units and at unit cost. Written through
 * the one CSV cell writer, so stream names (SKUs, product lines) are neutralised against
 * spreadsheet formulas.
 */
import { csvDocument, csvNumber, csvText } from '../../data/csv-write.ts';
import type { SafetyStockTable } from './safety-stock-table.ts';

export const SAFETY_STOCK_COLUMNS = [
  'tier',
  'stream',
  'mean_monthly_demand',
  'sd_monthly_demand',
  'lead_time_days',
  'sd_lead_time_days',
  'service_level',
  'z',
  'safety_stock_units',
  'safety_stock_value',
] as const;

/** The CSV text (header and one line per row, newline-terminated); numbers to 4 decimals, money to 2. */
export function safetyStockCsv(table: SafetyStockTable): string {
  return csvDocument(
    SAFETY_STOCK_COLUMNS,
    table.rows.map((r) => [
      csvText(r.tier),
      csvText(r.stream),
      csvNumber(r.meanMonthlyDemand, 4),
      csvNumber(r.sdMonthlyDemand, 4),
      csvNumber(r.leadTimeDays, 4),
      csvNumber(r.sdLeadTimeDays, 4),
      csvNumber(r.serviceLevel),
      csvNumber(r.z, 4),
      csvNumber(r.safetyStockUnits, 2),
      csvNumber(r.safetyStockValue, 2),
    ]),
  );
}
