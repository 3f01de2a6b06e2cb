import { beforeAll, describe, expect, it } from 'vitest';
import { checkReference, describeCheck, REFERENCE_TOLERANCE } from '../../src/config/reference.ts';
import { diffConfigs } from '../../src/config/config-diff.ts';
import type { SegmentationConfig } from '../../src/config/segmentation-config.ts';
import { config } from '../../cells/export.ts';
import { openBlobs } from '../cells/fixtures.ts';

let exported: SegmentationConfig;
beforeAll(async () => {
  const engine = openBlobs({ k: 3, weights: { b: 2 } });
  exported = await engine.value(config);
  engine.dispose();
});

/** A deep copy with one change applied. */
function edit(change: (c: SegmentationConfig) => void): SegmentationConfig {
  const copy = structuredClone(exported);
  change(copy);
  return copy;
}

const parts = (claimed: SegmentationConfig) => checkReference(claimed, exported).differences.map((d) => d.part);

describe('checkReference', () => {
  it('finds every claim of an untouched config reproduced', () => {
    const check = checkReference(exported, structuredClone(exported));
    expect(check).toMatchObject({ reproduced: true, sameData: true, differences: [] });
    expect(check.compared).toBeGreaterThan(40); // data, preparation per feature, model, inputs, hash
    expect(describeCheck(check, 150)).toBe(`Reproduced: all ${check.compared} claims of the imported config hold, and the same 150 assignments result.`);
  });

  it('names tampered scaling parameters and weights (issue 8 point 3)', () => {
    const tampered = edit((c) => {
      c.preparation.features[0].scale *= 1.5;
      c.preparation.features[1].weight = 3;
    });
    // named as tierbook diff names them (one comparison): a weight under weights, by feature
    expect(parts(tampered)).toEqual(['weights.b', 'preparation.features[a].scale']);
  });

  it('names edited sizes, inertia and row counts (issue 8 point 3)', () => {
    const tampered = edit((c) => {
      c.model.sizes = [...c.model.sizes].reverse();
      c.model.inertia += 1;
      c.data.rows = 17;
    });
    const check = checkReference(tampered, exported);
    expect(check.differences.map((d) => d.part)).toEqual(['data.rows', 'model.inertia', 'model.sizes']);
    expect(check.differences[0]).toEqual({ part: 'data.rows', claimed: '17', recomputed: '150' });
    expect(describeCheck(check, 150)).toBe('Not reproduced: 3 differences from what the config claims (data.rows, model.inertia, model.sizes).');
  });

  it('names the model, the centroids, the features, the settings and the assignments', () => {
    const tampered = edit((c) => {
      c.model.k = 4;
      c.model.seed = 1;
      c.model.centroids[0][0] += 0.5;
      c.features = ['a', 'b'];
      c.inputs.k = 4;
      c.assignmentsHash = `sha256:${'0'.repeat(64)}`;
    });
    expect(parts(tampered)).toEqual(['assignmentsHash', 'features[c]', 'features[d]', 'inputs.k', 'model.centroids', 'model.k', 'model.seed']);
  });

  it('allows fitted numbers to differ in the last bits only', () => {
    const nudge = (x: number, by: number) => x * (1 + by);
    const within = edit((c) => {
      c.model.centroids[1][1] = nudge(c.model.centroids[1][1], REFERENCE_TOLERANCE / 10);
      c.preparation.features[2].center = nudge(c.preparation.features[2].center, REFERENCE_TOLERANCE / 10);
    });
    expect(checkReference(within, exported).reproduced).toBe(true);
    const beyond = edit((c) => (c.preparation.features[2].center = nudge(c.preparation.features[2].center, REFERENCE_TOLERANCE * 10)));
    expect(parts(beyond)).toEqual(['preparation.features[c].center']);
  });

  it('says when the config was made on other data', () => {
    const other = edit((c) => (c.data.fingerprint = `sha256:${'1'.repeat(64)}`));
    const check = checkReference(other, exported);
    expect(check.sameData).toBe(false);
    expect(describeCheck(check, 150)).toBe('It was made on other data. Not reproduced: 1 difference from what the config claims (data.fingerprint).');
  });

  it('names a claimed setting the notebook does not have, such as host', () => {
    const crafted = edit((c) => (c.inputs.host = {}));
    expect(parts(crafted)).toEqual(['inputs.host']);
  });
});

describe('the import check is diffConfigs (one comparison of configs)', () => {
  it('counts only what the imported config claims: a section it lacks (an older export) is not a difference', () => {
    const older = edit((c) => {
      delete (c as Partial<SegmentationConfig>).reference;
      delete c.inputs.k; // a setting the older version did not have: the import set its default
    });
    expect(checkReference(older, exported).reproduced).toBe(true);
    // tierbook diff between the same two reports both, exactly
    const paths = diffConfigs(older, exported).changes.map((c) => c.path);
    expect(paths).toEqual(expect.arrayContaining(['inputs.k', 'reference']));
  });

  it('ignores which Tierbook computed it and the file name; diff reports both', () => {
    const elsewhere = edit((c) => {
      c.packages = { ...c.packages, 'ml-kmeans': '0.0.1' };
      c.tierbook = { version: '9.9.9' };
      c.data.source = 'renamed.csv';
    });
    expect(checkReference(elsewhere, exported).reproduced).toBe(true);
    expect(diffConfigs(elsewhere, exported).changes.map((c) => c.path)).toEqual(['data.source', 'packages.ml-kmeans', 'tierbook.version']);
  });

  it('compares fitted numbers within the tolerance for the check and exactly for diff', () => {
    const nudged = edit((c) => (c.model.centroids[0][0] *= 1 + REFERENCE_TOLERANCE / 10));
    expect(checkReference(nudged, exported).reproduced).toBe(true);
    expect(diffConfigs(nudged, exported).changes.map((c) => c.path)).toEqual(['model.centroids']);
  });

  it('leaves out a robustness section the notebook has not run, saying so', () => {
    const ran = edit((c) => ((c as Record<string, unknown>).robustness = { kind: 'placeholder' }));
    const check = checkReference(ran, exported);
    expect(check.reproduced).toBe(true);
    expect(check.notes).toEqual(['robustness: not compared, as it has not run in this notebook; run it to compare it']);
  });
});
