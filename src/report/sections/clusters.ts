/**
 * Section "Clusters": the model (algorithm, seed, restarts, inertia), the clusters with their
 * sizes, tiers and centroids, the PCA summary, the Strategic accounts and the embedded
 * assignments.
 */
import type { ReportInput } from '../report-input.ts';
import { facts, paragraph, type Block, type ReportSection } from '../report-document.ts';
import { DASH, formatCount, formatExact, formatFigure, formatShare } from '../format.ts';
import { clusterName, column, fact, table } from './helpers.ts';

/** Customers listed in full in a report before the rest are counted. */
export const LISTED_CUSTOMERS = 25;

export function clustersSection(input: ReportInput): ReportSection {
  const { config } = input;
  const m = config.model;
  const total = Math.max(
    1,
    m.sizes.reduce((s, n) => s + n, 0),
  );
  const blocks: Block[] = [
    facts([
      fact('Algorithm', m.algorithm, 'model.algorithm'),
      fact('How it ran', m.method, 'model.method'),
      fact('k', String(m.k), 'model.k'),
      fact('Seed', String(m.seed), 'model.seed'),
      fact('Restarts (best kept)', String(m.restarts), 'model.restarts'),
      fact('Inertia (prepared units)', formatExact(m.inertia), 'model.inertia'),
      fact('Noise (DBSCAN)', formatCount(m.noise), 'model.noise'),
      fact('eps (DBSCAN)', m.eps === undefined ? `${DASH} (DBSCAN only)` : formatExact(m.eps), 'model.eps'),
      fact(
        'minPoints (DBSCAN)',
        m.minPoints === undefined ? `${DASH} (DBSCAN only)` : String(m.minPoints),
        'model.minPoints',
      ),
    ]),
    paragraph(
      'Cluster numbers are canonical: by size, largest first (equal sizes: the cluster holding the earlier customer first), so the same settings number clusters alike in the app, a link, an export and the command.',
    ),
    table(
      'Clusters',
      [
        column('cluster', 'Cluster'),
        column('sizes', 'Customers', true),
        column('share', 'Share', true),
        column('tier', 'Tier'),
      ],
      m.sizes.map((n, i) => ({
        cluster: clusterName(i),
        sizes: formatCount(n),
        share: formatShare(n / total),
        tier: config.tierMap?.clusters[i] ?? DASH,
      })),
      { field: 'model.sizes' },
    ),
    table(
      'Centroids in the prepared space (scaled and weighted units)',
      [column('cluster', 'Cluster'), ...config.features.map((f) => column(f, f, true))],
      m.centroids.map((row, i) => ({
        cluster: clusterName(i),
        ...Object.fromEntries(config.features.map((f, j) => [f, formatFigure(row[j])])),
      })),
      { field: 'model.centroids' },
    ),
  ];
  const profiles = input.evidence?.profiles;
  if (profiles && profiles.length > 0) {
    blocks.push(
      table(
        `What sets each cluster apart (recomputed: ${input.evidence?.source})`,
        [
          column('cluster', 'Cluster'),
          column('size', 'Customers', true),
          column('share', 'Share', true),
          column('description', 'Profile'),
        ],
        profiles.map((p) => ({
          cluster: clusterName(p.cluster),
          size: formatCount(p.size),
          share: formatShare(p.share),
          description: p.description,
        })),
      ),
    );
  }
  const pca = config.pca.explainedVarianceRatio;
  blocks.push(
    facts([
      fact(
        'Explained variance by principal component',
        pca.map((r, i) => `PC${i + 1} ${formatShare(r)}`).join(', ') || DASH,
        'pca.explainedVarianceRatio',
        'How much of the spread of the prepared data each axis of the PCA scatter shows.',
      ),
      fact(
        'Strategic accounts (kept out of clustering)',
        config.strategic.length === 0
          ? 'none'
          : `${formatCount(config.strategic.length)}: ${config.strategic.slice(0, LISTED_CUSTOMERS).join(', ')}${config.strategic.length > LISTED_CUSTOMERS ? ', …' : ''}`,
        'strategic',
      ),
    ]),
  );
  const a = config.assignments;
  if (!a) {
    blocks.push(
      paragraph(
        'The assignments are not embedded; the config records their hash (assignmentsHash), which the data check and `tierbook apply` compare against.',
        'note',
      ),
    );
  } else {
    blocks.push(
      facts(
        [
          fact('Customer id column', a.idColumn, 'assignments.idColumn'),
          fact('Customers', formatCount(a.ids.length), 'assignments.ids'),
        ],
        'Embedded assignments',
      ),
      table(
        'Assignments (first customers)',
        [column('id', a.idColumn), column('clusters', 'Cluster'), column('tier', 'Tier')],
        a.ids.map((id, i) => {
          const c = a.clusters[i];
          const tier =
            c === 'strategic'
              ? config.tierMap?.strategic
              : c === null
                ? null
                : config.tierMap?.clusters[c - 1];
          return { id, clusters: c === null ? 'not clustered' : String(c), tier: tier ?? DASH };
        }),
        { field: 'assignments.clusters', limit: LISTED_CUSTOMERS, noun: 'customers' },
      ),
    );
  }
  return { id: 'clusters', title: 'Clusters', blocks };
}
