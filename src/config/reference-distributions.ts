/**
 * The `reference` section: each feature's raw-value distribution (before transform and
 * scaling) over the reference customers, kept in the config so drift can be measured on new
 * data without the reference data.
 */
import { binShares, decileEdges, percentileSketch } from '../analytics/monitor/distribution.ts';
import type { FeatureReference, ReferenceSection } from './config-schema.ts';

/** The distribution of one raw column. */
export function featureReference(name: string, values: ArrayLike<number>): FeatureReference {
  const sketch = percentileSketch(values);
  if (sketch.count === 0) throw new Error(`cannot describe "${name}": it has no value in the reference data`);
  const edges = decileEdges(sketch.percentiles);
  return { name, count: sketch.count, missing: sketch.missing, percentiles: sketch.percentiles, edges, shares: binShares(values, edges).shares };
}

/**
 * The reference section over every customer of the table (all rows, strategic and outliers
 * included: new data is compared as a whole) for the given features.
 */
export function referenceDistributions(columns: Readonly<Record<string, ArrayLike<number>>>, features: readonly string[]): ReferenceSection {
  const missing = features.filter((f) => !columns[f]);
  if (missing.length > 0) throw new Error(`cannot describe ${missing.map((f) => `"${f}"`).join(', ')}: no such column`);
  const customers = features.length > 0 ? columns[features[0]].length : 0;
  return { customers, features: features.map((f) => featureReference(f, columns[f])) };
}
