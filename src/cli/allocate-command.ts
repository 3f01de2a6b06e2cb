/**
 * `tierbook allocate --supply N --demand Tier=n,... [--rule ...] [--json]`: shortage allocation
 * by tier priority. The order of `--demand` is the priority order. Whole units; pro-rata shares
 * are rounded by largest remainder (ties to the higher priority), so allocations sum exactly.
 */
import { UsageError, flag, type ParsedArgs } from './args.ts';
import type { Io } from './io.ts';
import { ALLOCATION_RULES, allocateShortage, type Allocation, type TierDemand } from '../analytics/policy/allocation.ts';
import { keyword } from '../analytics/keyword.ts';
import { tierName } from '../analytics/tiers/tier-names.ts';

function units(name: string, text: string): number {
  const t = text.trim();
  const v = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isSafeInteger(v)) throw new UsageError(`invalid ${name}: "${text}" (expected a whole number of units >= 0)`);
  return v;
}

/** `Platinum=500,Gold=400` → demands in priority order. */
export function parseDemand(text: string): TierDemand[] {
  const parts = text.split(',').filter((p) => p.trim() !== '');
  if (parts.length === 0) throw new UsageError('invalid --demand: none given (expected Tier=units,..., e.g. Platinum=500,Gold=400)');
  const seen = new Set<string>();
  return parts.map((part) => {
    const eq = part.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(`invalid --demand: "${part}" (expected Tier=units, e.g. Gold=400)`);
    let tier: string;
    try {
      tier = tierName(part.slice(0, eq), 'tier in --demand');
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (seen.has(tier)) throw new UsageError(`invalid --demand: tier "${tier}" is listed twice`);
    seen.add(tier);
    return { tier, demand: units(`--demand for ${tier}`, part.slice(eq + 1)) };
  });
}

function percent(fill: number | null): string {
  return fill === null ? '–' : `${(fill * 100).toFixed(1)}%`;
}

/** A plain-text table of an allocation, for people. */
export function allocationText(a: Allocation): string {
  const rows = [['tier', 'demand', 'allocated', 'fill rate'], ...a.tiers.map((t) => [t.tier, String(t.demand), String(t.allocated), percent(t.fillRate)])];
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  const line = (r: string[]) => r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ');
  const used = a.tiers.reduce((s, t) => s + t.allocated, 0);
  return `rule ${a.rule}, supply ${a.supply} (${used} allocated)\n${rows.map(line).join('\n')}\n`;
}

export async function allocateCommand(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length > 0) throw new UsageError(`allocate takes no file: unexpected "${args.positionals[0]}"`);
  const supplyText = flag(args, 'supply');
  const demandText = flag(args, 'demand');
  if (supplyText === undefined) throw new UsageError('allocate needs --supply <units>');
  if (demandText === undefined) throw new UsageError('allocate needs --demand <Tier=units,...> (highest priority first)');
  let rule;
  try {
    rule = keyword('--rule', flag(args, 'rule') ?? 'priority', ALLOCATION_RULES);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const allocation = allocateShortage(units('--supply', supplyText), parseDemand(demandText), rule);
  io.stdout(flag(args, 'json') ? `${JSON.stringify(allocation)}\n` : allocationText(allocation));
  return 0;
}
