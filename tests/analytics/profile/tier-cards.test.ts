import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tierCards, exampleLetter, normalizeTierCards } from '../../../src/analytics/profile/tier-cards.ts';
import { cadencePhrase, percentileOf, typicalCustomer, distributions } from '../../../src/analytics/profile/typical-customer.ts';
import { deliveryPhrase, policyPhrases, stockPhrase } from '../../../src/analytics/profile/policy-phrases.ts';
import { normalizePolicy } from '../../../src/analytics/policy/policy-spec.ts';

// Nine customers in three tiers of three (rows 0-2 Gold, 3-5 Silver, 6-8 Standard).
const IDS = ['G1', 'G2', 'G3', 'S1', 'S2', 'S3', 'T1', 'T2', 'T3'];
const NAMES = ['Gold', 'Silver', 'Standard'];
const TIER = [0, 0, 0, 1, 1, 1, 2, 2, 2];
const COLUMNS = {
  order_frequency: [4.5, 5, 6, 1, 1, 1.2, 0.2, 0.3, 0.25],
  gross_margin_pct: [40, 45, 50, 25, 30, 35, 10, 15, 20],
  returns_rate: [0, 0, 0.01, 0.02, 0.03, 0.02, 0.1, 0.08, 0.12],
  cts_pct: [5, 6, 7, 10, 11, 12, 20, 25, 30],
};
const REVENUE = [1000, 1200, 1400, 500, 600, 700, 100, 200, 300];
const PROFIT = [300, 400, 300, 100, 100, 100, -100, -200, 0];
const input = { ids: IDS, names: NAMES, tier: TIER, columns: COLUMNS, revenue: REVENUE, netProfit: PROFIT };

describe('typical customer', () => {
  it('names how often the median customer orders, by the days between orders', () => {
    // 30.4375 days a month: 5/month is every 6.1 days, 1/month every 30.4 days, 0.25/month every 121.75 days.
    expect(cadencePhrase(5)).toBe('orders weekly');
    expect(cadencePhrase(8)).toBe('orders several times a week');
    expect(cadencePhrase(2)).toBe('orders every two to three weeks');
    expect(cadencePhrase(1)).toBe('orders monthly');
    expect(cadencePhrase(0.5)).toBe('orders every few months');
    expect(cadencePhrase(0.25)).toBe('orders a few times a year or less');
    expect(cadencePhrase(0)).toBeNull();
    expect(cadencePhrase(NaN)).toBeNull();
  });

  it('places a median among all customers by mid-rank, so a value most customers share sits near the middle', () => {
    const sorted = [0, 0, 0.01, 0.02, 0.02, 0.03, 0.08, 0.1, 0.12];
    expect(percentileOf(sorted, 0)).toBeCloseTo(1 / 9, 12); // (0 below + 2/2 equal) / 9
    expect(percentileOf(sorted, 0.02)).toBeCloseTo(4 / 9, 12); // (3 + 2/2) / 9
    expect(percentileOf(sorted, 0.1)).toBeCloseTo(7.5 / 9, 12);
    expect(percentileOf([0, 0, 0, 0, 1], 0)).toBeCloseTo(0.4, 12);
    expect(percentileOf([], 1)).toBeNaN();
  });

  it('names the traits whose median sits outside the middle third, most distinctive first', () => {
    const company = distributions(COLUMNS);
    // Gold medians: margin 45 (7.5/9 = 0.833: high), returns 0 (1/9: few), CTS % 6 (1.5/9 = 0.167: cheap).
    const gold = typicalCustomer([0, 1, 2], COLUMNS, company);
    expect(gold.phrases).toEqual(['orders weekly', 'few returns', 'high margin', 'cheap to serve']);
    expect(gold.sentence).toBe('Orders weekly, few returns, high margin, cheap to serve.');
    expect(gold.traits[0]).toMatchObject({ feature: 'returns_rate', level: 'low', median: 0 });
    // Silver sits in the middle third on everything: margin 30 and returns 0.02 are at 4.5/9 and 4/9.
    expect(typicalCustomer([3, 4, 5], COLUMNS, company).sentence).toBe('Orders monthly; otherwise close to the average customer.');
    // Standard: margin 15 (1.5/9), returns 0.1 (7.5/9), CTS % 25 (7.5/9) are equally distinctive: listed in trait order.
    expect(typicalCustomer([6, 7, 8], COLUMNS, company).phrases).toEqual(['orders a few times a year or less', 'low margin', 'many returns', 'costly to serve']);
  });

  it('says nothing it cannot read: no cadence and no traits without their columns', () => {
    const t = typicalCustomer([0, 1], { revenue: [1, 2] }, distributions({ revenue: [1, 2, 3, 4, 5, 6] }));
    expect(t.cadence).toBeNull();
    expect(t.phrases).toEqual(['small accounts']);
    expect(typicalCustomer([0], {}, new Map()).sentence).toBe('Close to the average customer.');
  });
});

describe('tier cards', () => {
  it('give each tier its customers and its shares of revenue and of profit', () => {
    const { cards, notes } = tierCards(input);
    expect(cards.map((c) => [c.tier, c.customers, c.customerShare])).toEqual([
      ['Gold', 3, 1 / 3],
      ['Silver', 3, 1 / 3],
      ['Standard', 3, 1 / 3],
    ]);
    // Revenue 3,600 / 1,800 / 600 of 6,000; net profit 1,000 / 300 / -300 of 1,000.
    expect(cards.map((c) => c.revenueShare)).toEqual([0.6, 0.3, 0.1]);
    expect(cards.map((c) => c.profitShare)).toEqual([1, 0.3, -0.3]);
    expect(notes).toEqual([]);
  });

  it('show the customers closest to the typical customer, or pseudonyms for the room', () => {
    // Gold: G2 holds every median (distance 0); G1 is 1/9 off on frequency, margin and CTS % (1/3); G3 1/2.
    expect(tierCards(input).cards[0].examples).toEqual(['G2', 'G1', 'G3']);
    expect(tierCards({ ...input, examples: 2 }).cards[0].examples).toEqual(['G2', 'G1']);
    const room = tierCards({ ...input, pseudonymise: true });
    expect(room.pseudonymised).toBe(true);
    expect(room.cards[0].examples).toEqual(['Gold customer A', 'Gold customer B', 'Gold customer C']);
    expect(room.cards.flatMap((c) => c.examples).some((e) => IDS.includes(e))).toBe(false);
  });

  it('say the service policy in plain words', () => {
    const policy = normalizePolicy({ tiers: { Standard: { minimumOrder: 250, smallOrderSurcharge: 15, parentRule: 'higher' } } }, NAMES);
    const { cards } = tierCards({ ...input, policies: policy.tiers });
    expect(cards[0].policy).toEqual(['Promised within 2 days, delivered five days a week', 'In stock for 98% of order cycles (service level)', 'Shortage priority 2 (1 is served first)'].map((l, i) => (i === 2 ? 'Served first in a shortage' : l)));
    expect(cards[2].policy).toEqual([
      'Promised within 5 days, delivered one fixed day a week',
      'In stock for 90% of order cycles (service level)',
      'Minimum order 250 in value',
      'Orders below 250 pay 15 extra',
      'Shortage priority 3 (1 is served first)',
      "Served at the higher of its own and its parent account's tier",
    ]);
    expect(deliveryPhrase(7)).toBe('delivered every day');
    expect(policyPhrases({ ...policy.tiers[0], ctsAllowancePct: 12.5, minimumOrder: 40, minimumOrderBasis: 'quantity' })).toContain('Pays the cost to serve above 12.5% of revenue');
  });

  it('count customers without a tier, and leave out profit shares when the total is not a profit', () => {
    const { cards, notes } = tierCards({ ...input, tier: [0, 0, 0, 1, 1, 1, 2, 2, -1], netProfit: PROFIT.map((p) => p - 200) });
    expect(cards[2].customers).toBe(2);
    expect(cards.every((c) => c.profitShare === null)).toBe(true);
    expect(notes).toEqual([
      '1 customer has no tier and is on no card; shares are of all customers.',
      'Profit shares are not shown: the customers together make no net profit after cost to serve.',
    ]);
    expect(tierCards({ ...input, netProfit: IDS.map(() => NaN) }).notes).toContain('Profit shares are not shown: the table has no net profit (it needs unit cost).');
  });

  it('validate their inputs and options', () => {
    expect(() => tierCards({ ...input, tier: [0] })).toThrow('invalid tier cards input: tier has 1 values for 9 customers');
    expect(() => normalizeTierCards({ examples: -1 })).toThrow('invalid examples: -1 (expected a whole number from 0 to 20)');
    expect(normalizeTierCards()).toEqual({ examples: 3, pseudonymise: false });
    expect([0, 1, 25, 26, 27].map(exampleLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });

  const table = fc
    .array(fc.record({ tier: fc.integer({ min: -1, max: 3 }), revenue: fc.integer({ min: 0, max: 1000 }), profit: fc.integer({ min: -200, max: 500 }), gm: fc.integer({ min: 0, max: 60 }) }), { minLength: 1, maxLength: 40 })
    .map((rows) => ({
      ids: rows.map((_, i) => `C${i}`),
      names: ['A', 'B', 'C', 'D'],
      tier: rows.map((r) => r.tier),
      columns: { gross_margin_pct: rows.map((r) => r.gm) },
      revenue: rows.map((r) => r.revenue),
      netProfit: rows.map((r) => r.profit),
    }));

  it('account for every customer and add revenue shares up to the tiered share (property)', () => {
    fc.assert(
      fc.property(table, (t) => {
        const { cards } = tierCards(t);
        const tiered = t.tier.filter((x) => x >= 0).length;
        expect(cards.reduce((s, c) => s + c.customers, 0)).toBe(tiered);
        const total = t.revenue.reduce((s, v) => s + v, 0);
        if (total > 0) {
          const tieredRevenue = t.revenue.reduce((s, v, i) => s + (t.tier[i] >= 0 ? v : 0), 0);
          expect(cards.reduce((s, c) => s + (c.revenueShare ?? 0), 0)).toBeCloseTo(tieredRevenue / total, 9);
        }
      }),
    );
  });

  it('do not depend on the order of the rows, except which of equally typical customers is shown (property)', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 0, max: 1000 }), (t, seed) => {
        const order = t.ids.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101) || a - b);
        const pick = <T>(xs: readonly T[]) => order.map((i) => xs[i]);
        const shuffled = { ...t, ids: pick(t.ids), tier: pick(t.tier), revenue: pick(t.revenue), netProfit: pick(t.netProfit), columns: { gross_margin_pct: pick(t.columns.gross_margin_pct) } };
        const strip = (c: ReturnType<typeof tierCards>) => c.cards.map(({ examples, ...rest }) => ({ ...rest, examples: examples.length }));
        const a = strip(tierCards(t));
        const b = strip(tierCards(shuffled));
        expect(b.map((c) => [c.tier, c.customers, c.typical.sentence])).toEqual(a.map((c) => [c.tier, c.customers, c.typical.sentence]));
        b.forEach((c, i) => expect(c.revenueShare ?? 0).toBeCloseTo(a[i].revenueShare ?? 0, 9));
      }),
    );
  });

  it('merge: two tiers made one hold the customers and the revenue of both (property)', () => {
    fc.assert(
      fc.property(table, (t) => {
        const before = tierCards(t).cards;
        const merged = tierCards({ ...t, tier: t.tier.map((x) => (x === 1 ? 0 : x)) }).cards;
        expect(merged[0].customers).toBe(before[0].customers + before[1].customers);
        expect(merged[1].customers).toBe(0);
        expect(merged[0].revenueShare ?? 0).toBeCloseTo((before[0].revenueShare ?? 0) + (before[1].revenueShare ?? 0), 9);
      }),
    );
  });
});

describe('the stock a tier ties up, in words', () => {
  it('rounds to whole currency units and says more or less than at the baseline', () => {
    expect(stockPhrase(12300.4, 1199.6)).toBe('Safety stock worth 12,300 (1,200 more than at the baseline service level)');
    expect(stockPhrase(800, -250)).toBe('Safety stock worth 800 (250 less than at the baseline service level)');
    expect(stockPhrase(800, 0.2)).toBe('Safety stock worth 800');
    expect(stockPhrase(null, null)).toBeNull();
  });
});
