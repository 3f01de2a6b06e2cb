/** A small open-addressing hash set over row indices, for duplicate detection without boxed keys. */

/**
 * Finds the first earlier row equal to row `i`: rows are bucketed by `hash[i]` and compared with
 * `equals(i, j)`. Call `add` for each row in order; it returns the matching earlier row or -1
 * (and remembers `i` when there was no match).
 */
export class RowHashSet {
  private slots: Int32Array;
  private size = 0;
  constructor(
    private readonly hash: Uint32Array,
    private readonly equals: (i: number, j: number) => boolean,
    expected = 1024,
  ) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap);
  }
  add(i: number): number {
    const h = this.hash[i];
    let mask = this.slots.length - 1;
    let k = h & mask;
    for (;;) {
      const s = this.slots[k];
      if (s === 0) break;
      const j = s - 1;
      if (this.hash[j] === h && this.equals(i, j)) return j;
      k = (k + 1) & mask;
    }
    this.slots[k] = i + 1;
    if (++this.size * 2 > this.slots.length) {
      const old = this.slots;
      this.slots = new Int32Array(old.length * 2);
      mask = this.slots.length - 1;
      for (const s of old) {
        if (s === 0) continue;
        let q = this.hash[s - 1] & mask;
        while (this.slots[q] !== 0) q = (q + 1) & mask;
        this.slots[q] = s;
      }
    }
    return -1;
  }
}
