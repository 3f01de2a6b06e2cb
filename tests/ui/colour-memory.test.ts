import { describe, expect, it } from 'vitest';
import { colourSlots, rememberedSlots } from '../../src/ui/charts/colour-memory.ts';

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];

describe('colourSlots (display-only colour continuity)', () => {
  it('gives each cluster its own id as the slot the first time', () => {
    expect([...colourSlots({}, ids, [0, 0, 1, 1, 2, -1])]).toEqual([[0, 0], [1, 1], [2, 2]]);
    expect([...colourSlots(undefined, undefined, [1, 0])]).toEqual([[0, 0], [1, 1]]);
  });

  it('keeps colours with the customers when the canonical ids swap', () => {
    const memory = {};
    colourSlots(memory, ids, [0, 0, 0, 1, 1, 2]);
    // The same customers, numbered the other way round (cluster 1 grew past cluster 0).
    const slots = colourSlots(memory, ids, [1, 1, 0, 0, 0, 2]);
    expect(slots.get(1)).toBe(0); // a, b kept the colour they had
    expect(slots.get(0)).toBe(1);
    expect(slots.get(2)).toBe(2);
    expect(rememberedSlots(memory)).toBe(slots); // for the other charts of the same clusters
    expect(rememberedSlots({})).toBeUndefined();
  });

  it('gives a new cluster the lowest free colour and follows customers by id when the rows move', () => {
    const memory = {};
    colourSlots(memory, ids, [0, 0, 0, 1, 1, 1]);
    const moved = ['f', 'e', 'd', 'c', 'b', 'a'];
    const slots = colourSlots(memory, moved, [0, 0, 2, 1, 1, 1]);
    expect(slots.get(1)).toBe(0); // c, b, a were slot 0
    expect(slots.get(0)).toBe(1); // f, e were slot 1
    expect(slots.get(2)).toBe(2); // d gets the lowest free slot
  });

  it('starts over on other data (mostly other customers)', () => {
    const memory = {};
    colourSlots(memory, ids, [1, 1, 1, 0, 0, 0]);
    colourSlots(memory, ids, [0, 0, 0, 1, 1, 1]);
    const slots = colourSlots(memory, ['x', 'y', 'z', 'u', 'v', 'w'], [0, 0, 0, 1, 1, 1]);
    expect([...slots]).toEqual([[0, 0], [1, 1]]);
  });
});
