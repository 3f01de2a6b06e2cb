/**
 * Letters to customers whose tier changes between the previous config and the one under review:
 * the template and its values are inputs, the texts a cell; shown and exported as text only.
 */
import { cell, text } from '../src/runtime/index.ts';
import {
  customerTiers,
  DEFAULT_TEMPLATE,
  lettersCsv,
  lettersMarkdown,
  MERGE_FIELDS,
  templateProblems,
  tierChanges,
  tierLetters,
  type Letter,
} from '../src/config/review/tier-letters.ts';
import { opened, previousOpened } from './review-open.ts';
import { tableBlock, textBlock } from './view-helpers.ts';
import { downloadButton } from './review-views.ts';

export const letterTemplate = text({
  name: 'letterTemplate',
  title: 'Letter template',
  value: DEFAULT_TEMPLATE,
  multiline: true,
  description: `Plain text with merge fields: ${MERGE_FIELDS.map((f) => `{{${f}}}`).join(', ')}. Each field is replaced by its value as text, once; nothing is run or read as HTML.`,
  check: (t) => {
    const problems = templateProblems(t);
    if (problems.length > 0) throw new Error(`invalid letterTemplate: ${problems.join('; ')}`);
  },
});

export const effectiveDate = text({
  name: 'effectiveDate',
  title: 'Effective date',
  description: 'When the new tiers apply, as the letters should say it, e.g. 1 March 2027.',
});

export const contact = text({
  name: 'contact',
  title: 'Contact',
  description: 'Who customers contact with questions, e.g. your account manager or service@example.com.',
});

export interface Letters {
  readonly letters: readonly Letter[];
  /** Why no letters can be written (no previous config, no embedded assignments). */
  readonly missing: string | null;
  readonly previousName: string;
}

export const letters = cell({
  name: 'letters',
  title: 'Letters to customers whose tier changes',
  description:
    'One text per customer whose tier differs between the previous config and this one, with the new tier’s service policy.',
  inputs: { opened, previousOpened, letterTemplate, effectiveDate, contact },
  run: ({ opened, previousOpened, letterTemplate, effectiveDate, contact }): Letters => {
    if (opened === null)
      return { letters: [], missing: 'Choose the config to review first.', previousName: '' };
    if (previousOpened === null)
      return {
        letters: [],
        missing: 'Give the previous config (above) to find the customers whose tier changes.',
        previousName: '',
      };
    for (const [o, which] of [
      [opened, 'the config under review'],
      [previousOpened, 'the previous config'],
    ] as const) {
      if (!o.config.assignments)
        return {
          letters: [],
          missing: `${o.fileName} (${which}) has no embedded assignments, so the customers’ tiers are not known. Export it again with its assignments.`,
          previousName: previousOpened.fileName,
        };
    }
    const changes = tierChanges(customerTiers(previousOpened.config), customerTiers(opened.config));
    return {
      letters: tierLetters(opened.config, changes, letterTemplate, { effectiveDate, contact }),
      missing: null,
      previousName: previousOpened.fileName,
    };
  },
  view: (r, { document }) => {
    if (r.missing) return textBlock(document, [r.missing]);
    const el = textBlock(document, [
      `${r.letters.length.toLocaleString('en-US')} customers change tier since ${r.previousName}.`,
    ]);
    if (r.letters.length === 0) return el;
    const rows = r.letters.map((l) => ({
      customer: l.customer,
      oldTier: l.oldTier ?? 'no tier',
      newTier: l.newTier ?? 'no tier',
      text: l.text,
    }));
    const table = tableBlock(
      document,
      'Letters (text as it will be sent)',
      [
        { key: 'customer', label: 'Customer' },
        { key: 'oldTier', label: 'Old tier' },
        { key: 'newTier', label: 'New tier' },
        { key: 'text', label: 'Text' },
      ],
      rows,
    );
    el.append(
      table,
      downloadButton(
        document,
        'Export letters (CSV)',
        'tier-letters.csv',
        () => lettersCsv(r.letters),
        'text/csv',
      ),
      downloadButton(
        document,
        'Export letters (Markdown)',
        'tier-letters.md',
        () => lettersMarkdown(r.letters),
        'text/markdown',
      ),
    );
    return el;
  },
});
