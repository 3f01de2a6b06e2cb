/**
 * The tiering spec as `name=value` settings, the form of `tierbook run --set` and of URL
 * parameters: `tiering=thresholds`, `tierNames=Gold,Silver,Bronze`, `tierMap=Gold,Gold,Silver`,
 * `abcCuts=0.7,0.95`, `ctsReference=median` or `ctsReference=15`. `applyTieringSetting` reads
 * one; `tieringSettings` writes every field a spec sets, so the two round-trip.
 */
import { keyword } from '../keyword.ts';
import { formatNumber, listText, numberText, pairText, splitSetting } from './setting-text.ts';
import { ABC_BASES, TIERING_METHODS, VALUE_MEASURES, type Cut, type TieringSpec } from './tiering-spec.ts';

function cutText(name: string, text: string): Cut {
  return text.trim() === 'median' ? 'median' : numberText(name, text);
}

const cutFormat = (c: Cut) => (c === 'median' ? c : formatNumber(c));
const pairFormat = (p: readonly [number, number]) => `${formatNumber(p[0])},${formatNumber(p[1])}`;

interface SettingDef {
  read(spec: TieringSpec): string | undefined;
  write(spec: TieringSpec, text: string): TieringSpec;
}

const clusters = (spec: TieringSpec, patch: object): TieringSpec => ({ ...spec, clusters: { ...spec.clusters, ...patch } });
const thresholds = (spec: TieringSpec, patch: object): TieringSpec => ({ ...spec, thresholds: { ...spec.thresholds, ...patch } });
const matrix = (spec: TieringSpec, patch: object): TieringSpec => ({ ...spec, matrix: { ...spec.matrix, ...patch } });

/** Every tiering setting by name. */
const SETTINGS: Readonly<Record<string, SettingDef>> = {
  tiering: { read: (s) => s.method, write: (s, t) => ({ ...s, method: keyword('tiering', t.trim(), TIERING_METHODS) }) },
  tierMeasure: { read: (s) => s.clusters?.measure, write: (s, t) => clusters(s, { measure: keyword('tier measure', t.trim(), VALUE_MEASURES) }) },
  tierNames: { read: (s) => s.clusters?.names?.join(','), write: (s, t) => clusters(s, { names: listText(t) }) },
  tierMap: { read: (s) => s.clusters?.byRank?.join(','), write: (s, t) => clusters(s, { byRank: listText(t) }) },
  maxTiers: { read: (s) => (s.clusters?.maxTiers === undefined ? undefined : formatNumber(s.clusters.maxTiers)), write: (s, t) => clusters(s, { maxTiers: numberText('maxTiers', t) }) },
  strategicTier: { read: (s) => s.clusters?.strategicTier, write: (s, t) => clusters(s, { strategicTier: t.trim() }) },
  thresholdNames: { read: (s) => s.thresholds?.names?.join(','), write: (s, t) => thresholds(s, { names: listText(t) }) },
  abcCuts: { read: (s) => (s.thresholds?.abcCuts ? pairFormat(s.thresholds.abcCuts) : undefined), write: (s, t) => thresholds(s, { abcCuts: pairText('abcCuts', t) }) },
  abcBasis: { read: (s) => s.thresholds?.abcBasis, write: (s, t) => thresholds(s, { abcBasis: keyword('ABC basis', t.trim(), ABC_BASES) }) },
  xyzBounds: { read: (s) => (s.thresholds?.xyzBounds ? pairFormat(s.thresholds.xyzBounds) : undefined), write: (s, t) => thresholds(s, { xyzBounds: pairText('xyzBounds', t) }) },
  ctsReference: {
    read: (s) => (s.thresholds?.ctsReference === undefined ? undefined : cutFormat(s.thresholds.ctsReference)),
    write: (s, t) => thresholds(s, { ctsReference: cutText('ctsReference', t) }),
  },
  netProfitFloor: {
    read: (s) => (s.thresholds?.netProfitFloor === undefined ? undefined : formatNumber(s.thresholds.netProfitFloor)),
    write: (s, t) => thresholds(s, { netProfitFloor: numberText('netProfitFloor', t) }),
  },
  gmCut: { read: (s) => (s.matrix?.gmCut === undefined ? undefined : cutFormat(s.matrix.gmCut)), write: (s, t) => matrix(s, { gmCut: cutText('gmCut', t) }) },
  ctsCut: { read: (s) => (s.matrix?.ctsCut === undefined ? undefined : cutFormat(s.matrix.ctsCut)), write: (s, t) => matrix(s, { ctsCut: cutText('ctsCut', t) }) },
};

/** The names `applyTieringSetting` understands. */
export const TIERING_SETTING_NAMES: readonly string[] = Object.keys(SETTINGS);

/** Whether `name` is a tiering setting. */
export function isTieringSetting(name: string): boolean {
  return Object.hasOwn(SETTINGS, name);
}

/** A copy of `spec` with one setting applied; throws for an unknown name or a bad value. */
export function applyTieringSetting(spec: TieringSpec, name: string, text: string): TieringSpec {
  if (!isTieringSetting(name)) throw new Error(`unknown tiering setting: ${JSON.stringify(name)} (expected one of ${TIERING_SETTING_NAMES.join(', ')})`);
  return SETTINGS[name].write(spec, text);
}

/** Applies `name=value` settings in order, starting from `spec`. */
export function parseTieringSettings(settings: readonly string[], spec: TieringSpec = {}): TieringSpec {
  return settings.reduce((s, setting) => applyTieringSetting(s, ...splitSetting(setting)), spec);
}

/** Every field `spec` sets, as `name=value` settings in a fixed order. */
export function tieringSettings(spec: TieringSpec): string[] {
  const out: string[] = [];
  for (const [name, def] of Object.entries(SETTINGS)) {
    const v = def.read(spec);
    if (v !== undefined) out.push(`${name}=${v}`);
  }
  return out;
}
