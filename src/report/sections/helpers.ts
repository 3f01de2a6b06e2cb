/** Small builders the section files share. */
import type { SegmentationConfig } from '../../config/config-schema.ts';
import type { Block, Fact, TableColumn } from '../report-document.ts';
import { formatValue } from '../format.ts';

/** A fact with its config path. */
export const fact = (label: string, value: string, field?: string, help?: string): Fact => ({
  label,
  value,
  ...(field ? { field } : {}),
  ...(help ? { help } : {}),
});

/** A column named by its config key (`field` is then `<base>.<key>`). */
export const column = (key: string, label: string, numeric = false, field?: string): TableColumn => ({
  key,
  label,
  ...(field ? { field } : {}),
  ...(numeric ? { numeric } : {}),
});

/** A table block; at most `limit` rows are kept, the rest counted in `more`. */
export function table(
  caption: string,
  columns: readonly TableColumn[],
  rows: readonly Record<string, string>[],
  options: { field?: string; limit?: number; noun?: string } = {},
): Block {
  const limit = options.limit ?? Infinity;
  const left = rows.length - limit;
  return {
    kind: 'table',
    caption,
    ...(options.field ? { field: options.field } : {}),
    columns,
    rows: left > 0 ? rows.slice(0, limit) : rows,
    ...(left > 0
      ? { more: `and ${left.toLocaleString('en-US')} more ${options.noun ?? 'rows'} (in the config file)` }
      : {}),
  };
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every leaf of a spec (tiering, import options, robustness settings) as facts named by their
 * path, e.g. `tiering.clusters.measure`: complete by construction, whatever fields the spec has.
 * Lists of plain values are one fact; lists of objects are numbered (`[0]`).
 */
export function specFacts(value: unknown, path: string, out: Fact[] = []): Fact[] {
  if (isPlain(value)) {
    const keys = Object.keys(value).sort();
    if (keys.length === 0) out.push(fact(path, '(none: defaults)', path));
    for (const key of keys) specFacts(value[key], `${path}.${key}`, out);
  } else if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null)) {
    value.forEach((v, i) => specFacts(v, `${path}[${i}]`, out));
  } else out.push(fact(path.slice(path.lastIndexOf('.') + 1), formatValue(value), path));
  return out;
}

/** Cluster number as people read it (1-based). */
export const clusterName = (index: number) => `Cluster ${index + 1}`;

/** The tier of each cluster (by index) and of the Strategic segment, when the config has a tier map. */
export function tierOfCluster(config: SegmentationConfig, index: number): string | null {
  return config.tierMap?.clusters[index] ?? null;
}

/** Customers per segment: clusters (by model sizes), Strategic accounts, not clustered. */
export function segmentCounts(config: SegmentationConfig): {
  clusters: readonly number[];
  strategic: number;
  notClustered: number;
} {
  const clustered = config.model.sizes.reduce((s, n) => s + n, 0);
  const strategic = config.strategic.length;
  return {
    clusters: config.model.sizes,
    strategic,
    notClustered: Math.max(0, config.data.rows - clustered - strategic),
  };
}
