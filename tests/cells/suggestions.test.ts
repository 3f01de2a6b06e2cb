import { describe, expect, it } from 'vitest';
import { chooseK, kDistance } from '../../cells/diagnostics.ts';
import { algorithm, clustering, eps, k } from '../../cells/cluster.ts';
import { snap } from '../../src/runtime/index.ts';
import { openBlobs } from './fixtures.ts';
import { idle } from '../runtime/helpers.ts';

// Issue 8 point 14 (UI half): the page offers the suggested k and the suggested eps in one
// click. The cells compute the offers from analytics outputs; the shell draws them as buttons.

describe('one-click suggestions', () => {
  it('offers the knee and the best-silhouette k when they differ from the chosen k', async () => {
    const engine = openBlobs({ k: 9 });
    await idle(engine);
    const value = engine.state(chooseK).value;
    expect(value).toBeDefined();
    const offers = chooseK.suggest?.(value as never) ?? [];
    const wanted = [value!.suggested.knee, value!.suggested.silhouette].filter((x, i, all) => x !== null && x !== 9 && all.indexOf(x) === i);
    expect(offers.map((o) => o.value)).toEqual(wanted);
    expect(offers.length).toBeGreaterThan(0);
    expect(offers.map((o) => o.label)).toEqual(wanted.map((w) => `Use k = ${w}`));
    expect(offers[0].input).toBe(k);
    // One click is one setInput.
    engine.setInput(offers[0].input, offers[0].value);
    await idle(engine);
    expect(engine.state(clustering).value?.k).toBe(offers[0].value);
    expect(chooseK.suggest?.(engine.state(chooseK).value as never).some((o) => o.value === offers[0].value)).toBe(false);
    engine.dispose();
  });

  it('offers the eps at the knee of the k-distance curve, on the slider grid', async () => {
    const engine = openBlobs({ algorithm: 'dbscan', eps: 5 });
    await idle(engine);
    const value = engine.state(kDistance).value;
    expect(value?.suggested).toBeTruthy();
    const [offer] = kDistance.suggest?.(value as never) ?? [];
    expect(offer.input).toBe(eps);
    expect(offer.value).toBe(snap(eps, value!.suggested!.eps));
    expect(offer.label).toBe(`Use eps = ${offer.value}`);
    engine.setInput(algorithm, 'kmeans');
    await idle(engine);
    expect(kDistance.suggest?.(engine.state(kDistance).value as never)).toEqual([]);
    engine.dispose();
  });

  it('offers one button when the knee and the silhouette agree, naming both reasons', () => {
    const value = { k: 3, suggested: { knee: 5, silhouette: 5, calinskiHarabasz: 5, daviesBouldin: 4 } } as unknown as Parameters<NonNullable<typeof chooseK.suggest>>[0];
    expect(chooseK.suggest?.(value).map((o) => [o.value, o.label, o.reason])).toEqual([[5, 'Use k = 5', 'the knee of the inertia curve and the highest silhouette']]);
  });

  it('snaps values to a slider grid and range', () => {
    expect(snap(eps, 0.8734)).toBe(0.85);
    expect(snap(eps, 0.001)).toBe(0.05);
    expect(snap(eps, 99)).toBe(5);
    expect(snap(k, 3.4)).toBe(3);
  });
});
