/**
 * Fairness screening of a segmentation: the impact ratio of a favourable outcome per group of
 * a chosen attribute, and Cramér's V between tier and every categorical attribute as a proxy
 * check, with the caveats that belong next to the figures.
 */
import { contingencyTable, cramersV, type CramersV } from './cramers-v.ts';
import { impactRatios, type ImpactRatioSpec, type ImpactRatios } from './impact-ratio.ts';

/** Cramér's V (bias-corrected) at or above this is worth a review (a project convention). */
export const REVIEW_V = 0.3;

/** Shown next to the figures, always. */
export const SCREENING_CAVEATS: readonly string[] = [
  'A flag is a screening signal, not a finding: review the flagged groups together with the business reasons for their tiers.',
  'The four-fifths rule (a group’s rate below 0.8 of the highest rate, from the 1978 US Uniform Guidelines) is a rule of thumb; some tools use the two-sided band 0.8 to 1.25.',
  'Groups of 2% of the customers or fewer are shown but not flagged: rates of small groups are unreliable.',
  'Order data rarely holds protected attributes; region, channel, size or ownership can still act as proxies. A bias-corrected Cramér’s V of 0.3 or more between tier and an attribute is worth a review (a convention, not a legal test).',
  'Association is not cause: a tier can differ across regions because cost-to-serve differs.',
];

export interface ScreeningSpec extends ImpactRatioSpec {
  /** Segment (tier) per customer. */
  readonly tiers: readonly string[];
  /** The favourable outcome per customer (e.g. in the top tier, or not downgraded). */
  readonly favourable: ArrayLike<boolean>;
  /** Categorical attributes by name, one value per customer. */
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  /** The attribute to compute impact ratios for. */
  readonly attribute: string;
}

export interface Screening {
  readonly attribute: string;
  readonly impact: ImpactRatios;
  /** Per attribute: V between tier and it, and whether it reaches the review level. */
  readonly association: ({ attribute: string; review: boolean } & CramersV)[];
  readonly caveats: readonly string[];
}

export function fairnessScreening(spec: ScreeningSpec): Screening {
  const column = spec.attributes[spec.attribute];
  if (!column) {
    throw new Error(`invalid attribute: "${spec.attribute}" (attributes: ${Object.keys(spec.attributes).join(', ') || 'none'})`);
  }
  const association = Object.entries(spec.attributes).map(([attribute, values]) => {
    const v = cramersV(contingencyTable(spec.tiers, values));
    return { attribute, review: v.corrected !== null && v.corrected >= REVIEW_V, ...v };
  });
  return { attribute: spec.attribute, impact: impactRatios(column, spec.favourable, spec), association, caveats: SCREENING_CAVEATS };
}
