import type { Outcome } from './outcome.ts';
import type { CellState, StateListener } from './state.ts';

const EMPTY: CellState = { status: 'pending', hasValue: false, version: 0 };
const NEVER_READ: CellState = { status: 'idle', hasValue: false, version: 0 };

/** The cell states the shell observes, kept from outcomes and run events, with listeners. */
export interface StateStore {
  get(name: string): CellState;
  /** Changes some fields (e.g. `running`, progress) and tells listeners. */
  patch(name: string, patch: Partial<CellState>): void;
  /** Takes a fulfilled outcome: a value, this cell's failure, a blocked cell, or idle. */
  record(name: string, outcome: Outcome): void;
  listen(listener: StateListener): () => void;
}

/**
 * @param lazy names of hidden cells nobody observes: they are `idle` until first read.
 */
export function createStateStore(lazy: ReadonlySet<string>): StateStore {
  const states = new Map<string, CellState>();
  const listeners = new Set<StateListener>();
  const get = (name: string) => states.get(name) ?? (lazy.has(name) ? NEVER_READ : EMPTY);
  const set = (name: string, next: CellState) => {
    states.set(name, next);
    for (const listener of listeners) listener(name, next);
  };
  return {
    get,
    patch: (name, patch) => set(name, { ...get(name), ...patch }),
    record(name, outcome) {
      const prev = get(name);
      const cleared = { progress: undefined, blockedBy: undefined, waitingFor: undefined, stale: undefined, error: undefined };
      if (outcome.kind === 'value') {
        // The same value again (e.g. an on-demand result republished as stale) keeps its version: no redraw.
        const same = prev.hasValue && prev.value === outcome.value;
        set(name, {
          ...prev,
          ...cleared,
          status: 'ok',
          value: outcome.value,
          hasValue: true,
          stale: outcome.stale,
          version: same ? prev.version : prev.version + 1,
        });
      } else if (outcome.kind === 'failure') {
        const own = outcome.failure.cell === name;
        set(name, {
          ...prev,
          ...cleared,
          status: own ? 'error' : 'blocked',
          error: outcome.failure,
          blockedBy: own ? undefined : outcome.failure.cell,
        });
      } else {
        set(name, { ...prev, ...cleared, status: 'idle', waitingFor: outcome.cell });
      }
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
