import { cell, sampled } from '../src/runtime/index.ts';
import type { ClusterProfile } from '../src/analytics/profile/cluster-profile.ts';
import { host, table } from './data.ts';
import { prepared } from './prepare.ts';
import { clustering } from './cluster.ts';

const BUSINESS = ['revenue', 'gross_margin_pct', 'cts', 'cts_pct', 'net_profit'];

export const profiles = cell({
  name: 'profiles',
  title: 'Cluster profiles',
  inputs: { table: sampled(table), prepared: sampled(prepared), clustering, host },
  run: ({ table, prepared, clustering, host }, { signal }): Promise<ClusterProfile[]> => {
    // The business view always: revenue, margin and cost-to-serve, whether or not they were clustered on.
    const business = BUSINESS.filter((f) => table.numericColumns.includes(f) && !prepared.features.includes(f));
    const features = [...prepared.features, ...business];
    const columns = Object.fromEntries(features.map((f) => [f, table.columns[f]]));
    // In the background worker: at 50,000 customers the profiles cost the main thread ~0.5 s.
    return host.tasks.run('profiles', [columns, features, prepared.rows, clustering.labels, clustering.k], { signal, lane: 'background' });
  },
  view: (profiles, { document }) => {
    const el = document.createElement('tb-table');
    const features = profiles[0]?.features.map((f) => f.feature) ?? [];
    el.columns = [
      { key: 'cluster', label: 'Cluster', align: 'right' },
      { key: 'size', label: 'Customers', align: 'right' },
      { key: 'share', label: 'Share', align: 'right', format: (v: unknown) => `${((v as number) * 100).toFixed(1)}%` },
      { key: 'description', label: 'Profile' },
      ...features.map((f) => ({ key: f, label: `${f}: mean / median (vs all)`, align: 'right' as const })),
    ];
    const num = (v: number | null) => (v === null ? '–' : Number(v.toPrecision(4)).toLocaleString('en-US'));
    const sigma = (e: number) => `${e >= 0 ? '+' : '−'}${Math.abs(e).toFixed(1)}σ`;
    el.rows = profiles.map((p) => ({
      cluster: p.cluster + 1,
      size: p.size,
      share: p.share,
      ...Object.fromEntries(p.features.map((f) => [f.feature, `${num(f.mean)} / ${num(f.median)} (${sigma(f.effect)})`])),
      description: p.description,
    }));
    return el;
  },
});
