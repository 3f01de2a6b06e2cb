import { describe, expect, it } from 'vitest';
import { definitionProblem, mentionedNames, readScratchFile, scratchFileText } from '../../../src/ui/scratch/scratch-model.ts';

describe('scratch cell definitions', () => {
  it('finds the named cells an expression reads, not properties or unknown names', () => {
    const available = new Set(['table', 'k', 'region']);
    expect(mentionedNames('table.filter(d => d.region === "EU").length + k + table.length', available)).toEqual(['table', 'k']);
  });

  it('refuses bad, reserved and taken names and empty expressions, naming the cell', () => {
    const taken = new Set(['k']);
    expect(definitionProblem({ name: '1x', expression: '1' }, taken)).toMatch(/invalid scratch cell name: "1x"/);
    expect(definitionProblem({ name: 'return', expression: '1' }, taken)).toMatch(/invalid scratch cell name/);
    expect(definitionProblem({ name: 'k', expression: '1' }, taken)).toBe('invalid scratch cell name: "k" is already a cell or input of this notebook');
    expect(definitionProblem({ name: 'x', expression: ' ' }, taken)).toBe('scratch cell x: the expression is empty');
    expect(definitionProblem({ name: 'x', expression: 'k + 1' }, taken)).toBeUndefined();
  });

  it('round-trips the scratch file and refuses other documents naming the file', () => {
    const text = scratchFileText('segmentation', [{ name: 'eu', expression: 'table.filter(d => d.region === "EU")' }]);
    expect(readScratchFile(text, 'mine.json')).toEqual({ notebook: 'segmentation', cells: [{ name: 'eu', expression: 'table.filter(d => d.region === "EU")' }] });
    expect(() => readScratchFile('{"kind":"tierbook-segmentation-config"}', 'config.json')).toThrow('config.json: not a Tierbook scratch cells file');
    expect(() => readScratchFile('{', 'x.json')).toThrow(/x\.json: not JSON/);
    const twice = JSON.stringify({ kind: 'tierbook-scratch-cells', version: 1, notebook: 's', cells: [{ name: 'a', expression: '1' }, { name: 'a', expression: '2' }] });
    expect(() => readScratchFile(twice, 'y.json')).toThrow('y.json: cell 2: invalid scratch cell name: "a" is already a cell or input of this notebook');
  });
});
