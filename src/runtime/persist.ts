import type { InputNode } from './node.ts';

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
        if (doc.kind !== 'tierbook-inputs' || doc.version !== 1 || typeof doc.values !== 'object' || !doc.values) {
          return undefined;
        }
        return doc.values;
      } catch {
        return undefined;
      }
    },
    save(notebookId, values, inputs) {
      const kept: Record<string, unknown> = {};
      for (const node of inputs) if (node.persist && node.name in values) kept[node.name] = values[node.name];
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
  values: Record<string, unknown>;
  /** Stored or given values that were rejected, with the reason (shown to the user). */
  rejected: { name: string; reason: string }[];
}

/** Defaults, then stored values, then `initial` (URL, CLI, import): each checked by the input's `validate`. */
export function resolveInitialInputs(
  notebookId: string,
  inputs: readonly InputNode<unknown>[],
  store: InputStore | undefined,
  initial: Record<string, unknown> | undefined,
): ResolvedInputs {
  const values: Record<string, unknown> = {};
  const rejected: ResolvedInputs['rejected'] = [];
  const stored = store?.load(notebookId) ?? {};
  for (const node of inputs) {
    values[node.name] = node.defaultValue;
    for (const source of [node.persist ? stored : {}, initial ?? {}]) {
      if (!(node.name in source)) continue;
      const candidate = source[node.name];
      const reason = node.validate(candidate);
      if (reason === undefined) values[node.name] = candidate;
      else rejected.push({ name: node.name, reason });
    }
  }
  return { values, rejected };
}
