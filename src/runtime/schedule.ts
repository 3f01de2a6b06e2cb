import type { VariableGraph } from './define.ts';
import { inputOutcome, isSettled, type Outcome } from './outcome.ts';
import type { CommittedChange, InputPhase } from './state.ts';

const plain = (v: unknown): boolean => v === null || typeof v !== 'object';

/**
 * Whether two input values are the same setting: identical, or small lists and records of plain
 * values with the same content (the weight sliders send a new object on every event; the same
 * weights again must not recompute anything). Anything else (a file's bytes) by identity only.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (plain(a) || plain(b) || ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) return false;
  const values = (x: object) => (Array.isArray(x) ? x : Object.values(x));
  if (!values(a as object).every(plain) || !values(b as object).every(plain)) return false;
  return Array.isArray(a) === Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Live and committed input values, and the latches of sampled edges.
 *
 * An input's runtime variable always holds its live value, so cells that read it directly follow
 * a drag. A drag ends with a commit (release, Enter, or a pause of `debounceMs`). A node read
 * through a sampled edge has a latch holding its last *settled* outcome: one computed only from
 * committed values. When such an outcome arrives (or a commit makes the last one settled) it is
 * published to the latch, and only then do the sampled readers run: once per change, never per
 * drag step, never twice for one value. (A reader of several latches waits while one of them is
 * behind the committed values: see `engine.ts`.)
 */
export interface Scheduler {
  /** The value each input has now (live while dragging). */
  readonly live: ReadonlyMap<string, unknown>;
  /** The committed value of each input. */
  readonly committed: ReadonlyMap<string, unknown>;
  /** Sets input values; `live` ones commit after the debounce unless committed sooner. */
  set(values: ReadonlyMap<string, unknown>, phase: InputPhase): void;
  /** Commits every drag in progress now. */
  flush(): void;
  /** The authoritative outcome of a latched cell arrived (the runtime fulfilled it). */
  recorded(name: string, outcome: Outcome): void;
  /** Brings the latches of `sources` (latched cells, in dependency order) up to the committed values. */
  settle(sources: readonly string[], read: (name: string) => Promise<Outcome>): Promise<void>;
  dispose(): void;
}

export interface ScheduleOptions {
  readonly graph: VariableGraph;
  readonly initial: ReadonlyMap<string, unknown>;
  /** Nodes read through sampled edges (empty in headless runs). */
  readonly latched: ReadonlySet<string>;
  /** With `false` every change commits at once (headless runs). */
  readonly live: boolean;
  readonly debounceMs: number;
  /** After committed values changed (to save them and tell listeners), with what changed. */
  readonly onCommit: (changes: readonly CommittedChange[]) => void;
}

export function createScheduler(o: ScheduleOptions): Scheduler {
  const live = new Map(o.initial);
  const committed = new Map(o.initial);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const last = new Map<string, Outcome>();
  const published = new Map<string, Outcome>();
  const firstWaiters = new Map<string, (outcome: Outcome) => void>();

  const publish = (name: string, outcome: Outcome): void => {
    if (published.get(name) === outcome) return;
    published.set(name, outcome);
    const first = firstWaiters.get(name);
    if (first) {
      firstWaiters.delete(name);
      first(outcome);
    } else {
      o.graph.latch(name, outcome);
    }
  };
  const recheck = (): void => {
    for (const [name, outcome] of last) if (isSettled(outcome.provenance, committed)) publish(name, outcome);
  };
  const offer = (name: string, outcome: Outcome): void => {
    if (!o.latched.has(name)) return;
    last.set(name, outcome);
    recheck();
  };

  const outcomes = new Map([...o.initial].map(([name, value]) => [name, inputOutcome(name, value)]));
  for (const [name, outcome] of outcomes) o.graph.input(name, outcome);
  for (const name of o.latched) {
    // An input's latch starts with its value; a cell's holds its readers until it first settles.
    if (!outcomes.has(name)) o.graph.latch(name, new Promise<Outcome>((resolve) => firstWaiters.set(name, resolve)));
    else o.graph.latch(name, outcomes.get(name) as Outcome);
  }
  for (const [name, outcome] of outcomes) {
    if (!o.latched.has(name)) continue;
    last.set(name, outcome);
    published.set(name, outcome);
  }

  const commit = (names: Iterable<string>): void => {
    const changes: CommittedChange[] = [];
    for (const name of names) {
      const timer = timers.get(name);
      if (timer !== undefined) clearTimeout(timer);
      timers.delete(name);
      if (committed.get(name) !== live.get(name)) {
        changes.push({ name, old: committed.get(name), new: live.get(name) });
        committed.set(name, live.get(name));
      }
    }
    recheck();
    if (changes.length > 0) o.onCommit(changes);
  };

  return {
    live,
    committed,
    set(values, phase) {
      for (const [name, value] of values) {
        // An equal value keeps the object in force, so results computed from it stay settled.
        if (sameValue(live.get(name), value)) continue;
        live.set(name, value);
        const outcome = inputOutcome(name, value);
        o.graph.input(name, outcome);
        if (o.latched.has(name)) last.set(name, outcome);
      }
      if (phase === 'commit' || !o.live) {
        commit(values.keys());
        return;
      }
      for (const name of values.keys()) {
        const timer = timers.get(name);
        if (timer !== undefined) clearTimeout(timer);
        timers.set(
          name,
          setTimeout(() => commit([name]), o.debounceMs),
        );
      }
    },
    flush: () => commit([...timers.keys()]),
    recorded: offer,
    async settle(sources, read) {
      commit([...timers.keys()]);
      for (const name of sources) offer(name, await read(name));
    },
    dispose() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
