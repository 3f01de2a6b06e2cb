/**
 * Communication templates for customers whose tier changes: an editable text with merge fields
 * (`{{customer}}`, `{{new_tier}}`...) gives one text per customer. Merge fields are plain text
 * substitution, one pass, left to right: a value is never read again as a template, never as
 * HTML, never as code. The texts go out as CSV (through the one CSV writer) or Markdown.
 */
import { normalizePolicy, type TierPolicy } from '../../analytics/policy/policy-spec.ts';
import type { SegmentationConfig } from '../config-schema.ts';
import { csvDocument, csvText } from '../../data/csv-write.ts';
import { escapeMarkdown } from '../../report/report-markdown.ts';

/** The merge fields a template may use, in the order the editor lists them. */
export const MERGE_FIELDS = [
  'customer',
  'old_tier',
  'new_tier',
  'effective_date',
  'lead_time',
  'min_order',
  'surcharge',
  'contact',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const DEFAULT_TEMPLATE = [
  'Dear {{customer}},',
  '',
  'From {{effective_date}} your account moves from {{old_tier}} to {{new_tier}}.',
  'Orders are shipped within {{lead_time}}; the minimum order is {{min_order}}, and orders below it carry a surcharge of {{surcharge}}.',
  '',
  'Questions? Contact {{contact}}.',
].join('\n');

/** `{{ name }}`: letters, digits and underscores, spaces inside the braces allowed. */
const FIELD = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Every problem of a template: unknown merge fields (named, with the list of known ones). */
export function templateProblems(template: string): string[] {
  const unknown = [
    ...new Set(
      [...template.matchAll(FIELD)]
        .map((m) => m[1])
        .filter((name) => !(MERGE_FIELDS as readonly string[]).includes(name)),
    ),
  ];
  return unknown.map(
    (name) =>
      `unknown merge field {{${name}}} (expected ${MERGE_FIELDS.slice(0, -1).join(', ')} or ${MERGE_FIELDS[MERGE_FIELDS.length - 1]})`,
  );
}

/** The template with each field replaced by its value, in one pass (values are never expanded). */
export function fillTemplate(template: string, values: Readonly<Record<MergeField, string>>): string {
  return template.replace(FIELD, (whole, name: string) =>
    (MERGE_FIELDS as readonly string[]).includes(name) ? values[name as MergeField] : whole,
  );
}

/** What the letters say beyond the tiers; empty text says "(not set)" in the letter. */
export interface LetterOptions {
  /** The date the new tiers apply, as the reader should see it (e.g. 2026-01-01). */
  readonly effectiveDate: string;
  /** Who to contact, e.g. "your account manager, service@example.com". */
  readonly contact: string;
  /** Currency written before amounts, e.g. "EUR". Default "". */
  readonly currency?: string;
}

export interface TierChange {
  readonly customer: string;
  /** The tier before; null when the customer was not in the previous assignment. */
  readonly oldTier: string | null;
  /** The tier now; null when the customer is no longer assigned. */
  readonly newTier: string | null;
}

/** Tier per customer id under `config`: its embedded assignments read through its tier map. */
export function customerTiers(config: SegmentationConfig): Map<string, string> {
  const tiers = new Map<string, string>();
  const a = config.assignments;
  if (!a) return tiers;
  const map = config.tierMap;
  a.ids.forEach((id, i) => {
    const c = a.clusters[i];
    if (c === null) return;
    if (c === 'strategic') tiers.set(id, map?.strategic ?? 'Strategic');
    else tiers.set(id, map?.clusters[c - 1] ?? `Cluster ${c}`);
  });
  return tiers;
}

/** Customers whose tier differs, sorted by customer id (a stable order for the files). */
export function tierChanges(
  previous: ReadonlyMap<string, string>,
  current: ReadonlyMap<string, string>,
): TierChange[] {
  const ids = new Set([...previous.keys(), ...current.keys()]);
  const changes: TierChange[] = [];
  for (const id of ids) {
    const oldTier = previous.get(id) ?? null;
    const newTier = current.get(id) ?? null;
    if (oldTier !== newTier) changes.push({ customer: id, oldTier, newTier });
  }
  return changes.sort((a, b) => (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));
}

export interface Letter extends TierChange {
  readonly text: string;
}

const NOT_SET = '(not set)';
const amount = (value: number, currency: string) =>
  value > 0 ? `${currency ? `${currency} ` : ''}${value.toLocaleString('en-US')}` : 'none';

/** The merge values of one change, from the new tier's policy in `config`. */
export function mergeValues(
  change: TierChange,
  policy: TierPolicy | undefined,
  options: LetterOptions,
): Record<MergeField, string> {
  const currency = options.currency ?? '';
  return {
    customer: change.customer,
    old_tier: change.oldTier ?? 'no tier',
    new_tier: change.newTier ?? 'no tier',
    effective_date: options.effectiveDate.trim() || NOT_SET,
    contact: options.contact.trim() || NOT_SET,
    lead_time: policy ? `${policy.leadTimeDays} ${policy.leadTimeDays === 1 ? 'day' : 'days'}` : NOT_SET,
    min_order: policy
      ? policy.minimumOrderBasis === 'quantity' && policy.minimumOrder > 0
        ? `${policy.minimumOrder.toLocaleString('en-US')} units`
        : amount(policy.minimumOrder, currency)
      : NOT_SET,
    surcharge: policy ? amount(policy.smallOrderSurcharge, currency) : NOT_SET,
  };
}

/** One text per changed customer; throws when the template names an unknown field. */
export function tierLetters(
  config: SegmentationConfig,
  changes: readonly TierChange[],
  template: string,
  options: LetterOptions,
): Letter[] {
  const problems = templateProblems(template);
  if (problems.length > 0) throw new Error(`invalid template: ${problems.join('; ')}`);
  const tiers = config.tierMap?.order ?? [];
  const policies = new Map(normalizePolicy(config.policies ?? {}, tiers).tiers.map((p) => [p.tier, p]));
  return changes.map((change) => ({
    ...change,
    text: fillTemplate(
      template,
      mergeValues(change, change.newTier === null ? undefined : policies.get(change.newTier), options),
    ),
  }));
}

/** The letters as CSV: customer, old tier, new tier, text (formula-neutralised, quoted). */
export function lettersCsv(letters: readonly Letter[]): string {
  return csvDocument(
    ['customer', 'old_tier', 'new_tier', 'text'],
    letters.map((l) => [
      csvText(l.customer),
      csvText(l.oldTier ?? ''),
      csvText(l.newTier ?? ''),
      csvText(l.text),
    ]),
  );
}

/** The letters as Markdown: one section per customer, the text as written (escaped, line breaks kept). */
export function lettersMarkdown(letters: readonly Letter[], title = 'Tier change letters'): string {
  const parts = [
    `# ${escapeMarkdown(title)}`,
    '',
    `${letters.length} ${letters.length === 1 ? 'customer' : 'customers'} whose tier changes.`,
  ];
  for (const l of letters) {
    parts.push(
      '',
      `## ${escapeMarkdown(l.customer)}: ${escapeMarkdown(l.oldTier ?? 'no tier')} → ${escapeMarkdown(l.newTier ?? 'no tier')}`,
      '',
    );
    parts.push(
      l.text
        .split('\n')
        .map((line) => (line === '' ? '' : `${escapeMarkdown(line, true)}  `))
        .join('\n'),
    );
  }
  return `${parts.join('\n')}\n`;
}
