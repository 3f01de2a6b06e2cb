/**
 * What changed between two configs: inputs, features, weights, the rest of the preparation,
 * the model, tiers and policies, data, assumptions; and, when both sides come with
 * assignments, the customers who moved. The envelope (integrity, approval, audit) and the
 * export time are not changes of the segmentation; they are reported as notes.
 *
 * The one comparison of configs: `tierbook diff`, the in-app diff against the approved version
 * and the import check (`reference.ts`: an imported config against what the notebook
 * recomputes, with a tolerance for fitted numbers and only what the imported config claims).
 */
import { canonicalJson } from './hash.ts';
import type { EmbeddedAssignments, SegmentationConfig } from './config-schema.ts';

export type DiffSection =
  | 'inputs'
  | 'features'
  | 'weights'
  | 'preparation'
  | 'model'
  | 'tiers'
  | 'policies'
  | 'data'
  | 'strategic'
  | 'assumptions'
  | 'reference'
  | 'robustness'
  | 'other';

export interface Change {
  readonly section: DiffSection;
  /** Where, e.g. `inputs.k`, `weights.cts_pct`, `preparation.features[revenue].scale`. */
  readonly path: string;
  /** Old value; undefined when added. */
  readonly old?: unknown;
  /** New value; undefined when removed. */
  readonly new?: unknown;
}

export interface MovedCustomer {
  readonly id: string;
  readonly old: string | null;
  readonly new: string | null;
}

export interface ConfigDiff {
  /** No change of the segmentation (notes aside). */
  readonly same: boolean;
  readonly changes: Change[];
  /** Customers whose segment differs; null when either side has no assignments. */
  readonly moved: { readonly compared: number; readonly by: 'tier' | 'cluster'; readonly customers: MovedCustomer[] } | null;
  /** Differences outside the segmentation (export time, approval, audit log) and caveats. */
  readonly notes: string[];
}

const SECTION_OF: Record<string, DiffSection> = {
  inputs: 'inputs',
  features: 'features',
  preparation: 'preparation',
  model: 'model',
  tierMap: 'tiers',
  tiering: 'tiers',
  policies: 'policies',
  data: 'data',
  strategic: 'strategic',
  assumptions: 'assumptions',
  reference: 'reference',
  robustness: 'robustness',
};

const NOT_COMPARED = new Set(['createdAt', 'integrity', 'approval', 'audit', 'assignments', 'version']);

const same = (a: unknown, b: unknown) => (a === undefined || b === undefined ? a === b : canonicalJson(a) === canonicalJson(b));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How two configs are compared; every field optional. */
export interface CompareOptions {
  /**
   * Relative tolerance for fitted numbers (scaling parameters, outlier bounds, imputed values,
   * centroids, inertia, explained variance); default 0: exact, as a diff should be.
   */
  readonly fittedTolerance?: number;
  /** Compare only what the old side states: parts it lacks are not changes (an import check). Default false. */
  readonly claimsOnly?: boolean;
  /** Paths left out, e.g. `packages` or `data.source`. */
  readonly ignore?: readonly string[];
}

/** Paths of numbers fitted to the data, which may differ in their last bits between JavaScript engines. */
const FITTED = /^(preparation\.features\[[^\]]*\]\.(center|scale|lower|upper|impute)|model\.(centroids|inertia)|pca\.explainedVarianceRatio)$/;

/** Equal within a relative tolerance, element by element for (nested) arrays. */
function close(a: unknown, b: unknown, tolerance: number): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => close(x, b[i], tolerance));
  return same(a, b);
}

/** Arrays of objects that all carry a distinct `name` are compared by name, others as a whole. */
function byName(list: unknown[]): Map<string, unknown> | null {
  if (!list.every((x) => isObject(x) && typeof x.name === 'string')) return null;
  const map = new Map(list.map((x) => [(x as { name: string }).name, x]));
  return map.size === list.length ? map : null;
}

/** Appends the leaf differences between `a` and `b` under `path` (objects by key, named lists by name). */
export function walk(section: DiffSection, path: string, a: unknown, b: unknown, out: Change[], options: CompareOptions = {}): void {
  if (options.ignore?.includes(path) || (options.claimsOnly && a === undefined)) return;
  if (same(a, b)) return;
  if (options.fittedTolerance && FITTED.test(path)) {
    if (!close(a, b, options.fittedTolerance)) out.push({ section, path, old: a, new: b });
    return;
  }
  if (a === undefined) return void out.push({ section, path, new: b });
  if (b === undefined) return void out.push({ section, path, old: a });
  if (isObject(a) && isObject(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) walk(section, `${path}.${key}`, a[key], b[key], out, options);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const ma = byName(a);
    const mb = byName(b);
    if (ma && mb) {
      for (const name of [...new Set([...ma.keys(), ...mb.keys()])]) walk(section, `${path}[${name}]`, ma.get(name), mb.get(name), out, options);
      return;
    }
  }
  out.push({ section, path, old: a, new: b });
}

function weights(c: SegmentationConfig): Record<string, number> {
  return Object.fromEntries(c.preparation.features.map((f) => [f.name, f.weight]));
}

function withoutWeights(c: SegmentationConfig): unknown {
  return { ...c.preparation, features: c.preparation.features.map(({ weight: _w, ...rest }) => rest) };
}

function segmentsOf(a: EmbeddedAssignments, tiers: SegmentationConfig['tierMap']): Map<string, string | null> {
  const out = new Map<string, string | null>();
  a.ids.forEach((id, i) => {
    const c = a.clusters[i];
    if (tiers) out.set(id, c === 'strategic' ? tiers.strategic : c === null ? null : tiers.clusters[c - 1]);
    else out.set(id, c === null ? null : String(c));
  });
  return out;
}

/** Assignments to compare when the configs do not embed them (e.g. read from assignments.csv). */
export interface DiffAssignments {
  readonly old?: EmbeddedAssignments;
  readonly new?: EmbeddedAssignments;
}

export function diffConfigs(before: SegmentationConfig, after: SegmentationConfig, given: DiffAssignments = {}, options: CompareOptions = {}): ConfigDiff {
  const changes: Change[] = [];
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    if (NOT_COMPARED.has(key) || options.ignore?.includes(key)) continue;
    const section = SECTION_OF[key] ?? 'other';
    if (key === 'features') {
      const removed = before.features.filter((f) => !after.features.includes(f));
      const added = after.features.filter((f) => !before.features.includes(f));
      for (const f of removed) changes.push({ section, path: `features[${f}]`, old: f });
      for (const f of added) changes.push({ section, path: `features[${f}]`, new: f });
      if (!removed.length && !added.length && !same(before.features, after.features)) changes.push({ section, path: 'features (order)', old: before.features, new: after.features });
    } else if (key === 'preparation') {
      walk('weights', 'weights', weights(before), weights(after), changes, options);
      walk(section, 'preparation', withoutWeights(before), withoutWeights(after), changes, options);
    } else walk(section, key, a[key], b[key], changes, options);
  }
  const notes: string[] = [];
  if (before.createdAt !== after.createdAt) notes.push(`exported at ${before.createdAt} and ${after.createdAt}`);
  const approval = (c: SegmentationConfig) => (c.approval ? `approved by ${c.approval.approver.name} on ${c.approval.date}` : 'not approved');
  if (!same(before.approval, after.approval)) notes.push(`approval: old ${approval(before)}; new ${approval(after)}`);
  const log = (c: SegmentationConfig) => c.audit?.entries.length ?? 0;
  if (!same(before.audit, after.audit)) notes.push(`audit log: ${log(before)} entries in old, ${log(after)} in new`);
  const oldA = given.old ?? before.assignments;
  const newA = given.new ?? after.assignments;
  let moved: ConfigDiff['moved'] = null;
  if (oldA && newA) {
    const by = before.tierMap && after.tierMap ? 'tier' : 'cluster';
    if (by === 'cluster') notes.push('customers are compared by cluster number: without tier maps on both sides, a renumbered cluster counts as a move');
    const o = segmentsOf(oldA, by === 'tier' ? before.tierMap : undefined);
    const n = segmentsOf(newA, by === 'tier' ? after.tierMap : undefined);
    const customers: MovedCustomer[] = [];
    let compared = 0;
    for (const [id, seg] of n) {
      if (!o.has(id)) continue;
      compared++;
      if (o.get(id) !== seg) customers.push({ id, old: o.get(id) ?? null, new: seg });
    }
    const onlyOld = [...o.keys()].filter((id) => !n.has(id)).length;
    const onlyNew = [...n.keys()].filter((id) => !o.has(id)).length;
    if (onlyOld || onlyNew) notes.push(`${onlyOld} customers only in the old assignments, ${onlyNew} only in the new`);
    moved = { compared, by, customers };
  }
  return { same: changes.length === 0 && (moved === null || moved.customers.length === 0), changes, moved, notes };
}
