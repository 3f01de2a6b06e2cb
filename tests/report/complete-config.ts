/**
 * A config with every section and every optional field of the schema filled in, approved,
 * with a review decision and a reclassification request appended after approval; optionally
 * with hostile text (markup, script, formula) in every place a person or a file can put text.
 */
import { draftConfig, TABLE } from '../config/fixture.ts';
import {
  hashAssignments,
  loadConfig,
  STRATEGIC,
  type SegmentationConfig,
} from '../../src/config/segmentation-config.ts';
import { assignmentLabels } from '../../src/config/assignments-file.ts';
import { sealConfig } from '../../src/config/integrity.ts';
import { approveConfig, generateSigningKey } from '../../src/config/approval.ts';
import { appendAudit } from '../../src/config/audit.ts';
import { chainAfter, withAuditEntries } from '../../src/config/review/reviewed-config.ts';
import { reclassificationDraft, reviewDraft } from '../../src/config/review/review-entries.ts';
import { configContent } from '../../src/config/integrity.ts';
import { canonicalJson, sha256 } from '../../src/config/hash.ts';

export const HOSTILE = '<img src=x onerror="window.pwned=1">';
export const HOSTILE_SCRIPT = '<script>window.pwned=2</script>';
export const HOSTILE_FORMULA = '=HYPERLINK("http://x","y")';

export interface Built {
  readonly config: SegmentationConfig;
  /** The document as JSON text, as it would be exported. */
  readonly text: string;
}

/** Every optional field present; `hostile` puts markup into ids, tier names, comments, assumptions and audit details. */
export async function completeConfig(hostile = false): Promise<Built> {
  const base = await draftConfig();
  const h = (text: string) => (hostile ? `${text} ${HOSTILE}` : text);
  const ids = hostile
    ? TABLE.ids.map((id, i) =>
        i === 0 ? HOSTILE : i === 1 ? HOSTILE_SCRIPT : i === 2 ? HOSTILE_FORMULA : id,
      )
    : TABLE.ids;
  const labels = assignmentLabels(base.assignments!);
  const gold = hostile ? `Gold ${HOSTILE_SCRIPT}` : 'Gold';
  const tiers = ['Strategic', gold, 'Silver', 'Bronze'];
  let audit = base.audit?.entries ?? [];
  audit = await appendAudit(audit, {
    time: '2025-01-06T09:07:00.000Z',
    kind: 'assumption-edit',
    actor: h('Ana'),
    details: { section: 'general', text: h('Prices as of 2024.') },
  });
  const draft = loadConfig({
    ...base,
    data: {
      ...base.data,
      source: h('customers.csv'),
      import: {
        kind: 'order-lines',
        idColumn: 'customer_id',
        keepNumeric: ['score'],
        delimiter: ';',
        decimal: ',',
        dateOrder: 'dmy',
        types: { CustomerID: 'text' },
        mapping: { customer_id: 'CustomerID' },
        quality: {
          disabled: ['exact-duplicates'],
          customerId: { trim: true, upperCase: true, repad: false },
          dates: { minYear: 1990, maxYear: 2090, asOf: '2024-12-31' },
          returns: { cancellationPrefix: 'C' },
          nonProduct: { fee: ['BANK CHARGES'] },
          shipping: { minGroupSize: 5, qtyBands: [1, 10, 100] },
        },
        features: {
          rates: { order: 25, line: 1.5, returnLine: 12 },
          level: 'customer',
          abcShares: [0.7, 0.95],
          abcBasis: 'gross_margin',
          xyzLimits: [0.5, 1],
        },
      },
      quality: {
        inputRows: 120,
        keptRows: 100,
        repaired: { 'customer-id': 3, 'shipping-cost': 7 },
        excluded: { 'exact-duplicate': 12, 'zero-qty': 8 },
      },
    },
    inputs: { ...base.inputs, k: 3, maxTiers: 4, tierNames: h('Gold,Silver,Bronze') },
    model: { ...base.model, eps: 0.5, minPoints: 5 },
    strategic: [ids[12]],
    assignmentsHash: await hashAssignments(ids, labels),
    decisions: {
      entries: [
        { id: 'd1', section: 'tiers', sectionTitle: '8. Tiers', kind: 'decision', text: h('Clusters 2 and 3 form Gold.'), at: '2025-01-06T10:00:00.000Z', scenario: h('Baseline') },
        { id: 'd2', section: 'policy', sectionTitle: '9. Service policy', kind: 'question', text: 'Is next-day delivery affordable for Silver?', at: '2025-01-06T10:05:00.000Z', scenario: null },
      ],
    },
    assumptions: {
      general: h('Prices as of 2024.'),
      data: h('Returns before the window are ignored.'),
      features: 'CTS at standard rates.',
      preparation: 'log1p for money.',
      model: 'Three clusters are enough for the pilot.',
      tiers: 'Strategic accounts are named by sales.',
      policies: 'Lead times agreed with operations.',
      robustness: 'Bootstrap with 100 replicates.',
      monitoring: 'PSI monthly.',
    },
    tierMap: { order: tiers, clusters: ['Bronze', gold, 'Silver'], strategic: 'Strategic' },
    tiering: {
      method: 'clusters',
      clusters: {
        measure: 'net_profit',
        names: [gold, 'Silver', 'Bronze'],
        byRank: [gold, 'Silver', 'Bronze'],
        maxTiers: 4,
        strategicTier: 'Strategic',
      },
      thresholds: {
        names: ['Platinum', 'Gold', 'Silver', 'Standard'],
        abcCuts: [0.7, 0.95],
        abcBasis: 'gross_margin',
        xyzBounds: [0.5, 1],
        ctsReference: 'median',
        netProfitFloor: 0,
      },
      matrix: { gmCut: 'median', ctsCut: 12 },
    },
    policies: {
      tiers: {
        [gold]: {
          leadTimeDays: 2,
          minimumOrder: 100,
          minimumOrderBasis: 'value',
          deliveryDaysPerWeek: 5,
          smallOrderThreshold: 150,
          smallOrderSurcharge: 10,
          ctsAllowancePct: 12,
          serviceLevel: 0.98,
          priority: 1,
          parentRule: 'higher',
        },
        Bronze: { leadTimeDays: 5, serviceLevel: 0.9, minimumOrder: 250, smallOrderSurcharge: 15 },
      },
      carryingRate: 0.25,
      baselineServiceLevel: 0.95,
    },
    robustness: {
      ...base.robustness!,
      bootstrap: {
        ...base.robustness!.bootstrap!,
        noise: { cluster: -1, size: 1, meanJaccard: 0.4, dissolved: 60, recovered: 10, band: null },
      },
      sensitivity: {
        steps: [-0.2, -0.1, 0.1, 0.2],
        thresholds: { minAri: 0.8, maxShareChanged: 0.1, atStep: 0.1 },
        weights: [{ feature: 'revenue', change: 0.1, ari: 0.95, shareChanged: 0.02 }],
        verdicts: [{ feature: 'revenue', verdict: 'pass', reason: 'ARI 0.95 at +10%' }],
        pass: true,
      },
      dropOne: [{ feature: 'cts_pct', ari: 0.6, shareChanged: 0.3 }],
      holdout: {
        share: 0.2,
        seed: 0,
        heldOut: 3,
        ari: 0.9,
        shareChanged: 0.05,
        assignment: 'nearest centroid',
      },
      monteCarlo: {
        draws: 50,
        range: 0.2,
        seed: 0,
        ari: { min: 0.7, p05: 0.8, median: 0.9, p95: 0.97, max: 1 },
        belowMinAri: 0.1,
      },
      periods: {
        kind: 'halves',
        reference: 'H1',
        labels: ['H1', 'H2'],
        consecutive: [{ from: 'H1', to: 'H2', common: 14, ari: 0.85 }],
        stayed: 0.9,
      },
    },
    assignments: {
      idColumn: 'customer_id',
      ids,
      clusters: Array.from(labels, (l) => (l === STRATEGIC ? 'strategic' : l < 0 ? null : l + 1)),
    },
    audit: { entries: audit },
  });
  const keys = await generateSigningKey();
  const withApprovalEntry = {
    ...draft,
    audit: {
      entries: await appendAudit(audit, {
        time: '2025-01-07T08:00:00.000Z',
        kind: 'approval',
        actor: h('Bea'),
        details: { comment: h('ok') },
      }),
    },
  };
  const approved = await approveConfig(
    await sealConfig(withApprovalEntry),
    {
      name: h('Bea Approver'),
      role: h('Head of Supply Chain'),
      comment: h('Approved for the pilot.'),
      date: '2025-01-07T08:00:00.000Z',
    },
    keys,
  );
  const content = await sha256(canonicalJson(configContent(approved as unknown as Record<string, unknown>)));
  const entries = await chainAfter(approved, [
    reviewDraft(
      {
        decision: 'request-changes',
        reviewer: h('Rita Reviewer'),
        role: h('Finance'),
        comment: h('Explain the Bronze lead time.'),
      },
      content,
      '2025-01-08T10:00:00.000Z',
    ),
    reclassificationDraft(
      {
        customer: ids[0],
        currentTier: 'Bronze',
        requestedTier: gold,
        reason: h('Strategic growth account'),
        decision: 'pending',
        by: h('Sam Sales'),
      },
      '2025-01-08T10:05:00.000Z',
    ),
  ]);
  const config = withAuditEntries(approved, entries);
  return { config, text: JSON.stringify(config, null, 2) };
}
