/**
 * Fixed cluster colours: Tableau 10 followed by the ten lighter/other Tableau 20 colours, indexed by
 * cluster id, so a cluster keeps its colour when other clusters appear or disappear.
 */
export const clusterPalette: readonly string[] = [
  '#4e79a7',
  '#f28e2c',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ab',
  '#a0cbe8',
  '#ffbe7d',
  '#8cd17d',
  '#b6992d',
  '#499894',
  '#ff9d9a',
  '#79706e',
  '#d37295',
  '#d4a6c8',
  '#f1ce63',
];

/** Colour of points no cluster claimed (DBSCAN noise, label < 0). */
export const noiseColor = '#8a8f98';

/** Display name of a cluster id: 0 -> `Cluster 1`; negative ids are noise. */
export function clusterName(id: number): string {
  return id < 0 ? 'Noise' : `Cluster ${id + 1}`;
}

/** The fixed colour of a cluster id (ids beyond the palette reuse it cyclically). */
export function clusterColor(id: number): string {
  return id < 0 ? noiseColor : clusterPalette[id % clusterPalette.length];
}

/** Sizes per cluster id, ascending by id. */
export function clusterSizes(labels: ArrayLike<number>): { cluster: number; count: number }[] {
  const counts = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) counts.set(labels[i], (counts.get(labels[i]) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]).map(([cluster, count]) => ({ cluster, count }));
}

/**
 * The categorical colour scale for a set of cluster ids: names as the domain, colours as the
 * range: each id's own colour, or the colour of the slot `slots` gives it (see `colourSlots`).
 */
export function clusterColorScale(ids: readonly number[], slots?: ReadonlyMap<number, number>): { domain: string[]; range: string[] } {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  return { domain: sorted.map(clusterName), range: sorted.map((id) => clusterColor(id < 0 ? id : (slots?.get(id) ?? id))) };
}
