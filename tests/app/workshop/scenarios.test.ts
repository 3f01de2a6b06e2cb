import { describe, expect, it } from 'vitest';
import { select, slider, text } from '../../../src/runtime/index.ts';
import type { InputNode } from '../../../src/runtime/node.ts';
import { deleteScenario, markChosen, markCompared, mergeDecisions, mergeScenarios, recordDecision, removeDecision, saveScenario } from '../../../src/app/workshop/scenario-ops.ts';
import { scenarioListProblem, scenarioName, type Scenario } from '../../../src/app/workshop/scenario-schema.ts';
import { readScenariosFile, scenariosFileText } from '../../../src/app/workshop/scenario-file.ts';

const AT = '2025-03-04T10:00:00.000Z';
const DATA = { source: 'sample-orders.csv', fingerprint: `sha256:${'ab'.repeat(32)}` };
const save = (list: Scenario[], name: string, inputs: Record<string, unknown> = { k: 4 }) => saveScenario(list, { name, at: AT, inputs, data: DATA });

const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
const scaling = select({ name: 'scaling', options: ['zscore', 'robust'] as const, value: 'zscore' });
const note = text({ name: 'note' });
const INPUTS = new Map<string, InputNode<unknown>>([k, scaling, { ...note, role: 'state' as const }].map((n) => [n.name, n as InputNode<unknown>]));

describe('the scenario gallery', () => {
  it('saves named scenarios with ids in order, refusing a blank or taken name', () => {
    const list = save(save([], ' Baseline '), 'Finance: margin weight x2', { k: 5, 'w.margin': 2 });
    expect(list.map((s) => [s.id, s.name, s.compare, s.chosen])).toEqual([
      ['s1', 'Baseline', false, false],
      ['s2', 'Finance: margin weight x2', false, false],
    ]);
    expect(scenarioListProblem(list)).toBeUndefined();
    expect(() => save(list, 'Baseline')).toThrow('a scenario named "Baseline" exists: choose another name, or delete that one first');
    expect(() => save(list, '  ')).toThrow('invalid scenario name: "  " (expected 1 to 80 characters on one line');
    expect(() => scenarioName('a\nb')).toThrow('invalid scenario name');
    // A new id follows the highest one in the gallery.
    expect(save(deleteScenario(list, 's1'), 'Ops').map((s) => s.id)).toEqual(['s2', 's3']);
  });

  it('marks at most four for comparison and one as chosen', () => {
    let list: Scenario[] = [];
    for (const name of ['A', 'B', 'C', 'D', 'E']) list = save(list, name);
    for (const s of list.slice(0, 4)) list = markCompared(list, s.id, true);
    expect(() => markCompared(list, 's5', true)).toThrow('at most 4 scenarios are compared side by side');
    list = markCompared(markCompared(list, 's1', false), 's5', true);
    expect(list.filter((s) => s.compare).map((s) => s.name)).toEqual(['B', 'C', 'D', 'E']);
    list = markChosen(markChosen(list, 's2'), 's3');
    expect(list.filter((s) => s.chosen).map((s) => s.id)).toEqual(['s3']);
    expect(() => markChosen(list, 's9')).toThrow('no scenario "s9" in the gallery');
    expect(scenarioListProblem([...list, { ...list[0], id: 's9' }])).toBe('[5].name: the name "A" is used twice');
  });

  it('merges imported scenarios: identical ones skipped, taken names numbered, marks kept only where they fit', () => {
    const here = markChosen(save(save([], 'Baseline'), 'Ops', { k: 6 }), 's1');
    const there = markChosen(save(save([], 'Baseline'), 'Ops', { k: 7 }), 's2');
    const merged = mergeScenarios(here, there);
    expect(merged.added).toBe(1);
    expect(merged.skipped).toBe(1);
    expect(merged.list.map((s) => [s.id, s.name, s.chosen])).toEqual([
      ['s1', 'Baseline', true],
      ['s2', 'Ops', false],
      ['s3', 'Ops (2)', false],
    ]);
  });
});

describe('the decision log', () => {
  it('records decisions and open questions with the scenario chosen at the time', () => {
    const scenarios = markChosen(save([], 'Finance: margin weight x2'), 's1');
    let log = recordDecision([], { section: 'cluster', sectionTitle: '5. Clusters', kind: 'decision', text: ' k = 4 ', at: AT }, []);
    log = recordDecision(log, { section: 'tiers', sectionTitle: 'Tier cards', kind: 'question', text: 'Gold next-day?', at: AT }, scenarios);
    expect(log).toEqual([
      { id: 'd1', section: 'cluster', sectionTitle: '5. Clusters', kind: 'decision', text: 'k = 4', at: AT, scenario: null },
      { id: 'd2', section: 'tiers', sectionTitle: 'Tier cards', kind: 'question', text: 'Gold next-day?', at: AT, scenario: 'Finance: margin weight x2' },
    ]);
    expect(() => recordDecision(log, { ...log[0], kind: 'decision', text: ' ' }, [])).toThrow('invalid decision: the text is empty');
    expect(removeDecision(log, 'd1').map((d) => d.id)).toEqual(['d2']);
    expect(() => removeDecision(log, 'd7')).toThrow('no decision "d7"');
    expect(mergeDecisions(log, [log[1], { ...log[0], text: 'k = 5' }]).map((d) => [d.id, d.text])).toEqual([
      ['d1', 'k = 4'],
      ['d2', 'Gold next-day?'],
      ['d3', 'k = 5'],
    ]);
  });
});

describe('the scenario file', () => {
  const scenarios = save(save([], 'Baseline', { k: 4 }), 'Ops <b>k=6</b>', { k: 6, scaling: 'robust', note: 'x', gone: 1 });
  const decisions = recordDecision([], { section: 's', sectionTitle: 'S', kind: 'decision', text: '<img src=x onerror=alert(1)>', at: AT }, []);
  const fileText = scenariosFileText('segmentation', scenarios, decisions, AT);

  it('round-trips scenarios and decisions, leaving out what is not a setting (with a note)', () => {
    const read = readScenariosFile(fileText, 'w.json', 'segmentation', INPUTS);
    expect(read.scenarios[1].inputs).toEqual({ k: 6, scaling: 'robust' });
    expect(read.scenarios[1].name).toBe('Ops <b>k=6</b>');
    expect(read.decisions).toEqual(decisions);
    expect(read.notes).toEqual(['Scenario "Ops <b>k=6</b>": "note" is not a setting of this notebook; left out.', 'Scenario "Ops <b>k=6</b>": "gone" is not a setting of this notebook; left out.']);
  });

  it('refuses, naming the file and every problem, what is not JSON, another kind, another notebook or a bad setting', () => {
    const doc = JSON.parse(fileText);
    const read = (d: unknown, nb = 'segmentation') => () => readScenariosFile(typeof d === 'string' ? d : JSON.stringify(d), 'w.json', nb, INPUTS);
    expect(read('{"kind":')).toThrow(/^w\.json: not JSON \(/);
    expect(read({ ...doc, kind: 'tierbook-segmentation-config' })).toThrow('w.json: kind is "tierbook-segmentation-config" (expected "tierbook-scenarios")');
    expect(read(doc, 'review')).toThrow('w.json: it holds scenarios of the "segmentation" notebook, not of "review"');
    expect(read({ ...doc, version: 2 })).toThrow('w.json: version: Invalid input: expected 1');
    const bad = structuredClone(doc);
    bad.scenarios[0].inputs.k = 11;
    bad.scenarios[1].inputs.scaling = 'zscor';
    expect(read(bad)).toThrow('w.json: 2 settings are not valid, so nothing was imported: scenario "Baseline": invalid k: 11 (expected a whole number from 2 to 10); scenario "Ops <b>k=6</b>": invalid scaling: "zscor" (expected zscore or robust)');
    const polluted = fileText.replace('"inputs": {', '"inputs": {"__proto__": {"polluted": true},');
    expect(read(polluted)).toThrow('w.json: key "__proto__" at scenarios[0].inputs is not allowed (it could alter the objects that read the file); remove it');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('carries scratch cells in an optional section: round trip, absent when none, and every field checked', () => {
    const cells = [
      { name: 'euCustomers', expression: 'table.filter(d => d.region === "EU")' },
      { name: 'euShare', expression: 'euCustomers.length / table.length' },
    ];
    const withScratch = scenariosFileText('segmentation', scenarios, decisions, AT, cells);
    expect(JSON.parse(withScratch).scratch).toEqual(cells);
    const read = readScenariosFile(withScratch, 'w.json', 'segmentation', INPUTS);
    expect(read.scratch).toEqual(cells);
    expect(read.scenarios.map((s) => s.name)).toEqual(['Baseline', 'Ops <b>k=6</b>']);
    // no scratch cells: no section, and a file without one reads as none
    expect(JSON.parse(fileText)).not.toHaveProperty('scratch');
    expect(readScenariosFile(fileText, 'w.json', 'segmentation', INPUTS).scratch).toEqual([]);
  });

  it('refuses a scratch section with a bad entry, naming the file, the entry and what is wrong', () => {
    const doc = JSON.parse(fileText);
    const read = (scratch: unknown) => () => readScenariosFile(JSON.stringify({ ...doc, scratch }), 'w.json', 'segmentation', INPUTS);
    expect(read([{ name: 'ok', expression: '1' }, { name: '1bad', expression: 'k' }])).toThrow('w.json: scratch: cell 2: invalid scratch cell name: "1bad" (use letters');
    expect(read([{ name: 'a', expression: '1' }, { name: 'a', expression: '2' }])).toThrow('w.json: scratch: cell 2: invalid scratch cell name: "a" is already a cell or input of this notebook');
    expect(read([{ name: 'empty', expression: '  ' }])).toThrow('w.json: scratch: cell 1: scratch cell empty: the expression is empty');
    expect(read([{ name: 'x' }])).toThrow('w.json: scratch: cell 1 needs a name and an expression (text)');
    expect(read('k * 2')).toThrow(/^w\.json: scratch: /);
    const polluted = JSON.stringify({ ...doc, scratch: [{ name: 'x', expression: '1' }] }).replace('"scratch":[{', '"scratch":[{"__proto__":{"polluted":true},');
    expect(() => readScenariosFile(polluted, 'w.json', 'segmentation', INPUTS)).toThrow('w.json: key "__proto__" at scratch[0] is not allowed');
    // strict like the rest of the file: an unknown field is refused, not dropped
    expect(read([{ name: 'x', expression: '1', run: true }])).toThrow('w.json: scratch: cell 1 (x): unknown field "run" (a scratch cell has only a name and an expression)');
  });
});
