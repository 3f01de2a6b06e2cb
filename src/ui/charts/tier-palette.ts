/**
 * Fixed tier colours: the usual tier names keep their colour whatever else is on screen
 * (Strategic purple, Platinum slate blue, Gold gold, Silver grey, Bronze brown, Standard pale
 * blue); other names take cluster colours by their position.
 */
import { clusterColor } from './palette.ts';

const NAMED: Readonly<Record<string, string>> = {
  Strategic: '#6b4c9a',
  Platinum: '#4e79a7',
  Gold: '#d4a017',
  Silver: '#8a8f98',
  Bronze: '#9c755f',
  Standard: '#a0cbe8',
};

/** Colour of tier `index` named `name`. */
export function tierColor(name: string, index: number): string {
  return NAMED[name] ?? clusterColor(index);
}

/** Colours of all tiers, in order. */
export function tierColors(names: readonly string[]): string[] {
  return names.map((n, i) => tierColor(n, i));
}
