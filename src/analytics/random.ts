/**
 * Tierbook's one seeded pseudo-random generator, for analytics (k-means++ starts, sampled
 * silhouettes, k-distance samples) and the synthetic data alike.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state),
 * seeded through splitmix32 so that nearby seeds give unrelated streams. Same seed, same
 * sequence, on every JavaScript engine (only integer ops and IEEE doubles are used for the
 * uniform stream; distributions use Math.log/exp/sqrt/cos, deterministic within one engine).
 * Not cryptographic.
 */

/** A seeded source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/** A seeded random stream. Not cryptographic. */
export interface Random {
  /** Uniform on [0, 1), the same draw as `next()` (so a stream is also a `Uniform`). */
  (): number;
  /** Uniform on [0, 1), 32 bits of resolution. */
  next(): number;
  /** Uniform integer on [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One element chosen with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** Normal(mean, sd) by Box–Muller. */
  normal(mean?: number, sd?: number): number;
  /** exp(Normal(mu, sigma)): `mu`, `sigma` belong to the underlying normal, so median = e^mu. */
  lognormal(mu: number, sigma: number): number;
  /** Classical Pareto (Type I) with shape `alpha` and minimum `xm`: P(X > x) = (xm / x)^alpha. */
  pareto(alpha: number, xm: number): number;
  /** Poisson(lambda), exact (Knuth below 30, Hörmann's PTRS above). */
  poisson(lambda: number): number;
  /** A new independent stream derived from this one and a label (stable across call order of other labels). */
  fork(label: string): Random;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function hashLabel(label: string): number {
  // FNV-1a, 32 bit.
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function logFactorial(k: number): number {
  if (k < 2) return 0;
  // Stirling series; exact enough (< 1e-10) for k >= 10, sum below.
  if (k < 10) {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  }
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
}

/**
 * Creates a seeded stream. Any finite number works as a seed; it is reduced to 32 bits. The
 * stream is callable: `random()` is `random.next()`.
 */
export function createRandom(seed: number): Random {
  const mix = splitmix32(Math.trunc(seed) >>> 0 || 0x2545f491);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const seedOrigin = mix();
  let spare: number | undefined;

  const nextU32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) nextU32();

  const next = (): number => nextU32() / 4294967296;

  const normal = (mean = 0, sd = 1): number => {
    if (spare !== undefined) {
      const z = spare;
      spare = undefined;
      return mean + sd * z;
    }
    let u = next();
    while (u === 0) u = next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return mean + sd * r * Math.cos(2 * Math.PI * v);
  };

  const poisson = (lambda: number): number => {
    if (!(lambda > 0)) return 0;
    if (lambda < 30) {
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    }
    // PTRS: W. Hörmann (1993), "The transformed rejection method for generating Poisson random variables".
    const slam = Math.sqrt(lambda);
    const loglam = Math.log(lambda);
    const bb = 0.931 + 2.53 * slam;
    const aa = -0.059 + 0.02483 * bb;
    const invalpha = 1.1239 + 1.1328 / (bb - 3.4);
    const vr = 0.9277 - 3.6224 / (bb - 2);
    for (;;) {
      const u = next() - 0.5;
      const v = next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * aa) / us + bb) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invalpha) - Math.log(aa / (us * us) + bb) <= -lambda + k * loglam - logFactorial(k)) {
        return k;
      }
    }
  };

  return Object.assign(() => next(), {
    next,
    int: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    weighted: <T>(items: readonly T[], weights: readonly number[]) => {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i];
        if (r < 0) return items[i];
      }
      return items[items.length - 1];
    },
    normal,
    lognormal: (mu: number, sigma: number) => Math.exp(normal(mu, sigma)),
    pareto: (alpha: number, xm: number) => {
      let u = next();
      while (u === 0) u = next();
      return xm / u ** (1 / alpha);
    },
    poisson,
    fork: (label: string) => createRandom((seedOrigin ^ hashLabel(label)) >>> 0),
  });
}

/** Derives an independent seed for sub-task `index` (restart, replicate) of a seeded run. */
export function deriveSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A uniform integer in [0, n). */
export function randomInt(random: Uniform, n: number): number {
  return Math.floor(random() * n);
}

/** A standard normal draw (Box-Muller; uses two uniforms). */
export function randomNormal(random: Uniform): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Fisher-Yates shuffle in place. */
export function shuffle<T extends { length: number; [i: number]: number }>(random: Uniform, values: T): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    const t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
  return values;
}
