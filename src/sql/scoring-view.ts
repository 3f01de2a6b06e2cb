/**
 * The scoring view: SQL that assigns customers with an exported segmentation config, in any of
 * the dialects, so a warehouse applies the frozen segmentation without Tierbook. It computes the
 * same numbers as `applyPreparation` + `assignNearest` (apply-preparation.ts, assign.ts): the
 * fitted transform, outlier bounds, imputation, `(t - center) * (sqrt(weight) / scale)`, then
 * squared distances summed over the features in order and the nearest centroid, lowest index on
 * ties.
 */
import type { SegmentationConfig } from '../config/segmentation-config.ts';
import type { Dialect } from './dialect.ts';
import type { Transform } from '../analytics/prepare/preparation-spec.ts';
import { tierNamesByCluster } from '../config/tier-map.ts';

/** Optional section of a config: tier name per cluster number (as in assignments.csv, from 1). */
export type TierMap = Readonly<Record<string, string>>;

export interface ScoringViewSpec {
  readonly dialect: Dialect;
  /** Table (or view) of customer features: the id column and one column per config feature. Default `customer_features`. */
  readonly source?: string;
  /** Name of the view. Default `tierbook_segments`. */
  readonly view?: string;
  /**
   * Cluster number -> tier name; the view gets a `tier` column when there is one. Default: the
   * config's `tierMap`; `null` leaves the tier out.
   */
  readonly tiers?: TierMap | null;
  /** SQL that produces the source table (e.g. the features from order lines), emitted as the first CTE. */
  readonly sourceSql?: string;
}

/** ln(1 + g) for a non-negative, non-null g, accurate for small g: ln(u) * g / (u - 1) with u = 1 + g (Goldberg), g itself when u rounds to 1. */
function log1pOfNonNegative(dl: Dialect, g: string): string {
  const u = `(${dl.double(1)} + ${g})`;
  return `CASE WHEN ${u} = ${dl.double(1)} THEN ${g} ELSE ${dl.ln(u)} * ${g} / (${u} - ${dl.double(1)}) END`;
}

/** The feature transform of a non-null x: log1p(max(x, 0)), sign(x) * log1p(|x|), or x. */
function transformSql(dl: Dialect, transform: Transform, x: string): string {
  if (transform === 'log1p') return log1pOfNonNegative(dl, dl.greatest(x, dl.double(0)));
  if (transform === 'signed-log1p') {
    return `CASE WHEN ${x} < ${dl.double(0)} THEN -(${log1pOfNonNegative(dl, `(-${x})`)}) ELSE ${log1pOfNonNegative(dl, x)} END`;
  }
  return x;
}

export function scoringViewSql(config: SegmentationConfig, spec: ScoringViewSpec): string {
  const dl = spec.dialect;
  const q = dl.ident;
  if (config.model.algorithm === 'dbscan') {
    throw new Error('a DBSCAN segmentation has no nearest-centroid rule: the scoring view needs a k-means or Ward config');
  }
  const { features: params, outlierPolicy } = config.preparation;
  const centroids = config.model.centroids;
  const k = centroids.length;
  const id = config.data.idColumn;
  const x = (j: number) => q(`x${j}`);
  const t = (j: number) => q(`t${j}`);
  const p = (j: number) => q(`p${j}`);
  const dist = (c: number) => q(`d${c}`);

  // 1. Raw values as doubles; NaN and infinities count as missing, as in JavaScript.
  const raw = params.map((f, j) => {
    const v = `CAST(${q(f.name)} AS ${dl.doubleType})`;
    return `CASE WHEN ${dl.isFinite(v)} THEN ${v} END AS ${x(j)}`;
  });
  // 2. Transform, then impute a missing value (or leave NULL: excluded) and clamp or flag outliers.
  const transformed = params.flatMap((f, j) => {
    const v = transformSql(dl, f.transform, x(j));
    const missing = f.impute === null ? 'NULL' : dl.double(f.impute);
    const bounded = f.lower !== null && f.upper !== null;
    const clamp = (e: string) =>
      bounded && outlierPolicy === 'winsorize' ? dl.least(dl.greatest(e, dl.double(f.lower as number)), dl.double(f.upper as number)) : e;
    const cols = [`CASE WHEN ${x(j)} IS NULL THEN ${missing} ELSE ${clamp(v)} END AS ${t(j)}`];
    if (bounded && outlierPolicy === 'exclude') {
      cols.push(`(${x(j)} IS NOT NULL AND (${v} < ${dl.double(f.lower as number)} OR ${v} > ${dl.double(f.upper as number)})) AS ${q(`o${j}`)}`);
    }
    return cols;
  });
  const outlierFlags = params.flatMap((f, j) => (f.lower !== null && f.upper !== null && outlierPolicy === 'exclude' ? [q(`o${j}`)] : []));
  // 3. Scale and weight: (t - center) * (sqrt(weight) / scale), the factor computed once as in JavaScript; 0 for a constant feature.
  const prepared = params.map((f, j) => {
    if (f.scale === 0) return `CASE WHEN ${t(j)} IS NOT NULL THEN ${dl.double(0)} END AS ${p(j)}`;
    return `(${t(j)} - ${dl.double(f.center)}) * ${dl.double(Math.sqrt(f.weight) / f.scale)} AS ${p(j)}`;
  });
  // 4. Squared distance to each centroid, summed over the features in order (as assignRows does).
  const distances = centroids.map((c, ci) => {
    const terms = c.map((m, j) => `(${p(j)} - ${dl.double(m)}) * (${p(j)} - ${dl.double(m)})`);
    return `${terms.join('\n      + ')} AS ${dist(ci)}`;
  });
  // 5. Nearest centroid, lowest index on ties: centroid c wins when no later one is strictly nearer
  //    (when an earlier one was nearest, its WHEN came first).
  const whens = centroids.slice(0, -1).map((_, c) => {
    const later = centroids.slice(c + 1).map((__, o) => `${dist(c)} <= ${dist(c + 1 + o)}`);
    return `WHEN ${later.join(' AND ')} THEN ${c + 1}`;
  });
  const nearest = k === 1 ? '1' : `CASE ${whens.join(' ')} ELSE ${k} END`;
  const excluded = [
    ...params.map((_, j) => `${p(j)} IS NULL`),
    ...outlierFlags,
    ...(config.strategic.length ? [`${q('strategic')}`] : []),
  ];
  const tiers = spec.tiers !== undefined ? spec.tiers : config.tierMap ? tierNamesByCluster(config.tierMap) : null;
  const tierCase = tiers
    ? `CASE ${q('cluster')} ${Object.entries(tiers).map(([c, name]) => `WHEN ${c} THEN ${dl.text(name)}`).join(' ')} END AS ${q('tier')}`
    : null;
  const strategicList = config.strategic.map((s) => dl.text(s)).join(', ');
  const source = spec.sourceSql ? q('source') : dl.table(spec.source ?? 'customer_features');
  const lines = [
    `-- Tierbook scoring view: ${config.model.method}, k = ${k}, features ${config.features.join(', ')}.`,
    `-- From the config exported ${config.createdAt} (assignments ${config.assignmentsHash}); dialect ${dl.name}.`,
    `-- cluster: the config's cluster number (as in assignments.csv, from 1), NULL when the customer is not`,
    `-- clustered (a missing value without imputation, an excluded outlier${config.strategic.length ? ', a Strategic account' : ''}).`,
    `${dl.createView(dl.table(spec.view ?? 'tierbook_segments'))}`,
    'WITH',
    ...(spec.sourceSql ? [`${q('source')} AS (\n${spec.sourceSql}\n),`] : []),
    `${q('raw')} AS (`,
    `  SELECT ${q(id)},${config.strategic.length ? ` ${q(id)} IN (${strategicList}) AS ${q('strategic')},` : ''}`,
    `    ${raw.join(',\n    ')}`,
    `  FROM ${source}`,
    `), ${q('transformed')} AS (`,
    `  SELECT *,`,
    `    ${transformed.join(',\n    ')}`,
    `  FROM ${q('raw')}`,
    `), ${q('prepared')} AS (`,
    `  SELECT *,`,
    `    ${prepared.join(',\n    ')}`,
    `  FROM ${q('transformed')}`,
    `), ${q('distances')} AS (`,
    `  SELECT *,`,
    `    ${distances.join(',\n    ')}`,
    `  FROM ${q('prepared')}`,
    `), ${q('nearest')} AS (`,
    `  SELECT *, ${nearest} AS ${q('nearest_cluster')}`,
    `  FROM ${q('distances')}`,
    `), ${q('scored')} AS (`,
    `  SELECT *, CASE WHEN ${excluded.join(' OR ')} THEN NULL ELSE ${q('nearest_cluster')} END AS ${q('cluster')}`,
    `  FROM ${q('nearest')}`,
    ')',
    `SELECT ${q(id)},`,
    ...params.map((f, j) => `  ${p(j)} AS ${q(`prepared_${f.name}`)},`),
    `  ${q('nearest_cluster')},`,
    ...(config.strategic.length ? [`  ${q('strategic')},`] : []),
    `  ${q('cluster')}${tierCase ? `,\n  ${tierCase}` : ''}`,
    `FROM ${q('scored')};`,
  ];
  return `${lines.join('\n')}\n`;
}
