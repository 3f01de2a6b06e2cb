import { describe, expect, it } from 'vitest';
import { parseConfigFile, readConfig } from '../../src/config/load-config.ts';
import { configToJson } from '../../src/config/config-json.ts';
import { decisionEntrySchema, type DecisionEntry } from '../../src/config/decision-schema.ts';
import { draftConfig } from './fixture.ts';

const ENTRIES: DecisionEntry[] = [
  { id: 'd1', section: 'cluster', sectionTitle: '5. Clusters', kind: 'decision', text: 'Four tiers: k = 4.', at: '2025-03-04T10:15:00.000Z', scenario: null },
  { id: 'd2', section: 'tiers', sectionTitle: 'Tier cards', kind: 'question', text: 'Does Gold keep next-day delivery? <b>ask ops</b>', at: '2025-03-04T10:40:00.000Z', scenario: 'Finance: margin weight x2' },
];

describe('the decisions section of config version 2', () => {
  it('round-trips decisions and open questions per section, with their time', async () => {
    const config = { ...(await draftConfig()), decisions: { entries: ENTRIES } };
    const again = parseConfigFile(configToJson(config), 'config.json').config;
    expect(again.decisions?.entries).toEqual(ENTRIES);
    expect(again).toEqual(config);
  });

  it('is optional: a config without it is complete', async () => {
    const config = await draftConfig();
    expect(config.decisions).toBeUndefined();
    expect(readConfig(JSON.parse(configToJson(config))).config.decisions).toBeUndefined();
  });

  it('refuses an entry of an unknown kind, without text, with a time that is not ISO 8601, or with extra keys', async () => {
    const doc = JSON.parse(configToJson(await draftConfig()));
    const bad = (entry: Record<string, unknown>) => () => readConfig({ ...doc, decisions: { entries: [{ ...ENTRIES[0], ...entry }] } });
    expect(bad({ kind: 'vote' })).toThrow(/decisions\.entries\[0\]\.kind/);
    expect(bad({ text: '' })).toThrow(/decisions\.entries\[0\]\.text/);
    expect(bad({ at: 'Tuesday morning' })).toThrow(/decisions\.entries\[0\]\.at/);
    expect(bad({ html: '<b>x</b>' })).toThrow(/html/);
  });

  it('keeps markup in the text as text (it is data, never rendered as HTML)', () => {
    expect(decisionEntrySchema.parse(ENTRIES[1]).text).toBe('Does Gold keep next-day delivery? <b>ask ops</b>');
  });
});
