import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

async function tierbook(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

const DEMAND = ['--supply', '1000', '--demand', 'Platinum=500,Gold=400,Silver=300'];

describe('tierbook allocate', () => {
  it('prints the strict-priority split 500/400/100 as JSON in priority order', async () => {
    const r = await tierbook('allocate', ...DEMAND, '--rule', 'priority', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({
      rule: 'priority',
      supply: 1000,
      tiers: [
        { tier: 'Platinum', demand: 500, allocated: 500, fillRate: 1 },
        { tier: 'Gold', demand: 400, allocated: 400, fillRate: 1 },
        { tier: 'Silver', demand: 300, allocated: 100, fillRate: 100 / 300 },
      ],
    });
  });

  it('gives 500/286/214 for Platinum first, then pro rata', async () => {
    const r = await tierbook('allocate', ...DEMAND, '--rule=priority-prorata', '--json');
    expect(r.json().tiers.map((t: { allocated: number }) => t.allocated)).toEqual([500, 286, 214]);
  });

  it('gives 417/333/250 for fair share and defaults to strict priority', async () => {
    expect((await tierbook('allocate', ...DEMAND, '--rule', 'fair-share', '--json')).json().tiers.map((t: { allocated: number }) => t.allocated)).toEqual([417, 333, 250]);
    expect((await tierbook('allocate', ...DEMAND, '--json')).json().rule).toBe('priority');
  });

  it('prints a table for people without --json', async () => {
    const r = await tierbook('allocate', ...DEMAND);
    expect(r.stdout).toBe(
      ['rule priority, supply 1000 (1000 allocated)', 'tier      demand  allocated  fill rate', 'Platinum     500        500     100.0%', 'Gold         400        400     100.0%', 'Silver       300        100      33.3%', ''].join('\n'),
    );
  });

  it('fails with a usage error naming the bad value', async () => {
    const cases: [string[], string][] = [
      [['--demand', 'Gold=1'], 'allocate needs --supply <units>'],
      [['--supply', '10'], 'allocate needs --demand'],
      [['--supply', '10.5', '--demand', 'Gold=1'], 'invalid --supply: "10.5" (expected a whole number of units >= 0)'],
      [['--supply', '10', '--demand', 'Gold=-1'], 'invalid --demand for Gold: "-1"'],
      [['--supply', '10', '--demand', 'Gold'], 'invalid --demand: "Gold" (expected Tier=units, e.g. Gold=400)'],
      [['--supply', '10', '--demand', 'Gold=1,Gold=2'], 'tier "Gold" is listed twice'],
      [['--supply', '10', '--demand', 'Gold=1', '--rule', 'random'], 'invalid --rule: "random" (expected priority, priority-prorata or fair-share)'],
    ];
    for (const [argv, message] of cases) {
      const r = await tierbook('allocate', ...argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(message);
    }
  });

  it('is listed in the help', async () => {
    expect((await tierbook('--help')).stdout).toContain('tierbook allocate --supply <units> --demand <Tier=units,...>');
  });
});
