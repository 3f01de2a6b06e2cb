/** Jaccard similarity of two sets: |A ∩ B| / |A ∪ B|. */

/** Jaccard from counts: |A ∩ B| = `both`, |A| = `a`, |B| = `b`. Two empty sets give 0 (nothing was recovered). */
export function jaccardFromCounts(both: number, a: number, b: number): number {
  const union = a + b - both;
  return union > 0 ? both / union : 0;
}

/** Jaccard of two collections of ids (repeats count once). */
export function jaccard<T>(a: Iterable<T>, b: Iterable<T>): number {
  const left = new Set(a);
  const right = new Set(b);
  let both = 0;
  for (const x of left) if (right.has(x)) both++;
  return jaccardFromCounts(both, left.size, right.size);
}
