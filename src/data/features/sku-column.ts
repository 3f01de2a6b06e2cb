/**
 * The product (SKU) column of order lines, for demand streams per product: the column mapped to
 * the canonical field `product_code` (so `--map product_code=Article` names it), else one found
 * among the columns no field took by header synonyms (`sku`, `StockCode`, `ProductID`,
 * `ItemCode`, `Material`, …), or named by the user; read for the kept lines through their input
 * rows.
 */
import { DataError } from '../errors.ts';
import { listNames, normalizeHeader } from '../map/header-match.ts';
import type { ColumnMapping } from '../map/column-mapping.ts';
import { cellText, type LoadedTable } from '../read/columns.ts';
import type { Categories, OrderLines } from '../quality/order-lines.ts';

/** Normalised header names taken as a SKU column, best first. */
export const SKU_SYNONYMS = [
  'sku', 'skuid', 'skucode', 'stockcode', 'stockno', 'productid', 'productcode', 'productno', 'productnumber', 'productcardid',
  'itemid', 'itemcode', 'itemnumber', 'article', 'articleno', 'articlenumber', 'artikelnr', 'material', 'materialno', 'materialnumber',
  'partno', 'partnumber', 'partid', 'upc', 'ean', 'gtin',
];

/**
 * The SKU column: `choice` when given (a header of the file; `null` = none), else the column
 * mapped to `product_code`, else the first header matching a synonym that no canonical field uses. Throws DataError for a choice that
 * names no column.
 */
export function detectSkuColumn(table: Pick<LoadedTable, 'header' | 'source'>, mapping: ColumnMapping, choice?: string | null): string | null {
  if (choice === null) return null;
  if (choice !== undefined) {
    if (!table.header.includes(choice)) {
      throw new DataError(`the SKU column is not there: ${JSON.stringify(choice)}`, { file: table.source, column: choice }, `Columns found: ${listNames(table.header)}.`);
    }
    return choice;
  }
  const mapped = mapping.product_code;
  if (typeof mapped === 'string') return mapped;
  const used = new Set(Object.values(mapping));
  const norm = table.header.map(normalizeHeader);
  for (const syn of SKU_SYNONYMS) {
    const i = norm.findIndex((h, k) => h === syn && !used.has(table.header[k]));
    if (i >= 0) return table.header[i];
  }
  return null;
}

/** The SKU of each kept line (codes into a dictionary in order of first appearance; -1 = empty cell). */
export function skuOfLines(table: LoadedTable, column: string, lines: Pick<OrderLines, 'sourceRow'>): Categories {
  const col = table.columns.get(column);
  if (col === undefined) throw new Error(`no column "${column}" in the loaded file (columns: ${table.header.join(', ')})`);
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(lines.sourceRow.length);
  lines.sourceRow.forEach((row, k) => {
    const text = cellText(col, row).trim();
    if (text === '') {
      codes[k] = -1;
      return;
    }
    let c = index.get(text);
    if (c === undefined) {
      c = dictionary.length;
      dictionary.push(text);
      index.set(text, c);
    }
    codes[k] = c;
  });
  return { codes, dictionary };
}
