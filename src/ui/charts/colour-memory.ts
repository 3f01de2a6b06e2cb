import { hungarian } from '../../analytics/agreement/hungarian.ts';

/**
 * Colour continuity for a chart that is redrawn as controls move: each cluster gets the colour
 * slot of the cluster it overlaps most in the last drawing (matched one-to-one by the customers
 * they share), so colours stay with the customers while cluster numbers stay canonical. Display
 * only: it lives in the view's memory and never reaches a cell, an export or a table.
 */

interface Drawn {
  readonly ids: readonly string[];
  /** Colour slot of each point, as drawn last. */
  readonly slots: Int32Array;
  /** Colour slot of each cluster id, as drawn last. */
  readonly byCluster: ReadonlyMap<number, number>;
}

const KEY = 'colours';

/** The previous slots aligned to `ids` (by position when the ids are the same, else by id); null for other data. */
function previousSlots(drawn: Drawn, ids: readonly string[]): Int32Array | null {
  const n = ids.length;
  if (drawn.ids === ids || (drawn.ids.length === n && ids.every((id, i) => drawn.ids[i] === id))) return drawn.slots;
  const index = new Map(drawn.ids.map((id, i) => [id, drawn.slots[i]]));
  const out = new Int32Array(n).fill(-1);
  let found = 0;
  for (let i = 0; i < n; i++) {
    const slot = index.get(ids[i]);
    if (slot !== undefined) {
      out[i] = slot;
      found++;
    }
  }
  // Mostly other customers: another file. Start over with the canonical colours.
  return found * 2 >= n ? out : null;
}

/**
 * The colour slot of every cluster id in `labels` (noise, < 0, is not coloured by slot), matched
 * to what `memory` says was drawn for the same customers last time, and remembers this drawing.
 * Without a previous drawing a cluster's slot is its id. Runs on every drag step: flat typed
 * arrays, no per-point maps.
 */
export function colourSlots(memory: Record<string, unknown> | undefined, ids: readonly string[] | undefined, labels: ArrayLike<number>): Map<number, number> {
  const n = labels.length;
  let top = -1;
  for (let i = 0; i < n; i++) if (labels[i] > top) top = labels[i];
  const present = new Uint8Array(top + 1);
  for (let i = 0; i < n; i++) if (labels[i] >= 0) present[labels[i]] = 1;
  const clusters = [...present.keys()].filter((c) => present[c] === 1);
  const slots = new Map(clusters.map((c) => [c, c]));
  const drawn = memory?.[KEY] as Drawn | undefined;
  const before = drawn && ids ? previousSlots(drawn, ids) : null;
  if (before && clusters.length > 0) {
    let topSlot = -1;
    for (let i = 0; i < n; i++) if (before[i] > topSlot) topSlot = before[i];
    const width = topSlot + 1;
    const counts = new Int32Array((top + 1) * Math.max(width, 1));
    for (let i = 0; i < n; i++) if (labels[i] >= 0 && before[i] >= 0) counts[labels[i] * width + before[i]]++;
    const oldSlots = Array.from({ length: width }, (_, j) => j).filter((j) => clusters.some((c) => counts[c * width + j] > 0));
    const overlap = clusters.map((c) => oldSlots.map((j) => counts[c * width + j]));
    const { rowToColumn } = hungarian(overlap);
    const taken = new Set<number>();
    clusters.forEach((c, i) => {
      const j = rowToColumn[i];
      if (j >= 0 && overlap[i][j] > 0) {
        slots.set(c, oldSlots[j]);
        taken.add(oldSlots[j]);
      } else slots.delete(c);
    });
    // Clusters without a partner take the lowest free slots.
    let next = 0;
    for (const c of clusters) {
      if (slots.has(c)) continue;
      while (taken.has(next)) next++;
      slots.set(c, next);
      taken.add(next);
    }
  }
  if (memory && ids) {
    const slotOf = new Int32Array(top + 1).fill(-1);
    for (const [c, slot] of slots) slotOf[c] = slot;
    const drawnSlots = new Int32Array(n);
    for (let i = 0; i < n; i++) drawnSlots[i] = labels[i] >= 0 ? slotOf[labels[i]] : -1;
    memory[KEY] = { ids, slots: drawnSlots, byCluster: slots } satisfies Drawn;
  }
  return slots;
}

/**
 * The colour slot of each cluster id in the last drawing remembered in `memory`, so another view
 * of the same clusters (the silhouette plot) draws them in the same colours; undefined before any.
 */
export function rememberedSlots(memory: Record<string, unknown> | undefined): ReadonlyMap<number, number> | undefined {
  return (memory?.[KEY] as Drawn | undefined)?.byCluster;
}
