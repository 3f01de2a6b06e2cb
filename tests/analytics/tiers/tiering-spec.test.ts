import { describe, expect, it } from 'vitest';
import { normalizeTiering, parseTiering, tieringSpecSchema, type TieringSpec } from '../../../src/analytics/tiers/tiering-spec.ts';
import { applyTieringSetting, parseTieringSettings, tieringSettings } from '../../../src/analytics/tiers/tiering-settings.ts';
import { defaultTierNames } from '../../../src/analytics/tiers/tier-names.ts';

describe('tiering spec', () => {
  it('holds every default in one place', () => {
    expect(normalizeTiering({})).toEqual({
      method: 'clusters',
      clusters: { measure: 'net_profit', names: null, byRank: null, maxTiers: 6, strategicTier: 'Strategic' },
      thresholds: { names: ['Platinum', 'Gold', 'Silver', 'Standard'], abcCuts: [0.7, 0.95], abcBasis: 'gross_margin', xyzBounds: [0.5, 1], ctsReference: 'median', netProfitFloor: 0 },
      matrix: { gmCut: 'median', ctsCut: 'median' },
    });
  });

  it('names tiers Platinum, Gold, Silver, Bronze … with Standard last', () => {
    expect(defaultTierNames(1)).toEqual(['Standard']);
    expect(defaultTierNames(3)).toEqual(['Platinum', 'Gold', 'Standard']);
    expect(defaultTierNames(4)).toEqual(['Platinum', 'Gold', 'Silver', 'Standard']);
    expect(defaultTierNames(6)).toEqual(['Platinum', 'Gold', 'Silver', 'Bronze', 'Tier 5', 'Standard']);
  });

  it('refuses bad values with the keyword message shape', () => {
    expect(() => normalizeTiering({ method: 'top-down' as never })).toThrow('invalid tiering: "top-down" (expected clusters or thresholds)');
    expect(() => normalizeTiering({ thresholds: { abcCuts: [0.95, 0.7] } })).toThrow('invalid abcCuts: 0.95, 0.7 (expected 0 < A < B <= 1');
    expect(() => normalizeTiering({ clusters: { names: ['Gold', 'Gold'] } })).toThrow('invalid tier names: "Gold" is listed twice');
    expect(() => normalizeTiering({ clusters: { names: ['A=1'] } })).toThrow('invalid tier name: "A=1"');
    expect(() => normalizeTiering({ clusters: { names: ['Gold'], byRank: ['Silver'] } })).toThrow('invalid byRank: "Silver" is not one of the tier names (Gold)');
    expect(() => normalizeTiering({ thresholds: { names: ['A', 'B'] } })).toThrow('invalid threshold tier names: 2 given (expected 4, best first)');
  });

  it('checks documents at the boundary and round-trips through JSON', () => {
    const spec: TieringSpec = { method: 'thresholds', clusters: { byRank: ['Gold', 'Gold', 'Silver'], maxTiers: 4 }, thresholds: { ctsReference: 12.5 }, matrix: { gmCut: 30 } };
    expect(parseTiering(JSON.parse(JSON.stringify(spec)))).toEqual(normalizeTiering(spec));
    expect(() => tieringSpecSchema.parse({ method: 'clusters', extra: 1 })).toThrow();
    expect(() => parseTiering({ thresholds: { ctsReference: 'mean' } })).toThrow();
  });
});

describe('tiering settings (name=value)', () => {
  it('read the --set forms', () => {
    const spec = parseTieringSettings(['tiering=thresholds', 'tierNames=Gold, Silver,Bronze', 'tierMap=Gold,Gold,Silver', 'abcCuts=0.8,0.95', 'ctsReference=median', 'gmCut=25', 'maxTiers=4', 'strategicTier=Gold']);
    expect(spec).toEqual({
      method: 'thresholds',
      clusters: { names: ['Gold', 'Silver', 'Bronze'], byRank: ['Gold', 'Gold', 'Silver'], maxTiers: 4, strategicTier: 'Gold' },
      thresholds: { abcCuts: [0.8, 0.95], ctsReference: 'median' },
      matrix: { gmCut: 25 },
    });
  });

  it('write back what they read', () => {
    const settings = ['tiering=clusters', 'tierMeasure=revenue', 'tierNames=A,B', 'tierMap=A,A,B', 'maxTiers=3', 'thresholdNames=P,G,S,X', 'abcCuts=0.7,0.9', 'abcBasis=revenue', 'xyzBounds=0.4,0.8', 'ctsReference=12.5', 'netProfitFloor=-100', 'gmCut=median', 'ctsCut=20'];
    const spec = parseTieringSettings(settings);
    expect(tieringSettings(spec)).toEqual(settings);
    expect(normalizeTiering(spec).thresholds.ctsReference).toBe(12.5);
  });

  it('name what is wrong', () => {
    expect(() => applyTieringSetting({}, 'tiers', 'x')).toThrow('unknown tiering setting: "tiers"');
    expect(() => applyTieringSetting({}, 'tiering', 'bottom-up')).toThrow('invalid tiering: "bottom-up" (expected clusters or thresholds)');
    expect(() => applyTieringSetting({}, 'abcCuts', '70/25/5')).toThrow('invalid abcCuts: "70/25/5" (expected two numbers, e.g. 0.7,0.95)');
    expect(() => applyTieringSetting({}, 'ctsReference', 'mean')).toThrow('invalid ctsReference: "mean" (expected a number)');
  });
});
