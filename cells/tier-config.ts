/**
 * The config's tier and policy sections: the tiering spec carried forward (`tiering`), the
 * policy table with the carrying rate and baseline service level (`policies`) and, when the
 * carried tiering is bottom-up, the frozen cluster-to-tier map (`tierMap`). Empty when there
 * are no tiers (e.g. no clustering to rank), so the config still exports.
 */
import { cell } from '../src/runtime/index.ts';
import { isNeedsData } from '../src/analytics/policy/needs-data.ts';
import { tieringDocument, tieringSpecSchema } from '../src/analytics/tiers/tiering-spec.ts';
import { clusterTierMap } from '../src/analytics/tiers/tier-map.ts';
import { STRATEGIC, type SegmentationConfig } from '../src/config/segmentation-config.ts';
import { assignments } from './assignments.ts';
import { clustering } from './cluster.ts';
import { baselineServiceLevel, carryingRate, policySpecOf, policyTable } from './policy.ts';
import { tiers } from './tiers.ts';

export type TierConfig = Pick<SegmentationConfig, 'tiering' | 'policies' | 'tierMap'>;

export const tierConfig = cell({
  name: 'tierConfig',
  title: 'Tier and policy sections of the config',
  hidden: true,
  inputs: { tiers, assignments, clustering, policyTable, carryingRate, baselineServiceLevel },
  run: ({ tiers, assignments, clustering, policyTable, carryingRate, baselineServiceLevel }): TierConfig => {
    if (isNeedsData(tiers.carried)) return {};
    const k = clustering.centroids.n;
    const strategic = Array.from(assignments.labels, (l) => l === STRATEGIC);
    const tierMap = tiers.spec.method === 'clusters' && !isNeedsData(tiers.clusters) && k > 0 ? clusterTierMap(tiers.clusters, k, strategic) : undefined;
    return {
      tiering: tieringSpecSchema.parse(tieringDocument(tiers.spec)),
      policies: policySpecOf(policyTable, carryingRate, baselineServiceLevel),
      ...(tierMap ? { tierMap } : {}),
    };
  },
});
