/** The one call a notebook cell or the CLI needs: bytes + file name + spec → customer table, quality report, issues. */
import type { MappingResult } from './map/column-mapping.ts';
import { buildCustomerFeatures, type CustomerFeatures } from './features/customer-features.ts';
import { toCustomerTable } from './customers/to-customer-table.ts';
import { pickIdColumn } from './customers/id-column.ts';
import { typeMap } from './read/infer-types.ts';
import type { CustomerTable } from './customers/customer-table.ts';
import type { DataIssue } from './errors.ts';
import type { DataImportSpec } from './import-spec.ts';
import { detectInputKind, type InputKindGuess } from './map/input-kind.ts';
import { loadOrderLines, type LoadedOrderLines } from './quality/load-order-lines.ts';
import { decompressIfGzip, loadTable, peekTable } from './read/load-table.ts';
import type { TextEncodingName } from './read/decode.ts';
import type { ParallelRead } from './read/read-parallel.ts';
import type { QualityReport } from './quality/quality-report.ts';
import { whaleCurve, type WhaleCurve } from './features/whale-curve.ts';
import { orderData, type OrderData } from './features/order-data.ts';

export interface ImportedData {
  kind: InputKindGuess;
  /** The customer table segmentation runs on: features (order lines) or the file as is (customer table). */
  customers: CustomerTable | CustomerFeatures;
  /** Order lines only. */
  quality?: QualityReport;
  mapping?: MappingResult;
  /** Order lines with net_profit only. */
  whale?: WhaleCurve;
  /** Order lines only: what tiers and service policies read besides the customer table (compact, see `OrderData`). */
  orders?: OrderData;
  /** Everything recoverable met on the way (reading, features). */
  issues: DataIssue[];
  /** Text files: the encoding the bytes were read with (UTF-16 and Windows-1252 also come with an issue). */
  encoding?: TextEncodingName;
}

/**
 * Detects the kind (unless `spec.kind`), then either aggregates order lines to customer
 * features through the quality rules, or reads a customer table. Throws DataError when the file
 * cannot be read; every other problem is in `issues` or the quality report.
 */
export async function importData(input: Uint8Array, fileName: string, spec: DataImportSpec = {}, onProgress?: (fraction: number) => void, parallel?: ParallelRead): Promise<ImportedData> {
  const bytes = await decompressIfGzip(input, fileName);
  const read = readOptions(fileName, spec, onProgress, parallel);
  let kind: InputKindGuess;
  if (spec.kind) kind = detectInputKind({ source: fileName, format: 'csv', header: [], rowCount: 0, columns: new Map(), issues: [] }, {}, spec.kind);
  else kind = detectInputKind(await peekTable(bytes, { ...read, onProgress: undefined }), spec.mapping);
  if (kind.kind === 'customer-table') {
    // The id column is text even when it looks numeric (e.g. 12346), so leading zeros survive.
    const types = (header: readonly string[]) => {
      const id = pickIdColumn(header, undefined, spec.idColumn, fileName);
      return new Map([...(id ? [[id, 'text'] as const] : []), ...typeMap(spec.types)]);
    };
    const table = await loadTable(bytes, { ...read, types });
    const customers = toCustomerTable(table, { idColumn: spec.idColumn, keepNumeric: spec.keepNumeric });
    return { kind, customers, issues: customers.issues, encoding: table.encoding };
  }
  const loaded = await loadOrderLines(bytes, { ...read, mapping: spec.mapping, quality: spec.quality });
  const customers = buildCustomerFeatures(loaded.lines, spec.features);
  const profit = customers.columns.net_profit;
  return {
    kind,
    customers,
    quality: loaded.report,
    mapping: loaded.mapping,
    whale: profit ? whaleCurve(profit) : undefined,
    orders: orderData(loaded.lines, loaded.table, loaded.mapping.mapping, customers),
    issues: [...loaded.table.issues, ...customers.issues],
    encoding: loaded.table.encoding,
  };
}


/** How `importData` reads a file: its name, the reading options of the import spec, and where large files may be read in parts. */
function readOptions(fileName: string, spec: DataImportSpec, onProgress?: (fraction: number) => void, parallel?: ParallelRead) {
  return { fileName, delimiter: spec.delimiter, decimal: spec.decimal, dateOrder: spec.dateOrder, types: spec.types, onProgress, parallel };
}

/**
 * The clean order lines of a file read as `importData` reads it (same options, mapping and
 * quality rules), for analyses that need the lines themselves, e.g. stability across periods.
 */
export async function importOrderLines(input: Uint8Array, fileName: string, spec: DataImportSpec = {}, onProgress?: (fraction: number) => void, parallel?: ParallelRead): Promise<LoadedOrderLines> {
  const bytes = await decompressIfGzip(input, fileName);
  return loadOrderLines(bytes, { ...readOptions(fileName, spec, onProgress, parallel), mapping: spec.mapping, quality: spec.quality });
}
