/** Bytes to clean order lines in one call (file picker, drag-and-drop, fetch of the bundled sample, CLI). */
import { cleanOrderLines, type CleanResult } from './clean-order-lines.ts';
import { detectMapping, mappingTypes, type MappingResult, type MappingSpec } from '../map/column-mapping.ts';
import type { LoadedTable } from '../read/columns.ts';
import { resolveTypes } from '../read/infer-types.ts';
import { loadTable, type LoadOptions } from '../read/load-table.ts';
import type { QualitySpec } from './quality-options.ts';

export interface OrderLinesOptions extends LoadOptions {
  /** Column mapping overrides (field → header, or null to unmap). */
  mapping?: MappingSpec;
  /** Quality-rule switches and parameters. */
  quality?: QualitySpec;
}

export interface LoadedOrderLines extends CleanResult {
  table: LoadedTable;
  mapping: MappingResult;
}

/**
 * Reads order lines from bytes (gzip, CSV, JSON, Arrow or Parquet), maps columns, reads mapped
 * columns with their canonical types (user `types` still win) and applies the quality rules.
 * Throws DataError when the file cannot be read or a required column is missing.
 */
export async function loadOrderLines(bytes: Uint8Array, options: OrderLinesOptions): Promise<LoadedOrderLines> {
  const spec = options.mapping ?? {};
  const table = await loadTable(bytes, {
    ...options,
    types: (header) => new Map([...mappingTypes(detectMapping(header, spec, options.fileName).mapping), ...resolveTypes(options.types, header)]),
  });
  const mapping = detectMapping(table.header, spec, options.fileName);
  return { table, mapping, ...cleanOrderLines(table, mapping.mapping, options.quality) };
}
