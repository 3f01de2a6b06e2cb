import type { Notebook } from '../src/runtime/index.ts';
import { dataFile, table } from '../cells/data.ts';
import {
  features,
  outlierPercentile,
  outlierPolicy,
  prepared,
  scaling,
  strategicBy,
  strategicIds,
  strategicTop,
  transform,
  weights,
} from '../cells/prepare.ts';
import { algorithm, clustering, eps, k, minPoints, seed } from '../cells/cluster.ts';
import { scatter, variance } from '../cells/project.ts';
import { profiles } from '../cells/profile.ts';
import { assignments, config } from '../cells/export.ts';
import { chooseK, compareWith, comparison, kDistance, maxTiers, silhouetteOfClustering } from '../cells/diagnostics.ts';

/** Customer segmentation: data → features → preparation → choose k → cluster → see → profile → compare → export. */
export const segmentation: Notebook = {
  id: 'segmentation',
  title: 'Customer segmentation',
  description:
    'Cluster customers on cost-to-serve and value features, look at the clusters, and export an approved, versioned segmentation config.',
  items: [
    {
      kind: 'prose',
      id: 'data',
      title: '1. Data',
      text: 'Start from a customer table: one row per customer, an id column and numeric columns. The bundled sample has 2,000 synthetic B2B customers; drop your own file to replace it. Nothing leaves this browser.',
    },
    dataFile,
    table,
    {
      kind: 'prose',
      id: 'prepare',
      title: '2. Features, scaling and weights',
      text: 'Choose the features that describe how a customer buys and what it costs to serve. Each is scaled so that no unit dominates, then weighted: a weight of 2 doubles the feature’s share of the distance between customers.\n\nOutliers can be kept, clamped (winsorized) or left out; strategic accounts can be set aside as a fixed segment before clustering.',
    },
    features,
    transform,
    scaling,
    weights,
    outlierPolicy,
    outlierPercentile,
    strategicIds,
    strategicTop,
    strategicBy,
    prepared,
    {
      kind: 'prose',
      id: 'choose',
      title: '3. Choosing k',
      text: 'No single number picks k. The elbow of the inertia curve, the silhouette (higher is better), Calinski–Harabasz (higher) and Davies–Bouldin (lower) often disagree; read them together with how many tiers the business can actually run.',
    },
    maxTiers,
    chooseK,
    {
      kind: 'prose',
      id: 'cluster',
      title: '4. Clusters',
      text: 'k-means runs several seeded k-means++ starts and keeps the tightest result, so the same inputs always give the same clusters. Cluster numbers follow size (1 = largest) and keep their colour when you move a control.',
    },
    algorithm,
    k,
    seed,
    eps,
    minPoints,
    clustering,
    kDistance,
    scatter,
    variance,
    silhouetteOfClustering,
    profiles,
    {
      kind: 'prose',
      id: 'compare',
      title: '5. Compare',
      text: 'Does another algorithm find the same segments? The Adjusted Rand Index is 1 for identical partitions and about 0 for chance agreement; 0.80 and above counts as good.',
    },
    compareWith,
    comparison,
    assignments,
    config,
  ],
};
