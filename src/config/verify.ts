/**
 * Verifying a config document: is it what was approved, or what was exported? Hashes are taken
 * over the document as read (its canonical JSON), so a re-serialised copy with other key order
 * or whitespace is intact, and any change of a value is not.
 */
import { canonicalJson, sha256 } from './hash.ts';
import { readConfig } from './load-config.ts';
import { changedSections, computeIntegrity, configContent, sectionHashes } from './integrity.ts';
import { chainContains, verifyAuditChain } from './audit.ts';
import { keyFingerprint, verifySignature } from './approval.ts';
import { hashAssignments } from './segmentation-config.ts';
import { assignmentLabels } from './assignments-file.ts';

/**
 * - `approved`: approved and intact (valid signature, content as signed, audit chain intact);
 * - `draft`: unsigned draft, intact (content matches the hash written at export);
 * - `edited`: edited after approval or after export (a hash or the audit chain does not match);
 * - `signature-invalid`: the approval record or its signature was altered, or the key is not trusted;
 * - `unverifiable`: nothing to check against (a version 1 config, or no integrity record).
 */
export type Verdict = 'approved' | 'draft' | 'edited' | 'signature-invalid' | 'unverifiable';

export interface Verification {
  readonly verdict: Verdict;
  /** True for `approved` and `draft`. */
  readonly intact: boolean;
  /** One line for people. */
  readonly message: string;
  /** Sections whose content differs from the signed (or exported) content, e.g. `model.centroids`. */
  readonly changedSections: readonly string[];
  /** Every problem found, one sentence each. */
  readonly problems: readonly string[];
  /** The approval, when there is one. */
  readonly approval: { name: string; role: string; date: string; comment: string; keyFingerprint: string } | null;
  /** Notes about the document (e.g. that it predates version 2). */
  readonly notes: readonly string[];
  /** SHA-256 of the content as it is now. */
  readonly contentHash: string;
}

export interface VerifyOptions {
  /** Fingerprints (`keyFingerprint`) of keys whose approvals are accepted; default: any key. */
  readonly trustedKeys?: readonly string[];
}

/** Verifies a parsed config document; throws `invalid config: …` when it is not a readable config. */
export async function verifyConfig(document: unknown, options: VerifyOptions = {}): Promise<Verification> {
  const { config, notes } = readConfig(document);
  const doc = document as Record<string, unknown>;
  const content = configContent(doc);
  const contentHash = await sha256(canonicalJson(content));
  const base = { notes, contentHash, approval: null, changedSections: [] as string[] };
  if (config.version === 1) {
    return { ...base, verdict: 'unverifiable', intact: false, message: 'cannot verify: a version 1 config carries no content hash', problems: [] };
  }
  const problems: string[] = [];
  const changed = new Set<string>();
  const sections = await sectionHashes(content);
  const entries = config.audit?.entries ?? [];
  const chain = await verifyAuditChain(entries, config.integrity?.audit);
  if (!chain.ok) {
    problems.push(...chain.problems);
    changed.add('audit');
  }
  if (config.assignments && (await hashAssignments(config.assignments.ids, assignmentLabels(config.assignments))) !== config.assignmentsHash) {
    problems.push('assignments: the embedded assignments do not match assignmentsHash');
    changed.add('assignments');
  }

  let approval: Verification['approval'] = null;
  /** Why the signature fails, when it does. */
  let signatureProblem: string | null = null;
  let approvedContent = true;
  if (config.approval) {
    const a = config.approval;
    const fingerprint = await keyFingerprint(a.publicKey);
    approval = { name: a.approver.name, role: a.approver.role, date: a.date, comment: a.comment, keyFingerprint: fingerprint };
    if (!(await verifySignature(a))) signatureProblem = 'the signature does not match the approval record under its public key';
    else if (options.trustedKeys && !options.trustedKeys.includes(fingerprint)) {
      signatureProblem = `signed with key ${fingerprint.slice(0, 16)}…, which is not among the trusted keys`;
    }
    if (signatureProblem) problems.push(`approval: ${signatureProblem}`);
    if (a.contentHash !== contentHash) {
      approvedContent = false;
      const differ = changedSections(a.sections, sections);
      differ.forEach((s) => changed.add(s));
      problems.push(`content differs from what was approved${differ.length ? `: ${differ.join(', ')}` : ''}`);
    }
    if (!chainContains(entries, a.audit)) {
      changed.add('audit');
      problems.push(`audit: the log no longer holds the ${a.audit.entries} entries it had at approval, unchanged`);
    }
  }
  if (config.integrity) {
    const expected = await computeIntegrity(doc);
    if (config.integrity.content !== contentHash) {
      const differ = changedSections(config.integrity.sections, sections);
      differ.forEach((s) => changed.add(s));
      problems.push(`content differs from what was exported${differ.length ? `: ${differ.join(', ')}` : ''}`);
    } else if (canonicalJson(expected) !== canonicalJson(config.integrity) && (chain.ok || canonicalJson(expected.sections) !== canonicalJson(config.integrity.sections))) {
      // the content is as exported, but the record describing it was changed
      changed.add('integrity');
      problems.push('integrity: the integrity record itself was altered');
    }
  }
  const list = [...changed].sort();
  const result = { ...base, approval, problems, changedSections: list };
  const sectionText = list.length > 0 ? `; changed: ${list.join(', ')}` : '';
  if (signatureProblem) return { ...result, verdict: 'signature-invalid', intact: false, message: `signature invalid: ${signatureProblem}` };
  if (problems.length > 0) {
    const when = config.approval && !approvedContent ? 'after approval' : config.approval ? 'after approval (audit log or integrity record)' : 'after export';
    return { ...result, verdict: 'edited', intact: false, message: `edited ${when}${sectionText}` };
  }
  if (approval) {
    return {
      ...result,
      verdict: 'approved',
      intact: true,
      message: `approved and intact: approved by ${approval.name} (${approval.role}) on ${approval.date}; key ${approval.keyFingerprint.slice(0, 16)}…`,
    };
  }
  if (!config.integrity) {
    return { ...result, verdict: 'unverifiable', intact: false, message: 'cannot verify: the config has no integrity record (export it from Tierbook to add one)' };
  }
  return { ...result, verdict: 'draft', intact: true, message: 'unsigned draft, intact: the content matches the hash written at export' };
}
