/** Arquero as the interchange: customer tables to and from Arquero tables (and so Arrow IPC). */
import { table as aqTable, type ColumnTable } from 'arquero';
import type { CustomerTable } from './customer-table.ts';
import { nameRecord } from '../name-record.ts';

/** An Arquero table with the id column, categorical columns (strings) and numeric columns (Float64Array). */
export function customerTableToArquero(t: CustomerTable): ColumnTable {
  const columns = nameRecord<ArrayLike<unknown>>([[t.idColumn, t.ids]]);
  for (const [name, values] of Object.entries(t.categorical)) columns[name] = values;
  for (const name of t.numericColumns) columns[name] = t.columns[name];
  return aqTable(columns);
}
