/**
 * The report document of a config: `prepareReport` reads and verifies the config document (the
 * asynchronous part: hashes, signature, audit chain, a previous config), `buildReport` writes
 * the sections. The same document feeds the HTML and Markdown writers and the review notebook.
 */
import { readConfig } from '../config/load-config.ts';
import { verifyConfig } from '../config/verify.ts';
import { verifyAuditChain } from '../config/audit.ts';
import { diffConfigs } from '../config/config-diff.ts';
import type { SegmentationConfig } from '../config/config-schema.ts';
import type { InputInfo, ReportInput, Reproduction } from './report-input.ts';
import type { ReportEvidence } from './evidence.ts';
import type { ReportDocument } from './report-document.ts';
import { summarySection } from './sections/summary.ts';
import { inputsSection } from './sections/inputs.ts';
import { dataSection } from './sections/data.ts';
import { featuresSection } from './sections/features.ts';
import { chooseKSection } from './sections/choose-k.ts';
import { clustersSection } from './sections/clusters.ts';
import { robustnessSection } from './sections/robustness.ts';
import { tiersSection } from './sections/tiers.ts';
import { workingCapitalSection } from './sections/working-capital.ts';
import { governanceSection } from './sections/governance.ts';
import { formatCount } from './format.ts';

export interface PrepareOptions {
  /** The parsed config document, as read from its file (with its envelope). */
  readonly document: unknown;
  readonly fileName: string;
  readonly inputs: readonly InputInfo[];
  readonly evidence?: ReportEvidence;
  readonly previous?: { readonly config: SegmentationConfig; readonly fileName: string };
  readonly reproduction?: Reproduction;
}

/** Reads and verifies everything a report needs; throws `invalid config: …` for a document that is not a config. */
export async function prepareReport(options: PrepareOptions): Promise<ReportInput> {
  const { config } = readConfig(options.document);
  const verification = await verifyConfig(options.document);
  const auditCheck = await verifyAuditChain(config.audit?.entries ?? [], config.integrity?.audit);
  return {
    config,
    fileName: options.fileName,
    verification,
    auditCheck,
    inputs: options.inputs,
    ...(options.evidence ? { evidence: options.evidence } : {}),
    ...(options.previous
      ? {
          previous: {
            fileName: options.previous.fileName,
            diff: diffConfigs(options.previous.config, config),
          },
        }
      : {}),
    ...(options.reproduction ? { reproduction: options.reproduction } : {}),
  };
}

/** Every section, in report order. */
export function buildReport(input: ReportInput): ReportDocument {
  const c = input.config;
  return {
    title: `Segmentation report: ${input.fileName}`,
    subtitle: `${formatCount(c.data.rows)} customers, ${c.model.algorithm} k = ${c.model.k}, exported ${c.createdAt} by Tierbook ${c.tierbook.version}`,
    sections: [
      summarySection(input),
      inputsSection(input),
      dataSection(input),
      featuresSection(input),
      chooseKSection(input),
      clustersSection(input),
      robustnessSection(input),
      tiersSection(input),
      workingCapitalSection(input),
      governanceSection(input),
    ],
  };
}
