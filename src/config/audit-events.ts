/**
 * How a committed input change reads in the audit log: its kind (a tier rename, a policy edit,
 * an assumption edit, or any other input change), the input's name and title, old and new
 * values, and one readable line. Values a log must not hold are described instead: a data file
 * by name and size (never its bytes).
 */
import type { AuditDraft } from './audit.ts';
import type { AuditKind } from './audit-schema.ts';
import { changesSinceApproval, describeInputChange } from './input-changes.ts';

/** What the log needs to know about the input that changed. */
export interface ChangedInput {
  readonly name: string;
  /** The human title, e.g. `Number of clusters (k)`. */
  readonly title: string;
  /** `setting` values are recorded as they are; `data` (a file) by name and size. */
  readonly role: 'setting' | 'data';
  /** For a file: what no file means (default "the sample"; e.g. "the approved version" for a previous config). */
  readonly none?: string;
  readonly old: unknown;
  readonly new: unknown;
}

/**
 * Inputs of the tiers and policy sections whose edits are their own kinds. Names as declared in
 * cells/tiers.ts and cells/policy.ts; an input not listed is an `input-change`.
 */
const KIND_OF_INPUT: Readonly<Record<string, AuditKind>> = {
  tierNames: 'tier-rename',
  tierMap: 'tier-rename',
  strategicTier: 'tier-rename',
  policy: 'policy-edit',
  carryingRate: 'policy-edit',
  baselineServiceLevel: 'policy-edit',
  supply: 'policy-edit',
  openDemand: 'policy-edit',
  allocationRule: 'policy-edit',
};

export function auditKindOf(input: string): AuditKind {
  if (Object.hasOwn(KIND_OF_INPUT, input)) return KIND_OF_INPUT[input];
  return input.startsWith('assumptions') ? 'assumption-edit' : 'input-change';
}

/** A file value as the log records it: name and size, or null for none (the sample). */
function fileText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const v = value as { name?: unknown; bytes?: { byteLength?: unknown } };
  const size = typeof v.bytes?.byteLength === 'number' ? ` (${v.bytes.byteLength.toLocaleString('en-US')} bytes)` : '';
  return `${typeof v.name === 'string' ? v.name : 'a file'}${size}`;
}

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '(empty)' : typeof v === 'string' ? v : JSON.stringify(v));

/** The audit draft of one committed change; `via` names the action that made it (e.g. `Import config`). */
export function inputChangeEntry(change: ChangedInput, time: string, via?: string): AuditDraft {
  const data = change.role === 'data';
  const none = change.none ?? 'the sample';
  const old = data ? fileText(change.old) : (change.old ?? null);
  const value = data ? fileText(change.new) : (change.new ?? null);
  // objects (weights, keyed settings) key by key, so the line says which weight moved
  const parts =
    !data && typeof old === 'object' && old !== null && typeof value === 'object' && value !== null
      ? changesSinceApproval({ [change.name]: old }, { [change.name]: value }).map(describeInputChange)
      : [`${show(data && old === null ? none : old)} → ${show(data && value === null ? none : value)}`];
  return {
    time,
    kind: auditKindOf(change.name),
    details: { input: change.name, title: change.title, old, new: value, summary: `${change.title}: ${parts.join('; ')}`, ...(via ? { via } : {}) },
  };
}
