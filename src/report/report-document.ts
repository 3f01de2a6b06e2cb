/**
 * The report as data: sections of paragraphs, facts, tables and charts, every value already
 * written as text. One document, three writers: HTML (`report-html.ts`), Markdown
 * (`report-markdown.ts`) and the review notebook's views (DOM). So the review and the report
 * show the same things, and a test that finds every config field in one finds it in all.
 *
 * `field` names the config path a value comes from (`data.fingerprint`,
 * `preparation.features[].scale`): shown beside the label so a reviewer can find it in the JSON.
 */
import type { ChartSpec } from './charts.ts';

export type Tone = 'ok' | 'warn' | 'error' | 'note';

export interface Fact {
  readonly label: string;
  readonly value: string;
  /** Config path of the value, e.g. `model.k`. */
  readonly field?: string;
  /** Longer explanation (e.g. an input's description). */
  readonly help?: string;
}

export interface TableColumn {
  readonly key: string;
  readonly label: string;
  /** The config key of the column's values within the table's `field`, e.g. `weight` in `preparation.features[]`. */
  readonly field?: string;
  /** Numbers: right-aligned. */
  readonly numeric?: boolean;
}

export type Block =
  | { readonly kind: 'paragraph'; readonly text: string; readonly tone?: Tone }
  | { readonly kind: 'facts'; readonly title?: string; readonly facts: readonly Fact[] }
  | {
      readonly kind: 'table';
      readonly caption: string;
      /** Config path of the whole table (e.g. `audit.entries`). */
      readonly field?: string;
      readonly columns: readonly TableColumn[];
      readonly rows: readonly Readonly<Record<string, string>>[];
      /** Rows left out to keep the report readable, e.g. "and 4,990 more customers". */
      readonly more?: string;
    }
  | { readonly kind: 'chart'; readonly caption: string; readonly chart: ChartSpec }
  | { readonly kind: 'list'; readonly items: readonly string[] };

/** Section ids, in report order. */
export const SECTION_IDS = [
  'summary',
  'inputs',
  'data',
  'features',
  'choose-k',
  'clusters',
  'robustness',
  'tiers',
  'working-capital',
  'governance',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface ReportSection {
  readonly id: SectionId;
  readonly title: string;
  readonly blocks: readonly Block[];
}

export interface ReportDocument {
  readonly title: string;
  /** One line under the title: what was segmented, when. */
  readonly subtitle: string;
  readonly sections: readonly ReportSection[];
}

export const paragraph = (text: string, tone?: Tone): Block => ({
  kind: 'paragraph',
  text,
  ...(tone ? { tone } : {}),
});
export const facts = (list: readonly (Fact | null)[], title?: string): Block => ({
  kind: 'facts',
  ...(title ? { title } : {}),
  facts: list.filter((f): f is Fact => f !== null),
});
