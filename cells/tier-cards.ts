import { cell, sampled, select } from '../src/runtime/index.ts';
import { tierCards, type TierCards } from '../src/analytics/profile/tier-cards.ts';
import { isNeedsData } from '../src/analytics/policy/needs-data.ts';
import { stockPhrase } from '../src/analytics/profile/policy-phrases.ts';
import { tierCardsView } from '../src/ui/presentation/tier-cards-view.ts';
import { table } from './data.ts';
import { prepared } from './prepare.ts';
import { clustering } from './cluster.ts';
import { tiers } from './tiers.ts';
import { policy } from './policy.ts';

/** Example customers on the cards: their ids, or pseudonyms for a room that should not see them. */
export const exampleIds = select({
  name: 'exampleIds',
  title: 'Example customers on the cards',
  options: ['ids', 'pseudonyms'],
  value: 'ids',
  description: 'Pseudonyms ("Gold customer A") keep customer ids off a projector.',
});

/** The cards and whether clusters stood in for tiers (the tiering could not run). */
export interface TierCardsValue extends TierCards {
  readonly provisional: boolean;
}

/**
 * One card per tier of the tiering carried forward (section 8), with its service policy
 * (section 9). When the tiering cannot run (it needs data the file lacks), clusters stand in
 * for tiers: "Cluster 1" … and the Strategic accounts when set aside.
 */
export const tierCardsCell = cell({
  name: 'tierCards',
  title: 'Tier cards',
  description: 'Each tier in plain words for sales, finance and operations.',
  // Main-thread work after each clustering: yields to the scatter's repaint first.
  deferred: true,
  inputs: { table: sampled(table), prepared: sampled(prepared), clustering, tiers, servicePolicy: policy, exampleIds },
  run: ({ table, prepared, clustering, tiers, servicePolicy, exampleIds }): TierCardsValue => {
    const n = table.ids.length;
    const unknown = new Float64Array(n).fill(NaN);
    const common = {
      ids: table.ids,
      columns: table.columns,
      revenue: table.columns.revenue ?? unknown,
      netProfit: table.columns.net_profit ?? unknown,
      pseudonymise: exampleIds === 'pseudonyms',
    };
    if (!isNeedsData(tiers.carried)) {
      const made = tierCards({ ...common, names: tiers.carried.names, tier: tiers.carried.tier, policies: servicePolicy?.policy.tiers ?? null });
      // What the service ties up, from the policy section's summaries (with order lines only).
      const summaries = new Map((servicePolicy?.summaries ?? []).map((s) => [s.tier, s]));
      const cards = made.cards.map((c) => {
        const s = summaries.get(c.tier);
        const stock = s ? stockPhrase(s.safetyStockValue, s.workingCapitalDelta) : null;
        return stock ? { ...c, policy: [...c.policy, stock] } : c;
      });
      return { ...made, cards, provisional: false };
    }
    const k = clustering.k;
    const tier = new Int32Array(n).fill(-1);
    prepared.rows.forEach((row, i) => (tier[row] = clustering.labels[i] >= 0 ? clustering.labels[i] : -1));
    for (const row of prepared.isolatedRows) tier[row] = k;
    const names = [...Array.from({ length: k }, (_, c) => `Cluster ${c + 1}`), ...(prepared.isolatedRows.length > 0 ? ['Strategic'] : [])];
    return { ...tierCards({ ...common, names, tier, policies: null }), provisional: true };
  },
  view: (cards, { document, presentation }) =>
    tierCardsView(cards, { document, presentation, note: cards.provisional ? 'Clusters stand in for tiers: the tiering needs data this file does not have (see 8. Tiers).' : undefined }),
});
