import { cell, notebookInputs, sampled, text, type InputNode } from '../src/runtime/index.ts';
import {
  CONFIG_KIND,
  CONFIG_VERSION,
  hashAssignments,
  loadConfig,
  type SegmentationConfig,
} from '../src/config/segmentation-config.ts';
import { ASSUMPTION_SECTIONS } from '../src/config/config-schema.ts';
import { referenceDistributions } from '../src/config/reference-distributions.ts';
import { fingerprint, host, imported, importSpec, table } from './data.ts';
import { activeFeatures, prepared } from './prepare.ts';
import { clustering, eps, minPoints } from './cluster.ts';
import { projection } from './project.ts';
import { toRows } from '../src/analytics/matrix.ts';
import { robustnessSummary } from './robustness.ts';
import { assignments } from './assignments.ts';
import { tierConfig } from './tier-config.ts';

export { assignments, type Assignments } from './assignments.ts';

type AssumptionSection = (typeof ASSUMPTION_SECTIONS)[number];

/** What each section's assumptions are about: the help shown beside its text area. */
const ASSUMPTION_HELP: Record<AssumptionSection, { title: string; about: string }> = {
  general: { title: 'general', about: 'The purpose of this segmentation, its scope and who it is for.' },
  data: { title: 'data', about: 'Which extract this is (system, period, filters) and what the quality rules may have missed.' },
  features: { title: 'features and cost-to-serve', about: 'Where the activity rates come from and what cost-to-serve leaves out.' },
  preparation: { title: 'scaling and weights', about: 'Why these features, weights and outlier choices, and who agreed them.' },
  model: { title: 'clusters', about: 'Why this algorithm and number of clusters (diagnostics, business limits).' },
  tiers: { title: 'tiers', about: 'How clusters became tiers and why tiers were merged or renamed.' },
  policies: { title: 'service policies', about: 'Where lead times, minimum orders and service levels come from.' },
  robustness: { title: 'robustness', about: 'What the stability checks mean for this decision.' },
  monitoring: { title: 'monitoring', about: 'When the segmentation is reviewed again and which drift triggers a new one.' },
};

/** The input holding a section's assumptions: `assumptionsData` for `data`. */
export const assumptionInputName = (section: AssumptionSection): string => `assumptions${section[0].toUpperCase()}${section.slice(1)}`;

/**
 * Free-text assumptions, one input per config section, shown in the notebook where the analyst
 * works on that section and recorded in the config's `assumptions` (empty ones are left out).
 */
export const assumptions = Object.fromEntries(
  ASSUMPTION_SECTIONS.map((section) => [
    section,
    text({
      name: assumptionInputName(section),
      title: `Assumptions: ${ASSUMPTION_HELP[section].title}`,
      description: `${ASSUMPTION_HELP[section].about} Recorded in the exported config; shown to reviewers.`,
      multiline: true,
    }),
  ]),
) as Record<AssumptionSection, InputNode<string>>;

/** The non-empty assumptions by section, from the record of every setting. */
export function assumptionsOf(values: Readonly<Record<string, unknown>>): Partial<Record<AssumptionSection, string>> {
  const out: Partial<Record<AssumptionSection, string>> = {};
  for (const section of ASSUMPTION_SECTIONS) {
    const value = values[assumptionInputName(section)];
    if (typeof value === 'string' && value.trim() !== '') out[section] = value.trim();
  }
  return out;
}

// Hidden and read by nobody on the page: computed when an export or the command reads it, never
// after every change. Its inputs are sampled, so a read during a drag sees the released values.

const withAssumptions = (a: Partial<Record<AssumptionSection, string>>) => (Object.keys(a).length > 0 ? { assumptions: a } : {});

export const config = cell({
  name: 'config',
  title: 'Segmentation config',
  hidden: true,
  inputs: {
    host,
    imported,
    importSpec: sampled(importSpec),
    fingerprint,
    table: sampled(table),
    prepared: sampled(prepared),
    clustering,
    projection: sampled(projection),
    assignments,
    activeFeatures: sampled(activeFeatures),
    eps: sampled(eps),
    minPoints: sampled(minPoints),
    notebookInputs: sampled(notebookInputs),
    robustness: robustnessSummary,
    tierConfig: sampled(tierConfig),
  },
  run: async (v): Promise<SegmentationConfig> =>
    loadConfig({
      kind: CONFIG_KIND,
      version: CONFIG_VERSION,
      notebook: 'segmentation',
      createdAt: new Date().toISOString(),
      tierbook: { version: v.host.version },
      packages: v.host.packages,
      data: {
        source: v.imported.sample ? 'sample' : v.imported.source,
        rows: v.table.rowCount,
        idColumn: v.table.idColumn,
        fingerprint: v.fingerprint,
        kind: v.imported.imported.kind.kind,
        import: v.importSpec,
        ...(v.imported.imported.quality
          ? {
              quality: {
                inputRows: v.imported.imported.quality.inputRows,
                keptRows: v.imported.imported.quality.keptRows,
                repaired: v.imported.imported.quality.repaired,
                excluded: v.imported.imported.quality.excluded,
              },
            }
          : {}),
      },
      inputs: v.notebookInputs,
      features: v.activeFeatures,
      preparation: v.prepared.params,
      model: {
        algorithm: v.clustering.algorithm,
        method: v.clustering.method,
        noise: v.clustering.noise,
        ...(v.clustering.algorithm === 'dbscan' ? { eps: v.eps, minPoints: v.minPoints } : {}),
        k: v.clustering.k,
        seed: v.clustering.seed,
        restarts: v.clustering.restarts,
        centroids: toRows(v.clustering.centroids),
        inertia: v.clustering.inertia,
        sizes: v.clustering.sizes,
      },
      strategic: Array.from(v.prepared.isolatedRows, (r) => v.table.ids[r]),
      pca: { explainedVarianceRatio: v.projection.explainedVarianceRatio },
      assignmentsHash: await hashAssignments(v.assignments.ids, v.assignments.labels),
      // raw values of every customer of the table, so drift on new data needs no reference data
      reference: referenceDistributions(v.table.columns, v.activeFeatures),
      ...withAssumptions(assumptionsOf(v.notebookInputs)),
      ...(v.robustness ? { robustness: v.robustness } : {}),
      ...v.tierConfig,
    }),
});
