/**
 * The review page (`?notebook=review`): the review notebook with its own toolbar: export the
 * report (HTML or Markdown), add a review decision or a reclassification request (into the
 * config's audit chain, and this browser's audit log), download the reviewed config.
 * Messages are text, never HTML.
 */
import './review.css';
import { createEngine, webStorageStore, type NotebookEngine } from '../runtime/index.ts';
import type { Host } from '../workers/host.ts';
import { review } from '../../notebooks/review.ts';
import { reviewReport } from '../../cells/review.ts';
import { opened } from '../../cells/review-open.ts';
import { addReview, logReclassification, reviewLog, reviewedDocument } from '../../cells/review-log.ts';
import { REVIEW_DECISIONS, RECLASSIFICATION_DECISIONS } from '../config/review/review-entries.ts';
import { customerTiers } from '../config/review/tier-letters.ts';
import { canonicalJson } from '../config/hash.ts';
import { reportHtml } from '../report/report-html.ts';
import { reportMarkdown } from '../report/report-markdown.ts';
import { IndexedDbAuditStore } from './governance/audit-store.ts';
import type { AuditEntry } from '../config/audit-schema.ts';
import { download } from './download.ts';
import { askForm } from './review-form.ts';
import { toolbarShell } from './toolbar.ts';

const baseName = (fileName: string) => fileName.replace(/\.json$/i, '');

function reviewToolbar(document: Document, engine: NotebookEngine): HTMLElement {
  const { bar, status, say, button } = toolbarShell(document);
  const current = async () => {
    const o = await engine.value(opened);
    if (o === null) throw new Error('Choose the config to review first (“Config to review”).');
    return o;
  };
  const report = async () => {
    const o = await current();
    const doc = await engine.value(reviewReport);
    if (doc === null) throw new Error('The report is not ready.');
    return { o, doc };
  };
  // The review entries also go into this browser's audit log (the app's log of governance events).
  const local = new IndexedDbAuditStore(indexedDB);
  const keepLocally = async (before: readonly AuditEntry[]) => {
    const added = engine.getInput(reviewLog);
    const fresh = added.slice(before.length);
    for (const e of fresh)
      await local.append({
        time: e.time,
        kind: e.kind,
        details: e.details,
        ...(e.actor === undefined ? {} : { actor: e.actor }),
      });
  };

  button(
    'Export report (HTML)',
    async () => {
      const { o, doc } = await report();
      download(document, `${baseName(o.fileName)}-report.html`, reportHtml(doc), 'text/html');
      say('Exported the report as one HTML file (opens offline; print it to PDF from the browser).');
    },
    'export-report-html',
  );
  button(
    'Export report (Markdown)',
    async () => {
      const { o, doc } = await report();
      download(document, `${baseName(o.fileName)}-report.md`, reportMarkdown(doc), 'text/markdown');
      say('Exported the report as Markdown.');
    },
    'export-report-md',
  );
  button(
    'Review…',
    async () => {
      await current();
      const values = await askForm(
        document,
        'Your review',
        [
          { name: 'decision', label: 'Decision', kind: REVIEW_DECISIONS },
          { name: 'reviewer', label: 'Your name', required: true },
          { name: 'role', label: 'Your role (e.g. Finance, governance committee)' },
          { name: 'comment', label: 'Comment (required to request changes)', kind: 'textarea' },
        ],
        'Add to the audit log',
      );
      if (values === null) return;
      const before = engine.getInput(reviewLog);
      await engine.act(addReview, {
        spec: {
          decision: values.decision as (typeof REVIEW_DECISIONS)[number],
          reviewer: values.reviewer,
          role: values.role,
          comment: values.comment,
        },
        time: new Date().toISOString(),
      });
      await keepLocally(before).catch(() =>
        say('Added to the config’s audit log, but this browser’s own log could not be written.', 'warn'),
      );
      say(
        `Added your ${values.decision === 'comment' ? 'comment' : `decision (${values.decision})`} to the audit log. Download the reviewed config to send it back.`,
      );
    },
    'add-review',
  );
  button(
    'Reclassification request…',
    async () => {
      const o = await current();
      const values = await askForm(
        document,
        'Reclassification request',
        [
          { name: 'customer', label: 'Customer id', required: true },
          {
            name: 'requestedTier',
            label: 'Requested tier',
            kind: o.config.tierMap?.order ?? undefined,
            required: true,
          },
          { name: 'reason', label: 'Reason', kind: 'textarea', required: true },
          { name: 'decision', label: 'Decision', kind: RECLASSIFICATION_DECISIONS },
          { name: 'by', label: 'Logged by', required: true },
        ],
        'Log the request',
      );
      if (values === null) return;
      const currentTier = customerTiers(o.config).get(values.customer.trim()) ?? '';
      const before = engine.getInput(reviewLog);
      await engine.act(logReclassification, {
        spec: {
          customer: values.customer,
          currentTier,
          requestedTier: values.requestedTier,
          reason: values.reason,
          decision: values.decision as (typeof RECLASSIFICATION_DECISIONS)[number],
          by: values.by,
        },
        time: new Date().toISOString(),
      });
      await keepLocally(before).catch(() =>
        say('Logged in the config’s audit log, but this browser’s own log could not be written.', 'warn'),
      );
      say(
        `Logged the request of ${values.customer.trim()}${currentTier ? ` (now ${currentTier})` : ' (not in the config’s assignments)'} for ${values.requestedTier}.`,
      );
    },
    'add-reclassification',
  );
  button(
    'Download reviewed config',
    async () => {
      const o = await current();
      const document_ = reviewedDocument(o, engine.getInput(reviewLog));
      download(
        document,
        `${baseName(o.fileName)}-reviewed.json`,
        `${JSON.stringify(JSON.parse(canonicalJson(document_)), null, 2)}\n`,
        'application/json',
      );
      say(
        'Downloaded the config with your entries appended to its audit log (its content and hashes unchanged).',
      );
    },
    'download-reviewed',
  );
  bar.append(status);
  return bar;
}

/** Mounts the review notebook into `#app`. */
export function mountReview(document: Document, host: Host): NotebookEngine {
  const engine = createEngine(review, { store: webStorageStore(localStorage), initial: { host } });
  const page = document.createElement('tb-notebook');
  page.engine = engine;
  page.append(reviewToolbar(document, engine));
  document.querySelector('#app')?.append(page);
  return engine;
}
