import type { Notebook } from '../src/runtime/index.ts';
import { dataFile, table } from '../cells/data.ts';
import { features, prepared, scaling, transform, weights } from '../cells/prepare.ts';
import { clustering, k, seed } from '../cells/cluster.ts';
import { scatter } from '../cells/project.ts';
import { profiles } from '../cells/profile.ts';
import { assignments, config } from '../cells/export.ts';

/** Customer segmentation: data → features → scaling and weights → k-means → PCA view → profiles. */
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
      text: 'Choose the features that describe how a customer buys and what it costs to serve. Each is scaled so that no unit dominates, then weighted: a weight of 2 doubles the feature’s share of the distance between customers.',
    },
    features,
    transform,
    scaling,
    weights,
    prepared,
    {
      kind: 'prose',
      id: 'cluster',
      title: '3. Clusters',
      text: 'k-means groups customers whose prepared features are close. It runs several seeded k-means++ starts and keeps the tightest result, so the same inputs always give the same clusters. Cluster numbers follow size (1 = largest) and keep their colour when you move a control.',
    },
    k,
    seed,
    clustering,
    scatter,
    profiles,
    assignments,
    config,
  ],
};
