/**
 * Parses `name=keyword,...` text inputs (column types, per-feature transforms): each value must
 * be one of `allowed`. Throws `invalid <what>: "<part>" (expected <expected>)` naming the part at
 * fault. The last `=` splits, so a name may itself contain one.
 */
export function keywordPairs<T extends string>(
  text: string,
  allowed: readonly T[],
  what: string,
  expected: string,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (eq <= 0 || name === '' || !(allowed as readonly string[]).includes(value)) {
      throw new Error(`invalid ${what}: "${part}" (expected ${expected})`);
    }
    out[name] = value as T;
  }
  return out;
}
