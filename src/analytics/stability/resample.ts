import { createRandom, deriveSeed, randomInt } from '../random.ts';

/**
 * Seeds of the random steps of the robustness analyses. Each analysis salts the user's seed
 * with its own constant, so that, say, replicate 0 of the bootstrap never draws the same
 * stream as k-means restart 0 of the clustering it tests.
 */
export const SALT = { bootstrap: 0xb0075, holdout: 0x401d, monteCarlo: 0x3c3c } as const;

/** The random stream of step `index` of an analysis. */
export function streamOf(seed: number, salt: number, index: number): () => number {
  return createRandom(deriveSeed(deriveSeed(seed, salt), index));
}

/**
 * A bootstrap sample without repeats: n draws with replacement from 0..n-1, each row kept once,
 * ascending (about 63% of the rows). Redrawn (up to 100 times) while it has fewer than
 * `atLeast` distinct rows, so a replicate can always be clustered into k groups.
 */
export function bootstrapRows(n: number, random: () => number, atLeast = 1): Int32Array {
  const drawn = new Uint8Array(n);
  for (let attempt = 0; attempt < 100; attempt++) {
    drawn.fill(0);
    let distinct = 0;
    for (let t = 0; t < n; t++) {
      const i = randomInt(random, n);
      if (!drawn[i]) {
        drawn[i] = 1;
        distinct++;
      }
    }
    if (distinct < atLeast) continue;
    const rows = new Int32Array(distinct);
    for (let i = 0, r = 0; i < n; i++) if (drawn[i]) rows[r++] = i;
    return rows;
  }
  throw new Error(`too few customers to resample: ${n} customers rarely give ${atLeast} distinct ones; lower k or add customers`);
}
