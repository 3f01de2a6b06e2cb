import { cell, sampled, select } from '../src/runtime/index.ts';
import { tierCards, type TierCards } from '../src/analytics/profile/tier-cards.ts';
import { tierCardsView } from '../src/ui/presentation/tier-cards-view.ts';
import { table } from './data.ts';
import { prepared } from './prepare.ts';
import { clustering } from './cluster.ts';

/** Example customers on the cards: their ids, or pseudonyms for a room that should not see them. */
export const exampleIds = select({
  name: 'exampleIds',
  title: 'Example customers on the cards',
  options: ['ids', 'pseudonyms'],
  value: 'ids',
  description: 'Pseudonyms ("Cluster 2 customer A") keep customer ids off a projector.',
});

/**
 * One card per cluster as a provisional tier (best first by size, as clusters are numbered),
 * until the tiers section provides tier names and service policies; the Strategic accounts,
 * when set aside, get a card of their own.
 */
export const tierCardsCell = cell({
  name: 'tierCards',
  title: 'Tier cards',
  description: 'Each segment in plain words for sales, finance and operations. Clusters stand in for tiers until tiers are set.',
  inputs: { table: sampled(table), prepared: sampled(prepared), clustering, exampleIds },
  run: ({ table, prepared, clustering, exampleIds }): TierCards => {
    const n = table.ids.length;
    const k = clustering.k;
    const tier = new Int32Array(n).fill(-1);
    prepared.rows.forEach((row, i) => (tier[row] = clustering.labels[i] >= 0 ? clustering.labels[i] : -1));
    for (const row of prepared.isolatedRows) tier[row] = k;
    const names = [...Array.from({ length: k }, (_, c) => `Cluster ${c + 1}`), ...(prepared.isolatedRows.length > 0 ? ['Strategic'] : [])];
    const unknown = new Float64Array(n).fill(NaN);
    return tierCards({
      ids: table.ids,
      names,
      tier,
      columns: table.columns,
      revenue: table.columns.revenue ?? unknown,
      netProfit: table.columns.net_profit ?? unknown,
      policies: null,
      pseudonymise: exampleIds === 'pseudonyms',
    });
  },
  view: (cards, { document, presentation }) => tierCardsView(cards, { document, presentation }),
});
