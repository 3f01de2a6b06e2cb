/** Delimited text (CSV, TSV, semicolon CSV, decimal commas) to a typed `LoadedTable`, in one pass (see read-parallel.ts for parts on several threads). */
import type { LoadedTable } from './columns.ts';
import type { DateOrder } from './date-parse.ts';
import { planDelimited } from './delimited-plan.ts';
import { readBody } from './delimited-merge.ts';
import type { TypeSpec } from './infer-types.ts';
import type { DecimalSeparator } from './number-parse.ts';

/** Options shared by every reader. All but `fileName` are detected when left out. */
export interface ReadOptions {
  /** The file name as the user knows it; used in every message. */
  fileName: string;
  /** Field delimiter of text files; default: detected among `,` `;` tab `|`. */
  delimiter?: string;
  /** Decimal separator of text files; default: detected ('.' with a comma delimiter). */
  decimal?: DecimalSeparator;
  /** Day/month order of numeric dates like 03/04/2024; default: detected per column, else 'dmy'. */
  dateOrder?: DateOrder;
  /** Column types that override inference (e.g. ids as text); a function receives the header. */
  types?: TypeSpec;
  /** Called with the fraction done (0–1) while reading large files. */
  onProgress?: (fraction: number) => void;
}

/** Reads delimited text into typed columns. Throws DataError for an empty file, a header only, or duplicate headers. */
export function readDelimited(input: string, options: ReadOptions): LoadedTable {
  const { text, layout } = planDelimited(input, options);
  return readBody(text, layout, options.onProgress);
}

