/** Maps file headers to canonical fields: automatic from synonyms, overridable, with clear failures. */
import { CANONICAL_FIELDS, FIELD_INFO, REQUIRED_FIELDS, type CanonicalField } from './canonical-fields.ts';
import type { ColumnType } from '../read/columns.ts';
import { DataError } from '../errors.ts';
import { closestMatches, editDistance, listNames, normalizeHeader } from './header-match.ts';

/** Field → header. A missing key means "not in the file". */
export type ColumnMapping = Partial<Record<CanonicalField, string>>;

/** User overrides: field → header, or `null` to unmap an automatic match. */
export type MappingSpec = Partial<Record<CanonicalField, string | null>>;

/** How each mapped field was matched: by the user, an exact synonym, or a near miss (confirm it). */
export type MatchKind = 'user' | 'synonym' | 'fuzzy';

export interface MappingResult {
  mapping: ColumnMapping;
  matchedBy: Partial<Record<CanonicalField, MatchKind>>;
  /** Headers not mapped to any field, in file order. */
  unmapped: string[];
}

/**
 * Matches headers to canonical fields. User choices win; then exact synonyms (normalised
 * names, best synonym first); then near misses (edit distance 1 on names of 6+ letters).
 * A header is used for at most one field. Throws DataError for a user choice that names no column.
 */
export function detectMapping(header: readonly string[], spec: MappingSpec = {}, file = 'the file'): MappingResult {
  const mapping: ColumnMapping = {};
  const matchedBy: Partial<Record<CanonicalField, MatchKind>> = {};
  const used = new Set<string>();
  for (const field of CANONICAL_FIELDS) {
    const choice = spec[field];
    if (choice === undefined || choice === null) continue;
    if (!header.includes(choice)) {
      throw new DataError(
        `the mapping for ${field} names a column that is not there: ${JSON.stringify(choice)}`,
        { file, column: choice },
        `Columns found: ${listNames(header)}. Closest: ${listNames(closestMatches(choice, header))}.`,
      );
    }
    mapping[field] = choice;
    matchedBy[field] = 'user';
    used.add(choice);
  }
  const norm = header.map(normalizeHeader);
  const open = CANONICAL_FIELDS.filter((fld) => spec[fld] === undefined);
  for (const field of open) {
    for (const syn of FIELD_INFO[field].synonyms) {
      const i = norm.findIndex((n, k) => n === syn && !used.has(header[k]));
      if (i >= 0) {
        mapping[field] = header[i];
        matchedBy[field] = 'synonym';
        used.add(header[i]);
        break;
      }
    }
  }
  for (const field of open) {
    if (mapping[field]) continue;
    const i = norm.findIndex((n, k) => !used.has(header[k]) && FIELD_INFO[field].synonyms.some((s) => s.length >= 6 && editDistance(n, s) <= 1));
    if (i >= 0) {
      mapping[field] = header[i];
      matchedBy[field] = 'fuzzy';
      used.add(header[i]);
    }
  }
  return { mapping, matchedBy, unmapped: header.filter((h) => !used.has(h)) };
}

/** Throws a DataError listing missing required fields, the columns found and the closest matches. */
export function requireOrderFields(mapping: ColumnMapping, header: readonly string[], file: string): void {
  const missing = REQUIRED_FIELDS.filter((f) => !mapping[f]);
  if (missing.length === 0) return;
  const unmapped = header.filter((h) => !Object.values(mapping).includes(h));
  const closest = missing.map((f) => `${f}: ${listNames(closestMatches(f, unmapped.length ? unmapped : header, 3, FIELD_INFO[f].synonyms)) || 'none'}`);
  throw new DataError(
    `no column was found for ${listNames(missing)}, which order lines need`,
    { file, column: missing[0] },
    `Columns found: ${listNames(header)}. Closest matches — ${closest.join('; ')}. Choose the columns in the import options (command line: --map ${missing[0]}=<column>).`,
  );
}

/** Column types implied by a mapping: ids and categories as text, dates as dates, amounts as numbers. */
export function mappingTypes(mapping: ColumnMapping): Map<string, ColumnType> {
  const out = new Map<string, ColumnType>();
  for (const field of CANONICAL_FIELDS) {
    const h = mapping[field];
    if (h) out.set(h, FIELD_INFO[field].type);
  }
  return out;
}

/**
 * Parses a command-line mapping, `customer_id=CustomerID,order_id=InvoiceNo` (`field=` unmaps).
 * Throws `invalid mapping field: "x" (expected customer_id, …)`.
 */
export function parseMappingSpec(text: string): MappingSpec {
  const spec: MappingSpec = {};
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const field = (eq < 0 ? part : part.slice(0, eq)).trim();
    if (!(CANONICAL_FIELDS as readonly string[]).includes(field)) {
      throw new DataError(`invalid mapping field: ${JSON.stringify(field)} (expected ${CANONICAL_FIELDS.join(', ')})`);
    }
    if (eq < 0) throw new DataError(`invalid mapping: ${JSON.stringify(part)} (expected field=column)`);
    const column = part.slice(eq + 1).trim();
    spec[field as CanonicalField] = column === '' ? null : column;
  }
  return spec;
}
