import { alignLabels } from '../agreement/align.ts';
import { adjustedRandIndex } from '../agreement/ari.ts';

/** How far a clustering moved from a reference on the same rows. */
export interface Agreement {
  /** Adjusted Rand Index against the reference (noise is a group of its own); 1 = the same partition. */
  readonly ari: number;
  /** Share of rows in another cluster after Hungarian matching of the ids (noise to noise), 1 - trace / n. */
  readonly shareChanged: number;
}

/** A labelling's clusters matched to a reference's. */
export interface Matching {
  /** mapping[own cluster] = the reference cluster it is matched to, or -1 when it has no partner. */
  readonly mapping: Int32Array;
  /** Share of rows whose matched cluster differs from the reference (noise to noise counts as kept). */
  readonly shareChanged: number;
}

/**
 * Matches the clusters of `labels` to those of `reference` on the same rows: Hungarian
 * matching maximising the customers kept (DOMAIN 5.6), noise taking no part. The reference's
 * clusters enter the matching in order of first appearance, not by id, so when two matchings
 * keep as many customers, the choice between them does not depend on how the reference
 * happens to be numbered (relabelling a baseline must change no result). Own clusters beyond
 * the reference's (or without customers in common) get -1.
 */
export function matchToReference(reference: ArrayLike<number>, labels: ArrayLike<number>): Matching {
  const code = new Map<number, number>();
  const names: number[] = [];
  const coded = Int32Array.from(reference, (c) => {
    if (c < 0) return c;
    let v = code.get(c);
    if (v === undefined) {
      v = names.length;
      code.set(c, v);
      names.push(c);
    }
    return v;
  });
  let own = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] + 1 > own) own = labels[i] + 1;
  // k = 0 would lift alignLabels' restriction to 0..k-1: with no reference cluster there is nothing to match
  const aligned = names.length > 0 ? alignLabels(coded, labels, names.length) : null;
  const mapping = new Int32Array(own).fill(-1);
  for (let c = 0; c < own; c++) {
    const to = aligned?.mapping[c] ?? -1;
    if (to >= 0 && to < names.length) mapping[c] = names[to];
  }
  let changed = 0;
  for (let i = 0; i < labels.length; i++) {
    const to = labels[i] < 0 ? -1 : mapping[labels[i]];
    if (to !== reference[i] || (to === -1 && labels[i] >= 0)) changed++;
  }
  return { mapping, shareChanged: labels.length ? changed / labels.length : 0 };
}

/** ARI and share changed of `labels` against `reference` (same rows), with the matching used. */
export function agreementWith(reference: ArrayLike<number>, labels: ArrayLike<number>): Agreement & Matching {
  return { ari: adjustedRandIndex(reference, labels), ...matchToReference(reference, labels) };
}

/**
 * `labels` renamed by `mapping`; noise stays -1, and a cluster without a partner takes the
 * lowest id from `k` up that is not in use, so the result never merges two clusters.
 */
export function renamed(labels: ArrayLike<number>, mapping: Int32Array, k: number): Int32Array {
  const full = Array.from(mapping);
  const used = new Set(full.filter((to) => to >= 0));
  let next = k;
  for (let c = 0; c < full.length; c++) {
    if (full[c] >= 0) continue;
    while (used.has(next)) next++;
    full[c] = next;
    used.add(next);
  }
  return Int32Array.from(labels, (c) => (c < 0 ? c : full[c]));
}
