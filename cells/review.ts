/**
 * The review notebook's cells: an exported config opened on its own, read-only. The reviewer
 * gives the config (and optionally a previous config and the data file); every section of the
 * report is a cell, drawn from the same report document as the HTML and Markdown report, so the
 * review and the report never say different things. Nothing here changes the analysis.
 */
import { cell } from '../src/runtime/index.ts';
import { checkReproduction, type Reproduction } from '../src/config/review/reproduction.ts';
import { buildReport, prepareReport } from '../src/report/build-report.ts';
import type { ReportDocument, ReportSection, SectionId } from '../src/report/report-document.ts';
import { blockMarkup } from '../src/report/report-html.ts';
import { toDom } from '../src/report/markup.ts';
import { REVIEW_CSS } from '../src/report/review-css.ts';
import { SAMPLE_ORDERS_NAME } from '../src/workers/tasks.ts';
import { segmentation } from '../notebooks/segmentation.ts';
import { host } from './data.ts';
import { inputCatalog } from '../src/report/input-catalog.ts';
import { reviewLog, reviewedDocument } from './review-log.ts';
import { opened, previousOpened, reviewDataFile } from './review-open.ts';
import { textBlock } from './view-helpers.ts';

/**
 * Do the assignments reproduce? The data (or the bundled sample, for a config built on it) is
 * read in a worker with the config's import options and scored with the frozen config.
 */
export const reproduction = cell({
  name: 'reproduction',
  title: 'Reproduction of the assignments',
  hidden: true,
  inputs: { opened, reviewDataFile, host },
  run: async ({ opened, reviewDataFile, host }, { signal, progress }): Promise<Reproduction | null> => {
    if (opened === null) return null;
    const config = opened.config;
    if (reviewDataFile === null && config.data.source !== 'sample') return null;
    const name = reviewDataFile?.name ?? SAMPLE_ORDERS_NAME;
    const read = await host.tasks.run(
      'importData',
      [reviewDataFile?.bytes ?? null, name, config.data.import],
      {
        signal,
        onProgress: (f, message) => progress(f, message),
      },
    );
    return checkReproduction(config, read.imported.customers, { name, fingerprint: read.fingerprint });
  },
});

const INPUTS = inputCatalog(segmentation);

/** The report document of the config under review, with the reviewer's entries in its audit log. */
export const reviewReport = cell({
  name: 'reviewReport',
  title: 'Review report',
  hidden: true,
  inputs: { opened, previousOpened, reproduction, reviewLog },
  run: async ({ opened, previousOpened, reproduction, reviewLog }): Promise<ReportDocument | null> => {
    if (opened === null) return null;
    const input = await prepareReport({
      document: reviewedDocument(opened, reviewLog),
      fileName: opened.fileName,
      inputs: INPUTS,
      ...(previousOpened
        ? { previous: { config: previousOpened.config, fileName: previousOpened.fileName } }
        : {}),
      ...(reproduction ? { reproduction } : {}),
    });
    return buildReport(input);
  },
});

/** A section of the report as DOM (text nodes only: values are never parsed as HTML). */
export function sectionView(section: ReportSection, document: Document): HTMLElement {
  const root = document.createElement('div');
  root.className = 'tb-report';
  const style = document.createElement('style');
  style.textContent = REVIEW_CSS;
  root.append(style);
  for (const block of section.blocks) {
    const node = toDom(document, blockMarkup(block));
    if (node) root.append(node);
  }
  return root;
}

function sectionCell(id: SectionId, title: string, description: string) {
  return cell({
    name: `review_${id.replaceAll('-', '_')}`,
    title,
    description,
    inputs: { reviewReport },
    run: ({ reviewReport }): ReportSection | null => reviewReport?.sections.find((s) => s.id === id) ?? null,
    view: (section, { document }) =>
      section === null
        ? textBlock(document, ['Choose the config to review (above): its exported config.json.'])
        : sectionView(section, document),
  });
}

export const reviewSummary = sectionCell(
  'summary',
  'Summary',
  'What the config is, whether it is the approved content, and what a reviewer should look at first.',
);
export const reviewInputs = sectionCell(
  'inputs',
  'Inputs and assumptions',
  'Every input the config records, with the notebook’s description of it, and the documented assumptions.',
);
export const reviewData = sectionCell(
  'data',
  'Data and quality',
  'The data fingerprint and every row accounted for.',
);
export const reviewFeatures = sectionCell(
  'features',
  'Features and preparation',
  'Features, transforms, scaling parameters and weights.',
);
export const reviewChooseK = sectionCell(
  'choose-k',
  'Choosing k',
  'What the config records about the choice of k.',
);
export const reviewClusters = sectionCell('clusters', 'Clusters', 'Sizes and centroids of the model.');
export const reviewRobustness = sectionCell(
  'robustness',
  'Robustness',
  'The robustness evidence the config carries.',
);
export const reviewTiers = sectionCell(
  'tiers',
  'Tiers and policies',
  'Tier names and the service policy of each tier.',
);
export const reviewWorkingCapital = sectionCell(
  'working-capital',
  'Working capital',
  'Inventory effect of the policies, when recorded.',
);
export const reviewGovernance = sectionCell(
  'governance',
  'Governance',
  'Signature and hashes (verify), the audit log and its chain, the reviewers’ decisions, the changes since the previous config, and whether the assignments reproduce.',
);
