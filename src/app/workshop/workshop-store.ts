/**
 * The workshop's memory in this browser: the scenario gallery, the decision log and the locked
 * inputs, per notebook, in localStorage under names starting with `tierbook` (so Clear local
 * data removes them). What is read back is validated like an imported file; an entry that no
 * longer reads is dropped with a message, never half-used.
 */
import { decisionLogSchema, type DecisionEntry } from '../../config/decision-schema.ts';
import { firstIssue, scenarioListSchema, type Scenario } from './scenario-schema.ts';

export interface WorkshopState {
  readonly scenarios: readonly Scenario[];
  readonly decisions: readonly DecisionEntry[];
  readonly locks: readonly string[];
}

export const workshopKey = (notebook: string): string => `tierbook-workshop:${notebook}`;

export interface WorkshopStore {
  load(): { state: WorkshopState; problem?: string };
  save(state: WorkshopState): void;
}

const EMPTY: WorkshopState = { scenarios: [], decisions: [], locks: [] };

export function workshopStore(storage: Storage, notebook: string): WorkshopStore {
  const key = workshopKey(notebook);
  return {
    load() {
      const text = storage.getItem(key);
      if (text === null) return { state: EMPTY };
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        return { state: EMPTY, problem: 'The saved scenarios could not be read (not JSON) and were set aside; import a scenario file to get them back.' };
      }
      const r = (raw ?? {}) as Record<string, unknown>;
      const scenarios = scenarioListSchema.safeParse(r.scenarios ?? []);
      const decisions = decisionLogSchema.safeParse(r.decisions ?? []);
      const locks = Array.isArray(r.locks) ? r.locks.filter((l): l is string => typeof l === 'string') : [];
      const problems = [
        ...(scenarios.success ? [] : [`saved scenarios: ${firstIssue(scenarios.error)}`]),
        ...(decisions.success ? [] : [`saved decision log: ${firstIssue(decisions.error)}`]),
      ];
      return {
        state: { scenarios: scenarios.success ? scenarios.data : [], decisions: decisions.success ? decisions.data : [], locks },
        ...(problems.length > 0 ? { problem: `Set aside because they no longer read: ${problems.join('; ')}.` } : {}),
      };
    },
    save(state) {
      storage.setItem(key, JSON.stringify(state));
    },
  };
}
