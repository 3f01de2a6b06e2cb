/**
 * Section "Governance": is this what was approved (signature, hashes), who approved it, the
 * audit log and its chain, the reviewers' decisions, what changed since a previous config, and
 * whether the data supplied gives back the assignments.
 */
import { reviewRecords, reclassificationRecords } from '../../config/review/review-entries.ts';
import type { ReportInput } from '../report-input.ts';
import { facts, paragraph, type Block, type ReportSection } from '../report-document.ts';
import { DASH, formatCount, formatValue, plural, sentence } from '../format.ts';
import { column, fact, table } from './helpers.ts';
import { VERDICT_TONE } from './summary.ts';

const short = (hash: string | null | undefined) => (hash ? `${hash.slice(0, 12)}…` : DASH);

/** An audit entry's details as one line of text (never markup). */
export function detailsText(details: Readonly<Record<string, unknown>>): string {
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}

function verification(input: ReportInput): Block[] {
  const v = input.verification;
  const blocks: Block[] = [paragraph(sentence(v.message), VERDICT_TONE[v.verdict])];
  if (v.problems.length > 0) blocks.push({ kind: 'list', items: v.problems });
  if (v.changedSections.length > 0)
    blocks.push(
      paragraph(
        `Sections that differ from the signed or exported content: ${v.changedSections.join(', ')}.`,
        'error',
      ),
    );
  const c = input.config;
  const a = c.approval;
  if (a) {
    blocks.push(
      facts(
        [
          fact('Approver', a.approver.name, 'approval.approver.name'),
          fact('Role', a.approver.role, 'approval.approver.role'),
          fact('Date', a.date, 'approval.date'),
          fact('Comment', a.comment === '' ? '(none)' : a.comment, 'approval.comment'),
          fact('Algorithm', a.algorithm, 'approval.algorithm'),
          fact(
            'Key fingerprint (SHA-256 of the public key)',
            v.approval?.keyFingerprint ?? DASH,
            undefined,
            'Compare it with the fingerprint your approver published: a valid signature proves the content is what the holder of this key approved, not who the holder is.',
          ),
          fact('Approved content hash', a.contentHash, 'approval.contentHash'),
          fact(
            'Section hashes signed',
            plural(Object.keys(a.sections).length, 'section'),
            'approval.sections',
          ),
          fact('Audit entries at approval', formatCount(a.audit.entries), 'approval.audit.entries'),
          fact('Last audit entry at approval', a.audit.head ?? DASH, 'approval.audit.head'),
          fact('Signature (base64)', a.signature, 'approval.signature'),
        ],
        'Approval',
      ),
      facts(
        [
          fact('Key type', a.publicKey.kty, 'approval.publicKey.kty'),
          fact('Curve', a.publicKey.crv, 'approval.publicKey.crv'),
          fact('x', a.publicKey.x, 'approval.publicKey.x'),
          fact('y', a.publicKey.y, 'approval.publicKey.y'),
          fact(
            'Extractable',
            a.publicKey.ext === undefined ? `${DASH} (not given)` : a.publicKey.ext ? 'yes' : 'no',
            'approval.publicKey.ext',
          ),
          fact(
            'Key operations',
            a.publicKey.key_ops === undefined ? `${DASH} (not given)` : a.publicKey.key_ops.join(', '),
            'approval.publicKey.key_ops',
          ),
        ],
        'Approver public key',
      ),
    );
  } else
    blocks.push(
      paragraph('Not approved: the config carries no approval record (approval is absent).', 'note'),
    );
  const i = c.integrity;
  blocks.push(
    i
      ? facts(
          [
            fact('Algorithm', i.algorithm, 'integrity.algorithm'),
            fact('Content hash at export', i.content, 'integrity.content'),
            fact('Content hash now', v.contentHash),
            fact('Section hashes', plural(Object.keys(i.sections).length, 'section'), 'integrity.sections'),
            fact('Audit entries at export', formatCount(i.audit.entries), 'integrity.audit.entries'),
            fact('Last audit entry at export', i.audit.head ?? DASH, 'integrity.audit.head'),
          ],
          'Integrity',
        )
      : paragraph(
          'No integrity record (integrity is absent): the content cannot be checked against what was exported.',
          'warn',
        ),
  );
  return blocks;
}

function auditLog(input: ReportInput): Block[] {
  const entries = input.config.audit?.entries ?? [];
  const check = input.auditCheck;
  const blocks: Block[] = [
    paragraph(
      entries.length === 0
        ? 'The audit log is empty (audit is absent or has no entries).'
        : check.ok
          ? `The audit log's ${plural(entries.length, 'entry', 'entries')} form an intact hash chain${input.config.integrity ? ' ending where the export recorded it' : ''}.`
          : `The audit log is broken: ${check.problems.join('; ')}.`,
      entries.length === 0 ? 'note' : check.ok ? 'ok' : 'error',
    ),
  ];
  if (entries.length > 0) {
    blocks.push(
      table(
        'Audit log',
        [
          column('seq', 'No.', true, 'seq'),
          column('time', 'Time', false, 'time'),
          column('kind', 'Kind', false, 'kind'),
          column('actor', 'Who', false, 'actor'),
          column('details', 'What happened', false, 'details'),
          column('prev', 'Previous hash', false, 'prev'),
          column('hash', 'Hash', false, 'hash'),
        ],
        entries.map((e) => ({
          seq: String(e.seq),
          time: e.time,
          kind: e.kind,
          actor: e.actor ?? DASH,
          details: detailsText(e.details),
          prev: short(e.prev),
          hash: short(e.hash),
        })),
        { field: 'audit.entries[]' },
      ),
    );
  }
  const reviews = reviewRecords(entries);
  if (reviews.length > 0) {
    const current = input.verification.contentHash;
    blocks.push(
      table(
        'Review decisions and comments',
        [
          column('time', 'Time'),
          column('reviewer', 'Reviewer'),
          column('decision', 'Decision'),
          column('comment', 'Comment'),
        ],
        reviews.map((r) => ({
          time: r.time,
          reviewer: r.role ? `${r.reviewer} (${r.role})` : r.reviewer,
          decision: r.content === current ? r.decision : `${r.decision} (on other content)`,
          comment: r.comment || DASH,
        })),
      ),
    );
  }
  const requests = reclassificationRecords(entries);
  if (requests.length > 0) {
    blocks.push(
      table(
        'Reclassification requests',
        [
          column('customer', 'Customer'),
          column('currentTier', 'Tier'),
          column('requestedTier', 'Requested'),
          column('reason', 'Reason'),
          column('decision', 'Decision'),
          column('by', 'Who'),
        ],
        requests.map((r) => ({
          customer: r.customer,
          currentTier: r.currentTier || DASH,
          requestedTier: r.requestedTier,
          reason: r.reason,
          decision: r.decision,
          by: r.by,
        })),
      ),
    );
  }
  return blocks;
}

function previous(input: ReportInput): Block[] {
  const p = input.previous;
  if (!p) return [paragraph('No previous config was given to compare with.', 'note')];
  const d = p.diff;
  const blocks: Block[] = [
    paragraph(
      d.same
        ? `Compared with ${p.fileName}: no change of the segmentation.`
        : `Compared with ${p.fileName}: ${plural(d.changes.length, 'change')}${d.moved ? `; ${plural(d.moved.customers.length, 'customer')} of ${formatCount(d.moved.compared)} moved ${d.moved.by === 'tier' ? 'tier' : 'cluster'}` : ''}.`,
      d.same ? 'ok' : 'warn',
    ),
    ...d.notes.map((n) => paragraph(n, 'note')),
  ];
  if (d.changes.length > 0) {
    blocks.push(
      table(
        'What changed',
        [
          column('section', 'Section'),
          column('path', 'Where'),
          column('old', 'Before'),
          column('new', 'After'),
        ],
        d.changes.map((c) => ({
          section: c.section,
          path: c.path,
          old: c.old === undefined ? '(absent)' : formatValue(c.old),
          new: c.new === undefined ? '(absent)' : formatValue(c.new),
        })),
        { limit: 200, noun: 'changes' },
      ),
    );
  }
  if (d.moved && d.moved.customers.length > 0) {
    blocks.push(
      table(
        'Customers who moved',
        [column('id', 'Customer'), column('old', 'Before'), column('new', 'After')],
        d.moved.customers.map((m) => ({ id: m.id, old: m.old ?? 'none', new: m.new ?? 'none' })),
        { limit: 50, noun: 'customers' },
      ),
    );
  }
  return blocks;
}

function reproduction(input: ReportInput): Block[] {
  const r = input.reproduction;
  if (!r)
    return [
      paragraph(
        'No data file was supplied, so the assignments were not recomputed. Supply the data the config was built from to check that they reproduce.',
        'note',
      ),
    ];
  const blocks: Block[] = [
    paragraph(
      r.reproduced === null
        ? `The assignments could not be recomputed from ${r.fileName}.`
        : !r.fingerprintMatches
          ? `${r.fileName} is not the file the config was built from (its fingerprint differs), so its assignments are not expected to match the config's.`
          : r.reproduced
            ? `The assignments reproduce: ${r.fileName} is the file the config was built from, and scoring it with the frozen config gives the same ${plural(r.customers, 'assignment')} (same hash).`
            : `The assignments do NOT reproduce: ${r.fileName} is the file the config was built from, but scoring it with the frozen config gives other assignments${r.differing === null ? '' : ` (${plural(r.differing, 'customer')} differ)`}.`,
      r.reproduced === null || !r.fingerprintMatches ? 'warn' : r.reproduced ? 'ok' : 'error',
    ),
    facts([
      fact('Data file', r.fileName),
      fact('Its fingerprint', r.fingerprint),
      fact('Customers scored', formatCount(r.customers)),
    ]),
  ];
  if (r.notes.length > 0) blocks.push({ kind: 'list', items: r.notes });
  return blocks;
}

/** The workshop's decision log: what the room decided and which questions it left open. */
function decisions(input: ReportInput): Block[] {
  const entries = input.config.decisions?.entries ?? [];
  if (entries.length === 0) return [];
  return [
    table(
      'Workshop decisions and open questions',
      [
        column('id', 'No.', false, 'id'),
        column('at', 'Time', false, 'at'),
        column('kind', 'Kind', false, 'kind'),
        column('section', 'Section id', false, 'section'),
        column('sectionTitle', 'Section', false, 'sectionTitle'),
        column('text', 'Text', false, 'text'),
        column('scenario', 'Scenario', false, 'scenario'),
      ],
      entries.map((e) => ({ id: e.id, at: e.at, kind: e.kind, section: e.section, sectionTitle: e.sectionTitle, text: e.text, scenario: e.scenario ?? DASH })),
      { field: 'decisions.entries[]' },
    ),
  ];
}

export function governanceSection(input: ReportInput): ReportSection {
  return {
    id: 'governance',
    title: 'Governance',
    blocks: [...verification(input), ...decisions(input), ...auditLog(input), ...previous(input), ...reproduction(input)],
  };
}
