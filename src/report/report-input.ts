/**
 * What a report is built from: the config (as read and as verified), the notebook's inputs with
 * their descriptions, and optional evidence (what a run on the data adds: the k sweep, profiles,
 * tier KPIs, working capital), a previous config to compare with, and a reproduction check.
 * `prepareReport` gathers the asynchronous parts (verification, audit chain); `buildReport`
 * (pure, synchronous) turns them into a document.
 */
import type { SegmentationConfig } from '../config/config-schema.ts';
import type { Verification } from '../config/verify.ts';
import type { AuditCheck } from '../config/audit.ts';
import type { ConfigDiff } from '../config/config-diff.ts';
import type { ReportEvidence } from './evidence.ts';
import type { Reproduction } from '../config/review/reproduction.ts';

export type { Reproduction };

/** One input of the notebook that produced the config, as the report describes it. */
export interface InputInfo {
  readonly name: string;
  readonly title: string;
  /** Plain-language help (the input's description in the notebook). */
  readonly description?: string;
  /** The notebook section it belongs to, e.g. `3. Features, scaling and weights`. */
  readonly section?: string;
  /** The default value, written as the input writes values. */
  readonly defaultText: string;
  /** A value written as the input writes it (as in a link or `--set`). */
  readonly format: (value: unknown) => string;
}

export interface ReportInput {
  readonly config: SegmentationConfig;
  /** The file the config was read from, for the title. */
  readonly fileName: string;
  readonly verification: Verification;
  /** The audit log's own check (chain links and the head the export recorded). */
  readonly auditCheck: AuditCheck;
  readonly inputs: readonly InputInfo[];
  readonly evidence?: ReportEvidence;
  readonly previous?: { readonly fileName: string; readonly diff: ConfigDiff };
  readonly reproduction?: Reproduction;
}
