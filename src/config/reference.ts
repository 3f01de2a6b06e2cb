/**
 * Checks an imported (reference) config against the config the notebook recomputes after the
 * import: every claim it makes about the data, the settings, the preparation, the model, the
 * tiers and the assignments. It is `diffConfigs` (the one comparison of configs) with fitted
 * numbers compared within a tolerance and only what the imported config states counted.
 */
import { diffConfigs, type CompareOptions } from './config-diff.ts';
import { configContent, sectionTexts } from './integrity.ts';
import type { SegmentationConfig } from './config-schema.ts';

/** One claim of the reference that the recomputation does not bear out. */
export interface ReferenceDifference {
  /** Where, e.g. `weights.cts_pct`, `preparation.features[revenue].scale`, `model.sizes`, `assignmentsHash`. */
  readonly part: string;
  /** Both values as short text. */
  readonly claimed: string;
  readonly recomputed: string;
}

export interface ReferenceCheck {
  /** Every claim was reproduced. */
  readonly reproduced: boolean;
  /** The data fingerprints agree (the config was made on this file). */
  readonly sameData: boolean;
  readonly differences: readonly ReferenceDifference[];
  /** How many parts were compared (sections, and the children of object sections: `inputs.k`, `model.centroids`). */
  readonly compared: number;
  /** What was not compared and why. */
  readonly notes: readonly string[];
}

/**
 * Relative tolerance for fitted numbers (scaling parameters, centroids, inertia, explained
 * variance). The same code on the same data reproduces them bit for bit in one JavaScript
 * engine; the slack covers `Math.log1p` and friends, whose last bit may differ between engines.
 */
export const REFERENCE_TOLERANCE = 1e-9;

/**
 * Not claims about the segmentation: which Tierbook and packages computed it (another install
 * reproduces the same numbers) and the file's name (the same bytes under another name are the
 * same data: the fingerprint says so).
 */
const NOT_CLAIMS = ['tierbook', 'packages', 'data.source'];
/** Sections the notebook computes only when asked: compared when the recomputation has them. */
const ON_DEMAND = ['robustness'];

const short = (value: unknown): string => {
  const text = value === undefined ? '(none)' : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

export function checkReference(claimed: SegmentationConfig, recomputed: SegmentationConfig): ReferenceCheck {
  const notes: string[] = [];
  const skipped = ON_DEMAND.filter((s) => Object.hasOwn(claimed, s) && !Object.hasOwn(recomputed, s));
  for (const s of skipped) notes.push(`${s}: not compared, as it has not run in this notebook; run it to compare it`);
  const options: CompareOptions = { fittedTolerance: REFERENCE_TOLERANCE, claimsOnly: true, ignore: [...NOT_CLAIMS, ...skipped] };
  const diff = diffConfigs(claimed, recomputed, {}, options);
  const differences = diff.changes.map((c) => ({ part: c.path, claimed: short(c.old), recomputed: short(c.new) }));
  const ignored = (path: string) => options.ignore?.some((i) => path === i || path.startsWith(`${i}.`));
  const content = configContent(claimed as unknown as Record<string, unknown>);
  const compared = [...sectionTexts(content).keys()].filter((p) => !ignored(p) && p !== 'createdAt' && p !== 'version' && p !== 'assignments').length;
  return { reproduced: differences.length === 0, sameData: claimed.data.fingerprint === recomputed.data.fingerprint, differences, compared, notes };
}

/** A one-paragraph verdict, naming the differing parts (at most `shown` of them). */
export function describeCheck(check: ReferenceCheck, rows: number, shown = 6): string {
  const count = rows.toLocaleString('en-US');
  const notes = check.notes.length > 0 ? ` (${check.notes.join('; ')})` : '';
  if (check.reproduced) return `Reproduced: all ${check.compared} claims of the imported config hold, and the same ${count} assignments result${notes}.`;
  const parts = check.differences.map((d) => d.part);
  const list = parts.slice(0, shown).join(', ') + (parts.length > shown ? ` and ${parts.length - shown} more` : '');
  const data = check.sameData ? '' : 'It was made on other data. ';
  return `${data}Not reproduced: ${parts.length} difference${parts.length === 1 ? '' : 's'} from what the config claims (${list})${notes}.`;
}
