import { DataError } from '../errors.ts';
import { listNames } from '../map/header-match.ts';

/**
 * Validates and tidies a header row: trims names, names blank headers `column_N`, and
 * rejects duplicate names (after trimming, case-sensitive) with a DataError naming them.
 */
export function checkHeader(raw: readonly string[], file: string): string[] {
  const names = raw.map((h, i) => {
    const t = h.trim();
    return t === '' ? `column_${i + 1}` : t;
  });
  const seen = new Map<string, number[]>();
  names.forEach((n, i) => {
    const list = seen.get(n);
    if (list) list.push(i + 1);
    else seen.set(n, [i + 1]);
  });
  const dups = [...seen].filter(([, positions]) => positions.length > 1);
  if (dups.length) {
    const detail = dups.map(([n, p]) => `${JSON.stringify(n)} (columns ${p.join(', ')})`).join('; ');
    throw new DataError(
      `the header names ${dups.length === 1 ? 'a column' : 'columns'} more than once: ${detail}`,
      { file, column: dups[0][0] },
      `Rename the duplicates so that every column has its own name (${listNames(dups.map(([n]) => n))}).`,
    );
  }
  return names;
}
