/**
 * One card per tier for a mixed audience (sales, finance, operations): name, customers, share of
 * revenue and of profit, what a typical customer looks like, the service policy in plain words,
 * and example customers (the ones closest to the typical customer), optionally as pseudonyms so
 * no customer is named on a projector. Pure: a function of the table, the tiering and the policy.
 */
import type { TierPolicy } from '../policy/policy-spec.ts';
import { median } from '../prepare/quantile.ts';
import { policyPhrases } from './policy-phrases.ts';
import { CADENCE_FEATURE, TRAITS, distributions, percentileOf, typicalCustomer, type Distributions, type TypicalCustomer } from './typical-customer.ts';

export interface TierCardsSpec {
  /** Example customers per card. Default 3. */
  readonly examples?: number;
  /** Show examples as "Gold customer A" instead of their ids. Default false. */
  readonly pseudonymise?: boolean;
}

export interface TierCardsInput extends TierCardsSpec {
  /** Customer id of each table row. */
  readonly ids: readonly string[];
  /** Tier names, best first. */
  readonly names: readonly string[];
  /** Tier of each row: an index into `names`, or negative for none. */
  readonly tier: ArrayLike<number>;
  /** The table's columns in original units (the traits are read from them when present). */
  readonly columns: Readonly<Record<string, ArrayLike<number>>>;
  /** Revenue and net profit after cost-to-serve per row (NaN when unknown). */
  readonly revenue: ArrayLike<number>;
  readonly netProfit: ArrayLike<number>;
  /** The service policy of each tier (matched by name); null or missing: cards without one. */
  readonly policies?: readonly TierPolicy[] | null;
}

export interface TierCard {
  readonly tier: string;
  /** Position in the tier order, 0 = best. */
  readonly rank: number;
  readonly customers: number;
  /** customers / all customers of the table, 0–1. */
  readonly customerShare: number;
  /** The tier's revenue / the revenue of all customers, 0–1; null when unknown. */
  readonly revenueShare: number | null;
  /** The tier's net profit / the net profit of all customers (negative: the tier loses money); null when that total is not positive. */
  readonly profitShare: number | null;
  readonly typical: TypicalCustomer;
  /** The service policy as plain-language lines; empty without a policy. */
  readonly policy: readonly string[];
  /** Ids (or pseudonyms) of the customers closest to the typical customer. */
  readonly examples: readonly string[];
}

export interface TierCards {
  readonly cards: readonly TierCard[];
  readonly pseudonymised: boolean;
  /** What the cards leave out or cannot say, for people. */
  readonly notes: readonly string[];
}

/** Every default in one place. */
export function normalizeTierCards(spec: TierCardsSpec = {}): Required<TierCardsSpec> {
  const examples = spec.examples ?? 3;
  if (!Number.isInteger(examples) || examples < 0 || examples > 20) throw new Error(`invalid examples: ${examples} (expected a whole number from 0 to 20)`);
  return { examples, pseudonymise: spec.pseudonymise ?? false };
}

/** "A", "B", … "Z", "AA", …: the letter of the i-th example. */
export function exampleLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function sum(values: ArrayLike<number>, rows: readonly number[] | null): { total: number; known: number } {
  let total = 0;
  let known = 0;
  const n = rows ? rows.length : values.length;
  for (let i = 0; i < n; i++) {
    const v = values[rows ? rows[i] : i];
    if (Number.isFinite(v)) {
      total += v;
      known++;
    }
  }
  return { total, known };
}

/**
 * The `count` rows closest to the typical customer: smallest sum over the traits of the
 * distance between the row's percentile and the percentile of the group's median (a missing
 * value counts 0.5), ties by row order.
 */
function closestRows(rows: readonly number[], columns: TierCardsInput['columns'], company: Distributions, count: number): number[] {
  if (count === 0 || rows.length === 0) return [];
  const features = [CADENCE_FEATURE, ...TRAITS.map((t) => t.feature)].filter((f) => columns[f] && (company.get(f)?.length ?? 0) > 0);
  const distance = new Float64Array(rows.length);
  for (const f of features) {
    const column = columns[f];
    const all = company.get(f) as Float64Array;
    const centre = percentileOf(all, median(Float64Array.from(rows, (r) => column[r])));
    rows.forEach((r, i) => {
      const p = percentileOf(all, column[r]);
      distance[i] += Number.isFinite(p) && Number.isFinite(centre) ? Math.abs(p - centre) : 0.5;
    });
  }
  return rows
    .map((r, i) => ({ r, d: distance[i] }))
    .sort((a, b) => a.d - b.d || a.r - b.r)
    .slice(0, count)
    .map((x) => x.r);
}

export function tierCards(input: TierCardsInput): TierCards {
  const spec = normalizeTierCards(input);
  const n = input.ids.length;
  for (const [name, column] of [['tier', input.tier], ['revenue', input.revenue], ['netProfit', input.netProfit]] as const) {
    if (column.length !== n) throw new Error(`invalid tier cards input: ${name} has ${column.length} values for ${n} customers`);
  }
  const members: number[][] = input.names.map(() => []);
  let untiered = 0;
  for (let i = 0; i < n; i++) {
    const t = input.tier[i];
    if (t >= 0 && t < members.length) members[t].push(i);
    else untiered++;
  }
  const company = distributions(input.columns);
  const revenue = sum(input.revenue, null);
  const profit = sum(input.netProfit, null);
  const policies = new Map((input.policies ?? []).map((p) => [p.tier, p]));
  const notes: string[] = [];
  if (untiered > 0) notes.push(`${untiered.toLocaleString('en-US')} customer${untiered === 1 ? ' has' : 's have'} no tier and ${untiered === 1 ? 'is' : 'are'} on no card; shares are of all customers.`);
  if (profit.known > 0 && profit.total <= 0) notes.push('Profit shares are not shown: the customers together make no net profit after cost to serve.');
  if (profit.known === 0) notes.push('Profit shares are not shown: the table has no net profit (it needs unit cost).');
  if (revenue.known === 0) notes.push('Revenue shares are not shown: the table has no revenue.');
  if (input.policies && input.names.some((name) => !policies.has(name))) notes.push('Some tiers have no service policy yet.');
  const cards = input.names.map((tier, rank): TierCard => {
    const rows = members[rank];
    const r = sum(input.revenue, rows);
    const p = sum(input.netProfit, rows);
    const examples = closestRows(rows, input.columns, company, spec.examples);
    const policy = policies.get(tier);
    return {
      tier,
      rank,
      customers: rows.length,
      customerShare: n > 0 ? rows.length / n : 0,
      revenueShare: revenue.known > 0 && revenue.total !== 0 ? r.total / revenue.total : null,
      profitShare: profit.known > 0 && profit.total > 0 ? p.total / profit.total : null,
      typical: typicalCustomer(rows, input.columns, company),
      policy: policy ? policyPhrases(policy) : [],
      examples: examples.map((row, i) => (spec.pseudonymise ? `${tier} customer ${exampleLetter(i)}` : input.ids[row])),
    };
  });
  return { cards, pseudonymised: spec.pseudonymise, notes };
}
