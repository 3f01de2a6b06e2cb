import { describe, expect, it } from 'vitest';
import { fairnessReview } from '../../cells/fairness.ts';
import { openBlobs } from './fixtures.ts';
import { idle } from '../runtime/helpers.ts';

describe('Fairness and migration (on demand)', () => {
  it('waits to be asked, then says what it needs while the config has no tiers', async () => {
    const engine = openBlobs({ k: 3 });
    await idle(engine);
    expect(engine.state(fairnessReview).status).toBe('idle');
    await engine.run(fairnessReview);
    const r = engine.state(fairnessReview).value;
    expect(r?.fairness).toMatchObject({ unavailable: expect.stringMatching(/needs tiers/) });
    expect(r?.migration).toEqual({ unavailable: 'Migration: nothing is approved yet, so there is no previous version to compare with.' });
    engine.dispose();
  });
});
