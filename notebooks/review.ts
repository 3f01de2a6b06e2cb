import type { Notebook } from '../src/runtime/index.ts';
import {
  reviewChooseK,
  reviewClusters,
  reviewData,
  reviewFeatures,
  reviewGovernance,
  reviewInputs,
  reviewRobustness,
  reviewSummary,
  reviewTiers,
  reviewWorkingCapital,
} from '../cells/review.ts';
import { previousFile, reviewDataFile, reviewedFile } from '../cells/review-open.ts';
import { reviewEntries } from '../cells/review-log.ts';
import { contact, effectiveDate, letterTemplate, letters } from '../cells/review-letters.ts';

/** Review: an exported config opened on its own, read-only, for the reviewer who approves it. */
export const review: Notebook = {
  id: 'review',
  title: 'Review a segmentation config',
  description:
    'Read everything an exported config decides and assumes, check that it is the approved content and that its assignments reproduce, and add your decision to its audit log. Nothing here changes the analysis.',
  items: [
    {
      kind: 'prose',
      id: 'open',
      title: '1. The config',
      text: 'Choose the exported config.json. Optionally add the config in force before it (to see what changed and who moves) and the data file it was built from (to check that its assignments reproduce). Files stay in this browser.',
    },
    reviewedFile,
    previousFile,
    reviewDataFile,
    reviewSummary,
    {
      kind: 'prose',
      id: 'assumptions',
      title: '2. Inputs and assumptions',
      text: 'Every setting the config records, described as the segmentation notebook describes it, and the documented assumptions.',
    },
    reviewInputs,
    {
      kind: 'prose',
      id: 'analysis',
      title: '3. The analysis',
      text: 'What the data was, how it was prepared, how k was chosen, the clusters, their robustness, the tiers and their policies.',
    },
    reviewData,
    reviewFeatures,
    reviewChooseK,
    reviewClusters,
    reviewRobustness,
    reviewTiers,
    reviewWorkingCapital,
    {
      kind: 'prose',
      id: 'governance',
      title: '4. Governance',
      text: 'Is this the approved content (signature and hashes), is the audit log intact, what changed since the previous config, and do the assignments reproduce?',
    },
    reviewGovernance,
    {
      kind: 'prose',
      id: 'decision',
      title: '5. Your review',
      text: 'Comment, approve or request changes, and log customers’ reclassification requests: “Review…” and “Reclassification request…” at the top. Then “Download reviewed config” to send your entries back in the config’s audit log.',
    },
    reviewEntries,
    {
      kind: 'prose',
      id: 'letters',
      title: '6. Letters to customers',
      text: 'For the customers whose tier changes since the previous config: edit the template, check the texts, export them.',
    },
    letterTemplate,
    effectiveDate,
    contact,
    letters,
  ],
};
