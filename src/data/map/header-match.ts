/** Header-name comparison: normalisation, edit distance and "did you mean" suggestions. */

/** Lower-cases and drops everything but letters and digits: `Cust. No` → `custno`. */
export function normalizeHeader(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Levenshtein distance (insert, delete, substitute each cost 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * The `limit` candidates closest to `target` (or to any of `synonyms`) by edit distance on
 * normalised names, closest first; ties keep the candidates' order.
 */
export function closestMatches(
  target: string,
  candidates: readonly string[],
  limit = 3,
  synonyms: readonly string[] = [],
): string[] {
  const targets = [target, ...synonyms].map(normalizeHeader);
  const scored = candidates.map((c, index) => {
    const n = normalizeHeader(c);
    let best = Infinity;
    for (const t of targets) {
      const d = n.includes(t) || t.includes(n) ? Math.abs(n.length - t.length) * 0.5 : editDistance(n, t);
      best = Math.min(best, d / Math.max(t.length, 1));
    }
    return { c, index, best };
  });
  scored.sort((x, y) => x.best - y.best || x.index - y.index);
  return scored.slice(0, limit).map((s) => s.c);
}

/** Formats a list of names for messages: `"a", "b" and "c"`. */
export function listNames(names: readonly string[]): string {
  const q = names.map((n) => JSON.stringify(n));
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}
