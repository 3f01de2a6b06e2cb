/**
 * Section "Tiers and policies": the frozen cluster-to-tier map, how the tiers were made, the
 * service policy per tier (completed with its defaults) and, from a run on the data, the tier KPIs.
 */
import { normalizePolicy, type NormalizedPolicy } from '../../analytics/policy/policy-spec.ts';
import type { SegmentationConfig } from '../../config/config-schema.ts';
import type { ReportInput } from '../report-input.ts';
import { facts, paragraph, type Block, type ReportSection } from '../report-document.ts';
import { DASH, formatCount, formatFigure, formatShare } from '../format.ts';
import { clusterName, column, fact, specFacts, table } from './helpers.ts';
import { segmentBars } from './summary.ts';

/** The config's policy completed for its tiers, or why it cannot be. */
export function configPolicy(
  config: SegmentationConfig,
): NormalizedPolicy | { readonly problem: string } | null {
  if (!config.policies) return null;
  const tiers = config.tierMap?.order ?? Object.keys(config.policies.tiers ?? {});
  try {
    return normalizePolicy(config.policies, tiers);
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

export function tiersSection(input: ReportInput): ReportSection {
  const { config } = input;
  const blocks: Block[] = [];
  const map = config.tierMap;
  if (!map) {
    blocks.push(
      paragraph(
        'No tier map: the config assigns clusters only. Planning systems need named tiers; ask for the tiers section to be completed before approval.',
        'warn',
      ),
    );
  } else {
    blocks.push(
      facts([
        fact('Tiers, best first', map.order.join(', '), 'tierMap.order'),
        fact(
          'Tier of the Strategic accounts',
          map.strategic ?? 'none (they keep their own segment)',
          'tierMap.strategic',
        ),
      ]),
      table(
        'Tier of each cluster',
        [column('cluster', 'Cluster'), column('clusters', 'Tier'), column('size', 'Customers', true)],
        map.clusters.map((tier, i) => ({
          cluster: clusterName(i),
          clusters: tier,
          size: formatCount(config.model.sizes[i]),
        })),
        { field: 'tierMap.clusters' },
      ),
      {
        kind: 'chart',
        caption: 'Customers per tier',
        chart: { kind: 'bars', bars: segmentBars(input), valueLabel: 'customers' },
      },
    );
  }
  if (config.tiering) blocks.push(facts(specFacts(config.tiering, 'tiering'), 'How the tiers were made'));
  else blocks.push(paragraph('The tiering spec is not recorded (tiering is absent).', 'note'));
  const policy = configPolicy(config);
  if (policy === null) {
    blocks.push(
      paragraph(
        'No service policy is recorded (policies is absent): lead times, minimum orders and service levels are not part of what is approved.',
        'warn',
      ),
    );
  } else if ('problem' in policy) {
    blocks.push(paragraph(`The recorded policy cannot be read: ${policy.problem}`, 'error'));
  } else {
    blocks.push(
      paragraph(
        'Per tier, the recorded policy completed with the defaults (values not recorded are the defaults for that tier name).',
      ),
      table(
        'Service policy per tier',
        [
          column('tier', 'Tier'),
          column('leadTimeDays', 'Lead time (days)', true),
          column('minimumOrder', 'Minimum order', true),
          column('deliveryDaysPerWeek', 'Deliveries / week', true),
          column('smallOrderThreshold', 'Small-order threshold', true),
          column('smallOrderSurcharge', 'Surcharge', true),
          column('ctsAllowancePct', 'CTS allowance %', true),
          column('serviceLevel', 'Service level', true),
          column('priority', 'Shortage priority', true),
          column('parentRule', 'Parent rule'),
        ],
        policy.tiers.map((t) => ({
          tier: t.tier,
          leadTimeDays: formatFigure(t.leadTimeDays),
          minimumOrder:
            t.minimumOrder > 0 ? `${formatFigure(t.minimumOrder)} (${t.minimumOrderBasis})` : 'none',
          deliveryDaysPerWeek: String(t.deliveryDaysPerWeek),
          smallOrderThreshold: formatFigure(t.smallOrderThreshold),
          smallOrderSurcharge: t.smallOrderSurcharge > 0 ? formatFigure(t.smallOrderSurcharge) : 'none',
          ctsAllowancePct: t.ctsAllowancePct === null ? 'none' : formatFigure(t.ctsAllowancePct),
          serviceLevel: formatShare(t.serviceLevel),
          priority: String(t.priority),
          parentRule: t.parentRule,
        })),
        { field: 'policies.tiers' },
      ),
      facts([
        fact('Carrying rate (per year)', formatShare(policy.carryingRate), 'policies.carryingRate'),
        fact(
          'Baseline service level',
          formatShare(policy.baselineServiceLevel),
          'policies.baselineServiceLevel',
        ),
      ]),
    );
    if (policy.unusedTiers.length > 0)
      blocks.push(
        paragraph(
          `The policy names tiers the tier map does not have: ${policy.unusedTiers.join(', ')} (renamed tiers?).`,
          'warn',
        ),
      );
  }
  const kpis = input.evidence?.tierKpis;
  if (kpis && kpis.length > 0) {
    blocks.push(
      table(
        `Tier KPIs (recomputed: ${input.evidence?.source})`,
        [
          column('tier', 'Tier'),
          column('customers', 'Customers', true),
          column('revenueShare', 'Revenue share', true),
          column('gmPct', 'GM %', true),
          column('ctsPct', 'CTS %', true),
          column('ctsDifferential', 'CTS vs company (pts)', true),
          column('netProfit', 'Net profit', true),
        ],
        kpis.map((k) => ({
          tier: k.tier,
          customers: formatCount(k.customers),
          revenueShare: formatShare(k.revenueShare),
          gmPct: Number.isFinite(k.gmPct) ? `${k.gmPct.toFixed(1)}%` : DASH,
          ctsPct: Number.isFinite(k.ctsPct) ? `${k.ctsPct.toFixed(1)}%` : DASH,
          ctsDifferential: formatFigure(k.ctsDifferential),
          netProfit: formatCount(k.netProfit),
        })),
      ),
    );
  }
  return { id: 'tiers', title: 'Tiers and policies', blocks };
}
