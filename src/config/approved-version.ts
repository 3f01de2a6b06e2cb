/**
 * The approved version a notebook works against: the config as it was signed, kept by the app
 * (as action state) so that every later change shows as "changed since approval" and an export
 * can carry the approval while nothing changed. It is kept without the audit entries (they live
 * in the browser's log; the approval records their count and last hash) and without embedded
 * assignments, so it stays small enough to save with the settings.
 */
import { readConfig } from './load-config.ts';
import type { Approval, SegmentationConfig } from './config-schema.ts';

export interface ApprovedVersion {
  /** The approved config: content, approval and integrity; no audit entries, no embedded assignments. */
  readonly config: SegmentationConfig & { readonly approval: Approval };
}

/** The approved config as it is kept. */
export function approvedVersion(approved: SegmentationConfig): ApprovedVersion {
  if (!approved.approval) throw new Error('not an approved config: it has no approval record');
  const { audit: _audit, assignments: _assignments, ...kept } = approved;
  return { config: { ...kept, approval: approved.approval } };
}

/** What is wrong with a kept approved version, if anything (a value from storage is checked like any input). */
export function approvedVersionProblem(value: unknown): string | undefined {
  if (value === null) return undefined;
  if (typeof value !== 'object' || !Object.hasOwn(value, 'config')) return 'expected an approved config';
  try {
    const { config } = readConfig((value as { config: unknown }).config);
    return config.approval ? undefined : 'the config has no approval record';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
