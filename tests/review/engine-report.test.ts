import { describe, expect, it } from 'vitest';
import { config } from '../../cells/export.ts';
import { reportFileFor } from '../../src/report/engine-report.ts';
import { openBlobs } from '../cells/fixtures.ts';

describe('Export report from the segmentation notebook', () => {
  it('writes the report of the current config with the evidence the notebook computes (k sweep, profiles)', async () => {
    const engine = openBlobs({ k: 3 });
    const current = await engine.value(config);
    const { fileName, html, failed } = await reportFileFor(engine, current);
    expect(fileName).toBe('segmentation-report-k3.html');
    expect(failed).toEqual([]);
    expect(html).toContain('computed by this notebook on its current data and settings');
    expect(html.match(/<svg/g)?.length).toBeGreaterThan(1);
    expect(html).not.toMatch(/<script/i);
    engine.dispose();
  }, 60_000);
});
