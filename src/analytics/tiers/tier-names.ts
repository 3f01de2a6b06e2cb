/** Default tier names and the rules a tier name must follow. */

/** The names of the top-down rules, best first; bottom-up tiering uses them too when there are four tiers. */
export const STANDARD_TIER_NAMES = ['Platinum', 'Gold', 'Silver', 'Standard'] as const;

/** Default name of the tier the Strategic accounts form. */
export const STRATEGIC_TIER = 'Strategic';

/**
 * Default names for `count` tiers, best first: Standard is always the last; above it Platinum,
 * Gold, Silver, Bronze, then `Tier 5`, `Tier 6`, …
 * (1: Standard; 2: Platinum, Standard; 4: Platinum, Gold, Silver, Standard).
 */
export function defaultTierNames(count: number): string[] {
  if (!(Number.isInteger(count) && count >= 1)) throw new Error(`invalid tier count: ${count} (expected a whole number >= 1)`);
  const upper = ['Platinum', 'Gold', 'Silver', 'Bronze'];
  const names: string[] = [];
  for (let i = 0; i < count - 1; i++) names.push(upper[i] ?? `Tier ${i + 1}`);
  return [...names, 'Standard'];
}

/** Characters a tier name cannot hold: they separate names and values in settings (`tierNames=A,B`, `serviceLevel.Gold=0.98`). */
const FORBIDDEN = /[,=\n\r\t]/;

/** Validates one tier name (trimmed, 1–40 characters, no `,` `=` or line breaks); returns it trimmed. */
export function tierName(value: string, what = 'tier name'): string {
  const name = value.trim();
  if (name === '' || name.length > 40 || FORBIDDEN.test(name)) {
    throw new Error(`invalid ${what}: ${JSON.stringify(value)} (expected 1 to 40 characters without a comma, "=" or line break)`);
  }
  return name;
}

/** Validates a list of distinct tier names. */
export function tierNameList(values: readonly string[], what = 'tier names'): string[] {
  const names = values.map((v) => tierName(v, what.replace(/s$/, '')));
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new Error(`invalid ${what}: "${n}" is listed twice`);
    seen.add(n);
  }
  if (names.length === 0) throw new Error(`invalid ${what}: none given`);
  return names;
}
