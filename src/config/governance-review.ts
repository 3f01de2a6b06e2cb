/**
 * The fairness screening and the migration from the approved version, for the app's governance
 * section: the current config scored (frozen) on the current customers, screened by one
 * categorical attribute, and, when a version is approved, compared with it tier by tier. Both need
 * tiers (a tier map in the config): the favourable outcome is a top tier, and upgrades and
 * downgrades need tiers in an order. Without them the reason is returned, not thrown.
 */
import { applyConfig, type ScoringTable } from './apply-config.ts';
import type { SegmentationConfig } from './config-schema.ts';
import { tierFairness } from './tier-fairness.ts';
import { migrationReport, type MigrationReport } from './migration-report.ts';

export type FairnessScreening = ReturnType<typeof tierFairness>;

export interface GovernanceReview {
  /** The screening, or why there is none. */
  readonly fairness: FairnessScreening | { readonly unavailable: string };
  /** The migration from the approved version, or why there is none. */
  readonly migration: MigrationReport | { readonly unavailable: string };
}

export interface GovernanceReviewSpec {
  readonly current: SegmentationConfig;
  readonly approved: SegmentationConfig | null;
  readonly table: ScoringTable & { readonly categorical: Readonly<Record<string, readonly string[]>> };
  /** The categorical column whose groups get impact ratios (e.g. region). */
  readonly attribute: string;
  /** Assumed probability that a downgraded customer leaves, in [0, 1]. */
  readonly churnProbability: number;
  /** What `approved` is, for messages (default "the approved version"; e.g. "the previous config old.json"). */
  readonly against?: string;
}

const NO_TIERS = 'it needs tiers: define them in the tiers section, so the config carries a tier map';

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function governanceReview(spec: GovernanceReviewSpec): GovernanceReview {
  const { current, approved, table } = spec;
  let fairness: GovernanceReview['fairness'];
  if (!current.tierMap) fairness = { unavailable: `Fairness screening is not available: ${NO_TIERS}.` };
  else if (!Object.hasOwn(table.categorical, spec.attribute)) {
    const have = Object.keys(table.categorical);
    fairness = { unavailable: `The data has no categorical column "${spec.attribute}" (it has ${have.length > 0 ? have.join(', ') : 'none'}).` };
  } else {
    try {
      fairness = tierFairness(applyConfig(current, table), current.tierMap, table.categorical, { attribute: spec.attribute });
    } catch (error) {
      fairness = { unavailable: `Fairness screening failed: ${reason(error)}.` };
    }
  }
  let migration: GovernanceReview['migration'];
  if (!approved) migration = { unavailable: 'Migration: nothing is approved yet, so there is no previous version to compare with.' };
  else if (!approved.tierMap || !current.tierMap) migration = { unavailable: `Migration from ${spec.against ?? 'the approved version'} is not available: ${NO_TIERS} (both versions).` };
  else {
    try {
      migration = migrationReport({ previous: { config: approved }, current, table, churnProbability: spec.churnProbability });
    } catch (error) {
      migration = { unavailable: `Migration failed: ${reason(error)}.` };
    }
  }
  return { fairness, migration };
}
