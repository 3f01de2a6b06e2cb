/** Customer id normalisation: trim, upper-case, and re-pad digits that lost their leading zeros. */

export interface IdNormalisation {
  trim: boolean;
  upperCase: boolean;
  repad: boolean;
}

/** The dominant `prefix + fixed-width digits` pattern of a set of ids, if at least half follow one. */
export function dominantIdPattern(ids: readonly string[]): { prefix: string; width: number } | undefined {
  const counts = new Map<string, number>();
  let total = 0;
  for (const id of ids) {
    const m = /^([A-Z]*)(\d+)$/.exec(id);
    total++;
    if (!m) continue;
    const key = `${m[1]}\u0000${m[2].length}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestN = 0;
  for (const [k, n] of counts) if (n > bestN) [best, bestN] = [k, n];
  if (!best || bestN < total / 2) return undefined;
  const [prefix, width] = best.split('\u0000');
  return { prefix, width: Number(width) };
}

/**
 * Normalises distinct raw ids. Returns the normalised id per input ('' = no id). Re-padding
 * applies to ids made of digits only, or of the dominant prefix and fewer digits than the
 * dominant width: "123" → "C000123", "C123" → "C000123".
 */
export function normalizeIds(raw: readonly string[], options: IdNormalisation): string[] {
  const step1 = raw.map((s) => {
    let v = options.trim ? s.trim() : s;
    if (options.upperCase) v = v.toUpperCase();
    return v;
  });
  if (!options.repad) return step1;
  const pattern = dominantIdPattern(step1.filter((s) => s !== ''));
  if (!pattern) return step1;
  return step1.map((s) => {
    const m = /^([A-Z]*)(\d+)$/.exec(s);
    if (!m || (m[1] !== '' && m[1] !== pattern.prefix) || m[2].length >= pattern.width) return s;
    return pattern.prefix + m[2].padStart(pattern.width, '0');
  });
}
