/**
 * What the workshop actions do to the scenario gallery and the decision log, as pure functions
 * of the old list and the request: every result is a new list; a refused request throws a
 * message that says what to do.
 */
import { DECISION_KINDS, DECISION_TEXT_MAX, type DecisionEntry, type DecisionKind } from '../../config/decision-schema.ts';
import { MAX_COMPARED, MAX_SCENARIOS, scenarioName, type Scenario } from './scenario-schema.ts';

const nextNumber = (ids: readonly string[], prefix: string): number =>
  ids.reduce((max, id) => Math.max(max, id.startsWith(prefix) ? Number(id.slice(prefix.length)) || 0 : 0), 0) + 1;

function find(list: readonly Scenario[], id: string): Scenario {
  const found = list.find((s) => s.id === id);
  if (!found) throw new Error(`no scenario "${id}" in the gallery (it may have been deleted in another window); reload to see the gallery as it is`);
  return found;
}

export interface SaveRequest {
  readonly name: string;
  /** ISO 8601 time of saving. */
  readonly at: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly data: Scenario['data'];
}

/** The gallery with the current settings saved under a new name (names are unique). */
export function saveScenario(list: readonly Scenario[], request: SaveRequest): Scenario[] {
  const name = scenarioName(request.name);
  if (list.some((s) => s.name === name)) throw new Error(`a scenario named "${name}" exists: choose another name, or delete that one first`);
  if (list.length >= MAX_SCENARIOS) throw new Error(`the gallery holds ${MAX_SCENARIOS} scenarios: delete some before saving more`);
  const scenario: Scenario = {
    id: `s${nextNumber(list.map((s) => s.id), 's')}`,
    name,
    savedAt: request.at,
    inputs: { ...request.inputs },
    data: request.data,
    compare: false,
    chosen: false,
  };
  return [...list, scenario];
}

export function deleteScenario(list: readonly Scenario[], id: string): Scenario[] {
  find(list, id);
  return list.filter((s) => s.id !== id);
}

/** Marks a scenario for the side-by-side comparison (at most `MAX_COMPARED`) or takes it out. */
export function markCompared(list: readonly Scenario[], id: string, compare: boolean): Scenario[] {
  find(list, id);
  if (compare && !find(list, id).compare && list.filter((s) => s.compare).length >= MAX_COMPARED) {
    throw new Error(`at most ${MAX_COMPARED} scenarios are compared side by side: take one out of the comparison first`);
  }
  return list.map((s) => (s.id === id ? { ...s, compare } : s));
}

/** Marks one scenario as the one chosen (and no other). */
export function markChosen(list: readonly Scenario[], id: string): Scenario[] {
  find(list, id);
  return list.map((s) => ({ ...s, chosen: s.id === id }));
}

/** The scenario marked as chosen, if any. */
export function chosenScenario(list: readonly Scenario[]): Scenario | undefined {
  return list.find((s) => s.chosen);
}

/** The scenarios to compare, in gallery order. */
export function comparedScenarios(list: readonly Scenario[]): Scenario[] {
  return list.filter((s) => s.compare);
}

/**
 * The gallery with imported scenarios added after it: each gets a new id; one with the name and
 * the settings of a scenario already there is skipped; another with a taken name is saved as
 * "name (2)". Marks travel only where they do not clash (the gallery's chosen scenario stays).
 */
export function mergeScenarios(list: readonly Scenario[], imported: readonly Scenario[]): { list: Scenario[]; added: number; skipped: number } {
  const out = [...list];
  let added = 0;
  let skipped = 0;
  const same = (a: Scenario, b: Scenario) => JSON.stringify(a.inputs) === JSON.stringify(b.inputs);
  for (const s of imported) {
    if (out.some((t) => t.name === s.name && same(t, s))) {
      skipped++;
      continue;
    }
    let name = s.name;
    for (let n = 2; out.some((t) => t.name === name); n++) name = `${s.name.slice(0, 70)} (${n})`;
    const compare = s.compare && out.filter((t) => t.compare).length < MAX_COMPARED;
    const chosen = s.chosen && !out.some((t) => t.chosen);
    out.push({ ...s, id: `s${nextNumber(out.map((t) => t.id), 's')}`, name, compare, chosen });
    added++;
  }
  if (out.length > MAX_SCENARIOS) throw new Error(`the gallery would hold ${out.length} scenarios (at most ${MAX_SCENARIOS}): delete some first`);
  return { list: out, added, skipped };
}

export interface DecisionRequest {
  readonly section: string;
  readonly sectionTitle: string;
  readonly kind: DecisionKind;
  readonly text: string;
  /** ISO 8601 time of recording. */
  readonly at: string;
}

/** The log with one more decision or open question; it names the scenario chosen at the time. */
export function recordDecision(log: readonly DecisionEntry[], request: DecisionRequest, scenarios: readonly Scenario[]): DecisionEntry[] {
  const text = request.text.trim();
  if (text === '') throw new Error('invalid decision: the text is empty (write what was decided or asked)');
  if (text.length > DECISION_TEXT_MAX) throw new Error(`invalid decision: ${text.length} characters (at most ${DECISION_TEXT_MAX}; keep one decision per entry)`);
  if (!DECISION_KINDS.includes(request.kind)) throw new Error(`invalid decision kind: "${String(request.kind)}" (expected decision or question)`);
  const entry: DecisionEntry = {
    id: `d${nextNumber(log.map((d) => d.id), 'd')}`,
    section: request.section,
    sectionTitle: request.sectionTitle,
    kind: request.kind,
    text,
    at: request.at,
    scenario: chosenScenario(scenarios)?.name ?? null,
  };
  return [...log, entry];
}

export function removeDecision(log: readonly DecisionEntry[], id: string): DecisionEntry[] {
  if (!log.some((d) => d.id === id)) throw new Error(`no decision "${id}" in the log (it may have been removed in another window)`);
  return log.filter((d) => d.id !== id);
}

/** Imported entries not already in the log (same time, section and text), renumbered after it. */
export function mergeDecisions(log: readonly DecisionEntry[], imported: readonly DecisionEntry[]): DecisionEntry[] {
  const out = [...log];
  const key = (d: DecisionEntry) => `${d.at}\u0000${d.section}\u0000${d.text}`;
  const seen = new Set(out.map(key));
  for (const d of imported) {
    if (seen.has(key(d))) continue;
    seen.add(key(d));
    out.push({ ...d, id: `d${nextNumber(out.map((x) => x.id), 'd')}` });
  }
  return out;
}
