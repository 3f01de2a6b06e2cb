/** The customer table segmentation runs on: one row per customer, an id column, numeric feature columns. */
import type { DataIssue } from '../errors.ts';
import type { UnclusterableCustomer } from './unclusterable.ts';
import type { DecimalSeparator } from '../read/number-parse.ts';

/** A ready customer table: one row per customer, an id column, numeric feature columns. */
export interface CustomerTable {
  /** The file name the table came from. */
  source: string;
  /** The header of the id column. */
  idColumn: string;
  /** Customer ids, one per row, trimmed. */
  ids: string[];
  /** Numeric columns in file order (the id column is never among them). */
  numericColumns: string[];
  /** Numeric values; NaN where a cell was missing or not a number (each such case is in `issues`). */
  columns: Record<string, Float64Array>;
  /** The remaining (text) columns, values as read, trimmed; missing = ''. */
  categorical: Record<string, string[]>;
  /** Rows kept (= ids.length). */
  rowCount: number;
  /** Recoverable problems: non-numeric cells, missing values, missing/duplicate ids, zero variance. */
  issues: DataIssue[];
  /**
   * Customers with a feature value that is infinite or too large to compute with: the value is
   * NaN in `columns`, and this says which feature, what it was and why. A notebook excludes these
   * customers from clustering on those features and counts them with the reason.
   */
  unclusterable?: UnclusterableCustomer[];
  /** Data rows in the file (rows kept + rows without an id). */
  inputRows: number;
  /** The delimiter used (given or detected). */
  delimiter: string;
  /** The decimal separator used (given or detected). */
  decimal: DecimalSeparator;
}
