import type { InputNode } from './node.ts';
import type { RefusedValue } from './state.ts';

/** Inputs whose values are saved between page loads: a person's settings and action state. */
export const isStored = (node: InputNode<unknown>): boolean => node.role === 'setting' || node.role === 'state';

/** Where committed input values live between page loads. */
export interface InputStore {
  load(notebookId: string): Record<string, unknown> | undefined;
  save(notebookId: string, values: Record<string, unknown>, inputs: readonly InputNode<unknown>[]): void;
  clear(notebookId: string): void;
}

/** What a stored document looks like; `kind` and `version` let a later release migrate it. */
interface StoredInputs {
  kind: 'tierbook-inputs';
  version: 1;
  values: Record<string, unknown>;
}

const keyOf = (notebookId: string): string => `tierbook:${notebookId}:inputs`;

/** An `InputStore` over Web Storage (localStorage in the app, a Map-backed fake in tests). */
export function webStorageStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): InputStore {
  return {
    load(notebookId) {
      const text = storage.getItem(keyOf(notebookId));
      if (text === null) return undefined;
      try {
        const doc = JSON.parse(text) as Partial<StoredInputs>;
        if (doc.kind !== 'tierbook-inputs' || doc.version !== 1 || typeof doc.values !== 'object' || !doc.values || Array.isArray(doc.values)) {
          return undefined;
        }
        return doc.values;
      } catch {
        return undefined;
      }
    },
    save(notebookId, values, inputs) {
      const kept: Record<string, unknown> = {};
      for (const node of inputs) if (isStored(node) && Object.hasOwn(values, node.name)) kept[node.name] = values[node.name];
      const doc: StoredInputs = { kind: 'tierbook-inputs', version: 1, values: kept };
      try {
        storage.setItem(keyOf(notebookId), JSON.stringify(doc));
      } catch {
        // A full or disabled storage must not break the notebook; values then last for the session.
      }
    },
    clear(notebookId) {
      storage.removeItem(keyOf(notebookId));
    },
  };
}

export interface ResolvedInputs {
  values: Map<string, unknown>;
  /** Stored or given values that were refused, with the reason (shown once; the default is used). */
  rejected: RefusedValue[];
}

/**
 * Defaults, then stored values, then `initial` (URL, CLI, host): each checked by the input's
 * `validate`. A refused value is reported and the one before it (at worst the default) kept.
 */
export function resolveInitialInputs(
  notebookId: string,
  inputs: readonly InputNode<unknown>[],
  store: InputStore | undefined,
  initial: Record<string, unknown> | undefined,
): ResolvedInputs {
  const values = new Map<string, unknown>();
  const rejected: RefusedValue[] = [];
  const stored = store?.load(notebookId) ?? {};
  const sources = [
    ['stored', stored],
    ['given', initial ?? {}],
  ] as const;
  for (const node of inputs) {
    values.set(node.name, node.defaultValue);
    for (const [source, record] of sources) {
      if (!Object.hasOwn(record, node.name) || (source === 'stored' && !isStored(node))) continue;
      const candidate = record[node.name];
      const reason = node.validate(candidate);
      if (reason === undefined) values.set(node.name, node.normalize(candidate));
      else rejected.push({ name: node.name, reason, source });
    }
  }
  return { values, rejected };
}
