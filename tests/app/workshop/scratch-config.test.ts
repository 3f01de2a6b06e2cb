// Configs never carry scratch cells: the exported config of a notebook with scratch cells holds
// none of their names or code, and a config that claims a scratch section is refused on reading.
// (A page of its own for the panel: the engine and its data file stay in Node's realm.)
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { config } from '../../../cells/export.ts';
import { exportConfigText } from '../../../src/config/config-json.ts';
import { parseConfigFile } from '../../../src/config/load-config.ts';
import { createScratchPanel } from '../../../src/ui/scratch/scratch-panel.ts';
import type { ScratchEvaluator } from '../../../src/ui/scratch/sandbox.ts';
import { memoryStorage } from '../../runtime/helpers.ts';
import { openBlobs } from '../../cells/fixtures.ts';

const evaluator: ScratchEvaluator = { evaluate: (_expression, values) => Promise.resolve(Object.keys(values).length), dispose: () => undefined };

describe('configs and scratch cells', () => {
  it('an exported config holds no scratch cell, and a config with a scratch section does not read', async () => {
    const engine = openBlobs({ k: 3 });
    const scratch = createScratchPanel(new JSDOM().window.document, engine, { storage: memoryStorage(), evaluator, download: () => undefined, confirm: () => true });
    await scratch.offer([{ name: 'scratchProbe', expression: 'table.filter(d => d.marker === "scratch-code")' }], 'mine.json');
    expect(await engine.value(engine.node('scratchProbe')!)).toBe(1);
    const text = await exportConfigText(await engine.value(config));
    expect(text).not.toContain('scratchProbe');
    expect(text).not.toContain('scratch-code');
    expect(Object.keys(JSON.parse(text))).not.toContain('scratch');
    const smuggled = JSON.stringify({ ...JSON.parse(text), scratch: [{ name: 'x', expression: '1' }] });
    expect(() => parseConfigFile(smuggled, 'config.json')).toThrow(/^config\.json: invalid config: .*scratch/);
    engine.dispose();
  });
});
