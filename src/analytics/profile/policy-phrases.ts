/**
 * A tier's service policy in plain language for a mixed room: what the customer is promised and
 * what it pays, one short line per term, leaving out terms the tier does not have (no minimum
 * order, no surcharge).
 */
import type { TierPolicy } from '../policy/policy-spec.ts';

const WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six'];

const amount = (v: number): string => (Number.isInteger(v) ? v : Number(v.toFixed(2))).toLocaleString('en-US');
const percent = (fraction: number): string => `${Number((fraction * 100).toFixed(1))}%`;
const days = (n: number): string => `${amount(n)} ${n === 1 ? 'day' : 'days'}`;

/** How many days a week the tier is delivered, in words. */
export function deliveryPhrase(daysPerWeek: number): string {
  if (daysPerWeek >= 7) return 'delivered every day';
  if (daysPerWeek === 1) return 'delivered one fixed day a week';
  return `delivered ${WORDS[daysPerWeek] ?? amount(daysPerWeek)} days a week`;
}

/** The policy of one tier as short plain-language lines, most important first. */
export function policyPhrases(p: TierPolicy): string[] {
  const lines = [
    `Promised within ${days(p.leadTimeDays)}, ${deliveryPhrase(p.deliveryDaysPerWeek)}`,
    `In stock for ${percent(p.serviceLevel)} of order cycles (service level)`,
  ];
  if (p.minimumOrder > 0) lines.push(`Minimum order ${amount(p.minimumOrder)}${p.minimumOrderBasis === 'quantity' ? ' units' : ' in value'}`);
  if (p.smallOrderSurcharge > 0 && p.smallOrderThreshold > 0) lines.push(`Orders below ${amount(p.smallOrderThreshold)} pay ${amount(p.smallOrderSurcharge)} extra`);
  if (p.ctsAllowancePct !== null) lines.push(`Pays the cost to serve above ${amount(p.ctsAllowancePct)}% of revenue`);
  lines.push(p.priority === 1 ? 'Served first in a shortage' : `Shortage priority ${p.priority} (1 is served first)`);
  if (p.parentRule === 'parent') lines.push("Served at its parent account's tier");
  if (p.parentRule === 'higher') lines.push("Served at the higher of its own and its parent account's tier");
  return lines;
}

/**
 * The stock a tier's service ties up, in words: "Safety stock worth 12,300 (1,200 more than at
 * the baseline service level)". Null when it is not known (no order lines).
 */
export function stockPhrase(value: number | null, delta: number | null): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  const worth = `Safety stock worth ${Math.round(value).toLocaleString('en-US')}`;
  if (delta === null || !Number.isFinite(delta) || Math.round(delta) === 0) return worth;
  return `${worth} (${Math.round(Math.abs(delta)).toLocaleString('en-US')} ${delta > 0 ? 'more' : 'less'} than at the baseline service level)`;
}
