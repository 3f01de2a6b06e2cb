import { describeValue, refusal } from './describe.ts';
import { sameValue } from './schedule.ts';

/**
 * Locked inputs: what a workshop room agreed on. A locked input refuses every change, whoever
 * asks (a control, a link, an action such as Import config, Reset or choosing a scenario), until
 * it is unlocked; setting the value it already has is not a change and passes. The engine checks
 * locks where it checks values, so a locked control cannot move even if its widget were enabled.
 */
export interface Locks {
  has(name: string): boolean;
  /** Locks or unlocks; returns whether anything changed. */
  set(name: string, locked: boolean): boolean;
  /** Locked input names, in the order they were locked. */
  list(): string[];
  listen(listener: LockListener): () => void;
  /** One refusal per value that would change a locked input (`current` gives the value in force). */
  refusals(values: ReadonlyMap<string, unknown>, current: (name: string) => unknown): string[];
}

export type LockListener = (name: string, locked: boolean) => void;

/** `invalid k: 5 (locked at 4: unlock k to change it)`: the one shape of a refused input value. */
export function lockRefusal(name: string, value: unknown, current: unknown): string {
  return refusal(name, value, `locked at ${describeValue(current)}: unlock ${name} to change it`);
}

export function createLocks(): Locks {
  const locked = new Set<string>();
  const listeners = new Set<LockListener>();
  return {
    has: (name) => locked.has(name),
    set(name, on) {
      if (locked.has(name) === on) return false;
      if (on) locked.add(name);
      else locked.delete(name);
      for (const listener of listeners) listener(name, on);
      return true;
    },
    list: () => [...locked],
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refusals(values, current) {
      const out: string[] = [];
      for (const [name, value] of values) {
        if (locked.has(name) && !sameValue(current(name), value)) out.push(lockRefusal(name, value, current(name)));
      }
      return out;
    },
  };
}
