import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerMeasures } from '../../../src/analytics/tiers/customer-measures.ts';
import { clusterTiers } from '../../../src/analytics/tiers/cluster-tiers.ts';
import { thresholdTiers, type ThresholdTiering } from '../../../src/analytics/tiers/threshold-tiers.ts';
import { normalizeTiering, type ClusterTieringSpec } from '../../../src/analytics/tiers/tiering-spec.ts';
import { tierLabels } from '../../../src/analytics/tiers/tiering.ts';
import { marginCtsMatrix } from '../../../src/analytics/tiers/margin-cts-matrix.ts';
import { searchDisagreements, tieringAgreement } from '../../../src/analytics/tiers/tiering-agreement.ts';
import { groupingOf, tierKpis } from '../../../src/analytics/tiers/tier-kpis.ts';
import { isNeedsData } from '../../../src/analytics/policy/needs-data.ts';
import { EIGHT, LABELS, STRATEGIC } from './fixture.ts';

const m = customerMeasures(EIGHT);
const byClusters = (clusters: ClusterTieringSpec = {}, labels = LABELS, strategic = STRATEGIC) =>
  clusterTiers(labels, m.netProfit, strategic, normalizeTiering({ clusters }).clusters);

describe('bottom-up tiers (clusters ranked by value)', () => {
  it('ranks clusters by mean net profit per customer and puts the Strategic accounts on top', () => {
    // Means: cluster 0 = 500 / 3 = 166.7, cluster 1 = 800, cluster 2 = −100 → ranks 1, 0, 2.
    const t = byClusters();
    expect(t.names).toEqual(['Strategic', 'Platinum', 'Gold', 'Standard']);
    expect(tierLabels(t)).toEqual(['Gold', 'Gold', 'Gold', 'Platinum', 'Platinum', 'Standard', 'Standard', 'Strategic']);
    expect(t.ranking.map((r) => [r.cluster, r.tier])).toEqual([[1, 1], [0, 2], [2, 3]]);
    expect(t.ranking[1].meanValue).toBeCloseTo(500 / 3, 12);
    expect(t.counts).toEqual([1, 2, 3, 2]);
  });

  it('ranks by gross margin or revenue when asked', () => {
    // Revenue means: cluster 0 = 4,000 / 3, cluster 1 = 4,000, cluster 2 = 500: same order.
    const t = clusterTiers(LABELS, m.revenue, STRATEGIC, normalizeTiering({ clusters: { measure: 'revenue' } }).clusters);
    expect(t.ranking.map((r) => r.cluster)).toEqual([1, 0, 2]);
  });

  it('caps the number of tiers at the business limit, Strategic included, and says so for named tiers', () => {
    const t = byClusters({ maxTiers: 3 });
    expect(t.names).toEqual(['Strategic', 'Platinum', 'Standard']);
    expect(tierLabels(t).slice(0, 7)).toEqual(['Standard', 'Standard', 'Standard', 'Platinum', 'Platinum', 'Standard', 'Standard']);
    const named = byClusters({ maxTiers: 3, names: ['A', 'B', 'C'] });
    expect(named.names).toEqual(['Strategic', 'A', 'B']);
    expect(named.issues.map((i) => i.code)).toEqual(['tier-limit']);
    expect(named.issues[0].message).toBe('3 tiers were named but the business limit allows 2 besides Strategic; C joined B.');
  });

  it('renames tiers, merges clusters by rank and lets Strategic accounts join a tier', () => {
    expect(byClusters({ names: ['Top', 'Middle', 'Bottom'] }).names).toEqual(['Strategic', 'Top', 'Middle', 'Bottom']);
    const merged = byClusters({ byRank: ['Gold', 'Gold', 'Standard'] });
    expect(merged.names).toEqual(['Strategic', 'Gold', 'Standard']);
    expect(tierLabels(merged)).toEqual(['Gold', 'Gold', 'Gold', 'Gold', 'Gold', 'Standard', 'Standard', 'Strategic']);
    const joined = byClusters({ names: ['Platinum', 'Gold', 'Standard'], strategicTier: 'Platinum' });
    expect(joined.names).toEqual(['Platinum', 'Gold', 'Standard']);
    expect(tierLabels(joined)[7]).toBe('Platinum');
    expect(joined.strategicOwnTier).toBeNull();
  });

  it('counts the customers left without a cluster', () => {
    const t = byClusters({}, Int32Array.of(0, 0, -1, 1, 1, 2, 2, -1));
    expect(t.unassigned).toBe(1);
    expect(t.tier[2]).toBe(-1);
    expect(t.issues[0].message).toBe('1 customer has no cluster (left out of clustering as outliers or for missing values, or DBSCAN noise) and so no tier.');
  });

  it('merging two clusters into one tier preserves the totals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((k) =>
          fc.tuple(
            fc.constant(k),
            fc.array(fc.tuple(fc.integer({ min: 0, max: k - 1 }), fc.integer({ min: -1000, max: 5000 }), fc.integer({ min: 0, max: 9000 })), { minLength: k, maxLength: 40 }),
            fc.integer({ min: 0, max: k - 2 }),
          ),
        ),
        ([k, rows, r]) => {
          const labels = Int32Array.from(rows, ([c], i) => (i < k ? i : c)); // every cluster present
          const value = Float64Array.from(rows, ([, v]) => v);
          const revenue = Float64Array.from(rows, ([, , rev]) => rev);
          const table = { ids: rows.map((_, i) => `C${i}`), columns: { revenue, net_profit: value, orders: revenue.map(() => 1) } };
          const measures = customerMeasures(table);
          const none = rows.map(() => false);
          const names = Array.from({ length: k }, (_, i) => `T${i}`);
          const spec = (byRank?: string[]) => normalizeTiering({ clusters: { names, byRank, maxTiers: 10 } }).clusters;
          const apart = clusterTiers(labels, value, none, spec());
          const byRank = names.map((n, i) => (i === r + 1 ? names[r] : n));
          const together = clusterTiers(labels, value, none, spec(byRank));
          const a = tierKpis(measures, apart.tier, apart.names);
          const b = tierKpis(measures, together.tier, together.names);
          expect(b.tiers[r].customers).toBe(a.tiers[r].customers + a.tiers[r + 1].customers);
          expect(b.tiers[r].revenue).toBe(a.tiers[r].revenue + a.tiers[r + 1].revenue);
          expect(b.tiers[r].netProfit).toBe(a.tiers[r].netProfit + a.tiers[r + 1].netProfit);
          expect(b.tiers[r + 1].customers).toBe(0);
          expect(b.company).toEqual(a.company);
          const sum = (t: typeof a, f: 'customers' | 'revenue' | 'netProfit') => t.tiers.reduce((s, x) => s + x[f], 0);
          for (const f of ['customers', 'revenue', 'netProfit'] as const) expect(sum(b, f)).toBe(a.company[f]);
        },
      ),
    );
  });
});

describe('top-down tiers (ABC x CTS %)', () => {
  const t = thresholdTiers(m, normalizeTiering().thresholds) as ThresholdTiering;

  it('applies the rules with the Standard rule first', () => {
    // GM total 6,650; by GM: row 7 (share before 0) A, 3 (.451) A, 4 (.677) A, 1 (.812) B, 0 (.887) B, 2 (.932) B, 6 (.962) C, 5 (.977) C.
    expect(t.abc).toEqual(['B', 'B', 'B', 'A', 'A', 'C', 'C', 'A']);
    // CTS % 10, 15, 10, 10, 10, 40, 50, 10: median 10.
    expect(t.ctsReference).toBe(10);
    // Rows 5 and 6 lose money → Standard; A with CTS % ≤ 10 → Platinum; B ≤ 10 → Gold; row 1 is B with 15 > 10 → Silver.
    expect(tierLabels(t)).toEqual(['Gold', 'Silver', 'Gold', 'Platinum', 'Platinum', 'Standard', 'Standard', 'Platinum']);
    expect(t.reasons[1]).toBe('B, CTS % > 10%');
    expect(t.reasons[5]).toBe('net profit ≤ 0');
    expect(t.xyz).toEqual(['X', 'Y', 'Z', 'X', 'X', 'Z', 'Y', 'X']);
  });

  it('compares against a target CTS % when given one', () => {
    const target = thresholdTiers(m, normalizeTiering({ thresholds: { ctsReference: 20 } }).thresholds) as ThresholdTiering;
    expect(tierLabels(target)[1]).toBe('Gold');
  });

  it('says what it needs instead of failing on a table without cost-to-serve', () => {
    const bare = customerMeasures({ ids: ['a'], columns: { revenue: Float64Array.of(1) } });
    const r = thresholdTiers(bare, normalizeTiering().thresholds);
    expect(isNeedsData(r)).toBe(true);
    if (isNeedsData(r)) expect(r.message).toContain('the table lacks a cts_pct (or cts and revenue) column and a net_profit');
  });

  it('accumulates revenue when the table has no margin, and says so', () => {
    const table = { ids: ['a', 'b'], columns: { revenue: Float64Array.of(10, 1), cts_pct: Float64Array.of(5, 50), net_profit: Float64Array.of(1, 1) } };
    const r = thresholdTiers(customerMeasures(table), normalizeTiering().thresholds) as ThresholdTiering;
    expect(r.abcBasis).toBe('revenue');
    expect(r.issues[0].code).toBe('abc-by-revenue');
  });
});

describe('margin x cost-to-serve matrix', () => {
  it('places customers in Protect, Fix CTS, Build and Danger at the median cut-offs', () => {
    // GM % 30, 25, 20, 30, 30, 20, 30, 30 → median 30; CTS % median 10.
    const x = marginCtsMatrix(m, { gmCut: 'median', ctsCut: 'median' });
    expect([x.gmCut, x.ctsCut]).toEqual([30, 10]);
    expect([...x.zone]).toEqual([0, 3, 2, 0, 0, 3, 1, 0]);
    expect(x.zones.map((z) => [z.zone, z.customers, z.revenue])).toEqual([
      ['protect', 4, 19000],
      ['fix-cts', 1, 500],
      ['build', 1, 1000],
      ['danger', 2, 2500],
    ]);
  });
});

describe('agreement between the two tierings', () => {
  it('gives the ARI, the contingency by name and the customers that differ', () => {
    const a = byClusters();
    const b = thresholdTiers(m, normalizeTiering().thresholds) as ThresholdTiering;
    const g = tieringAgreement(a, b, EIGHT.ids);
    // Index 3, row and column terms 5 each, C(8, 2) = 28: (3 − 25/28) / (5 − 25/28) = 59/115.
    expect(g.ari).toBeCloseTo(59 / 115, 14);
    expect(g.counts).toEqual([
      [1, 0, 0, 0],
      [2, 0, 0, 0],
      [0, 2, 1, 0],
      [0, 0, 0, 2],
    ]);
    expect(g.disagreements).toEqual([
      { row: 1, id: 'C1', a: 'Gold', b: 'Silver' },
      { row: 7, id: 'C7', a: 'Strategic', b: 'Platinum' },
    ]);
    expect(g.sameName).toBe(6 / 8);
    expect(searchDisagreements(g.disagreements, 'silv').map((d) => d.id)).toEqual(['C1']);
  });
});

describe('tier KPIs', () => {
  const t = byClusters();
  const k = tierKpis(m, t.tier, t.names, groupingOf(EIGHT.categorical?.region ?? []));

  it('computes each KPI as a ratio of the tier’s sums', () => {
    const platinum = k.tiers[1];
    // Rows 3 and 4: revenue 8,000 of 23,000; GM 2,400 (30 %); CTS 800 (10 %); company CTS 2,750 / 23,000.
    expect(platinum.customers).toBe(2);
    expect(platinum.revenueShare).toBeCloseTo(8000 / 23000, 14);
    expect(platinum.gmPct).toBeCloseTo(30, 12);
    expect(platinum.ctsPct).toBeCloseTo(10, 12);
    expect(platinum.ctsDifferential).toBeCloseTo(10 - (2750 / 23000) * 100, 12);
    expect(platinum.netProfit).toBe(1600);
    // Lines 160 / orders 80; on time (0.9 × 50 + 1 × 30) / 80; returns 5 of 200 units.
    expect(platinum.linesPerOrder).toBe(2);
    expect(platinum.onTimeRate).toBeCloseTo(75 / 80, 14);
    expect(platinum.returnsRate).toBeCloseTo(5 / 200, 14);
    expect(k.company.ctsDifferential).toBe(0);
  });

  it('breaks the KPIs down by region, missing values last', () => {
    expect(k.groups?.map((g) => g.group)).toEqual(['North', 'South', '(none)']);
    const north = k.groups?.[0];
    // North: rows 0, 1, 4, 7; Gold there = rows 0 and 1, revenue 3,000 of North's 16,000.
    expect(north?.total.customers).toBe(4);
    expect(north?.tiers[2].revenueShare).toBeCloseTo(3000 / 16000, 14);
    expect(north?.tiers[3].customers).toBe(0);
  });

  it('derives sums from rates for a ready customer table and says how', () => {
    const table = { ids: ['a', 'b'], columns: { revenue: Float64Array.of(100, 300), gross_margin_pct: Float64Array.of(20, 40), cts_pct: Float64Array.of(10, 5), orders: Float64Array.of(1, 3), lines_per_order: Float64Array.of(2, 4) } };
    const mm = customerMeasures(table);
    expect([...mm.grossMargin]).toEqual([20, 120]);
    expect([...mm.netProfit]).toEqual([10, 105]);
    expect([...mm.lines]).toEqual([2, 12]);
    expect(mm.notes).toContain('Gross margin = revenue × gross_margin_pct / 100 (the table has no gross_margin column).');
    const kk = tierKpis(mm, Int32Array.of(0, 0), ['All']);
    expect(kk.tiers[0].gmPct).toBeCloseTo(35, 12);
    expect(kk.tiers[0].linesPerOrder).toBe(3.5);
  });
});
