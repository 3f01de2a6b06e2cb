import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tierbook } from './tierbook.ts';
import { DIALECT_NAMES } from '../../src/sql/dialect.ts';

const CONFIG = resolve(import.meta.dirname, '../sql/fixtures/sample-config.json');


describe('tierbook sql', () => {
  // The whole view per dialect, reviewed: only quoting, literals, the finite test and the view
  // name's quoting differ between them (see tests/sql/dialects.test.ts for why each is right).
  it.each(DIALECT_NAMES)('prints the scoring view for %s', async (name) => {
    const r = await tierbook('sql', CONFIG, '--dialect', name);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../sql/__snapshots__/view.${name}.sql`);
  });

  it("adds a tier column from the config's tier map, and takes --source and --view", async () => {
    const config = JSON.parse(await readFile(CONFIG, 'utf8'));
    const dir = await mkdtemp(join(tmpdir(), 'tierbook-sql-'));
    const path = join(dir, 'tiered.json');
    const tierMap = { order: ['Gold', "O'Brien tier"], clusters: ['Gold', "O'Brien tier", "O'Brien tier", "O'Brien tier", "O'Brien tier"], strategic: null };
    await writeFile(path, JSON.stringify({ ...config, version: 2, tierMap }));
    const r = await tierbook('sql', path, '--dialect', 'postgres', '--source', 'crm.features', '--view', 'segments');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(
      `CASE "cluster" WHEN 1 THEN 'Gold' WHEN 2 THEN 'O''Brien tier' WHEN 3 THEN 'O''Brien tier' WHEN 4 THEN 'O''Brien tier' WHEN 5 THEN 'O''Brien tier' END AS "tier"`,
    );
    expect(r.stdout).toContain('FROM "crm"."features"');
    expect(r.stdout).toContain('CREATE OR REPLACE VIEW "segments" AS');
  });

  it('fails with one clear line for bad input', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tierbook-sql-'));
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"kind": "something else"}');
    const badTiers = join(dir, 'tiers.json');
    const badMap = { order: ['Gold'], clusters: ['Gold'], strategic: null };
    await writeFile(badTiers, JSON.stringify({ ...JSON.parse(await readFile(CONFIG, 'utf8')), version: 2, tierMap: badMap }));
    const cases: [string[], RegExp][] = [
      [['sql', CONFIG], /sql needs --dialect \(duckdb, postgres, bigquery, snowflake, spark\)/],
      [['sql', CONFIG, '--dialect', 'oracle'], /invalid --dialect: "oracle" \(expected duckdb, postgres, bigquery, snowflake or spark\)/],
      [['sql', '--dialect', 'duckdb'], /sql needs a config file/],
      [['sql', bad, '--dialect', 'duckdb'], /bad.json: invalid config: kind is "something else"/],
      [['sql', badTiers, '--dialect', 'duckdb'], /invalid config: tierMap.clusters: 1 tiers for 5 clusters \(one per cluster\)/],
    ];
    for (const [argv, pattern] of cases) {
      const r = await tierbook(...argv);
      expect(r.code, argv.join(' ')).not.toBe(0);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
