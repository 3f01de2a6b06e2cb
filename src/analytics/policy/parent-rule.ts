/**
 * The parent-account rule: a customer whose parent account sits in another tier is served at
 * its own tier (`own`), its parent's (`parent`), or the higher of the two (`higher`). The rule
 * of the customer's own tier applies. Tiers are indexes, best first.
 */
import type { NormalizedPolicy } from './policy-spec.ts';

export interface ServedTiers {
  /** The tier each customer is served at. */
  readonly tier: Int32Array;
  /** Customers served at a tier other than their own. */
  readonly moved: number;
}

/** `parentRow[i]`: the row standing for customer i's parent account, -1 when none (see `parentAccountRows`). */
export function servedTiers(tier: Int32Array, parentRow: Int32Array, policy: NormalizedPolicy): ServedTiers {
  const out = Int32Array.from(tier);
  let moved = 0;
  for (let i = 0; i < tier.length; i++) {
    const own = tier[i];
    const p = parentRow[i];
    if (own < 0 || p < 0 || tier[p] < 0 || tier[p] === own) continue;
    const rule = policy.tiers[own].parentRule;
    const served = rule === 'parent' ? tier[p] : rule === 'higher' ? Math.min(own, tier[p]) : own;
    if (served !== own) {
      out[i] = served;
      moved++;
    }
  }
  return { tier: out, moved };
}
