import { describe, expect, it } from 'vitest';
import { parseConfigFile, readConfig, V1_NOTE } from '../../src/config/load-config.ts';
import { configToJson } from '../../src/config/config-json.ts';
import { draftConfig } from './fixture.ts';

function v1Of(config: Record<string, unknown>): Record<string, unknown> {
  const { assumptions: _a, reference: _r, tierMap: _t, tiering: _g, policies: _p, robustness: _b, assignments: _s, integrity: _i, approval: _v, audit: _u, ...core } = config;
  return { ...core, version: 1 };
}

async function text(): Promise<string> {
  return configToJson(await draftConfig());
}

describe('reading a config', () => {
  it('round-trips a version 2 config through its JSON text', async () => {
    const config = await draftConfig();
    const again = parseConfigFile(configToJson(config), 'config.json');
    expect(again.config).toEqual(config);
    expect(again.notes).toEqual([]);
  });

  it('still reads a version 1 config, with a note that it predates version 2', async () => {
    const read = readConfig(v1Of((await draftConfig()) as unknown as Record<string, unknown>));
    expect(read.config.version).toBe(1);
    expect(read.notes).toEqual([V1_NOTE]);
    expect(V1_NOTE).toContain('predates version 2');
  });

  it('refuses a file that is not JSON, naming the file', () => {
    expect(() => parseConfigFile('{"kind": ', 'old.json')).toThrow(/^old\.json: not JSON \(/);
  });

  it('refuses what is not a config object, of another kind, or of an unknown version', async () => {
    const doc = JSON.parse(await text());
    expect(() => readConfig([doc])).toThrow('invalid config: the document is an array, not a Tierbook config object');
    expect(() => readConfig('config')).toThrow('the document is a string');
    expect(() => readConfig({ ...doc, kind: 'something-else' })).toThrow('invalid config: kind is "something-else" (expected "tierbook-segmentation-config"); is this a Tierbook export?');
    expect(() => readConfig({ ...doc, version: 3 })).toThrow('invalid config: schema version 3 is newer than this Tierbook reads (1 and 2); update Tierbook');
    expect(() => readConfig({ ...doc, version: '2' })).toThrow('invalid config: unknown schema version "2" (this Tierbook reads versions 1 and 2)');
    expect(() => readConfig({ ...doc, version: 0 })).toThrow('unknown schema version 0');
  });

  it('lists every missing section at once', async () => {
    const { model: _m, preparation: _p, ...rest } = JSON.parse(await text());
    expect(() => readConfig(rest)).toThrow(/^invalid config: missing sections "preparation", "model"; a config needs kind, notebook/);
  });

  it('refuses prototype-polluting keys anywhere, and changes nothing', async () => {
    const base = await text();
    const cases = [
      base.replace('"packages": {', '"packages": {"__proto__": {"polluted": "yes"},'),
      base.replace('"inputs": {', '"inputs": {"constructor": {"prototype": {"polluted": "yes"}},'),
      base.replace('"model": {', '"model": {"prototype": 1,'),
      base.replace('{', '{"__proto__": {"polluted": "yes"},'),
    ];
    const messages = [
      'invalid config: key "__proto__" at packages is not allowed (it could alter the objects that read the config); remove it',
      'key "constructor" at inputs is not allowed',
      'key "prototype" at model is not allowed',
      'key "__proto__" at the top level is not allowed',
    ];
    cases.forEach((t, i) => {
      const document = JSON.parse(t);
      const before = JSON.stringify(document);
      expect(() => readConfig(document)).toThrow(messages[i]);
      expect(JSON.stringify(document)).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(() => parseConfigFile(t, 'evil.json')).toThrow(`evil.json: ${messages[i].startsWith('invalid') ? messages[i] : ''}`);
    });
  });

  it('names the field at fault for a bad value, an unknown key and a broken relation', async () => {
    const doc = JSON.parse(await text());
    expect(() => readConfig({ ...doc, model: { ...doc.model, k: 2.5 } })).toThrow(/^invalid config: model\.k: /);
    expect(() => readConfig({ ...doc, model: { ...doc.model, tolerance: 1e-4 } })).toThrow(/^invalid config: model: .*"tolerance"/);
    expect(() => readConfig({ ...doc, model: { ...doc.model, centroids: [[1, 2]] } })).toThrow('invalid config: model.centroids: each centroid needs 3 values, one per feature');
    expect(() => readConfig({ ...doc, preparation: { ...doc.preparation, features: [...doc.preparation.features].reverse() } })).toThrow('invalid config: preparation.features: names returns_rate, cts_pct, revenue differ from features revenue, cts_pct, returns_rate');
    expect(() => readConfig({ ...doc, tierMap: { ...doc.tierMap, clusters: ['Gold', 'Gold', 'Tin'] } })).toThrow('invalid config: tierMap: tier "Tin" is not in tierMap.order');
    expect(() => readConfig({ ...doc, reference: { ...doc.reference, features: doc.reference.features.slice(1) } })).toThrow('invalid config: reference.features: no distribution for "revenue"');
    expect(() => readConfig({ ...doc, assignments: { ...doc.assignments, clusters: doc.assignments.clusters.slice(1) } })).toThrow('invalid config: assignments: 16 ids but 15 clusters');
    expect(() => readConfig({ ...doc, audit: { entries: [{ ...doc.audit.entries[0], kind: 'hack' }] } })).toThrow(/^invalid config: audit\.entries\[0\]\.kind: /);
  });
});
