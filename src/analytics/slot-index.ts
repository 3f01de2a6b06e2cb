/**
 * Slots 0, 1, 2, … for integer keys in [0, keySpace), in order of first appearance: a dense
 * table when the key space is small enough (a typed-array lookup per key), else a Map. The
 * aggregations of order lines (demand per customer and product, product-line slices) key by
 * `row × products + product`, which is small for real data but need not be.
 */
const DENSE_MAX = 1 << 23;

export class SlotIndex {
  private readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;
  /** Slots handed out. */
  size = 0;

  constructor(keySpace: number) {
    this.dense = keySpace <= DENSE_MAX ? new Int32Array(Math.max(0, keySpace)).fill(-1) : null;
    this.sparse = this.dense ? null : new Map();
  }

  /** The slot of `key`, a new one (= the previous `size`) the first time. */
  slot(key: number): number {
    if (this.dense) {
      const s = this.dense[key];
      if (s >= 0) return s;
      this.dense[key] = this.size;
      return this.size++;
    }
    const s = (this.sparse as Map<number, number>).get(key);
    if (s !== undefined) return s;
    (this.sparse as Map<number, number>).set(key, this.size);
    return this.size++;
  }
}

/** A growable Float64Array of `width` values per slot (slot-major). */
export class SlotTable {
  data: Float64Array;
  constructor(readonly width: number, expected = 1024) {
    this.data = new Float64Array(Math.max(1, expected) * width);
  }
  /** Makes room for slot `s` (zero-filled) and returns its offset. */
  at(s: number): number {
    const need = (s + 1) * this.width;
    if (need > this.data.length) {
      const grown = new Float64Array(Math.max(need, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    return s * this.width;
  }
  /** Field `k` of the first `slots` slots. */
  column(k: number, slots: number): Float64Array {
    const out = new Float64Array(slots);
    for (let s = 0; s < slots; s++) out[s] = this.data[s * this.width + k];
    return out;
  }
}
