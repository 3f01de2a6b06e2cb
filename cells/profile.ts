import { cell } from '../src/runtime/index.ts';
import { profileClusters, type ClusterProfile } from '../src/analytics/cluster-profile.ts';
import { table } from './data.ts';
import { prepared } from './prepare.ts';
import { clustering } from './cluster.ts';

export const profiles = cell({
  name: 'profiles',
  title: 'Cluster profiles',
  schedule: 'settled',
  inputs: { table, prepared, clustering },
  run: ({ table, prepared, clustering }): ClusterProfile[] =>
    profileClusters(table.columns, prepared.features, prepared.rows, clustering.labels, clustering.k),
  view: (profiles, { document }) => {
    const el = document.createElement('tb-table');
    const features = profiles[0]?.features.map((f) => f.feature) ?? [];
    el.columns = [
      { key: 'cluster', label: 'Cluster', align: 'right' },
      { key: 'size', label: 'Customers', align: 'right' },
      { key: 'share', label: 'Share', align: 'right', format: (v: unknown) => `${((v as number) * 100).toFixed(1)}%` },
      ...features.map((f) => ({ key: f, label: `${f} (mean)`, align: 'right' as const })),
      { key: 'description', label: 'Profile' },
    ];
    el.rows = profiles.map((p) => ({
      cluster: p.cluster + 1,
      size: p.size,
      share: p.share,
      ...Object.fromEntries(p.features.map((f) => [f.feature, f.mean === null ? null : Number(f.mean.toPrecision(4))])),
      description: p.description,
    }));
    return el;
  },
});
