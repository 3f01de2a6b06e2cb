/**
 * The tier a person gives each cluster rank (1 = the best cluster by the value measure), as the
 * notebook's tier-map input holds it: only the ranks named, by rank. Naming a rank renames its
 * tier; giving two ranks one name merges their clusters into one tier. Ranks not named keep
 * their default tier. As settings: `tierMap=Gold,Gold,Silver` (by position), `tierMap=2=Gold`
 * or one rank at a time, `tierMap.2=Gold`; an empty name gives the rank its default back.
 */
import { tierName } from './tier-names.ts';
import type { ClusterTiering } from './cluster-tiers.ts';

/** Tier names by rank (`"1"`, `"2"`, …); ranks not listed take their default. */
export type RankTiers = Readonly<Record<string, string>>;

/** The setting's name and the prefix of one rank's entry (`tierMap.2`). */
export const RANK_TIERS_SETTING = 'tierMap';
const ENTRY = /^tierMap\.([1-9]\d{0,3})$/;

/** Whether `name` is one rank of the tier map, `tierMap.<rank>`. */
export function isRankTierEntry(name: string): boolean {
  return ENTRY.test(name);
}

function rankOf(text: string, what: string): string {
  const t = text.trim();
  if (!/^[1-9]\d{0,3}$/.test(t)) throw new Error(`invalid ${what}: ${JSON.stringify(text)} (expected a cluster rank 1, 2, 3, …)`);
  return t;
}

function withRank(map: RankTiers, rank: string, name: string): RankTiers {
  const out: Record<string, string> = { ...map };
  if (name.trim() === '') delete out[rank];
  else out[rank] = tierName(name, `tier of rank ${rank}`);
  return out;
}

/** `Gold,Gold,Silver` (ranks 1, 2, 3) or `2=Gold,4=Silver`; empty: none named. */
export function parseRankTiers(text: string): RankTiers {
  let map: RankTiers = {};
  text
    .split(',')
    .map((s) => s.trim())
    .forEach((part, i) => {
      if (part === '') return;
      const eq = part.indexOf('=');
      map = eq < 0 ? withRank(map, String(i + 1), part) : withRank(map, rankOf(part.slice(0, eq), 'tierMap rank'), part.slice(eq + 1));
    });
  return map;
}

/** `map` with `tierMap.<rank>=name` applied (an empty name removes the rank). */
export function applyRankTier(map: RankTiers, entry: string, name: string): RankTiers {
  const m = ENTRY.exec(entry);
  if (!m) throw new Error(`invalid tierMap entry: ${JSON.stringify(entry)} (expected tierMap.<rank>, e.g. tierMap.2=Gold)`);
  return withRank(map, m[1], name);
}

const byRank = (map: RankTiers) => Object.keys(map).sort((a, b) => Number(a) - Number(b));

/** The named ranks as entries (`tierMap.2`, `Gold`), best rank first. */
export function rankTierEntries(map: RankTiers): [string, string][] {
  return byRank(map).map((r) => [`${RANK_TIERS_SETTING}.${r}`, map[r]]);
}

/** `2=Gold,4=Silver`, best rank first; '' when none is named. */
export function formatRankTiers(map: RankTiers): string {
  return byRank(map)
    .map((r) => `${r}=${map[r]}`)
    .join(',');
}

/** One form per meaning: ranks in order. */
export function canonicalRankTiers(map: RankTiers): RankTiers {
  return Object.fromEntries(byRank(map).map((r) => [r, map[r]]));
}

/** Why `value` is not a tier map (ranks 1, 2, … to valid tier names), or undefined. */
export function rankTiersProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'invalid tierMap: expected tier names by cluster rank';
  try {
    for (const [rank, name] of Object.entries(value)) {
      rankOf(rank, 'tierMap rank');
      if (typeof name !== 'string') throw new Error(`invalid tier of rank ${rank}: expected a name`);
      tierName(name, `tier of rank ${rank}`);
    }
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The tier of every rank of `plain` (a tiering of the same clusters with no names given): the
 * named ranks' names, the default for the others. Null when no rank is named, so the default
 * tiering stands as it is.
 */
export function resolveRankTiers(plain: Pick<ClusterTiering, 'names' | 'ranking'>, map: RankTiers): string[] | null {
  if (Object.keys(map).length === 0 || plain.ranking.length === 0) return null;
  return plain.ranking.map((r) => map[String(r.rank + 1)] ?? plain.names[r.tier]);
}
