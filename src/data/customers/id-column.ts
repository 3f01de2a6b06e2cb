/** Which column of a customer table holds the customer id. */
import { columnOf, type LoadedTable } from '../read/columns.ts';
import { DataError } from '../errors.ts';
import { closestMatches, listNames, normalizeHeader } from '../map/header-match.ts';

/** Normalised header names taken as a customer id column, in order of preference. */
export const ID_SYNONYMS = [
  'customerid', 'custid', 'customer', 'custno', 'customerno', 'customernumber', 'customernr', 'customercode',
  'clientid', 'client', 'accountid', 'accountnumber', 'account', 'kundennr', 'kunde', 'id',
];

/** Share of distinct values for a text column to count as "mostly unique" (id fallback). */
const UNIQUE_SHARE = 0.95;

/** The id column name that numbers the rows 1, 2, … as ids (unless the file has a column of that name). */
export const ROW_IDS = 'row';

/**
 * The id column: as given (`row`: the rows numbered, unless a column is named so), else a header
 * synonym, else the first mostly-unique text column, else `row`. Without a table (choosing
 * column types before reading) it returns undefined when no name or synonym matches.
 */
export function pickIdColumn(header: readonly string[], table: LoadedTable | undefined, idColumn: string | undefined, file: string): string | undefined {
  if (idColumn !== undefined) {
    if (header.includes(idColumn) || idColumn === ROW_IDS) return idColumn;
    throw new DataError(`there is no column ${JSON.stringify(idColumn)}`, { file, column: idColumn }, `Columns found: ${listNames(header)}. Closest: ${listNames(closestMatches(idColumn, header))}. Or number the rows as ids with the id column "row" (command line: --id row).`);
  }
  const norm = header.map(normalizeHeader);
  for (const syn of ID_SYNONYMS) {
    const i = norm.indexOf(syn);
    if (i >= 0) return header[i];
  }
  if (!table) return undefined;
  for (const h of header) {
    const col = columnOf(table, h);
    if (col.type !== 'text') continue;
    const seen = new Set<number>();
    let present = 0;
    for (const c of col.codes) {
      if (c < 0) continue;
      seen.add(c);
      present++;
    }
    if (present && seen.size / present >= UNIQUE_SHARE) return h;
  }
  return ROW_IDS;
}

